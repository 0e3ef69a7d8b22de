import { z } from "zod";
import { StatsSummarySchema } from "@trace/domain";
import { getStatsSummary } from "@trace/db";
import { publicProcedure, router } from "../init";

export const statsRouter = router({
  summary: publicProcedure
    // No parameters: anything sent is refused rather than silently ignored.
    .input(z.strictObject({}).optional())
    .output(StatsSummarySchema)
    .query(({ ctx }) => getStatsSummary(ctx.deps.database.db)),
});
