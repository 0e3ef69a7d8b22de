import { createHash } from "node:crypto";
import { asc, desc, sql } from "drizzle-orm";
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

/** Recomputes the chain; returns the seq of the first broken link, or null when intact. */
export async function verifyAuditChain(db: Executor): Promise<number | null> {
  let prev = AUDIT_GENESIS_HASH;
  for (const event of await listAuditEvents(db)) {
    if (event.prevHash !== prev || auditHash(prev, canonicalAuditEvent(event)) !== event.hash)
      return event.seq;
    prev = event.hash;
  }
  return null;
}
