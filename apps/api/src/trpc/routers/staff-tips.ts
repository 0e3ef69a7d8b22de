import { z } from "zod";
import {
  IdSchema,
  pageOf,
  TipDetailSchema,
  TipListInputSchema,
  TipListItemSchema,
} from "@trace/domain";
import { appendAuditEvent, getTipDetail, listTips } from "@trace/db";
import { appError } from "../errors";
import { router, staffProcedure } from "../init";

export const staffTipsRouter = router({
  list: staffProcedure("tip.read")
    .input(TipListInputSchema.default({ sort: "priority", limit: 50, offset: 0 }))
    .output(pageOf(TipListItemSchema))
    .query(({ ctx, input }) => listTips(ctx.deps.database.db, input)),

  /** Every read of a tip by staff is audited (who, when, which tip; never its content). */
  byId: staffProcedure("tip.read")
    .input(z.strictObject({ id: IdSchema }))
    .output(TipDetailSchema)
    .query(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const tip = await getTipDetail(db, input.id);
      if (!tip) throw appError("tip_not_found");
      await db.transaction((tx) =>
        appendAuditEvent(tx, {
          at: ctx.deps.now(),
          actorId: ctx.user.id,
          action: "tip.read",
          entityType: "tip",
          entityId: tip.id,
        }),
      );
      return tip;
    }),
});
