import { z } from "zod";
import {
  canTipsterReply,
  MessageBodySchema,
  TimestampSchema,
  TipReceiptSchema,
  TipStatusViewSchema,
  TipSubmitRequestSchema,
} from "@trace/domain";
import {
  appendAuditEvent,
  findTipIdByReceiptHash,
  getTipStatusByReceiptHash,
  insertMessage,
  listThreadAuthors,
  lockTipForTriage,
  markMessagesRead,
} from "@trace/db";
import {
  beginReceiptLookup,
  receiptLookupHash,
  ReceiptLookupCodeSchema,
  takeTipSubmission,
} from "../../abuse/throttle";
import { createTipChallenge, TipChallengeSchema } from "../../abuse/submission-trust";
import { submitTip } from "../../services/tip-submission";
import { appError } from "../errors";
import { publicProcedure, router } from "../init";

export const tipsRouter = router({
  /** See `submitTip`: the receipt is returned only once the tip is stored. */
  submit: publicProcedure
    // Before the input is read: every attempt counts, and one over the limit costs nothing.
    .use(async ({ ctx, next }) => {
      await takeTipSubmission(ctx);
      return next();
    })
    .input(TipSubmitRequestSchema)
    .output(TipReceiptSchema)
    .mutation(({ ctx, input }) => {
      const { honeypot, formTicket, proofOfWork, idempotencyKey, ...tip } = input;
      return submitTip(
        ctx.deps,
        tip,
        { channel: "app", honeypot, formTicket, proofOfWork },
        idempotencyKey,
      );
    }),

  /**
   * What the site's tip form fetches when it opens: a proof-of-work challenge to solve while the
   * tipster types, and the ticket that starts the fill time. Never cached (each answer is new and
   * single-use), and like all of the public listener it sets no cookie.
   */
  challenge: publicProcedure.output(TipChallengeSchema).query(async ({ ctx }) => {
    ctx.resHeaders.set("Cache-Control", "no-store");
    const { deps } = ctx;
    return createTipChallenge(
      deps.proofOfWorkKey,
      deps.formTicketKey,
      deps.submissionTrust.proofOfWork,
      deps.now(),
    );
  }),

  /**
   * A query sent as POST by the public client, so the receipt code never sits in a URL. A
   * malformed code, an unknown one and one whose tip retention has deleted get the same 404
   * by the same path; guessing is throttled per sender.
   */
  status: publicProcedure
    .input(z.strictObject({ receiptCode: ReceiptLookupCodeSchema }))
    .output(TipStatusViewSchema)
    .query(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const lookup = await beginReceiptLookup(ctx);
      const found = await getTipStatusByReceiptHash(
        db,
        receiptLookupHash(ctx.deps.receiptHashKey, input.receiptCode),
      );
      if (!found) throw appError("receipt_not_found");
      await lookup.found();
      // The staff messages shown now are "new" this once; the next visit shows them as seen.
      const { tipId, unseenIds, ...view } = found;
      await markMessagesRead(db, tipId, unseenIds, ctx.deps.now());
      return view;
    }),

  /**
   * The tipster answers with the receipt code as the only key: nothing about who they are is
   * asked for or stored. Sent as a POST body, like the status check.
   */
  reply: publicProcedure
    // As `status`: any string as the code, answered and throttled the same way.
    .input(z.strictObject({ receiptCode: ReceiptLookupCodeSchema, body: MessageBodySchema }))
    .output(z.object({ createdAt: TimestampSchema }))
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const lookup = await beginReceiptLookup(ctx);
      const tipId = await findTipIdByReceiptHash(
        db,
        receiptLookupHash(ctx.deps.receiptHashKey, input.receiptCode),
      );
      if (!tipId) throw appError("receipt_not_found");
      await lookup.found();
      const now = ctx.deps.now();
      const refusal = await db.transaction(async (tx) => {
        // The row lock makes concurrent replies on one tip take turns, so the limit holds.
        await lockTipForTriage(tx, tipId);
        const allowed = canTipsterReply(await listThreadAuthors(tx, tipId));
        if (!allowed.ok) return allowed.error;
        await insertMessage(tx, {
          tipId,
          author: "tipster",
          staffAuthorId: null,
          body: input.body,
          createdAt: now,
          readAt: null,
        });
        await appendAuditEvent(tx, {
          at: now,
          actorId: null,
          action: "message.received",
          entityType: "tip",
          entityId: tipId,
        });
        return null;
      });
      if (refusal) throw appError(refusal);
      return { createdAt: now.toISOString() };
    }),
});
