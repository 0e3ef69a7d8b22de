import "../../lib/zod-config";
import { TIP_LIMITS, TipSubmissionSchema, type TipSubmission } from "@trace/domain";
import type { FieldError } from "@trace/api/trpc";
import type { Messages } from "../../i18n";

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

/** Control ids, in form order; the error summary links to them. */
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

export interface TipContext {
  objectRef: string | undefined;
  /** The language the tipster used on the site. */
  language: string;
  /**
   * The tipster's own words are required (the form for abuse that is not about an object, where
   * a country alone says nothing); the API only asks for something to go on.
   */
  requiresText?: boolean;
}

/** The submission as the API takes it, before validation (strings as typed, empties absent). */
export function toTipDraft(values: TipFormValues, { objectRef, language }: TipContext) {
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

function isTipField(name: string | undefined): name is TipField {
  return name !== undefined && (TIP_FIELDS as string[]).includes(name);
}

function keyOf(path: string): TipField | "answer" | "form" {
  const [head, sub] = path.split(".");
  if (head === "answer") {
    if (sub === undefined) return "answer";
    return isTipField(sub) && sub !== "text" && sub !== "contact" ? sub : "form";
  }
  return head === "text" || head === "contact" ? head : "form";
}

/**
 * Puts validation issues (from the client-side parse or from the API's `fieldErrors`, both as
 * `{ path: "answer.country", code, message }`) onto the form, in the site's language. The first
 * issue per field wins. `links` are the parsed evidence links, to quote the one that is wrong.
 */
export function mapTipFieldErrors(
  issues: readonly FieldError[],
  messages: Messages,
  links: readonly string[] = [],
): TipFormErrors {
  const tooLong = (max: number) => messages.tipForm.errors.tooLong({ max });
  const errors: TipFormErrors = {};
  for (const issue of issues) {
    const key = keyOf(issue.path);
    if (errors[key] !== undefined) continue;
    const isTooBig = issue.code === "too_big";
    switch (key) {
      case "answer":
        errors.answer = messages.tipForm.errors.answer();
        break;
      case "country":
        errors.country = messages.tipForm.errors.country();
        break;
      case "confidence":
        errors.confidence = messages.tipForm.errors.confidence();
        break;
      case "placeOrShop":
      case "brandOrProduct":
      case "timePeriod":
        errors[key] = isTooBig ? tooLong(TIP_LIMITS.shortText) : messages.tipForm.errors.invalid();
        break;
      case "text":
        errors.text = isTooBig ? tooLong(TIP_LIMITS.text) : messages.tipForm.errors.invalid();
        break;
      case "contact":
        errors.contact = isTooBig ? tooLong(TIP_LIMITS.contact) : messages.tipForm.errors.invalid();
        break;
      case "evidenceLinks": {
        const index = issue.path.split(".")[2];
        if (index === undefined) {
          errors.evidenceLinks = isTooBig
            ? messages.tipForm.errors.tooManyLinks({ max: TIP_LIMITS.evidenceLinks })
            : messages.tipForm.errors.invalid();
        } else {
          errors.evidenceLinks = isTooBig
            ? tooLong(TIP_LIMITS.evidenceLink)
            : messages.tipForm.errors.evidenceLink({ link: links[Number(index)] ?? "" });
        }
        break;
      }
      case "form":
        errors.form = messages.common.unexpected();
        break;
    }
  }
  return errors;
}

export interface ErrorSummaryEntry {
  fieldId: string;
  message: string;
}

/**
 * Errors in form order for the error summary, each linked to the control that fixes it. The
 * "say at least something" error links to the first answer field not already listed.
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
    if (message !== undefined && !entries.some((e) => e.fieldId === TIP_FIELD_IDS[field])) {
      entries.push({ fieldId: TIP_FIELD_IDS[field], message });
    }
  }
  return entries;
}

/**
 * Mirrors the "at least something to go on" refinement of TipSubmissionSchema. zod runs that
 * refinement only once every field is valid, so without this a tipster who left everything empty
 * would learn about it one send later.
 */
export function hasTipContent(draft: ReturnType<typeof toTipDraft>): boolean {
  const { answer } = draft;
  return (
    answer.country !== undefined ||
    answer.placeOrShop.trim() !== "" ||
    answer.brandOrProduct.trim() !== "" ||
    answer.evidenceLinks.length > 0 ||
    draft.text.trim() !== ""
  );
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
  const result = TipSubmissionSchema.safeParse(draft);
  const isTextMissing = context.requiresText === true && draft.text.trim() === "";
  if (result.success && !isTextMissing) return { ok: true, submission: result.data };
  const issues = result.success
    ? []
    : result.error.issues.map((issue) => ({
        path: issue.path.map(String).join("."),
        code: issue.code,
        message: issue.message,
      }));
  // Where words are required, their own error says what is missing.
  if (!hasTipContent(draft) && !context.requiresText)
    issues.unshift({ path: "answer", code: "custom", message: "" });
  const errors = mapTipFieldErrors(issues, messages, draft.answer.evidenceLinks);
  if (isTextMissing) {
    delete errors.answer;
    errors.text = messages.tipForm.abuse.textRequired();
  }
  return { ok: false, errors };
}
