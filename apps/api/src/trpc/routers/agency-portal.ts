import { z } from "zod";
import {
  AcknowledgeReferralInputSchema,
  DisposeReferralInputSchema,
  IdSchema,
  ReferralDetailSchema,
  ReferralListInputSchema,
  ReferralListSchema,
  ReferralQuestionInputSchema,
  transitionReferral,
  type StaffUser,
} from "@trace/domain";
import {
  appendAuditEvent,
  getReferralDetail,
  listReferrals,
  lockReferral,
  recordReferralAcknowledged,
  recordReferralDisposition,
  type Executor,
  type ReferralScope,
} from "@trace/db";
import { appError } from "../errors";
import { router, staffProcedure } from "../init";
import { postReferralMessage } from "./referrals";

/**
 * A liaison reads only their own agency's delivered referrals. Any other referral, whatever it
 * is, answers exactly as one that does not exist.
 */
function agencyScope(user: StaffUser): ReferralScope {
  // A liaison account always has an agency; without one it sees nothing.
  return { kind: "agency", agencyId: user.agencyId ?? "00000000-0000-0000-0000-000000000000" };
}

async function loadOwn(db: Executor, id: string, user: StaffUser) {
  const detail = await getReferralDetail(db, id, agencyScope(user));
  if (!detail) throw appError("referral_not_found");
  return detail;
}

/**
 * The agency liaison portal: referrals to the liaison's agency, the tips inside them,
 * acknowledgement, the outcome, and questions to the hub. Every read of a referral's tips is
 * audited, as the hub's reads of tips are.
 */
export const agencyPortalRouter = router({
  list: staffProcedure("referral.respond")
    .input(ReferralListInputSchema)
    .output(ReferralListSchema)
    .query(({ ctx, input }) =>
      listReferrals(ctx.deps.database.db, agencyScope(ctx.user), { ...input, agencyId: undefined }),
    ),

  byId: staffProcedure("referral.respond")
    .input(z.strictObject({ id: IdSchema }))
    .output(ReferralDetailSchema)
    .query(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const detail = await loadOwn(db, input.id, ctx.user);
      await db.transaction((tx) =>
        appendAuditEvent(tx, {
          at: ctx.deps.now(),
          actorId: ctx.user.id,
          action: "referral.read",
          entityType: "referral",
          entityId: detail.id,
        }),
      );
      return detail;
    }),

  acknowledge: staffProcedure("referral.respond")
    .input(AcknowledgeReferralInputSchema)
    .output(ReferralDetailSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const at = ctx.deps.now();
      await db.transaction(async (tx) => {
        const referral = await lockReferral(tx, input.referralId, agencyScope(ctx.user));
        if (!referral) throw appError("referral_not_found");
        const next = transitionReferral(referral, { type: "acknowledge" });
        if (!next.ok) throw appError("referral_illegal_transition");
        await recordReferralAcknowledged(tx, referral.id, { actorId: ctx.user.id, at });
        await appendAuditEvent(tx, {
          at,
          actorId: ctx.user.id,
          action: "referral.acknowledged",
          entityType: "referral",
          entityId: referral.id,
        });
      });
      return loadOwn(db, input.referralId, ctx.user);
    }),

  dispose: staffProcedure("referral.respond")
    .input(DisposeReferralInputSchema)
    .output(ReferralDetailSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const at = ctx.deps.now();
      await db.transaction(async (tx) => {
        const referral = await lockReferral(tx, input.referralId, agencyScope(ctx.user));
        if (!referral) throw appError("referral_not_found");
        const next = transitionReferral(referral, {
          type: "dispose",
          disposition: input.disposition,
          note: input.note ?? null,
        });
        if (!next.ok)
          throw appError(
            next.error === "note_required"
              ? "referral_note_required"
              : "referral_illegal_transition",
          );
        await recordReferralDisposition(tx, referral.id, {
          disposition: input.disposition,
          note: input.note?.trim() || null,
          actorId: ctx.user.id,
          at,
          acknowledge: referral.status === "delivered",
        });
        await appendAuditEvent(tx, {
          at,
          actorId: ctx.user.id,
          action: "referral.disposed",
          entityType: "referral",
          entityId: referral.id,
        });
      });
      return loadOwn(db, input.referralId, ctx.user);
    }),

  /** A question from the agency to the hub about this referral. */
  ask: staffProcedure("referral.respond")
    .input(ReferralQuestionInputSchema)
    .output(ReferralDetailSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      await postReferralMessage(db, agencyScope(ctx.user), "agency", {
        ...input,
        authorId: ctx.user.id,
        at: ctx.deps.now(),
      });
      return loadOwn(db, input.referralId, ctx.user);
    }),
});
