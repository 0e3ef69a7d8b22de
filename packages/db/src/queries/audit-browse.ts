import { and, count, desc, eq, gte, lte } from "drizzle-orm";
import type { AuditEventView, AuditListInput } from "@trace/domain";
import type { Executor } from "../client";
import { auditEvents, staffUsers } from "../schema";
import { iso } from "./serialize";

/** A page of the audit trail, newest first, with the acting staff member's name. */
export async function listAuditEventsPage(
  db: Executor,
  input: AuditListInput,
): Promise<{ items: AuditEventView[]; total: number }> {
  const where = and(
    input.action ? eq(auditEvents.action, input.action) : undefined,
    input.entityType ? eq(auditEvents.entityType, input.entityType) : undefined,
    input.actorId ? eq(auditEvents.actorId, input.actorId) : undefined,
    input.entityId ? eq(auditEvents.entityId, input.entityId) : undefined,
    input.from ? gte(auditEvents.at, new Date(input.from)) : undefined,
    input.to ? lte(auditEvents.at, new Date(input.to)) : undefined,
  );
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({ event: auditEvents, actorName: staffUsers.displayName })
      .from(auditEvents)
      .leftJoin(staffUsers, eq(staffUsers.id, auditEvents.actorId))
      .where(where)
      .orderBy(desc(auditEvents.seq))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ total: count() }).from(auditEvents).where(where),
  ]);
  return {
    items: rows.map(
      ({ event, actorName }) => ({ ...event, at: iso(event.at), actorName }) as AuditEventView,
    ),
    total: totalRow?.total ?? 0,
  };
}

/** Staff members who can appear as actors, for the audit filter. */
export async function listAuditActors(
  db: Executor,
): Promise<{ id: string; displayName: string }[]> {
  return db
    .select({ id: staffUsers.id, displayName: staffUsers.displayName })
    .from(staffUsers)
    .orderBy(staffUsers.displayName);
}
