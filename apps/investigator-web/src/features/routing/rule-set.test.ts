import type { RoutingRule, RoutingRuleDraft } from "@trace/domain";
import { describe, expect, it } from "vitest";
import { dayRange, draftRuleSet, inEvaluationOrder, moveId, stableKey } from "./rule-set";
import { parseLines, sameList } from "./lines";

const rule = (id: string, position: number, name = id): RoutingRule => ({
  id,
  name,
  position,
  version: 3,
  isEnabled: true,
  condition: { type: "tip_country", countries: ["BE"] },
  actions: [{ type: "require_human_review" }],
  createdAt: "2025-01-01T00:00:00.000Z",
});

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const C = "00000000-0000-4000-8000-00000000000c";
const saved = [rule(C, 5), rule(A, 0), rule(B, 2)];
const draft: RoutingRuleDraft = {
  name: "Draft",
  isEnabled: false,
  condition: { type: "tip_language", languages: ["fr"] },
  actions: [{ type: "set_priority", priority: "high" }],
};

describe("inEvaluationOrder", () => {
  it("sorts by position, then id", () => {
    expect(inEvaluationOrder(saved).map((r) => r.id)).toEqual([A, B, C]);
    expect(inEvaluationOrder([rule(B, 1), rule(A, 1)]).map((r) => r.id)).toEqual([A, B]);
  });
});

describe("draftRuleSet", () => {
  it("puts the draft in the place of the rule being edited", () => {
    const set = draftRuleSet(saved, draft, B);
    expect(set.map((r) => r.id)).toEqual([A, B, C]);
    expect(set[1]).toEqual({ ...draft, id: B });
    expect(set[0]).toEqual({
      id: A,
      name: A,
      isEnabled: true,
      condition: saved[1]!.condition,
      actions: saved[1]!.actions,
    });
  });

  it("adds a new rule last, without an id", () => {
    const set = draftRuleSet(saved, draft, null);
    expect(set).toHaveLength(4);
    expect(set[3]).toEqual(draft);
    expect(set[3]).not.toHaveProperty("id");
  });

  it("adds the draft last when the rule it edits is no longer saved", () => {
    const set = draftRuleSet(saved, draft, "00000000-0000-4000-8000-0000000000ff");
    expect(set).toHaveLength(4);
    expect(set[3]).toEqual(draft);
  });
});

describe("moveId", () => {
  it.each<[number, number, string[]]>([
    [1, 0, ["b", "a", "c"]],
    [0, 1, ["b", "a", "c"]],
    [2, 1, ["a", "c", "b"]],
    [0, 2, ["b", "c", "a"]],
  ])("moves %i to %i", (from, to, expected) => {
    expect(moveId(["a", "b", "c"], from, to)).toEqual(expected);
  });

  it("refuses a move out of the list", () => {
    expect(() => moveId(["a", "b"], 0, -1)).toThrow(RangeError);
    expect(() => moveId(["a", "b"], 1, 2)).toThrow(RangeError);
  });
});

describe("dayRange", () => {
  it("runs from the first day's start to the last day's end, in local time", () => {
    const range = dayRange("2025-03-01", "2025-03-31")!;
    expect(range.from).toBe(new Date(2025, 2, 1).toISOString());
    expect(range.to).toBe(new Date(2025, 3, 1, 0, 0, 0, -1).toISOString());
  });

  it("leaves an empty side open", () => {
    expect(dayRange("", "2025-03-31")).toEqual({
      from: undefined,
      to: new Date(2025, 2, 31, 23, 59, 59, 999).toISOString(),
    });
    expect(dayRange("", "")).toEqual({ from: undefined, to: undefined });
  });

  it.each(["2025-02-30", "2025-13-01", "01/03/2025", "tomorrow"])("refuses %s", (day) => {
    expect(dayRange(day, "")).toBeNull();
    expect(dayRange("", day)).toBeNull();
  });
});

describe("stableKey", () => {
  it("ignores the order of object keys, not the order of lists", () => {
    expect(stableKey({ type: "x", list: [1, 2], nested: { b: 1, a: 2 } })).toBe(
      stableKey({ nested: { a: 2, b: 1 }, list: [1, 2], type: "x" }),
    );
    expect(stableKey({ list: [1, 2] })).not.toBe(stableKey({ list: [2, 1] }));
  });
});

describe("parseLines", () => {
  it("trims lines and drops blank ones", () => {
    expect(parseLines("  in danger \n\n right now\r\n \n")).toEqual(["in danger", "right now"]);
    expect(parseLines("")).toEqual([]);
  });

  it("compares lists entry by entry", () => {
    expect(sameList(["a", "b"], ["a", "b"])).toBe(true);
    expect(sameList(["a", "b"], ["b", "a"])).toBe(false);
    expect(sameList(["a"], ["a", "b"])).toBe(false);
  });
});
