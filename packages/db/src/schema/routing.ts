import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import type { RoutingAction, RoutingCondition } from "@trace/domain";
import { at, createdAt, id } from "./columns";
import { referralDispositionEnum, referralStatusEnum } from "./enums";
import { agencies } from "./agencies";
import { traceObjects } from "./objects";
import { tips } from "./tips";

export const routingRules = pgTable("routing_rules", {
  id: id(),
  name: text().notNull(),
  version: integer().notNull().default(1),
  position: integer().notNull(),
  isEnabled: boolean().notNull().default(true),
  condition: jsonb().$type<RoutingCondition>().notNull(),
  actions: jsonb().$type<RoutingAction[]>().notNull(),
  createdAt: createdAt(),
});

export const referrals = pgTable(
  "referrals",
  {
    id: id(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    objectId: uuid().references(() => traceObjects.id),
    status: referralStatusEnum().notNull().default("pending"),
    disposition: referralDispositionEnum(),
    dispositionNote: text(),
    idempotencyKey: text().notNull().unique(),
    createdAt: createdAt(),
    deliveredAt: at(),
    acknowledgedAt: at(),
  },
  (t) => [index().on(t.agencyId, t.status)],
);

export const referralTips = pgTable(
  "referral_tips",
  {
    referralId: uuid()
      .notNull()
      .references(() => referrals.id),
    tipId: uuid()
      .notNull()
      .references(() => tips.id),
  },
  (t) => [primaryKey({ columns: [t.referralId, t.tipId] })],
);

/** Transactional outbox: written in the same transaction as the change it announces. */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    topic: text().notNull(),
    idempotencyKey: text().notNull().unique(),
    payload: jsonb().notNull(),
    attempts: integer().notNull().default(0),
    availableAt: at().notNull().defaultNow(),
    processedAt: at(),
    lastError: text(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.processedAt, t.availableAt)],
);
