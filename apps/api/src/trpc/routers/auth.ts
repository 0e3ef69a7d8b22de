import {
  acceptTotpStep,
  ChallengeInputSchema,
  ConfirmEnrolmentInputSchema,
  EnrolmentResultSchema,
  EnrolmentSchema,
  generateRecoveryCodes,
  LoginInputSchema,
  LoginStepSchema,
  StaffUserSchema,
  VerifySecondFactorInputSchema,
} from "@trace/domain";
import {
  advanceTotpStep,
  appendAuditEvent,
  completeTotpEnrolment,
  consumeLoginChallenge,
  consumeRecoveryCode,
  findLoginChallenge,
  findStaffAccount,
  findStaffCredentials,
  insertLoginChallenge,
  revokeAllSessions,
  revokeSession,
  setPendingTotpSecret,
} from "@trace/db";
import {
  decryptSecret,
  encryptSecret,
  hashLoginChallenge,
  hashRecoveryCode,
  newLoginChallenge,
  verifyPassword,
} from "../../services/secrets";
import {
  openSession,
  recordFailure,
  refuseIfThrottled,
  setSessionCookie,
} from "../../services/staff-login";
import { enrolmentFor, matchTotpStep, newTotpSecret } from "../../services/totp";
import { clearSessionCookie } from "../cookies";
import type { Context } from "../context";
import { appError } from "../errors";
import { openStaffProcedure, router, staffProcedure } from "../init";

/**
 * A valid challenge and its account, or one generic refusal for every other case (unknown,
 * used, expired, disabled account).
 */
async function challengeFor(ctx: Context, challenge: string) {
  const tokenHash = hashLoginChallenge(challenge);
  const found = await findLoginChallenge(ctx.deps.database.db, tokenHash, ctx.deps.now());
  if (!found) throw appError("login_challenge_invalid");
  return { tokenHash, ...found };
}

/**
 * Login in two steps, and no session before the second: the password earns only a five-minute,
 * single-use challenge; a TOTP code (or a recovery code) with it opens the session. An account
 * without a second factor enrols first. Failures of either step count against the account.
 */
export const authRouter = router({
  /** One generic error for unknown account, wrong password and disabled account alike. */
  login: openStaffProcedure
    .input(LoginInputSchema)
    .output(LoginStepSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      await refuseIfThrottled(ctx, input.email);
      const found = await findStaffCredentials(db, input.email);
      const isValid = await verifyPassword(found?.passwordHash ?? null, input.password);
      if (!found || !isValid || found.user.isDisabled) {
        await recordFailure(ctx, input.email, found?.user.id ?? null, "auth.login_failed");
        throw appError("invalid_credentials");
      }
      const account = await findStaffAccount(db, found.user.id);
      const challenge = newLoginChallenge();
      await insertLoginChallenge(db, hashLoginChallenge(challenge), found.user.id, ctx.deps.now());
      return { challenge, next: account?.hasSecondFactor ? "verify" : "enrol" };
    }),

  /** Second step: a TOTP code or a recovery code, each good once. */
  verifySecondFactor: openStaffProcedure
    .input(VerifySecondFactorInputSchema)
    .output(StaffUserSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const { tokenHash, account } = await challengeFor(ctx, input.challenge);
      if (account.totpSecretCiphertext === null) throw appError("login_challenge_invalid");
      const { user } = account;
      await refuseIfThrottled(ctx, user.email);
      const now = ctx.deps.now();

      const step =
        input.method === "totp"
          ? acceptTotpStep(
              account.totpLastStep,
              matchTotpStep(
                decryptSecret(ctx.deps.totpEncryptionKey, account.totpSecretCiphertext),
                input.code,
                now,
              ),
            )
          : null;
      const token =
        step?.ok === false
          ? null
          : await unlessRefused(
              db.transaction(async (tx) => {
                // Both guards are atomic updates: a concurrent request with the same code or the
                // same challenge loses here, whatever instance it reached.
                const isFresh =
                  step === null
                    ? await consumeRecoveryCode(
                        tx,
                        user.id,
                        hashRecoveryCode(ctx.deps.receiptHashKey, input.code),
                        now,
                      )
                    : await advanceTotpStep(tx, user.id, step.value);
                if (!isFresh || !(await consumeLoginChallenge(tx, tokenHash, now)))
                  throw new Refused();
                if (step === null)
                  await appendAuditEvent(tx, {
                    at: now,
                    actorId: user.id,
                    action: "auth.recovery_code_used",
                    entityType: "user",
                    entityId: user.id,
                  });
                return openSession(ctx, tx, user, now);
              }),
            );
      if (token === null) {
        await recordFailure(ctx, user.email, user.id, "auth.second_factor_failed");
        throw appError("second_factor_invalid");
      }
      setSessionCookie(ctx, token);
      return user;
    }),

  /** First login (or after a reset): a new secret, proposed until a code confirms it. */
  startEnrolment: openStaffProcedure
    .input(ChallengeInputSchema)
    .output(EnrolmentSchema)
    .mutation(async ({ ctx, input }) => {
      const { tokenHash, account } = await challengeFor(ctx, input.challenge);
      // An enrolled account never enrols again from a password alone.
      if (account.totpSecretCiphertext !== null) throw appError("login_challenge_invalid");
      const secret = newTotpSecret();
      await setPendingTotpSecret(
        ctx.deps.database.db,
        tokenHash,
        encryptSecret(ctx.deps.totpEncryptionKey, secret),
      );
      return enrolmentFor(secret, account.user.email);
    }),

  /** A code from the new app proves it holds the secret: enrolled, recovery codes once, session. */
  confirmEnrolment: openStaffProcedure
    .input(ConfirmEnrolmentInputSchema)
    .output(EnrolmentResultSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const { tokenHash, account, pendingTotpSecretCiphertext } = await challengeFor(
        ctx,
        input.challenge,
      );
      if (account.totpSecretCiphertext !== null || pendingTotpSecretCiphertext === null)
        throw appError("login_challenge_invalid");
      const { user } = account;
      await refuseIfThrottled(ctx, user.email);
      const now = ctx.deps.now();
      const secret = decryptSecret(ctx.deps.totpEncryptionKey, pendingTotpSecretCiphertext);
      const step = acceptTotpStep(null, matchTotpStep(secret, input.code, now));
      if (!step.ok) {
        await recordFailure(ctx, user.email, user.id, "auth.second_factor_failed");
        throw appError("second_factor_invalid");
      }
      const recoveryCodes = generateRecoveryCodes(ctx.deps.random);
      const token = await unlessRefused(
        db.transaction(async (tx) => {
          const isEnrolled = await completeTotpEnrolment(
            tx,
            user.id,
            pendingTotpSecretCiphertext,
            step.value,
            recoveryCodes.map((code) => hashRecoveryCode(ctx.deps.receiptHashKey, code)),
            now,
          );
          if (!isEnrolled || !(await consumeLoginChallenge(tx, tokenHash, now)))
            throw new Refused();
          await appendAuditEvent(tx, {
            at: now,
            actorId: user.id,
            action: "auth.second_factor_enrolled",
            entityType: "user",
            entityId: user.id,
          });
          return openSession(ctx, tx, user, now);
        }),
      );
      if (token === null) throw appError("login_challenge_invalid");
      setSessionCookie(ctx, token);
      return { user, recoveryCodes };
    }),

  logout: staffProcedure("session.own").mutation(async ({ ctx }) => {
    const now = ctx.deps.now();
    await ctx.deps.database.db.transaction(async (tx) => {
      await revokeSession(tx, ctx.session.tokenHash, now);
      await appendAuditEvent(tx, {
        at: now,
        actorId: ctx.user.id,
        action: "auth.logout",
        entityType: "session",
        entityId: ctx.user.id,
      });
    });
    clearSessionCookie(ctx);
    return { ok: true as const };
  }),

  /** Ends every session of the signed-in user, on every device, this one included. */
  logoutEverywhere: staffProcedure("session.own").mutation(async ({ ctx }) => {
    const now = ctx.deps.now();
    await ctx.deps.database.db.transaction(async (tx) => {
      await revokeAllSessions(tx, ctx.user.id, now);
      await appendAuditEvent(tx, {
        at: now,
        actorId: ctx.user.id,
        action: "auth.logout_everywhere",
        entityType: "user",
        entityId: ctx.user.id,
      });
    });
    clearSessionCookie(ctx);
    return { ok: true as const };
  }),

  /** The signed-in user, or null: lets the app choose between the login page and the inbox. */
  me: openStaffProcedure
    .output(StaffUserSchema.nullable())
    .query(({ ctx }) => ctx.session?.user ?? null),
});

/** Thrown inside a transaction to undo it when a code or a challenge was used concurrently. */
class Refused extends Error {}

/** The transaction's result, or null when it was undone on purpose with `Refused`. */
async function unlessRefused<T>(transaction: Promise<T>): Promise<T | null> {
  try {
    return await transaction;
  } catch (error) {
    if (error instanceof Refused) return null;
    throw error;
  }
}
