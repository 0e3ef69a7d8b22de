import { bigserial, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at } from "./columns";

/** Append-only, hash-chained. Never holds tip content. */
export const auditEvents = pgTable("audit_events", {
  seq: bigserial({ mode: "number" }).primaryKey(),
  at: at().notNull(),
  actorId: uuid(),
  action: text().notNull(),
  entityType: text().notNull(),
  entityId: text(),
  reason: text(),
  prevHash: text().notNull(),
  hash: text().notNull().unique(),
});
