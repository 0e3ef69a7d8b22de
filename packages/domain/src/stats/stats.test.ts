import { describe, expect, it } from "vitest";
import { STATS_TIMELINE_MONTHS, isSeriesNarrowed, statsTimelineMonths } from "./stats";

describe("statsTimelineMonths", () => {
  it.each([
    ["2026-03-15T12:00:00Z", 3, ["2026-01", "2026-02", "2026-03"]],
    ["2026-01-01T00:00:00Z", 3, ["2025-11", "2025-12", "2026-01"]],
    // The last instant of a month in UTC belongs to that month, whatever the local time zone.
    ["2026-02-28T23:59:59.999Z", 2, ["2026-01", "2026-02"]],
    ["2026-12-31T23:00:00Z", 1, ["2026-12"]],
  ])("%s, %i months → %j", (now, count, expected) => {
    expect(statsTimelineMonths(new Date(now), count)).toEqual(expected);
  });

  it("covers STATS_TIMELINE_MONTHS months by default, the current one last", () => {
    const months = statsTimelineMonths(new Date("2026-07-04T00:00:00Z"));
    expect(months).toHaveLength(STATS_TIMELINE_MONTHS);
    expect(months.at(-1)).toBe("2026-07");
    expect(months[0]).toBe("2025-08");
  });
});

describe("isSeriesNarrowed", () => {
  it.each([
    ["unassessed", [], false],
    ["assessing", [{ confidence: "likely" }], false],
    ["assessing", [{ confidence: "possible" }, { confidence: "confirmed" }], true],
    ["country_narrowed", [], true],
    ["handed_over", [], true],
    ["victim_identified", [], true],
    ["closed", [], false],
    ["closed", [{ confidence: "confirmed" }], true],
  ] as const)("%s with %j → %s", (status, suspectedCountries, expected) => {
    expect(isSeriesNarrowed({ status, suspectedCountries })).toBe(expected);
  });
});
