import { z } from "zod";
import { TipPhotoViewSchema } from "../image/image";
import { CountryCodeSchema } from "../shared/country";
import { IdSchema, pageOf, TimestampSchema } from "../shared/ids";
import { LanguageCodeSchema } from "../shared/locale";
import { ObjectCategorySchema, ObjectRefSchema, ObjectStatusSchema } from "../object/object";
import { PublicThreadMessageSchema, StaffThreadMessageSchema } from "../message/message";
import { TipEventKindSchema } from "./triage";
import {
  PublicTipStatusSchema,
  TipAnswerSchema,
  TipPrioritySchema,
  TipSchema,
  TriageStatusSchema,
} from "./tip";
import { TipTrustSchema } from "./trust";

/** What the receipt code opens: status and the dialogue, nothing about other tips or staff. */
export const TipStatusViewSchema = z.object({
  status: PublicTipStatusSchema,
  receivedAt: TimestampSchema,
  objectRef: ObjectRefSchema.nullable(),
  messages: z.array(PublicThreadMessageSchema),
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
  trust: TipTrustSchema,
  excerpt: z.string(),
  receivedAt: TimestampSchema,
  assigneeName: z.string().nullable(),
  /** Tipster replies no staff member has seen yet. */
  unreadReplies: z.number().int().min(0),
});
export type TipListItem = z.infer<typeof TipListItemSchema>;

/** An inbox page; `total` stops at TIP_COUNT_CAP, and `isTotalCapped` says there may be more. */
export const TipPageSchema = pageOf(TipListItemSchema).extend({ isTotalCapped: z.boolean() });
export type TipPage = z.infer<typeof TipPageSchema>;

export const TipEventViewSchema = z.object({
  kind: TipEventKindSchema,
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
  assignee: z.object({ id: IdSchema, displayName: z.string() }).nullable(),
  /** The dialogue, oldest first; `isNew` marks tipster replies unseen by staff until this read. */
  messages: z.array(StaffThreadMessageSchema),
  /** Photos the tipster attached, stripped of metadata; served on the staff listener only. */
  photos: z.array(TipPhotoViewSchema),
});
export type TipDetail = z.infer<typeof TipDetailSchema>;
