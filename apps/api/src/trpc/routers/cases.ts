import { z } from "zod";
import {
  AgencyOptionSchema,
  CaseDetailSchema,
  CaseInputSchema,
  CaseSummarySchema,
  CaseUpdateInputSchema,
  IdSchema,
  SeriesInputSchema,
  SeriesOutcomeInputSchema,
  SeriesStatusInputSchema,
  SeriesSummarySchema,
  SeriesUpdateInputSchema,
  transitionSeries,
} from "@trace/domain";
import {
  agencyExists,
  appendAuditEvent,
  caseExists,
  findCaseByReference,
  findSeriesByCode,
  getCaseDetail,
  insertCase,
  insertSeries,
  listAgencyOptions,
  listCases,
  listSeries,
  lockSeries,
  recordSeriesOutcome,
  refreshSeriesNarrowedAt,
  updateCase,
  updateSeries,
  type Executor,
} from "@trace/db";
import { appError } from "../errors";
import { router, staffProcedure } from "../init";

async function loadCase(db: Executor, id: string) {
  const detail = await getCaseDetail(db, id);
  if (!detail) throw appError("case_not_found");
  return detail;
}

async function loadSeries(db: Executor, id: string) {
  const found = (await listSeries(db)).find((s) => s.id === id);
  if (!found) throw appError("series_not_found");
  return found;
}

/** Cases and the series inside them: the hub's working structure, never shown publicly. */
export const casesRouter = router({
  list: staffProcedure("case.read")
    .output(z.array(CaseSummarySchema))
    .query(({ ctx }) => listCases(ctx.deps.database.db)),

  byId: staffProcedure("case.read")
    .input(z.strictObject({ id: IdSchema }))
    .output(CaseDetailSchema)
    .query(({ ctx, input }) => loadCase(ctx.deps.database.db, input.id)),

  agencies: staffProcedure("case.read")
    .output(z.array(AgencyOptionSchema))
    .query(({ ctx }) => listAgencyOptions(ctx.deps.database.db)),

  create: staffProcedure("case.edit")
    .input(CaseInputSchema)
    .output(CaseDetailSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const now = ctx.deps.now();
      const id = await db.transaction(async (tx) => {
        if (!(await agencyExists(tx, input.leadAgencyId))) throw appError("agency_not_found");
        if (await findCaseByReference(tx, input.reference)) throw appError("case_reference_taken");
        const caseId = await insertCase(tx, { ...input, createdAt: now });
        await appendAuditEvent(tx, {
          at: now,
          actorId: ctx.user.id,
          action: "case.created",
          entityType: "case",
          entityId: caseId,
        });
        return caseId;
      });
      return loadCase(db, id);
    }),

  update: staffProcedure("case.edit")
    .input(CaseUpdateInputSchema)
    .output(CaseDetailSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const { id, ...values } = input;
      const now = ctx.deps.now();
      await db.transaction(async (tx) => {
        if (!(await caseExists(tx, id))) throw appError("case_not_found");
        if (!(await agencyExists(tx, values.leadAgencyId))) throw appError("agency_not_found");
        const sameRef = await findCaseByReference(tx, values.reference);
        if (sameRef && sameRef.id !== id) throw appError("case_reference_taken");
        await updateCase(tx, id, values);
        await appendAuditEvent(tx, {
          at: now,
          actorId: ctx.user.id,
          action: "case.updated",
          entityType: "case",
          entityId: id,
        });
      });
      return loadCase(db, id);
    }),
});

export const seriesRouter = router({
  list: staffProcedure("case.read")
    .input(z.strictObject({ caseId: IdSchema.optional() }).default({}))
    .output(z.array(SeriesSummarySchema))
    .query(({ ctx, input }) => listSeries(ctx.deps.database.db, input.caseId)),

  byId: staffProcedure("case.read")
    .input(z.strictObject({ id: IdSchema }))
    .output(SeriesSummarySchema)
    .query(({ ctx, input }) => loadSeries(ctx.deps.database.db, input.id)),

  create: staffProcedure("case.edit")
    .input(SeriesInputSchema)
    .output(SeriesSummarySchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const now = ctx.deps.now();
      const id = await db.transaction(async (tx) => {
        if (!(await caseExists(tx, input.caseId))) throw appError("case_not_found");
        if (await findSeriesByCode(tx, input.code)) throw appError("series_code_taken");
        const seriesId = await insertSeries(tx, {
          ...input,
          suspectedCountries: [],
          status: "unassessed",
          victimsIdentified: 0,
          offendersProsecuted: 0,
          createdAt: now,
        });
        await appendAuditEvent(tx, {
          at: now,
          actorId: ctx.user.id,
          action: "series.created",
          entityType: "series",
          entityId: seriesId,
        });
        return seriesId;
      });
      return loadSeries(db, id);
    }),

  /** Code, title and the suspected countries with their confidence and evidence note. */
  update: staffProcedure("case.edit")
    .input(SeriesUpdateInputSchema)
    .output(SeriesSummarySchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const { id, ...values } = input;
      const now = ctx.deps.now();
      await db.transaction(async (tx) => {
        if (!(await lockSeries(tx, id))) throw appError("series_not_found");
        const sameCode = await findSeriesByCode(tx, values.code);
        if (sameCode && sameCode.id !== id) throw appError("series_code_taken");
        await updateSeries(tx, id, values);
        // A confirmed country narrows the series (public statistics).
        await refreshSeriesNarrowedAt(tx, id, now);
        await appendAuditEvent(tx, {
          at: now,
          actorId: ctx.user.id,
          action: "series.updated",
          entityType: "series",
          entityId: id,
        });
      });
      return loadSeries(db, id);
    }),

  setStatus: staffProcedure("case.edit")
    .input(SeriesStatusInputSchema)
    .output(SeriesSummarySchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const now = ctx.deps.now();
      await db.transaction(async (tx) => {
        const current = await lockSeries(tx, input.id);
        if (!current) throw appError("series_not_found");
        const next = transitionSeries(current.status, input.status);
        if (!next.ok) throw appError(next.error);
        await updateSeries(tx, input.id, { status: next.value });
        await refreshSeriesNarrowedAt(tx, input.id, now);
        await appendAuditEvent(tx, {
          at: now,
          actorId: ctx.user.id,
          action: "series.status_changed",
          entityType: "series",
          entityId: input.id,
          reason: `${current.status} → ${next.value}`,
        });
      });
      return loadSeries(db, input.id);
    }),

  /** Outcomes feed the public statistics, so only a coordinator records them. */
  recordOutcome: staffProcedure("series.outcome")
    .input(SeriesOutcomeInputSchema)
    .output(SeriesSummarySchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const { id, ...values } = input;
      const now = ctx.deps.now();
      await db.transaction(async (tx) => {
        if (!(await lockSeries(tx, id))) throw appError("series_not_found");
        await recordSeriesOutcome(tx, id, values, now);
        await appendAuditEvent(tx, {
          at: now,
          actorId: ctx.user.id,
          action: "series.outcome_recorded",
          entityType: "series",
          entityId: id,
          reason: `victims identified ${values.victimsIdentified}, offenders prosecuted ${values.offendersProsecuted}`,
        });
      });
      return loadSeries(db, id);
    }),
});
