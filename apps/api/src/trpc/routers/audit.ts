import { z } from "zod";
import {
  AuditActorSchema,
  AuditChainResultSchema,
  AuditEventViewSchema,
  AuditListInputSchema,
  pageOf,
} from "@trace/domain";
import { listAuditActors, listAuditEventsPage, verifyAuditChain } from "@trace/db";
import { router, staffProcedure } from "../init";

/** Coordinators browse the trail and check that it has not been altered. */
export const auditRouter = router({
  list: staffProcedure("audit.read")
    .input(AuditListInputSchema.default({ limit: 50, offset: 0 }))
    .output(pageOf(AuditEventViewSchema))
    .query(({ ctx, input }) => listAuditEventsPage(ctx.deps.database.db, input)),

  /** Staff who may appear as actors, for the filter. */
  actors: staffProcedure("audit.read")
    .output(z.array(AuditActorSchema))
    .query(({ ctx }) => listAuditActors(ctx.deps.database.db)),

  /** Recomputes the whole hash chain; a broken link names the first event that does not match. */
  verify: staffProcedure("audit.read")
    .output(AuditChainResultSchema)
    .query(({ ctx }) => verifyAuditChain(ctx.deps.database.db)),
});
