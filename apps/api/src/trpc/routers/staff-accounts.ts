import { z } from "zod";
import {
  AgencyOptionSchema,
  ChangeStaffRoleInputSchema,
  CreatedStaffAccountSchema,
  CreateStaffAccountInputSchema,
  randomBase32,
  SetStaffDisabledInputSchema,
  StaffAccountIdInputSchema,
  StaffAccountSchema,
  type AuditAction,
} from "@trace/domain";
import {
  agencyExists,
  appendAuditEvent,
  findStaffAccount,
  insertStaffUser,
  isStaffEmailTaken,
  listAgencyOptions,
  listStaffAccounts,
  resetSecondFactor,
  revokeAllSessions,
  revokeLoginChallenges,
  setStaffDisabled,
  setStaffRole,
  type Executor,
} from "@trace/db";
import { hashPassword } from "../../services/secrets";
import { appError } from "../errors";
import { router, staffProcedure } from "../init";

const adminProcedure = staffProcedure("staff.manage");

/** Ends everything the account has open: sessions, and logins waiting for their second step. */
async function endAccess(tx: Executor, userId: string, now: Date): Promise<void> {
  await revokeAllSessions(tx, userId, now);
  await revokeLoginChallenges(tx, userId, now);
}

async function audit(tx: Executor, now: Date, actorId: string, action: AuditAction, id: string) {
  await appendAuditEvent(tx, { at: now, actorId, action, entityType: "user", entityId: id });
}

/**
 * Staff accounts, for admins only. An admin never changes their own account here (no locking
 * oneself out by accident); every change is audited, and the ones that take access away end the
 * account's sessions in the same transaction.
 */
export const staffAccountsRouter = router({
  list: adminProcedure
    .output(z.array(StaffAccountSchema))
    .query(({ ctx }) => listStaffAccounts(ctx.deps.database.db)),

  agencies: adminProcedure
    .output(z.array(AgencyOptionSchema))
    .query(({ ctx }) => listAgencyOptions(ctx.deps.database.db)),

  /** The first password is generated and shown once; the second factor is set up at first login. */
  create: adminProcedure
    .input(CreateStaffAccountInputSchema)
    .output(CreatedStaffAccountSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      if (input.agencyId && !(await agencyExists(db, input.agencyId)))
        throw appError("agency_not_found");
      if (await isStaffEmailTaken(db, input.email)) throw appError("staff_email_taken");
      const temporaryPassword = randomBase32(ctx.deps.random, 20).match(/.{4}/g)!.join("-");
      const passwordHash = await hashPassword(temporaryPassword);
      const now = ctx.deps.now();
      const user = await db.transaction(async (tx) => {
        const created = await insertStaffUser(tx, { ...input, passwordHash });
        await audit(tx, now, ctx.user.id, "staff.created", created.id);
        return created;
      });
      return { account: { ...user, hasSecondFactor: false }, temporaryPassword };
    }),

  setDisabled: adminProcedure
    .input(SetStaffDisabledInputSchema)
    .output(StaffAccountSchema)
    .mutation(async ({ ctx, input }) => {
      if (input.id === ctx.user.id) throw appError("own_account");
      const now = ctx.deps.now();
      const account = await ctx.deps.database.db.transaction(async (tx) => {
        const updated = await setStaffDisabled(tx, input.id, input.isDisabled);
        if (!updated) return null;
        if (input.isDisabled) await endAccess(tx, input.id, now);
        await audit(
          tx,
          now,
          ctx.user.id,
          input.isDisabled ? "staff.disabled" : "staff.enabled",
          input.id,
        );
        return updated;
      });
      if (!account) throw appError("staff_account_not_found");
      return account;
    }),

  changeRole: adminProcedure
    .input(ChangeStaffRoleInputSchema)
    .output(StaffAccountSchema)
    .mutation(async ({ ctx, input }) => {
      if (input.id === ctx.user.id) throw appError("own_account");
      const { db } = ctx.deps.database;
      if (input.agencyId && !(await agencyExists(db, input.agencyId)))
        throw appError("agency_not_found");
      const now = ctx.deps.now();
      const account = await db.transaction(async (tx) => {
        const updated = await setStaffRole(tx, input.id, input.role, input.agencyId);
        if (updated) await audit(tx, now, ctx.user.id, "staff.role_changed", input.id);
        return updated;
      });
      if (!account) throw appError("staff_account_not_found");
      return account;
    }),

  /** Forces enrolment at the next login (a lost phone) and ends the account's sessions now. */
  resetSecondFactor: adminProcedure
    .input(StaffAccountIdInputSchema)
    .output(StaffAccountSchema)
    .mutation(async ({ ctx, input }) => {
      if (input.id === ctx.user.id) throw appError("own_account");
      const now = ctx.deps.now();
      const { db } = ctx.deps.database;
      if (!(await findStaffAccount(db, input.id))) throw appError("staff_account_not_found");
      return db.transaction(async (tx) => {
        const updated = (await resetSecondFactor(tx, input.id))!;
        await endAccess(tx, input.id, now);
        await audit(tx, now, ctx.user.id, "staff.second_factor_reset", input.id);
        return updated;
      });
    }),
});
