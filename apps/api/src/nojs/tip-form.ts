import { TIP_LIMITS, TipSubmissionSchema, type Locale, type TipSubmission } from "@trace/domain";
import type { Messages } from "./messages";

/** The form's fields as typed (strings), kept to fill the form again after an error. */
export interface TipFormValues {
  country: string;
  placeOrShop: string;
  brandOrProduct: string;
  timePeriod: string;
  /** One web address per line. */
  evidenceLinks: string;
  confidence: string;
  text: string;
  contact: string;
  concernsOtherAbuse: boolean;
  /** The hidden field a person leaves empty (named `website`, which bots like to fill). */
  honeypot: string;
  /** The signed "form handed out at" ticket (abuse/form-ticket.ts). */
  ticket: string;
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
} as const;

/** Control ids, in form order (the same as the site's form); the error summary links to them. */
export const TIP_FIELD_IDS = {
  country: "tip-country",
  placeOrShop: "tip-place",
  brandOrProduct: "tip-brand",
  timePeriod: "tip-period",
  evidenceLinks: "tip-links",
  confidence: "tip-confidence",
  text: "tip-text",
  contact: "tip-contact",
} as const;

export type TipField = keyof typeof TIP_FIELD_IDS;
const TIP_FIELDS = Object.keys(TIP_FIELD_IDS) as TipField[];

/**
 * Errors by field; `answer` is "the structured answer as a whole is empty" and `form` anything
 * that no control can fix.
 */
export type TipFormErrors = Partial<Record<TipField | "answer" | "form", string>>;

export function emptyTipForm(ticket: string): TipFormValues {
  return {
    country: "",
    placeOrShop: "",
    brandOrProduct: "",
    timePeriod: "",
    evidenceLinks: "",
    confidence: "",
    text: "",
    contact: "",
    concernsOtherAbuse: false,
    honeypot: "",
    ticket,
  };
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
  };
}

/**
 * One address per non-empty line; a line like "www.shop.example/item" gets https://. The same
 * reading as the site's form (apps/public-web/src/features/tip-form/tip-form-model.ts), so a tip
 * means the same whichever form sent it.
 */
export function parseEvidenceLinks(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) =>
      /^[a-z][a-z0-9+.-]*:/i.test(line) || !/^[^\s/]+\.[^\s/]+/.test(line)
        ? line
        : `https://${line}`,
    );
}

/** The submission as the site's form sends it to `tips.submit`, before validation. */
export function toTipDraft(
  values: TipFormValues,
  { objectRef, language }: { objectRef: string | undefined; language: Locale },
) {
  return {
    ...(objectRef !== undefined && { objectRef }),
    answer: {
      ...(values.country !== "" && { country: values.country }),
      placeOrShop: values.placeOrShop,
      brandOrProduct: values.brandOrProduct,
      timePeriod: values.timePeriod,
      evidenceLinks: parseEvidenceLinks(values.evidenceLinks),
      ...(values.confidence !== "" && { confidence: values.confidence }),
    },
    text: values.text,
    contact: values.contact,
    language,
    concernsOtherAbuse: values.concernsOtherAbuse,
  };
}

type TipDraft = ReturnType<typeof toTipDraft>;

/**
 * Mirrors the "at least something to go on" refinement of TipSubmissionSchema, which zod runs
 * only once every field is valid: without this, an empty form would hear about it one send later.
 */
function hasTipContent({ answer, text }: TipDraft): boolean {
  return (
    answer.country !== undefined ||
    answer.placeOrShop.trim() !== "" ||
    answer.brandOrProduct.trim() !== "" ||
    answer.evidenceLinks.length > 0 ||
    text.trim() !== ""
  );
}

export type TipValidation =
  { ok: true; submission: TipSubmission } | { ok: false; errors: TipFormErrors };

/** The API's own schema, with each issue put on its field in the page's language. */
export function validateTipForm(
  values: TipFormValues,
  context: { objectRef: string | undefined; language: Locale },
  m: Messages,
): TipValidation {
  const draft = toTipDraft(values, context);
  const result = TipSubmissionSchema.safeParse(draft);
  if (result.success) return { ok: true, submission: result.data };
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String),
    isTooBig: issue.code === "too_big",
  }));
  if (!hasTipContent(draft)) issues.unshift({ path: ["answer"], isTooBig: false });
  const tooLong = (max: number) => m.tipForm.errors.tooLong({ max });
  const errors: TipFormErrors = {};
  for (const { path, isTooBig } of issues) {
    const [head, field, index] = path;
    const key: TipField | "answer" | null =
      head === "answer"
        ? field === undefined
          ? "answer"
          : TIP_FIELDS.includes(field as TipField)
            ? (field as TipField)
            : null
        : head === "text" || head === "contact"
          ? head
          : null;
    // Anything else (the object reference, the language) is the page's doing, not the
    // tipster's, and no control can fix it; the route checks those before.
    if (key === null) {
      errors.form ??= m.common.unexpected();
      continue;
    }
    if (errors[key] !== undefined) continue;
    switch (key) {
      case "answer":
        errors.answer = m.tipForm.errors.answer();
        break;
      case "country":
        errors.country = m.tipForm.errors.country();
        break;
      case "confidence":
        errors.confidence = m.tipForm.errors.confidence();
        break;
      case "placeOrShop":
      case "brandOrProduct":
      case "timePeriod":
        errors[key] = isTooBig ? tooLong(TIP_LIMITS.shortText) : m.tipForm.errors.invalid();
        break;
      case "text":
        errors.text = isTooBig ? tooLong(TIP_LIMITS.text) : m.tipForm.errors.invalid();
        break;
      case "contact":
        errors.contact = isTooBig ? tooLong(TIP_LIMITS.contact) : m.tipForm.errors.invalid();
        break;
      case "evidenceLinks":
        errors.evidenceLinks =
          index === undefined
            ? isTooBig
              ? m.tipForm.errors.tooManyLinks({ max: TIP_LIMITS.evidenceLinks })
              : m.tipForm.errors.invalid()
            : isTooBig
              ? tooLong(TIP_LIMITS.evidenceLink)
              : m.tipForm.errors.evidenceLink({
                  link: draft.answer.evidenceLinks[Number(index)] ?? "",
                });
        break;
    }
  }
  return { ok: false, errors };
}

export interface ErrorSummaryEntry {
  fieldId: string;
  message: string;
}

/**
 * Errors in form order, each linked to the control that fixes it; "say at least something"
 * links to the first answer field that has no error of its own.
 */
export function errorSummaryEntries(errors: TipFormErrors): ErrorSummaryEntry[] {
  const entries: ErrorSummaryEntry[] = [];
  if (errors.answer) {
    const target =
      (["country", "placeOrShop", "brandOrProduct"] as const).find(
        (f) => errors[f] === undefined,
      ) ?? "text";
    entries.push({ fieldId: TIP_FIELD_IDS[target], message: errors.answer });
  }
  for (const field of TIP_FIELDS) {
    const message = errors[field];
    if (message !== undefined && !entries.some((e) => e.fieldId === TIP_FIELD_IDS[field]))
      entries.push({ fieldId: TIP_FIELD_IDS[field], message });
  }
  return entries;
}
