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
import { referralDispositionEnum, referralStatusEnum, referralMessageSideEnum } from "./enums";
import { agencies } from "./agencies";
import { traceObjects } from "./objects";
import { staffUsers } from "./staff";
import { tips } from "./tips";

/** The current version of each rule; every version ever saved is kept in `routing_rule_versions`. */
export const routingRules = pgTable("routing_rules", {
  id: id(),
  name: text().notNull(),
  version: integer().notNull().default(1),
  position: integer().notNull(),
  isEnabled: boolean().notNull().default(true),
  condition: jsonb().$type<RoutingCondition>().notNull(),
  actions: jsonb().$type<RoutingAction[]>().notNull(),
  createdAt: createdAt(),
  updatedAt: at().notNull().defaultNow(),
  updatedById: uuid().references(() => staffUsers.id),
});

/** Append-only history: one row per saved version of a rule. */
export const routingRuleVersions = pgTable(
  "routing_rule_versions",
  {
    ruleId: uuid()
      .notNull()
      .references(() => routingRules.id),
    version: integer().notNull(),
    name: text().notNull(),
    isEnabled: boolean().notNull(),
    condition: jsonb().$type<RoutingCondition>().notNull(),
    actions: jsonb().$type<RoutingAction[]>().notNull(),
    authorId: uuid().references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.version] })],
);

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
    createdById: uuid().references(() => staffUsers.id),
    /** The agencies the rules suggested when the referral was made, and the reason given for not following them. */
    suggestedAgencyIds: uuid().array().notNull().default([]),
    overrideReason: text(),
    createdAt: createdAt(),
    deliveredAt: at(),
    acknowledgedAt: at(),
    acknowledgedById: uuid().references(() => staffUsers.id),
    disposedAt: at(),
    disposedById: uuid().references(() => staffUsers.id),
  },
  (t) => [index().on(t.agencyId, t.status), index().on(t.objectId)],
);

/** Questions between an agency's liaison and the hub about one referral. */
export const referralMessages = pgTable(
  "referral_messages",
  {
    id: id(),
    referralId: uuid()
      .notNull()
      .references(() => referrals.id),
    side: referralMessageSideEnum().notNull(),
    authorId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.referralId, t.createdAt)],
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
  (t) => [primaryKey({ columns: [t.referralId, t.tipId] }), index().on(t.tipId)],
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
    /** A worker holds the job until this time; past it, the job is free again (a worker that died). */
    lockedUntil: at(),
    lockedBy: text(),
    processedAt: at(),
    /** Dead letter: set when the job ran out of attempts; a coordinator may redeliver it. */
    deadAt: at(),
    lastError: text(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.processedAt, t.deadAt, t.availableAt)],
);
