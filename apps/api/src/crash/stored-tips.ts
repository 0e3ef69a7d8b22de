import { count, eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import { schema, verifyAuditChain, type Executor } from "@trace/db";
import { hashReceipt } from "../services/secrets";
import { RECEIPT_HASH_KEY } from "./processes";

/**
 * What the crash and fault tests check in the database once the dust has settled, for tips sent
 * as `submitTip` sends them (one key each, no photos): every receipt returned names a stored,
 * complete tip; exactly `expectedTips` tips exist, one per idempotency key; none is half-written
 * (each has exactly one `tip.submitted` audit event, its status history and its spent proof of
 * work, and no event names a missing tip); the audit hash chain verifies. Answers the number of
 * audit events verified.
 */
export async function expectStoredTipsComplete(
  db: Executor,
  receipts: readonly string[],
  expectedTips: number,
): Promise<number> {
  const key = Buffer.from(RECEIPT_HASH_KEY, "hex");
  const hashes = receipts.map((code) => hashReceipt(key, code));
  const acknowledged = await db
    .select({ id: schema.tips.id, text: schema.tips.text, trust: schema.tips.trust })
    .from(schema.tips)
    .where(inArray(schema.tips.receiptHash, hashes));
  // Every receipt returned names a stored tip, a normal-trust one (its proof of work was valid).
  expect(acknowledged).toHaveLength(receipts.length);
  expect(
    acknowledged.every((t) => t.trust === "normal" && /^Crash test tip #\d+$/.test(t.text!)),
  ).toBe(true);

  const allTips = await db.select({ id: schema.tips.id }).from(schema.tips);
  expect(allTips.length).toBe(expectedTips);
  const tipIds = new Set(allTips.map((t) => t.id));
  const [keysKept] = await db.select({ n: count() }).from(schema.tipIdempotencyKeys);
  expect(keysKept!.n).toBe(expectedTips);

  // No half-written tip: each has exactly one `tip.submitted` event and its status history,
  // and no event names a tip that is not there.
  const submitted = await db
    .select({ entityId: schema.auditEvents.entityId })
    .from(schema.auditEvents)
    .where(eq(schema.auditEvents.action, "tip.submitted"));
  expect(submitted.map((e) => e.entityId).sort()).toEqual([...tipIds].sort());
  const history = await db.select({ tipId: schema.tipEvents.tipId }).from(schema.tipEvents);
  expect(history.map((e) => e.tipId).sort()).toEqual([...tipIds].sort());
  // Each tip spent its proof of work in its own transaction; no photos were sent.
  const [spent] = await db.select({ n: count() }).from(schema.spentProofsOfWork);
  expect(spent!.n).toBe(tipIds.size);
  const [photos] = await db.select({ n: count() }).from(schema.tipPhotos);
  expect(photos!.n).toBe(0);
  // Sending a tip announces nothing through the outbox (update if it starts to).
  const [outbox] = await db.select({ n: count() }).from(schema.outbox);
  expect(outbox!.n).toBe(0);

  expect(await verifyAuditChain(db)).toEqual({ verified: submitted.length, brokenAt: null });
  return submitted.length;
}
