import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  customType,
  index,
  pgTable,
  text,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns";
import {
  messageAuthorEnum,
  publicTipStatusEnum,
  tipConfidenceEnum,
  tipEventKindEnum,
  tipPriorityEnum,
  tipTrustEnum,
  tipTrustReasonEnum,
  triageStatusEnum,
} from "./enums";
import { traceObjects } from "./objects";
import { staffUsers } from "./staff";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * No column here may hold an IP address, user agent or anything else that identifies the
 * sender. The receipt code is stored only as a keyed hash; contact details only encrypted.
 */
export const tips = pgTable(
  "tips",
  {
    id: id(),
    objectId: uuid().references(() => traceObjects.id),
    country: char({ length: 2 }),
    placeOrShop: text(),
    brandOrProduct: text(),
    timePeriod: text(),
    evidenceLinks: text().array().notNull().default([]),
    confidence: tipConfidenceEnum().notNull(),
    text: text(),
    language: char({ length: 2 }).notNull(),
    contactCiphertext: text(),
    concernsOtherAbuse: boolean().notNull().default(false),
    triageStatus: triageStatusEnum().notNull().default("new"),
    publicStatus: publicTipStatusEnum().notNull().default("received"),
    priority: tipPriorityEnum().notNull().default("normal"),
    duplicateOfId: uuid().references((): AnyPgColumn => tips.id),
    /** The hub member working on the tip ("assigned to me"). */
    assigneeId: uuid().references(() => staffUsers.id),
    /** Decided once at submission by the abuse heuristics; low-trust tips wait in their own queue. */
    trust: tipTrustEnum().notNull().default("normal"),
    trustReasons: tipTrustReasonEnum().array().notNull().default([]),
    receiptHash: text().notNull().unique(),
    receivedAt: createdAt(),
    updatedAt: at().notNull().defaultNow(),
    /**
     * What the inbox search matches: the tipster's words, place or shop, brand or product and time
     * period, in the accent-folding "tip_search" configuration (migration 0011). Stored rather
     * than an expression index so a search combined with a sort can test rows cheaply while
     * walking the sort's index. Receipts and contact details are never in it.
     */
    searchVector: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector('tip_search'::regconfig, coalesce(text, '') || ' ' || coalesce(place_or_shop, '') || ' ' || coalesce(brand_or_product, '') || ' ' || coalesce(time_period, ''))`,
      ),
  },
  (t) => [
    index().on(t.triageStatus, t.receivedAt),
    // The inbox's two orders, walked from either end (listTips); id breaks ties in received_at.
    index("tips_inbox_priority_idx").on(t.priority.desc().nullsFirst(), t.receivedAt, t.id),
    index("tips_inbox_received_idx").on(t.receivedAt, t.id),
    index("tips_search_idx").using("gin", t.searchVector),
    index().on(t.objectId, t.receivedAt),
    index().on(t.country),
    index().on(t.language),
    index().on(t.assigneeId, t.receivedAt),
    index().on(t.trust, t.receivedAt),
  ],
);

/** The tip's status history as staff see it. */
export const tipEvents = pgTable(
  "tip_events",
  {
    id: id(),
    tipId: uuid()
      .notNull()
      .references(() => tips.id),
    at: createdAt(),
    actorId: uuid().references(() => staffUsers.id),
    kind: tipEventKindEnum().notNull().default("status"),
    triageStatus: triageStatusEnum().notNull(),
    publicStatus: publicTipStatusEnum().notNull(),
    note: text(),
  },
  (t) => [index().on(t.tipId, t.at)],
);

export const messages = pgTable(
  "messages",
  {
    id: id(),
    tipId: uuid()
      .notNull()
      .references(() => tips.id),
    author: messageAuthorEnum().notNull(),
    staffAuthorId: uuid().references(() => staffUsers.id),
    body: text().notNull(),
    createdAt: createdAt(),
    readAt: at(),
  },
  (t) => [
    index().on(t.tipId, t.createdAt),
    // Unread replies per tip, for the inbox.
    index("messages_unread_idx")
      .on(t.tipId)
      .where(sql`${t.readAt} is null`),
  ],
);

/**
 * Proof-of-work challenges already spent on a tip, kept until they expire so a solution cannot
 * be replayed (docs/adr/0012-tip-abuse-resistance.md). Only the challenge's signature (an HMAC
 * of random values): it says nothing about the sender and has no link to the tip row.
 */
export const spentProofsOfWork = pgTable(
  "spent_proofs_of_work",
  {
    challengeDigest: text().primaryKey(),
    expiresAt: at().notNull(),
  },
  (t) => [index().on(t.expiresAt)],
);
