import { z } from "zod";
import { TipConfidenceSchema, type TipConfidence } from "../../tip/tip";
import { defineCondition, words } from "./define";

/** How sure the tipster said they are, lowest first (`TIP_CONFIDENCES` lists it the other way). */
export const TIP_CONFIDENCE_RANK: Readonly<Record<TipConfidence, number>> = {
  guess: 0,
  think_so: 1,
  certain: 2,
};

export const tipConfidenceCondition = defineCondition({
  type: "tip_confidence",
  label: "How sure the tipster is",
  schema: z.object({ type: z.literal("tip_confidence"), atLeast: TipConfidenceSchema }),
  fields: [
    {
      name: "atLeast",
      kind: "tip_confidence",
      label: "At least",
      hint: "Matches when the tipster is this sure or surer (guess < think so < certain).",
    },
  ],
  evaluate: (condition, facts) =>
    TIP_CONFIDENCE_RANK[facts.tip.confidence] >= TIP_CONFIDENCE_RANK[condition.atLeast],
  explain: (condition, facts, { matched }) =>
    matched
      ? `tip confidence = ${words(facts.tip.confidence)} (at least ${words(condition.atLeast)})`
      : `tip confidence is ${words(facts.tip.confidence)}, below ${words(condition.atLeast)}`,
});
