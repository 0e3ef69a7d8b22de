import { z } from "zod";
import { IdSchema, TimestampSchema } from "../shared/ids";

export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.login_failed",
  "auth.logout",
  "auth.logout_everywhere",
  "auth.second_factor_failed",
  "auth.second_factor_enrolled",
  "auth.recovery_code_used",
  "staff.created",
  "staff.disabled",
  "staff.enabled",
  "staff.role_changed",
  "staff.second_factor_reset",
  "tip.submitted",
  "tip.read",
  "tip.triaged",
  "tip.assigned",
  "tip.unassigned",
  "tip.contact_revealed",
  "message.sent",
  "message.received",
  "object.created",
  "object.transitioned",
  "object.updated",
  "object.image_added",
  "object.images_changed",
  "object.submitted",
  "object.returned_to_draft",
  "object.approved",
  "object.published",
  "object.origin_found",
  "object.withdrawn",
  "case.created",
  "case.updated",
  "series.created",
  "series.updated",
  "series.status_changed",
  "series.outcome_recorded",
  // Routing rules and referrals.
  "routing_rule.created",
  "routing_rule.changed",
  "routing_rule.reordered",
  "referral.created",
  "referral.created_against_suggestion",
  "referral.read",
  "referral.acknowledged",
  "referral.disposed",
  "referral.message_sent",
  // Delivery of referrals and background jobs.
  "referral.delivered",
  "delivery.dead_lettered",
  "delivery.redelivered",
  "agency.delivery_changed",
  "agency.webhook_secret_rotated",
  // Retention sweep (apps/api/src/jobs/retention-sweep.ts): ids and counts, never content.
  "retention.contact_and_photos_erased",
  "retention.tip_deleted",
  "retention.duplicate_unlinked",
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AUDIT_ENTITY_TYPES = [
  "tip",
  "object",
  "series",
  "case",
  "referral",
  "user",
  "session",
  "agency",
  "routing_rule",
  /** A background job in the outbox (its numeric id). */
  "delivery",
] as const;
export const AuditEntityTypeSchema = z.enum(AUDIT_ENTITY_TYPES);
export type AuditEntityType = z.infer<typeof AuditEntityTypeSchema>;

/** Append-only and hash-chained. Never carries tip content: who, when, what, on which record, why. */
export const AuditEventSchema = z.object({
  seq: z.number().int().positive(),
  at: TimestampSchema,
  actorId: IdSchema.nullable(),
  action: AuditActionSchema,
  entityType: AuditEntityTypeSchema,
  entityId: z.string().nullable(),
  reason: z.string().max(1000).nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export type AuditEventContent = Omit<AuditEvent, "seq" | "hash">;

/**
 * The exact text that is hashed for an event: a fixed field order so that every engine and
 * every later reader computes the same chain. `hash = sha256(prevHash + "\n" + canonical)`.
 */
export function canonicalAuditEvent(event: AuditEventContent): string {
  return JSON.stringify([
    event.at,
    event.actorId,
    event.action,
    event.entityType,
    event.entityId,
    event.reason,
    event.prevHash,
  ]);
}

/** The hash of the event before the first one. */
export const AUDIT_GENESIS_HASH = "0".repeat(64);
