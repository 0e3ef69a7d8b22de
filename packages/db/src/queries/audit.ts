import { createHash } from "node:crypto";
import { asc, desc, gt, sql } from "drizzle-orm";
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

/** A fixed key for the advisory lock that serialises appends to the chain. */
const AUDIT_CHAIN_LOCK = 0x7472_6163;

export function auditHash(prevHash: string, canonical: string): string {
  return createHash("sha256").update(`${prevHash}\n${canonical}`).digest("hex");
}

/**
 * Appends one event to the hash chain. Must run inside the transaction of the change it records:
 * the transaction-scoped advisory lock makes concurrent appends take turns, so every event links
 * to the one committed just before it.
 */
export async function appendAuditEvent(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
  const content = {
    at: iso(entry.at),
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    reason: entry.reason ?? null,
    prevHash,
  };
  await tx
    .insert(auditEvents)
    .values({ ...content, at: entry.at, hash: auditHash(prevHash, canonicalAuditEvent(content)) });
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
