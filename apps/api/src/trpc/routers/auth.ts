import { LoginInputSchema, StaffUserSchema } from "@trace/domain";
import { appendAuditEvent, createSession, findStaffCredentials, revokeSession } from "@trace/db";
import { hashSessionToken, newSessionToken, verifyPassword } from "../../services/secrets";
import { clearSessionCookie, setSessionCookie } from "../cookies";
import { appError } from "../errors";
import { openStaffProcedure, router, staffProcedure } from "../init";

export const authRouter = router({
  /** One generic error for unknown account, wrong password and disabled account alike. */
  login: openStaffProcedure
    .input(LoginInputSchema)
    .output(StaffUserSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const found = await findStaffCredentials(db, input.email);
      const isValid = await verifyPassword(found?.passwordHash ?? null, input.password);
      const now = ctx.deps.now();
      if (!found || !isValid || found.user.isDisabled) {
        await db.transaction((tx) =>
          appendAuditEvent(tx, {
            at: now,
            actorId: null,
            action: "auth.login_failed",
            entityType: "user",
            entityId: found?.user.id ?? null,
          }),
        );
        throw appError("invalid_credentials");
      }
      // A new token at every login: a session id planted before login is never promoted.
      if (ctx.session) await revokeSession(db, ctx.session.tokenHash, now);
      const token = newSessionToken();
      await db.transaction(async (tx) => {
        await createSession(tx, hashSessionToken(token), found.user.id, now);
        await appendAuditEvent(tx, {
          at: now,
          actorId: found.user.id,
          action: "auth.login",
          entityType: "session",
          entityId: found.user.id,
        });
      });
      setSessionCookie(ctx, token);
      return found.user;
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

  /** The signed-in user, or null: lets the app choose between the login page and the inbox. */
  me: openStaffProcedure
    .output(StaffUserSchema.nullable())
    .query(({ ctx }) => ctx.session?.user ?? null),
});
