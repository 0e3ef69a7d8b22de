import { t } from "../../i18n";
import { appCode, asStaffError } from "../../lib/errors";
import { fieldMessages } from "./field-errors";

/** A refusal from the API in words, by its stable code; a generic sentence for anything else. */
export function referralErrorText(error: unknown): string {
  const code = appCode(error);
  const known = t.referrals.errors as Record<string, string>;
  return (code && known[code]) || t.referrals.errors.generic;
}

/** The API's per-field messages of a failed request, by field path. */
export function apiFieldMessages(error: unknown): Record<string, string> {
  return fieldMessages(asStaffError(error)?.data?.fieldErrors);
}
