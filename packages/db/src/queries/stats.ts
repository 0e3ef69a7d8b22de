import { count, inArray, sql } from "drizzle-orm";
import type { StatsSummary } from "@trace/domain";
import type { Executor } from "../client";
import { agencies, series, tips, traceObjects } from "../schema";

const NARROWED = ["country_narrowed", "handed_over", "victim_identified", "closed"] as const;

export async function getStatsSummary(db: Executor): Promise<StatsSummary> {
  const [[objects], [tipCount], [seriesRow], [agencyCount]] = await Promise.all([
    db
      .select({
        open: sql<number>`count(*) filter (where ${traceObjects.status} = 'published')::int`,
        found: sql<number>`count(*) filter (where ${traceObjects.status} = 'origin_found')::int`,
      })
      .from(traceObjects),
    db.select({ n: count() }).from(tips),
    db
      .select({
        narrowed: sql<number>`count(*) filter (where ${inArray(series.status, [...NARROWED])})::int`,
        victims: sql<number>`coalesce(sum(${series.victimsIdentified}), 0)::int`,
      })
      .from(series),
    db.select({ n: count() }).from(agencies),
  ]);
  return {
    openObjects: objects?.open ?? 0,
    originsFound: objects?.found ?? 0,
    tipsReceived: tipCount?.n ?? 0,
    countriesNarrowed: seriesRow?.narrowed ?? 0,
    victimsIdentified: seriesRow?.victims ?? 0,
    agencies: agencyCount?.n ?? 0,
  };
}
