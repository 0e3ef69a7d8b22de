import { describe, expect, it } from "vitest";
import { facts, outcome, type ConditionOf } from "../test-support";
import { objectCategoryCondition } from "./object-category";

const condition: ConditionOf<"object_category"> = {
  type: "object_category",
  categories: ["clothing", "logo_or_text"],
};

describe("object_category", () => {
  it.each([
    ["clothing", true, "object category = clothing"],
    ["logo_or_text", true, "object category = logo or text"],
    ["toy", false, "object category is toy, not clothing or logo or text"],
  ] as const)("category %s → %s", (category, matched, text) => {
    const on = facts({ object: { ref: "TOA-7K3Q9M", category } });
    expect(outcome(objectCategoryCondition, condition, on)).toEqual({ matched, text });
  });

  it("never matches a general tip", () => {
    expect(
      outcome(objectCategoryCondition, condition, facts({ object: null, series: null })),
    ).toEqual({
      matched: false,
      text: "tip is not about an object (needs clothing or logo or text)",
    });
  });

  it("accepts known categories only", () => {
    const { schema } = objectCategoryCondition;
    expect(schema.safeParse(condition).success).toBe(true);
    expect(schema.safeParse({ type: "object_category", categories: ["weapon"] }).success).toBe(
      false,
    );
    expect(schema.safeParse({ type: "object_category", categories: [] }).success).toBe(false);
  });
});
