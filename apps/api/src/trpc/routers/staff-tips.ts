import { z } from "zod";
import { IdSchema, TipDetailSchema, TipListInputSchema, TipPageSchema } from "@trace/domain";
import { appendAuditEvent, getTipDetail, listTips, markMessagesRead } from "@trace/db";
import { appError } from "../errors";
import { router, staffProcedure } from "../init";
import { tipDialogueProcedures } from "./tip-dialogue";
import { tipTriageProcedures } from "./tip-triage";

export const staffTipsRouter = router({
  list: staffProcedure("tip.read")
    .input(TipListInputSchema.default({ queue: "all", sort: "priority", limit: 50, offset: 0 }))
    .output(TipPageSchema)
    .query(({ ctx, input }) => listTips(ctx.deps.database.db, input, ctx.user.id)),

  /**
   * Every read of a tip by staff is audited (who, when, which tip; never its content). The
   * tipster's replies shown by this read count as seen by staff from now on.
   */
  byId: staffProcedure("tip.read")
    .input(z.strictObject({ id: IdSchema }))
    .output(TipDetailSchema)
    .query(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const tip = await getTipDetail(db, input.id);
      if (!tip) throw appError("tip_not_found");
      const now = ctx.deps.now();
      await db.transaction(async (tx) => {
        await appendAuditEvent(tx, {
          at: now,
          actorId: ctx.user.id,
          action: "tip.read",
          entityType: "tip",
          entityId: tip.id,
        });
        const shown = tip.messages.filter((m) => m.isNew).map((m) => m.id);
        await markMessagesRead(tx, tip.id, shown, now);
      });
      return tip;
    }),

  ...tipTriageProcedures,
  ...tipDialogueProcedures,
});
