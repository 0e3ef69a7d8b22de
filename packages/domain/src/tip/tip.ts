import { z } from "zod";
import { MAX_TIP_PHOTOS, TipPhotoTokenSchema } from "../image/image";
import { CountryCodeSchema } from "../shared/country";
import { IdSchema, TimestampSchema } from "../shared/ids";
import { LanguageCodeSchema } from "../shared/locale";
import { ObjectRefSchema } from "../object/object";
import { TipTrustReasonSchema, TipTrustSchema } from "./trust";

export const TIP_CONFIDENCES = ["certain", "think_so", "guess"] as const;
export const TipConfidenceSchema = z.enum(TIP_CONFIDENCES);
export type TipConfidence = z.infer<typeof TipConfidenceSchema>;

/** Internal triage, never shown to the tipster. */
export const TRIAGE_STATUSES = [
  "new",
  "useful",
  "not_useful",
  "spam",
  "duplicate",
  "urgent_safeguarding",
  "routed",
] as const;
export const TriageStatusSchema = z.enum(TRIAGE_STATUSES);
export type TriageStatus = z.infer<typeof TriageStatusSchema>;

/** What the tipster sees with the receipt code. */
export const PUBLIC_TIP_STATUSES = ["received", "under_review", "passed_on", "closed"] as const;
export const PublicTipStatusSchema = z.enum(PUBLIC_TIP_STATUSES);
export type PublicTipStatus = z.infer<typeof PublicTipStatusSchema>;

export const TIP_PRIORITIES = ["normal", "high", "urgent"] as const;
export const TipPrioritySchema = z.enum(TIP_PRIORITIES);
export type TipPriority = z.infer<typeof TipPrioritySchema>;

export const TIP_LIMITS = {
  shortText: 200,
  text: 5000,
  contact: 500,
  evidenceLinks: 10,
  evidenceLink: 2000,
} as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((v) => (v === "" ? undefined : v));

/** The structured answer comes first on the form: it is what makes a tip routable. */
export const TipAnswerSchema = z.strictObject({
  country: CountryCodeSchema.optional(),
  placeOrShop: optionalText(TIP_LIMITS.shortText),
  brandOrProduct: optionalText(TIP_LIMITS.shortText),
  timePeriod: optionalText(TIP_LIMITS.shortText),
  evidenceLinks: z
    .array(
      z
        .url({
          protocol: /^https?$/,
          error: "Enter a web address starting with http:// or https://.",
        })
        .max(TIP_LIMITS.evidenceLink),
    )
    .max(TIP_LIMITS.evidenceLinks, `At most ${TIP_LIMITS.evidenceLinks} links.`)
    .default([]),
  confidence: TipConfidenceSchema,
});
export type TipAnswer = z.infer<typeof TipAnswerSchema>;

export const TipSubmissionSchema = z
  .strictObject({
    /** Absent for a general tip that is not about one object. */
    objectRef: ObjectRefSchema.optional(),
    answer: TipAnswerSchema,
    text: optionalText(TIP_LIMITS.text),
    language: LanguageCodeSchema,
    /** Optional and encrypted at rest; never required to send a tip. */
    contact: optionalText(TIP_LIMITS.contact),
    /** The tipster reports abuse unrelated to an object: hotline guidance, top of the queue. */
    concernsOtherAbuse: z.boolean().default(false),
    /** Photos uploaded first (`POST /public-api/tip-photos`), named by their one-time tokens. */
    photoTokens: z
      .array(TipPhotoTokenSchema)
      .max(MAX_TIP_PHOTOS, `At most ${MAX_TIP_PHOTOS} photos.`)
      .refine(
        (tokens) => new Set(tokens).size === tokens.length,
        "Each photo can be attached once.",
      )
      .default([]),
  })
  .refine(
    (tip) =>
      tip.answer.country !== undefined ||
      tip.answer.placeOrShop !== undefined ||
      tip.answer.brandOrProduct !== undefined ||
      tip.answer.evidenceLinks.length > 0 ||
      tip.text !== undefined,
    { message: "Tell us at least a country, a place, a brand or a few words.", path: ["answer"] },
  );
export type TipSubmission = z.infer<typeof TipSubmissionSchema>;
export type TipSubmissionInput = z.input<typeof TipSubmissionSchema>;

export const TipSchema = z.object({
  id: IdSchema,
  objectId: IdSchema.nullable(),
  answer: TipAnswerSchema,
  text: z.string().nullable(),
  language: LanguageCodeSchema,
  hasContact: z.boolean(),
  concernsOtherAbuse: z.boolean(),
  triageStatus: TriageStatusSchema,
  publicStatus: PublicTipStatusSchema,
  priority: TipPrioritySchema,
  duplicateOfId: IdSchema.nullable(),
  /** Set once at submission by the abuse heuristics (trust.ts); staff see why. */
  trust: TipTrustSchema,
  trustReasons: z.array(TipTrustReasonSchema),
  receivedAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Tip = z.infer<typeof TipSchema>;

export const TIP_SORTS = ["newest", "oldest", "priority"] as const;
/**
 * Ready-made views of the inbox: untriaged tips; urgent ones (safeguarding first); the tips
 * assigned to the person asking; the low-trust tips (trust.ts). "all" and "new" leave out
 * low-trust tips nobody has triaged yet, so a bot flood cannot bury people's tips; "urgent" and
 * "mine" show every tip whatever its trust, because a heuristic must never hide a safeguarding
 * report or a tip someone took on.
 */
export const TIP_QUEUES = ["all", "new", "urgent", "mine", "low_trust"] as const;
export const TipQueueSchema = z.enum(TIP_QUEUES);
export type TipQueue = z.infer<typeof TipQueueSchema>;
/**
 * The inbox counts matching tips exactly up to this many and says "10,000+" beyond: an exact
 * count of a million rows on every page view costs more than it tells anyone. Pages reach as far
 * as the count does; older tips are found by narrowing the view or reversing its order.
 */
export const TIP_COUNT_CAP = 10_000;
export const TIP_SEARCH_MAX_LENGTH = 200;
/**
 * Full-text search of the inbox, in search-box syntax (PostgreSQL `websearch_to_tsquery`):
 * words must all appear, "quoted words" as a phrase, `or` between alternatives, `-word` excluded.
 * Accents and case are ignored; words are not stemmed (tips come in many languages).
 */
export const TipSearchSchema = z
  .string()
  .trim()
  .min(1, "Type something to search for, or leave the search out.")
  .max(TIP_SEARCH_MAX_LENGTH, `A search can be at most ${TIP_SEARCH_MAX_LENGTH} characters long.`);
export const TipListInputSchema = z.strictObject({
  queue: TipQueueSchema.default("all"),
  search: TipSearchSchema.optional(),
  triageStatus: TriageStatusSchema.optional(),
  objectRef: ObjectRefSchema.optional(),
  country: CountryCodeSchema.optional(),
  language: LanguageCodeSchema.optional(),
  sort: z.enum(TIP_SORTS).default("priority"),
  limit: z.number().int().min(1).max(100).default(50),
  offset: z.number().int().min(0).max(TIP_COUNT_CAP).default(0),
});
export type TipListInput = z.infer<typeof TipListInputSchema>;
