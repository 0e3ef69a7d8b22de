import { z } from "zod";
import { CountryCodeSchema } from "../shared/country";
import { IdSchema, TimestampSchema } from "../shared/ids";
import { LanguageCodeSchema } from "../shared/locale";
import { ObjectCategorySchema, ObjectRefSchema } from "../object/object";
import { TipAnswerSchema } from "../tip/tip";
import {
  ReferralDispositionSchema,
  ReferralMessageSideSchema,
  ReferralStatusSchema,
} from "./referral";

export const CreateReferralInputSchema = z.strictObject({
  agencyId: IdSchema,
  tipIds: z
    .array(IdSchema)
    .min(1, "Choose at least one tip.")
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, { message: "Name each tip once." }),
  /** Required when the agency is not one the rules suggest. */
  overrideReason: z.string().trim().max(1_000).optional(),
});
export type CreateReferralInput = z.infer<typeof CreateReferralInputSchema>;

export const SuggestReferralInputSchema = z.strictObject({
  tipIds: z.array(IdSchema).min(1).max(100),
});

export const ReferralQuestionInputSchema = z.strictObject({
  referralId: IdSchema,
  body: z.string().trim().min(1, "Write your message.").max(4_000),
});

export const ReferralListInputSchema = z
  .strictObject({
    status: ReferralStatusSchema.optional(),
    agencyId: IdSchema.optional(),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(100).default(25),
  })
  .default({ page: 1, pageSize: 25 });
export type ReferralListInput = z.infer<typeof ReferralListInputSchema>;

const AgencyRefSchema = z.object({ id: IdSchema, code: z.string(), name: z.string() });

export const ReferralSummarySchema = z.object({
  id: IdSchema,
  agency: AgencyRefSchema,
  object: z.object({ ref: ObjectRefSchema, title: z.string() }).nullable(),
  tipCount: z.number().int().min(0),
  status: ReferralStatusSchema,
  disposition: ReferralDispositionSchema.nullable(),
  createdAt: TimestampSchema,
  deliveredAt: TimestampSchema.nullable(),
  acknowledgedAt: TimestampSchema.nullable(),
  disposedAt: TimestampSchema.nullable(),
  /** Messages from the other side not yet answered (the last message is theirs). */
  awaitingReply: z.boolean(),
});
export type ReferralSummary = z.infer<typeof ReferralSummarySchema>;

export const ReferralListSchema = z.object({
  items: z.array(ReferralSummarySchema),
  total: z.number().int().min(0),
});

export const ReferralTipSchema = z.object({
  id: IdSchema,
  receivedAt: TimestampSchema,
  country: CountryCodeSchema.nullable(),
  language: LanguageCodeSchema,
  confidence: TipAnswerSchema.shape.confidence,
  placeOrShop: z.string().nullable(),
  brandOrProduct: z.string().nullable(),
  timePeriod: z.string().nullable(),
  evidenceLinks: z.array(z.string()),
  text: z.string().nullable(),
});

export const ReferralMessageSchema = z.object({
  id: IdSchema,
  side: ReferralMessageSideSchema,
  author: z.string(),
  body: z.string(),
  createdAt: TimestampSchema,
});

export const ReferralDetailSchema = ReferralSummarySchema.extend({
  object: z
    .object({ ref: ObjectRefSchema, title: z.string(), category: ObjectCategorySchema })
    .nullable(),
  dispositionNote: z.string().nullable(),
  tips: z.array(ReferralTipSchema),
  messages: z.array(ReferralMessageSchema),
  /** Hub only: who referred, what the rules suggested and why it was overridden. */
  hub: z
    .object({
      createdBy: z.string().nullable(),
      suggestedAgencies: z.array(AgencyRefSchema),
      overrideReason: z.string().nullable(),
    })
    .nullable(),
});
export type ReferralDetail = z.infer<typeof ReferralDetailSchema>;
