import { z } from "zod";
import type { SeriesStatus, SuspectedCountry } from "../series/series";

const count = z.number().int().min(0);

/** Headline figures on the public home page. Aggregates only: nothing identifies a tip. */
export const StatsSummarySchema = z.object({
  openObjects: count,
  originsFound: count,
  tipsReceived: count,
  countriesNarrowed: count,
  victimsIdentified: count,
  agencies: count,
});
export type StatsSummary = z.infer<typeof StatsSummarySchema>;

/** How many calendar months (UTC) the public statistics page charts, the current one included. */
export const STATS_TIMELINE_MONTHS = 12;

/** A calendar month in UTC, "YYYY-MM". */
export const StatsMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/**
 * What happened in one calendar month (UTC), counted at the month level only. Every figure is a
 * count of something already public (a published object, a found origin) or an aggregate of the
 * home page's figures spread over time; nothing identifies a tip, an object or a series.
 * `victimsIdentified` is the net change recorded that month (a correction can lower it).
 */
export const StatsMonthCountsSchema = z.object({
  month: StatsMonthSchema,
  tipsReceived: count,
  objectsPublished: count,
  originsFound: count,
  countriesNarrowed: count,
  victimsIdentified: z.number().int(),
});
export type StatsMonthCounts = z.infer<typeof StatsMonthCountsSchema>;

/** The last `STATS_TIMELINE_MONTHS` months, oldest first, every month present (zeros included). */
export const StatsTimelineSchema = z.object({
  months: z.array(StatsMonthCountsSchema).max(STATS_TIMELINE_MONTHS),
});
export type StatsTimeline = z.infer<typeof StatsTimelineSchema>;

/**
 * The `count` months ending with the month of `now` (UTC), oldest first, as "YYYY-MM". Pure, so the
 * window is the same in the query, its tests and the page.
 */
export function statsTimelineMonths(now: Date, count = STATS_TIMELINE_MONTHS): string[] {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - (count - 1 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  });
}

/**
 * The statuses at which a series counts as narrowed to a country in the public figures. `closed`
 * is not one: a series closed straight from "unassessed" says nothing about a country.
 */
export const STATS_NARROWED_STATUSES = [
  "country_narrowed",
  "handed_over",
  "victim_identified",
] as const satisfies readonly SeriesStatus[];

/**
 * Whether a series counts as narrowed to a country: at a narrowed step, or with any suspected
 * country confirmed. `packages/db` applies the same rule in SQL (`seriesIsNarrowed`).
 */
export function isSeriesNarrowed(series: {
  status: SeriesStatus;
  suspectedCountries: readonly Pick<SuspectedCountry, "confidence">[];
}): boolean {
  return (
    (STATS_NARROWED_STATUSES as readonly SeriesStatus[]).includes(series.status) ||
    series.suspectedCountries.some((c) => c.confidence === "confirmed")
  );
}
