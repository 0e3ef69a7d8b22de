import "../../lib/zod-config";
import {
  checkTipDraft,
  mapTipFormErrors,
  tipFormErrors,
  toTipDraft,
  type TipDraftContext,
  type TipFormError,
  type TipFormErrors as TipFormErrorsOf,
  type TipFormValues,
  type TipSubmission,
} from "@trace/domain";
import type { FieldError } from "@trace/api/trpc";
import type { Messages } from "../../i18n";

// The form's values, field ids, reading and checks are the domain's (tip/tip-form.ts), shared with
// the pages without JavaScript; here they get the site's words and the safeguarding page's rule.
export {
  EMPTY_TIP_FORM,
  TIP_FIELD_IDS,
  errorSummaryEntries,
  type TipFormValues,
} from "@trace/domain";

/** Errors by field, in the site's language. */
export type TipFormErrors = TipFormErrorsOf<string>;

/** An error in the page's words. Spelled out key by key: the catalog tests look for each call. */
function wordError(error: TipFormError, messages: Messages): string {
  switch (error.key) {
    case "answer":
      return messages.tipForm.errors.answer();
    case "country":
      return messages.tipForm.errors.country();
    case "confidence":
      return messages.tipForm.errors.confidence();
    case "invalid":
      return messages.tipForm.errors.invalid();
    case "tooLong":
      return messages.tipForm.errors.tooLong(error.values);
    case "tooManyLinks":
      return messages.tipForm.errors.tooManyLinks(error.values);
    case "evidenceLink":
      return messages.tipForm.errors.evidenceLink(error.values);
    case "unexpected":
      return messages.common.unexpected();
  }
}

function wordErrors(errors: TipFormErrorsOf<TipFormError>, messages: Messages): TipFormErrors {
  return mapTipFormErrors(errors, (error) => wordError(error, messages));
}

/**
 * Puts the API's `fieldErrors` (`{ path: "answer.country", code, message }`) onto the form, in
 * the site's language. `links` are the evidence links sent, to quote the one that is wrong.
 */
export function mapTipFieldErrors(
  issues: readonly FieldError[],
  messages: Messages,
  links: readonly string[] = [],
): TipFormErrors {
  return wordErrors(tipFormErrors(issues, links), messages);
}

export interface TipContext extends TipDraftContext {
  /**
   * The tipster's own words are required (the form for abuse that is not about an object, where
   * a country alone says nothing); the API only asks for something to go on.
   */
  requiresText?: boolean;
}

export type TipValidation =
  { ok: true; submission: TipSubmission } | { ok: false; errors: TipFormErrors };

/** The same schema the API applies, run before sending so most mistakes show at once. */
export function validateTipForm(
  values: TipFormValues,
  context: TipContext,
  messages: Messages,
): TipValidation {
  const draft = toTipDraft(values, context);
  const checked = checkTipDraft(draft);
  const isTextMissing = context.requiresText === true && draft.text.trim() === "";
  if (checked.ok && !isTextMissing) return checked;
  const errors = checked.ok ? {} : wordErrors(checked.errors, messages);
  if (isTextMissing) {
    // Where words are required, their own error says what is missing.
    delete errors.answer;
    errors.text = messages.tipForm.abuse.textRequired();
  }
  return { ok: false, errors };
}
