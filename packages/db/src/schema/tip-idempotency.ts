import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { tips } from "./tips";

/**
 * Idempotency keys of tip submissions (ADR 0015): a retried send after a lost answer finds the
 * tip it already made and gets the same receipt. The key is stored only as a keyed hash, the
 * receipt code only encrypted, the request only as a keyed hash; rows live at most 24 hours.
 */
export const tipIdempotencyKeys = pgTable(
  "tip_idempotency_keys",
  {
    /** HMAC of the client's key: the unique constraint that makes a concurrent duplicate wait. */
    keyHash: text().primaryKey(),
    tipId: uuid()
      .notNull()
      .references(() => tips.id, { onDelete: "cascade" }),
    /** The receipt code, AES-256-GCM (services/secrets.ts `encryptSecret`). */
    receiptCiphertext: text().notNull(),
    /** HMAC of the canonical tip, so one key cannot be reused for a different tip. */
    requestHash: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.createdAt), index().on(t.tipId)],
);
