import { count, eq, inArray, sql, type SQL } from "drizzle-orm";
import {
  STATS_NARROWED_STATUSES,
  statsTimelineMonths,
  type StatsMonthCounts,
  type StatsSummary,
  type StatsTimeline,
} from "@trace/domain";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { agencies, series, seriesOutcomes, tips, traceObjects } from "../schema";

/**
 * The domain's `isSeriesNarrowed` as SQL over the `series` row: at a narrowed step, or with any
 * suspected country confirmed. `closed` alone says nothing about a country.
 */
export function seriesIsNarrowed(): SQL {
  return sql`(${inArray(series.status, [...STATS_NARROWED_STATUSES])} or ${series.suspectedCountries} @> '[{"confidence":"confirmed"}]'::jsonb)`;
}

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
        narrowed: sql<number>`count(*) filter (where ${seriesIsNarrowed()})::int`,
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

/** "YYYY-MM" of a timestamp column in UTC, whatever the session's time zone. */
function utcMonth(column: SQL | AnyPgColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM')`;
}

type Counted = keyof Omit<StatsMonthCounts, "month">;

/**
 * Month by month (UTC) over the last `STATS_TIMELINE_MONTHS` months up to `now`: tips received,
 * objects published and origins found (objects the public can still see: a withdrawn object leaves
 * no trace), series narrowed to a country (those that count as narrowed today, by the date they
 * became so) and the net change in victims identified as outcomes were recorded. Counts only.
 */
export async function getStatsTimeline(db: Executor, now: Date): Promise<StatsTimeline> {
  const months = statsTimelineMonths(now);
  const [first] = months;
  // The window's first instant; everything is also bounded by `now` (a scheduled date in the future
  // is not history yet).
  const from = new Date(`${first}-01T00:00:00Z`);
  const inWindow = (column: SQL | AnyPgColumn) =>
    sql`${column} >= ${from.toISOString()}::timestamptz and ${column} <= ${now.toISOString()}::timestamptz`;

  const perMonth = (column: AnyPgColumn) => ({
    month: utcMonth(column),
    n: sql<number>`count(*)::int`,
  });

  // Each outcome record's change from the one before it for the same series (the first one counts
  // from zero), so a corrected figure moves the month it was corrected in.
  const outcomeChanges = db.$with("outcome_changes").as(
    db
      .select({
        at: sql<Date>`${seriesOutcomes.at}`.as("at"),
        change:
          sql<number>`${seriesOutcomes.victimsIdentified} - coalesce(lag(${seriesOutcomes.victimsIdentified}) over (partition by ${seriesOutcomes.seriesId} order by ${seriesOutcomes.at}, ${seriesOutcomes.id}), 0)`.as(
            "change",
          ),
      })
      .from(seriesOutcomes),
  );
  const changeAt = sql`${sql.identifier("outcome_changes")}.${sql.identifier("at")}`;

  const [tipRows, publishedRows, foundRows, narrowedRows, victimRows] = await Promise.all([
    db
      .select(perMonth(tips.receivedAt))
      .from(tips)
      .where(inWindow(sql`${tips.receivedAt}`))
      .groupBy(sql`1`),
    db
      .select(perMonth(traceObjects.publishedAt))
      .from(traceObjects)
      .where(
        sql`${inArray(traceObjects.status, ["published", "origin_found"])} and ${inWindow(sql`${traceObjects.publishedAt}`)}`,
      )
      .groupBy(sql`1`),
    db
      .select(perMonth(traceObjects.originFoundAt))
      .from(traceObjects)
      .where(
        sql`${eq(traceObjects.status, "origin_found")} and ${inWindow(sql`${traceObjects.originFoundAt}`)}`,
      )
      .groupBy(sql`1`),
    db
      .select(perMonth(series.narrowedAt))
      .from(series)
      .where(sql`${seriesIsNarrowed()} and ${inWindow(sql`${series.narrowedAt}`)}`)
      .groupBy(sql`1`),
    db
      .with(outcomeChanges)
      .select({ month: utcMonth(changeAt), n: sql<number>`sum(change)::int` })
      .from(outcomeChanges)
      .where(inWindow(changeAt))
      .groupBy(sql`1`),
  ]);

  const byMonth = new Map<string, StatsMonthCounts>(
    months.map((month) => [
      month,
      {
        month,
        tipsReceived: 0,
        objectsPublished: 0,
        originsFound: 0,
        countriesNarrowed: 0,
        victimsIdentified: 0,
      },
    ]),
  );
  const put = (rows: { month: string; n: number }[], key: Counted) => {
    for (const row of rows) {
      const entry = byMonth.get(row.month);
      if (entry) entry[key] = row.n;
    }
  };
  put(tipRows, "tipsReceived");
  put(publishedRows, "objectsPublished");
  put(foundRows, "originsFound");
  put(narrowedRows, "countriesNarrowed");
  put(victimRows, "victimsIdentified");
  return { months: [...byMonth.values()] };
}

/**
 * Keeps `series.narrowed_at` in step with the narrowed rule after a change to the series: set when
 * it starts counting as narrowed, kept while it does, cleared when it stops.
 */
export async function refreshSeriesNarrowedAt(tx: Executor, id: string, now: Date): Promise<void> {
  await tx
    .update(series)
    .set({
      narrowedAt: sql`case when ${seriesIsNarrowed()} then coalesce(${series.narrowedAt}, ${now.toISOString()}::timestamptz) else null end`,
    })
    .where(eq(series.id, id));
}

/** Records a series' outcome figures and keeps them in its history (`series_outcomes`). */
export async function recordSeriesOutcome(
  tx: Executor,
  id: string,
  values: { victimsIdentified: number; offendersProsecuted: number },
  now: Date,
): Promise<void> {
  await tx.update(series).set(values).where(eq(series.id, id));
  await tx.insert(seriesOutcomes).values({ seriesId: id, at: now, ...values });
}
