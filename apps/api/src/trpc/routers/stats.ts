import { StatsSummarySchema } from "@trace/domain";
import { getStatsSummary } from "@trace/db";
import { publicProcedure, router } from "../init";

export const statsRouter = router({
  summary: publicProcedure
    .output(StatsSummarySchema)
    .query(({ ctx }) => getStatsSummary(ctx.deps.database.db)),
});
