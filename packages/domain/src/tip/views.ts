import { z } from "zod";
import { CountryCodeSchema } from "../shared/country";
import { IdSchema, TimestampSchema } from "../shared/ids";
import { LanguageCodeSchema } from "../shared/locale";
import { ObjectCategorySchema, ObjectRefSchema, ObjectStatusSchema } from "../object/object";
import { PublicMessageSchema } from "../message/message";
import {
  PublicTipStatusSchema,
  TipAnswerSchema,
  TipPrioritySchema,
  TipSchema,
  TriageStatusSchema,
} from "./tip";

/** What the receipt code opens: status and the dialogue, nothing about other tips or staff. */
export const TipStatusViewSchema = z.object({
  status: PublicTipStatusSchema,
  receivedAt: TimestampSchema,
  objectRef: ObjectRefSchema.nullable(),
  messages: z.array(PublicMessageSchema),
});
export type TipStatusView = z.infer<typeof TipStatusViewSchema>;

export const TipReceiptSchema = z.object({
  receiptCode: z.string(),
  status: PublicTipStatusSchema,
  /** Shown when the tipster reported abuse unrelated to an object. */
  showHotlineGuidance: z.boolean(),
});
export type TipReceipt = z.infer<typeof TipReceiptSchema>;

export const TipListItemSchema = z.object({
  id: IdSchema,
  objectRef: ObjectRefSchema.nullable(),
  objectTitle: z.string().nullable(),
  country: CountryCodeSchema.nullable(),
  language: LanguageCodeSchema,
  confidence: TipAnswerSchema.shape.confidence,
  triageStatus: TriageStatusSchema,
  priority: TipPrioritySchema,
  concernsOtherAbuse: z.boolean(),
  excerpt: z.string(),
  receivedAt: TimestampSchema,
});
export type TipListItem = z.infer<typeof TipListItemSchema>;

export const TipEventViewSchema = z.object({
  at: TimestampSchema,
  actorName: z.string().nullable(),
  triageStatus: TriageStatusSchema,
  publicStatus: PublicTipStatusSchema,
  note: z.string().nullable(),
});

export const TipDetailSchema = TipSchema.omit({ objectId: true, updatedAt: true }).extend({
  object: z
    .object({
      id: IdSchema,
      ref: ObjectRefSchema,
      title: z.string(),
      category: ObjectCategorySchema,
      status: ObjectStatusSchema,
      coverImageId: IdSchema.nullable(),
    })
    .nullable(),
  history: z.array(TipEventViewSchema),
});
export type TipDetail = z.infer<typeof TipDetailSchema>;
