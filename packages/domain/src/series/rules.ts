import { err, ok, type Result } from "../shared/result";
import type { SeriesStatus } from "./series";

/**
 * Where a series may go from each status. Forward one step, or back when an assessment is
 * revised; a series can be closed from any open step; `closed` is final.
 */
export const SERIES_TRANSITIONS: Record<SeriesStatus, readonly SeriesStatus[]> = {
  unassessed: ["assessing", "closed"],
  assessing: ["unassessed", "country_narrowed", "closed"],
  country_narrowed: ["assessing", "handed_over", "closed"],
  handed_over: ["country_narrowed", "victim_identified", "closed"],
  victim_identified: ["closed"],
  closed: [],
};

export function transitionSeries(
  from: SeriesStatus,
  to: SeriesStatus,
): Result<SeriesStatus, "illegal_series_transition"> {
  return SERIES_TRANSITIONS[from].includes(to) ? ok(to) : err("illegal_series_transition");
}

/** Statuses at which a series counts as narrowed to a country in the public statistics. */
export const NARROWED_SERIES_STATUSES = [
  "country_narrowed",
  "handed_over",
  "victim_identified",
  "closed",
] as const satisfies readonly SeriesStatus[];
