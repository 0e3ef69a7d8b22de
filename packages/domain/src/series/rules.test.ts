import { describe, expect, it } from "vitest";
import { SERIES_STATUSES, type SeriesStatus } from "./series";
import { SERIES_TRANSITIONS, transitionSeries } from "./rules";

const legal: [SeriesStatus, SeriesStatus][] = [
  ["unassessed", "assessing"],
  ["assessing", "country_narrowed"],
  ["assessing", "unassessed"],
  ["country_narrowed", "handed_over"],
  ["country_narrowed", "assessing"],
  ["handed_over", "victim_identified"],
  ["handed_over", "country_narrowed"],
  ["victim_identified", "closed"],
  ["unassessed", "closed"],
  ["assessing", "closed"],
  ["country_narrowed", "closed"],
  ["handed_over", "closed"],
];

const illegal: [SeriesStatus, SeriesStatus][] = [
  ["unassessed", "country_narrowed"],
  ["unassessed", "victim_identified"],
  ["assessing", "handed_over"],
  ["country_narrowed", "victim_identified"],
  ["victim_identified", "handed_over"],
  ["closed", "unassessed"],
  ["closed", "assessing"],
  ["unassessed", "unassessed"],
  ["closed", "closed"],
];

describe("transitionSeries", () => {
  it.each(legal)("allows %s → %s", (from, to) => {
    expect(transitionSeries(from, to)).toEqual({ ok: true, value: to });
  });

  it.each(illegal)("refuses %s → %s", (from, to) => {
    expect(transitionSeries(from, to)).toEqual({ ok: false, error: "illegal_series_transition" });
  });

  it("covers every status, and closed is final", () => {
    expect(Object.keys(SERIES_TRANSITIONS).sort()).toEqual([...SERIES_STATUSES].sort());
    expect(SERIES_TRANSITIONS.closed).toEqual([]);
  });

  it("never stays in place", () => {
    for (const status of SERIES_STATUSES) {
      expect(SERIES_TRANSITIONS[status]).not.toContain(status);
    }
  });
});
