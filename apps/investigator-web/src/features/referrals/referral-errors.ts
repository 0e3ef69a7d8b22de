import { messageFor, type Messages } from "../../i18n";
import { appCode, asStaffError } from "../../lib/errors";
import { fieldMessages } from "./field-errors";

/** A refusal from the API in words, by its stable code; a generic sentence for anything else. */
export function referralErrorText(m: Messages, error: unknown): string {
  const code = appCode(error);
  return (messageFor(m.referrals.errors, code) ?? m.referrals.errors.generic)();
}

/** The API's per-field messages of a failed request, by field path. */
export function apiFieldMessages(error: unknown): Record<string, string> {
  return fieldMessages(asStaffError(error)?.data?.fieldErrors);
}
