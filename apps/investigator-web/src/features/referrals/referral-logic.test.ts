import type { TriageStatus } from "@trace/domain";
import { describe, expect, it } from "vitest";
import {
  chosenAgencyId,
  companionTips,
  elapsed,
  isReferable,
  needsOverrideReason,
  referralTimeline,
  timeToAcknowledge,
  tipIdsToRefer,
} from "./referral-logic";

describe("isReferable", () => {
  it.each<[TriageStatus, boolean]>([
    ["new", false],
    ["useful", true],
    ["not_useful", false],
    ["spam", false],
    ["duplicate", false],
    ["urgent_safeguarding", true],
    ["routed", true],
  ])("a %s tip: %s", (status, expected) => {
    expect(isReferable(status)).toBe(expected);
  });
});

describe("chosenAgencyId", () => {
  it("follows the first suggestion until the user chooses", () => {
    expect(chosenAgencyId(null, ["a", "b"])).toBe("a");
    expect(chosenAgencyId(null, [])).toBe("");
  });

  it("keeps the user's choice, even an empty one", () => {
    expect(chosenAgencyId("b", ["a"])).toBe("b");
    expect(chosenAgencyId("", ["a"])).toBe("");
  });
});

describe("needsOverrideReason", () => {
  it.each<[string, string[], string, boolean]>([
    ["a suggested agency", ["a", "b"], "b", false],
    ["another agency", ["a", "b"], "c", true],
    ["any agency when nothing is suggested", [], "c", false],
    ["no agency chosen yet", ["a"], "", false],
  ])("%s", (_name, suggested, agency, expected) => {
    expect(needsOverrideReason(suggested, agency)).toBe(expected);
  });
});

describe("companions", () => {
  const rows = [
    { id: "this", triageStatus: "useful" as const },
    { id: "u", triageStatus: "useful" as const },
    { id: "n", triageStatus: "new" as const },
    { id: "r", triageStatus: "routed" as const },
    { id: "s", triageStatus: "spam" as const },
    { id: "x", triageStatus: "urgent_safeguarding" as const },
  ];

  it("offers the other referable tips only", () => {
    expect(companionTips(rows, "this").map((r) => r.id)).toEqual(["u", "r", "x"]);
  });

  it("refers this tip first, then the checked companions in list order", () => {
    const companions = companionTips(rows, "this");
    expect(tipIdsToRefer("this", companions, new Set(["x", "u"]))).toEqual(["this", "u", "x"]);
    expect(tipIdsToRefer("this", companions, new Set())).toEqual(["this"]);
    // A checked tip that is no longer listed (the list was refreshed) is not sent.
    expect(tipIdsToRefer("this", companions, new Set(["gone"]))).toEqual(["this"]);
  });
});

describe("elapsed", () => {
  it("splits into days, hours and minutes", () => {
    expect(elapsed("2026-01-01T00:00:00Z", "2026-01-03T05:07:59Z")).toEqual({
      days: 2,
      hours: 5,
      minutes: 7,
    });
  });

  it("is zero for the same instant and null when out of order", () => {
    expect(elapsed("2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z")).toEqual({
      days: 0,
      hours: 0,
      minutes: 0,
    });
    expect(elapsed("2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z")).toBeNull();
    expect(elapsed("not a date", "2026-01-01T00:00:00Z")).toBeNull();
  });

  it("handles time zone offsets", () => {
    expect(elapsed("2026-01-01T10:00:00+02:00", "2026-01-01T09:30:00Z")).toEqual({
      days: 0,
      hours: 1,
      minutes: 30,
    });
  });
});

describe("timeToAcknowledge", () => {
  const base = {
    createdAt: "2026-01-01T08:00:00Z",
    deliveredAt: "2026-01-01T09:00:00Z",
    acknowledgedAt: null,
    disposedAt: null,
  };

  it("is null until acknowledged", () => {
    expect(timeToAcknowledge(base)).toBeNull();
  });

  it("counts from delivery", () => {
    expect(timeToAcknowledge({ ...base, acknowledgedAt: "2026-01-01T12:15:00Z" })).toEqual({
      days: 0,
      hours: 3,
      minutes: 15,
    });
  });
});

describe("referralTimeline", () => {
  it("lists every step, with the time of those done", () => {
    expect(
      referralTimeline({
        createdAt: "2026-01-01T08:00:00Z",
        deliveredAt: "2026-01-01T08:01:00Z",
        acknowledgedAt: null,
        disposedAt: null,
      }),
    ).toEqual([
      { step: "sent", at: "2026-01-01T08:00:00Z" },
      { step: "delivered", at: "2026-01-01T08:01:00Z" },
      { step: "acknowledged", at: null },
      { step: "disposed", at: null },
    ]);
  });
});
