import { count, inArray, sql } from "drizzle-orm";
import type { StatsSummary } from "@trace/domain";
import type { Executor } from "../client";
import { agencies, series, tips, traceObjects } from "../schema";

/**
 * A series counts as narrowed to a country while it is at a narrowed step, or once any of its
 * suspected countries is confirmed. A series closed without ever being narrowed (closed from
 * "unassessed") does not count: `closed` alone says nothing about a country.
 */
const NARROWED = ["country_narrowed", "handed_over", "victim_identified"] as const;

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
        narrowed: sql<number>`count(*) filter (where ${inArray(series.status, [...NARROWED])} or ${series.suspectedCountries} @> '[{"confidence":"confirmed"}]'::jsonb)::int`,
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
