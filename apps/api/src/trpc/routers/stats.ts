import { z } from "zod";
import { StatsSummarySchema, StatsTimelineSchema } from "@trace/domain";
import { getStatsSummary, getStatsTimeline } from "@trace/db";
import { publicProcedure, router } from "../init";

export const statsRouter = router({
  summary: publicProcedure
    // No parameters: anything sent is refused rather than silently ignored.
    .input(z.strictObject({}).optional())
    .output(StatsSummarySchema)
    .query(({ ctx }) => getStatsSummary(ctx.deps.database.db)),

  /** Month-by-month counts for the statistics page: aggregates only, no parameters. */
  timeline: publicProcedure
    .input(z.strictObject({}).optional())
    .output(StatsTimelineSchema)
    .query(({ ctx }) => getStatsTimeline(ctx.deps.database.db, ctx.deps.now())),
});
