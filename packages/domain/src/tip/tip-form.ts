import { TIP_LIMITS, TipSubmissionSchema, type TipSubmission } from "./tip";

// The tip form as both public forms use it: the site's (apps/public-web) and the pages without
// JavaScript (apps/api/src/nojs). One reading here means a tip means the same whichever form sent
// it. Errors are message keys with their values; each app words them in its own catalogs.

/** What the form holds while the tipster types: raw strings, turned into a submission on send. */
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
}

export const EMPTY_TIP_FORM: TipFormValues = {
  country: "",
  placeOrShop: "",
  brandOrProduct: "",
  timePeriod: "",
  evidenceLinks: "",
  confidence: "",
  text: "",
  contact: "",
  concernsOtherAbuse: false,
};

/** Control ids, in form order (the same in both forms); the error summary links to them. */
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
 * that no control can fix. `M` is what an error is: a {@link TipFormError} here, a worded
 * message in the apps.
 */
export type TipFormErrors<M> = Partial<Record<TipField | "answer" | "form", M>>;

/**
 * One error as a message key and its values: the keys are those of the catalogs'
 * `tipForm.errors`, except `unexpected` (something the page did wrong, `common.unexpected`).
 */
export type TipFormError =
  | { key: "answer" | "country" | "confidence" | "invalid" | "unexpected" }
  | { key: "tooLong" | "tooManyLinks"; values: { max: number } }
  | { key: "evidenceLink"; values: { link: string } };

/** A validation issue, from the form's own parse or from the API's `fieldErrors`. */
export interface TipFormIssue {
  /** Dotted, e.g. "answer.evidenceLinks.2". */
  path: string;
  /** zod's issue code, e.g. "too_big". */
  code: string;
}

/**
 * One address per non-empty line. People paste "www.shop.example/item" without a scheme:
 * such a line gets https:// so it is accepted; anything else is left for validation to refuse.
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

export interface TipDraftContext {
  objectRef: string | undefined;
  /** The language the tipster used on the site. */
  language: string;
}

/** The submission as `tips.submit` takes it, before validation (strings as typed, empties absent). */
export function toTipDraft(values: TipFormValues, { objectRef, language }: TipDraftContext) {
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

export type TipDraft = ReturnType<typeof toTipDraft>;

/**
 * Mirrors the "at least something to go on" refinement of TipSubmissionSchema. zod runs that
 * refinement only once every field is valid, so without this a tipster who left everything empty
 * would learn about it one send later.
 */
export function hasTipContent({ answer, text }: TipDraft): boolean {
  return (
    answer.country !== undefined ||
    answer.placeOrShop.trim() !== "" ||
    answer.brandOrProduct.trim() !== "" ||
    answer.evidenceLinks.length > 0 ||
    text.trim() !== ""
  );
}

function isTipField(name: string | undefined): name is TipField {
  return name !== undefined && (TIP_FIELDS as string[]).includes(name);
}

/** The field an issue's path belongs to; anything no control can fix (the object reference, the language) is the form's. */
function fieldOf(path: string): TipField | "answer" | "form" {
  const [head, sub] = path.split(".");
  if (head === "answer") {
    if (sub === undefined) return "answer";
    return isTipField(sub) && sub !== "text" && sub !== "contact" ? sub : "form";
  }
  return head === "text" || head === "contact" ? head : "form";
}

function tooLong(max: number): TipFormError {
  return { key: "tooLong", values: { max } };
}

/**
 * Puts validation issues onto the form's fields. The first issue per field wins. `links` are the
 * parsed evidence links, to quote the one that is wrong.
 */
export function tipFormErrors(
  issues: readonly TipFormIssue[],
  links: readonly string[] = [],
): TipFormErrors<TipFormError> {
  const invalid: TipFormError = { key: "invalid" };
  const errors: TipFormErrors<TipFormError> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (errors[field] !== undefined) continue;
    const isTooBig = issue.code === "too_big";
    switch (field) {
      case "answer":
      case "country":
      case "confidence":
        errors[field] = { key: field };
        break;
      case "placeOrShop":
      case "brandOrProduct":
      case "timePeriod":
        errors[field] = isTooBig ? tooLong(TIP_LIMITS.shortText) : invalid;
        break;
      case "text":
        errors.text = isTooBig ? tooLong(TIP_LIMITS.text) : invalid;
        break;
      case "contact":
        errors.contact = isTooBig ? tooLong(TIP_LIMITS.contact) : invalid;
        break;
      case "evidenceLinks": {
        const index = issue.path.split(".")[2];
        if (index === undefined) {
          errors.evidenceLinks = isTooBig
            ? { key: "tooManyLinks", values: { max: TIP_LIMITS.evidenceLinks } }
            : invalid;
        } else {
          errors.evidenceLinks = isTooBig
            ? tooLong(TIP_LIMITS.evidenceLink)
            : { key: "evidenceLink", values: { link: links[Number(index)] ?? "" } };
        }
        break;
      }
      case "form":
        errors.form = { key: "unexpected" };
        break;
    }
  }
  return errors;
}

export type TipDraftCheck =
  { ok: true; submission: TipSubmission } | { ok: false; errors: TipFormErrors<TipFormError> };

/** The API's own schema, plus "say at least something" at once (see {@link hasTipContent}). */
export function checkTipDraft(draft: TipDraft): TipDraftCheck {
  const result = TipSubmissionSchema.safeParse(draft);
  if (result.success) return { ok: true, submission: result.data };
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    code: issue.code,
  }));
  if (!hasTipContent(draft)) issues.unshift({ path: "answer", code: "custom" });
  return { ok: false, errors: tipFormErrors(issues, draft.answer.evidenceLinks) };
}

/** The same errors, each turned into something else (in the apps: worded in the page's language). */
export function mapTipFormErrors<A, B>(
  errors: TipFormErrors<A>,
  map: (error: A) => B,
): TipFormErrors<B> {
  const mapped: TipFormErrors<B> = {};
  for (const [field, error] of Object.entries(errors) as [keyof TipFormErrors<A>, A][]) {
    mapped[field] = map(error);
  }
  return mapped;
}

export interface ErrorSummaryEntry<M> {
  fieldId: string;
  message: M;
}

/**
 * Errors in form order for the error summary, each linked to the control that fixes it. The
 * "say at least something" error links to the first answer field not already listed. Form-level
 * errors are left out: no control fixes them (the forms show them as an alert).
 */
export function errorSummaryEntries<M>(errors: TipFormErrors<M>): ErrorSummaryEntry<M>[] {
  const entries: ErrorSummaryEntry<M>[] = [];
  if (errors.answer !== undefined) {
    const target =
      (["country", "placeOrShop", "brandOrProduct"] as const).find(
        (f) => errors[f] === undefined,
      ) ?? "text";
    entries.push({ fieldId: TIP_FIELD_IDS[target], message: errors.answer });
  }
  for (const field of TIP_FIELDS) {
    const message = errors[field];
    if (message !== undefined && !entries.some((e) => e.fieldId === TIP_FIELD_IDS[field])) {
      entries.push({ fieldId: TIP_FIELD_IDS[field], message });
    }
  }
  return entries;
}
