import { describe, expect, it } from "vitest";
import { TIP_CONFIDENCES, type TipConfidence } from "../../tip/tip";
import { facts, outcome, type ConditionOf } from "../test-support";
import { tipConfidenceCondition } from "./tip-confidence";

const atLeast = (level: TipConfidence): ConditionOf<"tip_confidence"> => ({
  type: "tip_confidence",
  atLeast: level,
});
const from = (confidence: TipConfidence) => facts({ tip: { confidence } });

describe("tip_confidence", () => {
  it("orders guess < think so < certain, whatever the order of TIP_CONFIDENCES", () => {
    const scale: TipConfidence[] = ["guess", "think_so", "certain"];
    expect([...TIP_CONFIDENCES].sort()).toEqual([...scale].sort());
    for (const [i, wanted] of scale.entries()) {
      for (const [j, given] of scale.entries()) {
        expect(
          tipConfidenceCondition.evaluate(atLeast(wanted), from(given)),
          `${given} ≥ ${wanted}`,
        ).toBe(j >= i);
      }
    }
  });

  it("explains in words", () => {
    expect(outcome(tipConfidenceCondition, atLeast("think_so"), from("certain"))).toEqual({
      matched: true,
      text: "tip confidence = certain (at least think so)",
    });
    expect(outcome(tipConfidenceCondition, atLeast("think_so"), from("guess"))).toEqual({
      matched: false,
      text: "tip confidence is guess, below think so",
    });
  });

  it("accepts the tip's own scale only", () => {
    expect(tipConfidenceCondition.schema.safeParse(atLeast("guess")).success).toBe(true);
    expect(
      tipConfidenceCondition.schema.safeParse({ type: "tip_confidence", atLeast: "likely" })
        .success,
    ).toBe(false);
  });
});
