import { and, eq, isNull } from "drizzle-orm";
import { sessionState, SESSION_ABSOLUTE_MS, type Role, type StaffUser } from "@trace/domain";
import type { Executor } from "../client";
import { staffSessions, staffUsers } from "../schema";
import { iso, isoOrNull } from "./serialize";

type UserRow = typeof staffUsers.$inferSelect;

export function toStaffUser(row: UserRow): StaffUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    agencyId: row.agencyId,
    isDisabled: row.isDisabled,
    createdAt: iso(row.createdAt),
  };
}

export async function findStaffCredentials(
  db: Executor,
  email: string,
): Promise<{ user: StaffUser; passwordHash: string } | null> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  return row ? { user: toStaffUser(row), passwordHash: row.passwordHash } : null;
}

export interface NewStaffUser {
  email: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  passwordHash: string;
  /** Pre-enrolled accounts (demo data, test fixtures) bring their encrypted TOTP secret. */
  totpSecretCiphertext?: string | null;
}

export async function insertStaffUser(db: Executor, user: NewStaffUser): Promise<StaffUser> {
  const [row] = await db.insert(staffUsers).values(user).returning();
  return toStaffUser(row!);
}

export async function createSession(
  db: Executor,
  tokenHash: string,
  userId: string,
  now: Date,
): Promise<void> {
  await db.insert(staffSessions).values({
    tokenHash,
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
  });
}

/**
 * The user behind a session token, if the session is still active and the account enabled.
 * Refreshes the idle timer.
 */
export async function resolveSession(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<StaffUser | null> {
  const [row] = await db
    .select({ session: staffSessions, user: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(eq(staffSessions.tokenHash, tokenHash));
  if (!row || row.user.isDisabled) return null;
  const state = sessionState(
    {
      createdAt: iso(row.session.createdAt),
      lastSeenAt: iso(row.session.lastSeenAt),
      revokedAt: isoOrNull(row.session.revokedAt),
    },
    iso(now),
  );
  if (state !== "active") return null;
  await db
    .update(staffSessions)
    .set({ lastSeenAt: now })
    .where(eq(staffSessions.tokenHash, tokenHash));
  return toStaffUser(row.user);
}

export async function revokeSession(db: Executor, tokenHash: string, now: Date): Promise<void> {
  await db
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(staffSessions.tokenHash, tokenHash), isNull(staffSessions.revokedAt)));
}
