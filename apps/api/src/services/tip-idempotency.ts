import { createHmac } from "node:crypto";
import { publicTipStatus, type TipReceipt, type TipSubmission } from "@trace/domain";
import { deleteExpiredTipIdempotencyKeys, findTipIdempotencyKey, type Executor } from "@trace/db";
import { appError } from "../trpc/errors";
import { decryptSecret } from "./secrets";

/** How long a tip's idempotency key answers with its receipt (ADR 0015). */
export const TIP_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** What identifies one send: the key's hash and the hash of the tip it was sent with. */
export interface TipIdempotency {
  keyHash: string;
  requestHash: string;
}

/**
 * Both hashes are keyed with the receipt key, each with its own label: a database dump alone
 * cannot confirm a guessed key, nor a guessed tip text against the request hash.
 */
export function tipIdempotency(
  receiptHashKey: Buffer,
  key: string,
  tip: TipSubmission,
): TipIdempotency {
  return {
    keyHash: createHmac("sha256", receiptHashKey)
      .update(`tip-idempotency-key\n${key}`)
      .digest("hex"),
    requestHash: createHmac("sha256", receiptHashKey)
      .update(`tip-idempotency-request\n${canonicalJson(tip)}`)
      .digest("hex"),
  };
}

/** JSON with object keys sorted and undefined members left out: equal tips, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The receipt of an earlier send with this key, or null when there is none (or it expired, and
 * is then deleted so the key can be claimed again). The same key with another tip is refused.
 */
export async function replayTipReceipt(
  db: Executor,
  encryptionKey: Buffer,
  idempotency: TipIdempotency,
  tip: TipSubmission,
  now: Date,
): Promise<TipReceipt | null> {
  const found = await findTipIdempotencyKey(db, idempotency.keyHash);
  if (!found) return null;
  if (found.createdAt.getTime() <= now.getTime() - TIP_IDEMPOTENCY_TTL_MS) {
    await deleteExpiredTipIdempotencyKeys(db, new Date(now.getTime() - TIP_IDEMPOTENCY_TTL_MS + 1));
    return null;
  }
  if (found.requestHash !== idempotency.requestHash) throw appError("idempotency_key_reused");
  return {
    receiptCode: decryptSecret(encryptionKey, found.receiptCiphertext),
    // What the first send answered.
    status: publicTipStatus("new"),
    showHotlineGuidance: tip.concernsOtherAbuse,
  };
}
