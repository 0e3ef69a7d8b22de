import { eq, lt } from "drizzle-orm";
import type { Executor } from "../client";
import { tipIdempotencyKeys } from "../schema";

export interface TipIdempotencyRecord {
  tipId: string;
  receiptCiphertext: string;
  requestHash: string;
  createdAt: Date;
}

export async function findTipIdempotencyKey(
  db: Executor,
  keyHash: string,
): Promise<TipIdempotencyRecord | null> {
  const [row] = await db
    .select({
      tipId: tipIdempotencyKeys.tipId,
      receiptCiphertext: tipIdempotencyKeys.receiptCiphertext,
      requestHash: tipIdempotencyKeys.requestHash,
      createdAt: tipIdempotencyKeys.createdAt,
    })
    .from(tipIdempotencyKeys)
    .where(eq(tipIdempotencyKeys.keyHash, keyHash));
  return row ?? null;
}

/**
 * Claims the key inside the tip's transaction. On PostgreSQL a concurrent claim of the same key
 * waits on the unique index until the first transaction ends; answers false when the key was
 * already taken (the caller rolls back and reads the winner's row).
 */
export async function claimTipIdempotencyKey(
  tx: Executor,
  row: {
    keyHash: string;
    tipId: string;
    receiptCiphertext: string;
    requestHash: string;
    createdAt: Date;
  },
): Promise<boolean> {
  const inserted = await tx
    .insert(tipIdempotencyKeys)
    .values(row)
    .onConflictDoNothing({ target: tipIdempotencyKeys.keyHash })
    .returning({ keyHash: tipIdempotencyKeys.keyHash });
  return inserted.length === 1;
}

/** Retention: keys created before `cutoff` are deleted, with their encrypted receipt codes. */
export async function deleteExpiredTipIdempotencyKeys(db: Executor, cutoff: Date): Promise<number> {
  const deleted = await db
    .delete(tipIdempotencyKeys)
    .where(lt(tipIdempotencyKeys.createdAt, cutoff))
    .returning({ keyHash: tipIdempotencyKeys.keyHash });
  return deleted.length;
}
