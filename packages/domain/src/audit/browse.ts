import { z } from "zod";
import { IdSchema, TimestampSchema } from "../shared/ids";
import { AuditActionSchema, AuditEntityTypeSchema, AuditEventSchema } from "./audit";

export const AuditListInputSchema = z
  .strictObject({
    action: AuditActionSchema.optional(),
    entityType: AuditEntityTypeSchema.optional(),
    /** The acting staff member; events without an actor (the public, the system) have none. */
    actorId: IdSchema.optional(),
    entityId: z.string().trim().max(100).optional(),
    from: TimestampSchema.optional(),
    to: TimestampSchema.optional(),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).max(10_000_000).default(0),
  })
  .refine((i) => !i.from || !i.to || Date.parse(i.from) <= Date.parse(i.to), {
    message: "The start must be before the end.",
    path: ["to"],
  });
export type AuditListInput = z.infer<typeof AuditListInputSchema>;

export const AuditEventViewSchema = AuditEventSchema.extend({
  actorName: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof AuditEventViewSchema>;

export const AuditChainResultSchema = z.object({
  verified: z.number().int().min(0),
  /** The seq of the first event that does not match; null when the chain is intact. */
  brokenAt: z.number().int().nullable(),
});
export type AuditChainResult = z.infer<typeof AuditChainResultSchema>;

export const AuditActorSchema = z.object({ id: IdSchema, displayName: z.string() });
