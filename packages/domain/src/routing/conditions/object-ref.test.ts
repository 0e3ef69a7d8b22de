import { describe, expect, it } from "vitest";
import { facts, outcome, type ConditionOf } from "../test-support";
import { objectRefCondition } from "./object-ref";

const condition: ConditionOf<"object_ref"> = {
  type: "object_ref",
  refs: ["TOA-7K3Q9M", "TOA-AAAAAA"],
};

describe("object_ref", () => {
  it.each([
    ["TOA-7K3Q9M", true, "object = TOA-7K3Q9M"],
    ["TOA-AAAAAA", true, "object = TOA-AAAAAA"],
    ["TOA-BBBBBB", false, "object is TOA-BBBBBB, not TOA-7K3Q9M or TOA-AAAAAA"],
  ])("object %s → %s", (ref, matched, text) => {
    const on = facts({ object: { ref, category: "toy" } });
    expect(outcome(objectRefCondition, condition, on)).toEqual({ matched, text });
  });

  it("never matches a general tip", () => {
    expect(outcome(objectRefCondition, condition, facts({ object: null, series: null }))).toEqual({
      matched: false,
      text: "tip is not about an object (needs TOA-7K3Q9M or TOA-AAAAAA)",
    });
  });

  it("stores references in their canonical form", () => {
    const parsed = objectRefCondition.schema.parse({ type: "object_ref", refs: [" toa-7k3q9m "] });
    expect(parsed.refs).toEqual(["TOA-7K3Q9M"]);
    expect(
      objectRefCondition.schema.safeParse({ type: "object_ref", refs: ["7K3Q9M"] }).success,
    ).toBe(false);
  });
});
