import { z } from "zod";
import { IdSchema, TimestampSchema } from "../shared/ids";

export const REFERRAL_STATUSES = ["pending", "delivered", "acknowledged", "disposed"] as const;
export const ReferralStatusSchema = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof ReferralStatusSchema>;

export const REFERRAL_DISPOSITIONS = [
  "useful_lead",
  "no_result",
  "investigation_opened",
  "victim_identified",
  "other",
] as const;
export const ReferralDispositionSchema = z.enum(REFERRAL_DISPOSITIONS);
export type ReferralDisposition = z.infer<typeof ReferralDispositionSchema>;

/** Who wrote a message on a referral: the receiving agency or the hub. */
export const REFERRAL_MESSAGE_SIDES = ["agency", "hub"] as const;
export const ReferralMessageSideSchema = z.enum(REFERRAL_MESSAGE_SIDES);
export type ReferralMessageSide = z.infer<typeof ReferralMessageSideSchema>;

/** A lead package (one or more tips about an object) sent to one agency. */
export const ReferralSchema = z.object({
  id: IdSchema,
  agencyId: IdSchema,
  objectId: IdSchema.nullable(),
  tipIds: z.array(IdSchema).min(1),
  status: ReferralStatusSchema,
  disposition: ReferralDispositionSchema.nullable(),
  dispositionNote: z.string().nullable(),
  idempotencyKey: z.string().min(1),
  createdAt: TimestampSchema,
  deliveredAt: TimestampSchema.nullable(),
  acknowledgedAt: TimestampSchema.nullable(),
});
export type Referral = z.infer<typeof ReferralSchema>;
