import { createHash } from "node:crypto";
import { asc, gt, sql } from "drizzle-orm";
import {
  AUDIT_GENESIS_HASH,
  canonicalAuditEvent,
  type AuditAction,
  type AuditEntityType,
  type AuditEvent,
} from "@trace/domain";
import type { Executor } from "../client";
import { auditEvents } from "../schema";
import { iso } from "./serialize";

export interface AuditEntry {
  at: Date;
  actorId: string | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | null;
  reason?: string | null;
}

export function auditHash(prevHash: string, canonical: string): string {
  return createHash("sha256").update(`${prevHash}\n${canonical}`).digest("hex");
}

/**
 * Appends one event to the hash chain. Must run inside the transaction of the change it records:
 * a transaction-scoped advisory lock makes concurrent appends take turns, so every event links
 * to the one committed just before it. The lock is held until the commit, so appends are
 * serialised: call this last in the transaction. Lock, head read, hash and insert are one
 * statement (`trace_append_audit_event`, migration 0014): the lock is held for the commit and
 * no client round trip more.
 */
export async function appendAuditEvent(tx: Executor, entry: AuditEntry): Promise<void> {
  const at = iso(entry.at);
  const reason = entry.reason ?? null;
  // The canonical form with a placeholder for the previous hash, cut just before it: the
  // database appends the hash it reads under the lock, and the closing `"]`.
  const placeholder = "0".repeat(64);
  const canonical = canonicalAuditEvent({
    at,
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    reason,
    prevHash: placeholder,
  });
  const tail = `"${placeholder}"]`;
  if (!canonical.endsWith(tail))
    throw new Error("the canonical audit event must end with its prevHash");
  const canonicalHead = canonical.slice(0, canonical.length - tail.length + 1);
  await tx.execute(
    sql`select trace_append_audit_event(${at}::timestamptz, ${entry.actorId}::uuid, ${entry.action}, ${entry.entityType}, ${entry.entityId}, ${reason}, ${AUDIT_GENESIS_HASH}, ${canonicalHead})`,
  );
}

export async function listAuditEvents(db: Executor): Promise<AuditEvent[]> {
  const rows = await db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
  return rows.map((r) => ({ ...r, at: iso(r.at) }) as AuditEvent);
}

/**
 * Recomputes the chain in seq order, a page at a time so memory stays flat however long the
 * trail. Reports how many events were verified and the seq of the first event whose link or
 * hash does not match (null when the chain is intact).
 */
export async function verifyAuditChain(
  db: Executor,
  pageSize = 5000,
): Promise<{ verified: number; brokenAt: number | null }> {
  let prev = AUDIT_GENESIS_HASH;
  let after = 0;
  let verified = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, after))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    for (const row of rows) {
      const event = { ...row, at: iso(row.at) } as AuditEvent;
      if (event.prevHash !== prev || auditHash(prev, canonicalAuditEvent(event)) !== event.hash) {
        return { verified, brokenAt: event.seq };
      }
      prev = event.hash;
      after = event.seq;
      verified++;
    }
    if (rows.length < pageSize) return { verified, brokenAt: null };
  }
}
