import { asc, count, desc, eq } from "drizzle-orm";
import type {
  CaseDetail,
  CaseSummary,
  SeriesStatus,
  SeriesSummary,
  SuspectedCountry,
} from "@trace/domain";
import type { Executor } from "../client";
import { agencies, cases, series, traceObjects } from "../schema";
import { iso } from "./serialize";

type CaseStatus = CaseSummary["status"];

export async function listCases(db: Executor): Promise<CaseSummary[]> {
  const [rows, counts] = await Promise.all([
    db
      .select({
        kase: cases,
        agency: { id: agencies.id, code: agencies.code, name: agencies.name },
      })
      .from(cases)
      .innerJoin(agencies, eq(agencies.id, cases.leadAgencyId))
      .orderBy(asc(cases.status), desc(cases.createdAt), asc(cases.reference)),
    db.select({ caseId: series.caseId, n: count() }).from(series).groupBy(series.caseId),
  ]);
  const countOf = new Map(counts.map((c) => [c.caseId, c.n]));
  return rows.map(({ kase, agency }) => ({
    id: kase.id,
    reference: kase.reference,
    title: kase.title,
    status: kase.status,
    leadAgency: agency,
    seriesCount: countOf.get(kase.id) ?? 0,
    createdAt: iso(kase.createdAt),
  }));
}

export async function listSeries(db: Executor, caseId?: string): Promise<SeriesSummary[]> {
  const [rows, counts] = await Promise.all([
    db
      .select()
      .from(series)
      .where(caseId ? eq(series.caseId, caseId) : undefined)
      .orderBy(asc(series.code)),
    db
      .select({ seriesId: traceObjects.seriesId, n: count() })
      .from(traceObjects)
      .groupBy(traceObjects.seriesId),
  ]);
  const countOf = new Map(counts.map((c) => [c.seriesId, c.n]));
  return rows.map((s) => ({
    id: s.id,
    caseId: s.caseId,
    code: s.code,
    title: s.title,
    status: s.status,
    suspectedCountries: s.suspectedCountries,
    victimsIdentified: s.victimsIdentified,
    offendersProsecuted: s.offendersProsecuted,
    objectCount: countOf.get(s.id) ?? 0,
    createdAt: iso(s.createdAt),
  }));
}

export async function getCaseDetail(db: Executor, id: string): Promise<CaseDetail | null> {
  const summary = (await listCases(db)).find((c) => c.id === id);
  if (!summary) return null;
  return { ...summary, series: await listSeries(db, id) };
}

export async function caseExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.id, id));
  return row !== undefined;
}

export async function agencyExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id));
  return row !== undefined;
}

export async function listAgencyOptions(
  db: Executor,
): Promise<{ id: string; code: string; name: string }[]> {
  return db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name })
    .from(agencies)
    .orderBy(asc(agencies.code));
}

export async function findCaseByReference(db: Executor, reference: string) {
  const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.reference, reference));
  return row ?? null;
}

export async function updateCase(
  tx: Executor,
  id: string,
  values: { reference: string; title: string; leadAgencyId: string; status: CaseStatus },
): Promise<void> {
  await tx.update(cases).set(values).where(eq(cases.id, id));
}

export async function findSeriesByCode(db: Executor, code: string) {
  const [row] = await db.select({ id: series.id }).from(series).where(eq(series.code, code));
  return row ?? null;
}

/** A series' status, locked until the transaction ends so two changes take turns. */
export async function lockSeries(
  tx: Executor,
  id: string,
): Promise<{ status: SeriesStatus } | null> {
  const [row] = await tx
    .select({ status: series.status })
    .from(series)
    .where(eq(series.id, id))
    .for("update");
  return row ?? null;
}

export async function updateSeries(
  tx: Executor,
  id: string,
  values: Partial<{
    code: string;
    title: string;
    suspectedCountries: SuspectedCountry[];
    status: SeriesStatus;
    victimsIdentified: number;
    offendersProsecuted: number;
  }>,
): Promise<void> {
  await tx.update(series).set(values).where(eq(series.id, id));
}
