import { randomBytes } from "node:crypto";
import {
  EMPTY_TIP_FORM,
  TipSubmitRequestSchema,
  checkTipDraft,
  mapTipFormErrors,
  toTipDraft,
  type Locale,
  type TipFormError,
  type TipFormErrors as TipFormErrorsOf,
  type TipFormValues as TipAnswerValues,
  type TipSubmission,
} from "@trace/domain";
import type { Messages } from "./messages";

/**
 * The form's fields as typed (strings), kept to fill the form again after an error: the site's
 * form's (the domain's tip/tip-form.ts, so a tip means the same whichever form sent it), plus
 * what only this form posts.
 */
export interface TipFormValues extends TipAnswerValues {
  /** The hidden field a person leaves empty (named `website`, which bots like to fill). */
  honeypot: string;
  /** The signed "form handed out at" ticket (abuse/form-ticket.ts). */
  ticket: string;
  /**
   * The tip's idempotency key (ADR 0015), chosen when the form is handed out: the browser sends
   * the same form again on a reload of the receipt page or after a lost answer, and gets the
   * first send's receipt instead of a second tip.
   */
  sendKey: string;
}

/** The names of the controls in the posted form. */
export const TIP_FORM_NAMES = {
  object: "object",
  country: "country",
  placeOrShop: "placeOrShop",
  brandOrProduct: "brandOrProduct",
  timePeriod: "timePeriod",
  evidenceLinks: "evidenceLinks",
  confidence: "confidence",
  text: "text",
  contact: "contact",
  concernsOtherAbuse: "concernsOtherAbuse",
  honeypot: "website",
  ticket: "ticket",
  sendKey: "sendKey",
} as const;

/** Errors by field, in the page's language. */
export type TipFormErrors = TipFormErrorsOf<string>;

export function emptyTipForm(ticket: string, sendKey: string): TipFormValues {
  return { ...EMPTY_TIP_FORM, honeypot: "", ticket, sendKey };
}

/** A new idempotency key for one tip: 32 characters of base64url. */
export function newSendKey(): string {
  return randomBytes(24).toString("base64url");
}

/** The posted key if it is one the submission accepts; none otherwise (a tampered form). */
export function usableSendKey(posted: string): string | undefined {
  return TipSubmitRequestSchema.shape.idempotencyKey.safeParse(posted).success ? posted : undefined;
}

/** The posted form's values; a control sent twice counts once, a missing one is empty. */
export function readTipForm(form: URLSearchParams): TipFormValues {
  const get = (name: string) => form.get(name) ?? "";
  return {
    country: get(TIP_FORM_NAMES.country),
    placeOrShop: get(TIP_FORM_NAMES.placeOrShop),
    brandOrProduct: get(TIP_FORM_NAMES.brandOrProduct),
    timePeriod: get(TIP_FORM_NAMES.timePeriod),
    evidenceLinks: get(TIP_FORM_NAMES.evidenceLinks),
    confidence: get(TIP_FORM_NAMES.confidence),
    text: get(TIP_FORM_NAMES.text),
    contact: get(TIP_FORM_NAMES.contact),
    concernsOtherAbuse: form.has(TIP_FORM_NAMES.concernsOtherAbuse),
    honeypot: get(TIP_FORM_NAMES.honeypot),
    ticket: get(TIP_FORM_NAMES.ticket),
    sendKey: get(TIP_FORM_NAMES.sendKey),
  };
}

/** An error in the page's words. Spelled out key by key: the catalog tests look for each call. */
function wordError(error: TipFormError, m: Messages): string {
  switch (error.key) {
    case "answer":
      return m.tipForm.errors.answer();
    case "country":
      return m.tipForm.errors.country();
    case "confidence":
      return m.tipForm.errors.confidence();
    case "invalid":
      return m.tipForm.errors.invalid();
    case "tooLong":
      return m.tipForm.errors.tooLong(error.values);
    case "tooManyLinks":
      return m.tipForm.errors.tooManyLinks(error.values);
    case "evidenceLink":
      return m.tipForm.errors.evidenceLink(error.values);
    case "unexpected":
      return m.common.unexpected();
  }
}

export type TipValidation =
  { ok: true; submission: TipSubmission } | { ok: false; errors: TipFormErrors };

/**
 * The API's own schema, with each issue put on its field in the page's language. Anything no
 * control can fix (the object reference, the language) is the page's doing, not the tipster's;
 * the route checks those before.
 */
export function validateTipForm(
  values: TipFormValues,
  context: { objectRef: string | undefined; language: Locale },
  m: Messages,
): TipValidation {
  const checked = checkTipDraft(toTipDraft(values, context));
  if (checked.ok) return checked;
  return { ok: false, errors: mapTipFormErrors(checked.errors, (error) => wordError(error, m)) };
}
