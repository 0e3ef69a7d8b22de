import { boolean, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
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
  /** AES-256-GCM ciphertext of the base32 TOTP secret; null until enrolled (or after a reset). */
  totpSecretCiphertext: text(),
  /** The last TOTP time step accepted: a step at or before it is a replay. */
  totpLastStep: integer(),
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

/**
 * Between the password and the second factor: a random token (only its SHA-256 stored), valid
 * five minutes and consumed by the one session it opens. During enrolment it also holds the
 * proposed TOTP secret, encrypted, until a code proves the app has it.
 */
export const staffLoginChallenges = pgTable(
  "staff_login_challenges",
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
    expiresAt: at().notNull(),
    usedAt: at(),
    pendingTotpSecretCiphertext: text(),
  },
  (t) => [index().on(t.userId)],
);

/** Ten per account, each usable once; stored as a keyed hash (they carry 80 random bits). */
export const staffRecoveryCodes = pgTable(
  "staff_recovery_codes",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    codeHash: text().notNull(),
    usedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.userId)],
);

/**
 * Failed logins per account (keyed by the normalised email, so an unknown address is throttled
 * exactly like a known one and the answer reveals nothing). Shared by every API instance.
 */
export const staffLoginThrottles = pgTable("staff_login_throttles", {
  accountKey: text().primaryKey(),
  failureCount: integer().notNull(),
  windowStartedAt: at().notNull(),
  lockedUntil: at(),
});
