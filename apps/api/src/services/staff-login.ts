import { checkThrottle, type StaffUser } from "@trace/domain";
import {
  appendAuditEvent,
  clearLoginThrottle,
  createSession,
  readLoginThrottle,
  recordLoginFailure,
  revokeSession,
  type Executor,
} from "@trace/db";
import { appError } from "../trpc/errors";
import type { Context } from "../trpc/context";
import { setSessionCookie } from "../trpc/cookies";
import { hashSessionToken, newSessionToken } from "./secrets";

/** The throttle key of an account: its normalised email, known account or not. */
export const accountKey = (email: string): string => email.trim().toLowerCase();

/** Refuses (429, with Retry-After) while the account is locked, before any password is checked. */
export async function refuseIfThrottled(ctx: Context, email: string): Promise<void> {
  const now = ctx.deps.now();
  const state = await readLoginThrottle(ctx.deps.database.db, accountKey(email));
  const check = checkThrottle(state, now.toISOString());
  if (check.isLocked) {
    ctx.resHeaders.set("Retry-After", String(Math.ceil(check.retryAfterMs / 1000)));
    throw appError("login_throttled");
  }
}

/** Counts a failed password or code against the account, with its audit event, in one transaction. */
export async function recordFailure(
  ctx: Context,
  email: string,
  userId: string | null,
  action: "auth.login_failed" | "auth.second_factor_failed",
): Promise<void> {
  const now = ctx.deps.now();
  await ctx.deps.database.db.transaction(async (tx) => {
    await recordLoginFailure(tx, accountKey(email), now);
    await appendAuditEvent(tx, {
      at: now,
      actorId: null,
      action,
      entityType: "user",
      entityId: userId,
    });
  });
}

/**
 * Opens the session the second factor has earned, inside the caller's transaction: a fresh
 * token (one planted before login is never promoted), the throttle cleared, the login audited.
 * The cookie is set by the caller after the commit, through the returned token.
 */
export async function openSession(
  ctx: Context,
  tx: Executor,
  user: StaffUser,
  now: Date,
): Promise<string> {
  if (ctx.session) await revokeSession(tx, ctx.session.tokenHash, now);
  const token = newSessionToken();
  await createSession(tx, hashSessionToken(token), user.id, now);
  await clearLoginThrottle(tx, accountKey(user.email));
  await appendAuditEvent(tx, {
    at: now,
    actorId: user.id,
    action: "auth.login",
    entityType: "session",
    entityId: user.id,
  });
  return token;
}

export { setSessionCookie };
