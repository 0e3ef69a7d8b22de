import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import {
  afterFailure,
  LOGIN_CHALLENGE_MS,
  type StaffUser,
  type ThrottleState,
} from "@trace/domain";
import type { Executor } from "../client";
import {
  staffLoginChallenges,
  staffLoginThrottles,
  staffRecoveryCodes,
  staffSessions,
  staffUsers,
} from "../schema";
import { toStaffUser } from "./staff";
import { iso, isoOrNull } from "./serialize";

export interface SecondFactorAccount {
  user: StaffUser;
  totpSecretCiphertext: string | null;
  totpLastStep: number | null;
}

export async function insertLoginChallenge(
  db: Executor,
  tokenHash: string,
  userId: string,
  now: Date,
): Promise<void> {
  await db.insert(staffLoginChallenges).values({
    tokenHash,
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + LOGIN_CHALLENGE_MS),
  });
}

/** An unused, unexpired challenge and its account; null for anything else, whatever the reason. */
export async function findLoginChallenge(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<{ account: SecondFactorAccount; pendingTotpSecretCiphertext: string | null } | null> {
  const [row] = await db
    .select({ challenge: staffLoginChallenges, user: staffUsers })
    .from(staffLoginChallenges)
    .innerJoin(staffUsers, eq(staffUsers.id, staffLoginChallenges.userId))
    .where(
      and(
        eq(staffLoginChallenges.tokenHash, tokenHash),
        isNull(staffLoginChallenges.usedAt),
        gt(staffLoginChallenges.expiresAt, now),
      ),
    );
  if (!row || row.user.isDisabled) return null;
  return {
    account: {
      user: toStaffUser(row.user),
      totpSecretCiphertext: row.user.totpSecretCiphertext,
      totpLastStep: row.user.totpLastStep,
    },
    pendingTotpSecretCiphertext: row.challenge.pendingTotpSecretCiphertext,
  };
}

export async function setPendingTotpSecret(
  db: Executor,
  tokenHash: string,
  ciphertext: string,
): Promise<void> {
  await db
    .update(staffLoginChallenges)
    .set({ pendingTotpSecretCiphertext: ciphertext })
    .where(eq(staffLoginChallenges.tokenHash, tokenHash));
}

/** Marks the challenge used; false if another request got there first (or it has expired). */
export async function consumeLoginChallenge(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(staffLoginChallenges)
    .set({ usedAt: now })
    .where(
      and(
        eq(staffLoginChallenges.tokenHash, tokenHash),
        isNull(staffLoginChallenges.usedAt),
        gt(staffLoginChallenges.expiresAt, now),
      ),
    )
    .returning({ tokenHash: staffLoginChallenges.tokenHash });
  return rows.length === 1;
}

/**
 * Records an accepted TOTP step, atomically: false if this step (or a later one) was already
 * used, even by a concurrent request on another instance.
 */
export async function advanceTotpStep(
  db: Executor,
  userId: string,
  step: number,
): Promise<boolean> {
  const rows = await db
    .update(staffUsers)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(staffUsers.id, userId),
        or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step)),
      ),
    )
    .returning({ id: staffUsers.id });
  return rows.length === 1;
}

/** Stores the enrolled secret; false if the account already has one. */
export async function completeTotpEnrolment(
  db: Executor,
  userId: string,
  ciphertext: string,
  step: number,
  recoveryCodeHashes: readonly string[],
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(staffUsers)
    .set({ totpSecretCiphertext: ciphertext, totpLastStep: step })
    .where(and(eq(staffUsers.id, userId), isNull(staffUsers.totpSecretCiphertext)))
    .returning({ id: staffUsers.id });
  if (rows.length !== 1) return false;
  await db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
  await db
    .insert(staffRecoveryCodes)
    .values(recoveryCodeHashes.map((codeHash) => ({ userId, codeHash, createdAt: now })));
  return true;
}

/** Uses up one recovery code, atomically; false if it is unknown or already used. */
export async function consumeRecoveryCode(
  db: Executor,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(staffRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(staffRecoveryCodes.userId, userId),
        eq(staffRecoveryCodes.codeHash, codeHash),
        isNull(staffRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: staffRecoveryCodes.id });
  return rows.length === 1;
}

export async function readLoginThrottle(
  db: Executor,
  accountKey: string,
): Promise<ThrottleState | null> {
  const [row] = await db
    .select()
    .from(staffLoginThrottles)
    .where(eq(staffLoginThrottles.accountKey, accountKey));
  return row
    ? {
        failureCount: row.failureCount,
        windowStartedAt: iso(row.windowStartedAt),
        lockedUntil: isoOrNull(row.lockedUntil),
      }
    : null;
}

/**
 * Counts one failure. The row is locked for the read-decide-write, so failures arriving at the
 * same time on several instances are all counted. Must run inside a transaction.
 */
export async function recordLoginFailure(
  tx: Executor,
  accountKey: string,
  now: Date,
): Promise<ThrottleState> {
  await tx
    .insert(staffLoginThrottles)
    .values({ accountKey, failureCount: 0, windowStartedAt: now })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(staffLoginThrottles)
    .where(eq(staffLoginThrottles.accountKey, accountKey))
    .for("update");
  const current: ThrottleState | null =
    row && row.failureCount > 0
      ? {
          failureCount: row.failureCount,
          windowStartedAt: iso(row.windowStartedAt),
          lockedUntil: isoOrNull(row.lockedUntil),
        }
      : null;
  const next = afterFailure(current, iso(now));
  await tx
    .update(staffLoginThrottles)
    .set({
      failureCount: next.failureCount,
      windowStartedAt: new Date(next.windowStartedAt),
      lockedUntil: next.lockedUntil ? new Date(next.lockedUntil) : null,
    })
    .where(eq(staffLoginThrottles.accountKey, accountKey));
  return next;
}

export async function clearLoginThrottle(db: Executor, accountKey: string): Promise<void> {
  await db.delete(staffLoginThrottles).where(eq(staffLoginThrottles.accountKey, accountKey));
}

/** Ends every open session of the account (log out everywhere, disabling, factor reset). */
export async function revokeAllSessions(db: Executor, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(staffSessions.userId, userId), isNull(staffSessions.revokedAt)))
    .returning({ tokenHash: staffSessions.tokenHash });
  return rows.length;
}

/** Open login challenges die with the sessions: a reset or a disable must end a login midway. */
export async function revokeLoginChallenges(
  db: Executor,
  userId: string,
  now: Date,
): Promise<void> {
  await db
    .update(staffLoginChallenges)
    .set({ usedAt: now })
    .where(and(eq(staffLoginChallenges.userId, userId), isNull(staffLoginChallenges.usedAt)));
}
