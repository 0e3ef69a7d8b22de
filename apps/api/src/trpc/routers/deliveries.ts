import {
  DeadLetterListInputSchema,
  DeadLetterSchema,
  DeliverySummarySchema,
  pageOf,
  RedeliverInputSchema,
  RedeliveredSchema,
} from "@trace/domain";
import {
  appendAuditEvent,
  findReferralAgencies,
  listDeadOutboxJobs,
  redeliverOutboxJob,
  summarizeOutbox,
} from "@trace/db";
import { REFERRAL_DELIVERY_TOPIC } from "../../delivery/referral-delivery";
import { appError } from "../errors";
import { router, staffProcedure } from "../init";

const referralIdOf = (topic: string, payload: Record<string, unknown>): string | null =>
  topic === REFERRAL_DELIVERY_TOPIC && typeof payload.referralId === "string"
    ? payload.referralId
    : null;

/**
 * Background deliveries for coordinators: what is waiting, what ran out of attempts, and
 * "redeliver" for the latter. Job payloads never leave the server; a dead referral delivery is
 * shown with its referral and agency.
 */
export const deliveriesRouter = router({
  summary: staffProcedure("delivery.manage")
    .output(DeliverySummarySchema)
    .query(async ({ ctx }) =>
      (await summarizeOutbox(ctx.deps.database.db)).map((row) => ({
        ...row,
        oldestPendingAt: row.oldestPendingAt?.toISOString() ?? null,
      })),
    ),

  deadLetters: staffProcedure("delivery.manage")
    .input(DeadLetterListInputSchema)
    .output(pageOf(DeadLetterSchema))
    .query(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const page = await listDeadOutboxJobs(db, input);
      const referralIds = page.items.flatMap((job) => referralIdOf(job.topic, job.payload) ?? []);
      const agencies = await findReferralAgencies(db, referralIds);
      return {
        total: page.total,
        items: page.items.map((job) => {
          const referralId = referralIdOf(job.topic, job.payload);
          const agency = referralId ? agencies.get(referralId) : undefined;
          return {
            id: job.id,
            topic: job.topic,
            attempts: job.attempts,
            lastError: job.lastError,
            createdAt: job.createdAt.toISOString(),
            deadAt: job.deadAt.toISOString(),
            referral: referralId && agency ? { id: referralId, agency } : null,
          };
        }),
      };
    }),

  /** Back in the queue with a fresh set of attempts, due now. */
  redeliver: staffProcedure("delivery.manage")
    .input(RedeliverInputSchema)
    .output(RedeliveredSchema)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.deps.now();
      const result = await ctx.deps.database.db.transaction(async (tx) => {
        const job = await redeliverOutboxJob(tx, input.jobId, now);
        if (typeof job === "string") return job;
        await appendAuditEvent(tx, {
          at: now,
          actorId: ctx.user.id,
          action: "delivery.redelivered",
          entityType: "delivery",
          entityId: String(job.id),
          reason: job.topic,
        });
        return job;
      });
      if (result === "not_found") throw appError("delivery_not_found");
      if (result === "not_dead") throw appError("delivery_not_dead");
      return { id: result.id, availableAt: result.availableAt.toISOString() };
    }),
});
