import { boolean, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns";
import { roleEnum } from "./enums";
import { agencies } from "./agencies";

export const staffUsers = pgTable("staff_users", {
  id: id(),
  email: text().notNull().unique(),
  displayName: text().notNull(),
  role: roleEnum().notNull(),
  agencyId: uuid().references(() => agencies.id),
  passwordHash: text().notNull(),
  isDisabled: boolean().notNull().default(false),
  createdAt: createdAt(),
});

/** The cookie carries a random token; only its SHA-256 is stored, so a database dump opens no session. */
export const staffSessions = pgTable(
  "staff_sessions",
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
    lastSeenAt: at().notNull().defaultNow(),
    expiresAt: at().notNull(),
    revokedAt: at(),
  },
  (t) => [index().on(t.userId)],
);
