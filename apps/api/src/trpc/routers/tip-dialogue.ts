import { z } from "zod";
import { IdSchema, StaffMessageInputSchema, TimestampSchema } from "@trace/domain";
import { appendAuditEvent, insertMessage, lockTipForTriage } from "@trace/db";
import { appError } from "../errors";
import { staffProcedure } from "../init";

export const tipDialogueProcedures = {
  /** A question to the tipster. The audit event says who wrote on which tip, never what. */
  sendMessage: staffProcedure("message.send")
    .input(StaffMessageInputSchema)
    .output(z.object({ id: IdSchema, createdAt: TimestampSchema }))
    .mutation(async ({ ctx, input }) => {
      const now = ctx.deps.now();
      const id = await ctx.deps.database.db.transaction(async (tx) => {
        if (!(await lockTipForTriage(tx, input.tipId))) return null;
        const messageId = await insertMessage(tx, {
          tipId: input.tipId,
          author: "staff",
          staffAuthorId: ctx.user.id,
          body: input.body,
          createdAt: now,
          readAt: null,
        });
        await appendAuditEvent(tx, {
          at: now,
          actorId: ctx.user.id,
          action: "message.sent",
          entityType: "tip",
          entityId: input.tipId,
        });
        return messageId;
      });
      if (!id) throw appError("tip_not_found");
      return { id, createdAt: now.toISOString() };
    }),
};
