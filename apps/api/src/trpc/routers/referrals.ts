import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  checkReferralRequest,
  CreateReferralInputSchema,
  IdSchema,
  publicTipStatus,
  ReferralDetailSchema,
  ReferralListInputSchema,
  ReferralListSchema,
  ReferralQuestionInputSchema,
  ReferralSummarySchema,
  RoutingDecisionViewSchema,
  SuggestReferralInputSchema,
  transitionTip,
  type ReferralMessageSide,
} from "@trace/domain";
import {
  agencyAcceptsReferrals,
  appendAuditEvent,
  enqueueOutboxJob,
  getReferralDetail,
  getRoutingTips,
  insertReferral,
  insertReferralMessage,
  listReferrals,
  listReferralsForTip,
  listRoutingRules,
  lockReferral,
  lockTipForTriage,
  REFERRAL_DELIVERY_TOPIC,
  recordTipTransition,
  tipsAlreadyReferred,
  type Executor,
  type ReferralScope,
} from "@trace/db";
import { appError } from "../errors";
import { router, staffProcedure } from "../init";
import { combinedDecision, routingContext } from "../../services/routing";

async function suggestion(db: Executor, tipIds: string[]) {
  const [rows, rules, context] = await Promise.all([
    getRoutingTips(db, tipIds),
    listRoutingRules(db),
    routingContext(db),
  ]);
  if (rows.length !== new Set(tipIds).size) throw appError("referral_tips_not_found");
  return { rows, decision: combinedDecision(rows, rules, context) };
}

const HUB = { kind: "hub" } as const;

/** A message on a referral the writer may see, from the hub or from the receiving agency. */
export async function postReferralMessage(
  db: Executor,
  scope: ReferralScope,
  side: ReferralMessageSide,
  message: { referralId: string; body: string; authorId: string; at: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await lockReferral(tx, message.referralId, scope))) throw appError("referral_not_found");
    await insertReferralMessage(tx, { ...message, side });
    await appendAuditEvent(tx, {
      at: message.at,
      actorId: message.authorId,
      action: "referral.message_sent",
      entityType: "referral",
      entityId: message.referralId,
    });
  });
}

/**
 * The hub's side of referrals: what the rules suggest, referring tips to an agency, following
 * every referral and answering the agency's questions.
 */
export const referralsRouter = router({
  suggest: staffProcedure("referral.send")
    .input(SuggestReferralInputSchema)
    .output(RoutingDecisionViewSchema)
    .query(
      async ({ ctx, input }) => (await suggestion(ctx.deps.database.db, input.tipIds)).decision,
    ),

  /**
   * Refers tips about one object to an agency. In one transaction: the tips become routed (the
   * tipster sees "passed on", never to whom), the referral is written with what the rules
   * suggested, and its delivery job is queued. Choosing another agency than the rules suggest
   * needs a reason, kept in the audit trail.
   */
  create: staffProcedure("referral.send")
    .input(CreateReferralInputSchema)
    .output(ReferralDetailSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const at = ctx.deps.now();
      const { rows, decision } = await suggestion(db, input.tipIds);
      const suggested = decision.agencies.map((a) => a.id);
      const checked = checkReferralRequest({
        agencyId: input.agencyId,
        suggestedAgencyIds: suggested,
        tipObjectIds: rows.map((r) => r.object?.id ?? null),
        overrideReason: input.overrideReason,
      });
      if (!checked.ok)
        throw appError(
          checked.error === "mixed_objects"
            ? "referral_tips_mixed_objects"
            : "referral_override_reason_required",
        );
      const { objectId, overridesSuggestion: overrides, reason } = checked.value;

      const id = await db.transaction(async (tx) => {
        const accepts = await agencyAcceptsReferrals(tx, input.agencyId);
        if (accepts === null) throw appError("agency_not_found");
        if (!accepts) throw appError("referral_agency_inactive");
        // Lock in id order so that two referrals of overlapping tips cannot deadlock.
        for (const tipId of [...input.tipIds].sort()) {
          const tip = await lockTipForTriage(tx, tipId);
          if (!tip) throw appError("referral_tips_not_found");
          if (tip.triageStatus === "routed") continue;
          const routed = transitionTip(tip, { type: "route" });
          if (!routed.ok) throw appError("referral_tip_not_triaged");
          await recordTipTransition(tx, {
            tipId,
            triageStatus: routed.value.triageStatus,
            publicStatus: publicTipStatus(routed.value.triageStatus),
            priority: routed.value.priority,
            duplicateOfId: routed.value.duplicateOfId,
            actorId: ctx.user.id,
            at,
          });
        }
        if ((await tipsAlreadyReferred(tx, input.agencyId, input.tipIds)).length > 0)
          throw appError("referral_already_sent");
        const idempotencyKey = randomUUID();
        const referralId = await insertReferral(tx, {
          agencyId: input.agencyId,
          objectId,
          tipIds: input.tipIds,
          idempotencyKey,
          createdById: ctx.user.id,
          suggestedAgencyIds: suggested,
          overrideReason: reason,
          at,
        });
        await enqueueOutboxJob(tx, {
          topic: REFERRAL_DELIVERY_TOPIC,
          idempotencyKey,
          payload: { referralId },
        });
        await appendAuditEvent(tx, {
          at,
          actorId: ctx.user.id,
          action: overrides ? "referral.created_against_suggestion" : "referral.created",
          entityType: "referral",
          entityId: referralId,
          reason,
        });
        return referralId;
      });
      return (await getReferralDetail(db, id, HUB))!;
    }),

  list: staffProcedure("referral.send")
    .input(ReferralListInputSchema)
    .output(ReferralListSchema)
    .query(({ ctx, input }) => listReferrals(ctx.deps.database.db, HUB, input)),

  forTip: staffProcedure("referral.send")
    .input(z.strictObject({ tipId: IdSchema }))
    .output(z.array(ReferralSummarySchema))
    .query(({ ctx, input }) => listReferralsForTip(ctx.deps.database.db, input.tipId)),

  byId: staffProcedure("referral.send")
    .input(z.strictObject({ id: IdSchema }))
    .output(ReferralDetailSchema)
    .query(async ({ ctx, input }) => {
      const detail = await getReferralDetail(ctx.deps.database.db, input.id, HUB);
      if (!detail) throw appError("referral_not_found");
      return detail;
    }),

  /** The hub answers (or asks) the receiving agency on one referral. */
  reply: staffProcedure("referral.send")
    .input(ReferralQuestionInputSchema)
    .output(ReferralDetailSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      await postReferralMessage(db, HUB, "hub", {
        ...input,
        authorId: ctx.user.id,
        at: ctx.deps.now(),
      });
      return (await getReferralDetail(db, input.referralId, HUB))!;
    }),
});
