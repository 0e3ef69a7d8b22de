import { describe, expect, it } from "vitest";
import { facts, outcome, type ConditionOf } from "../test-support";
import { tipLanguageCondition } from "./tip-language";

const condition: ConditionOf<"tip_language"> = { type: "tip_language", languages: ["fr", "nl"] };

describe("tip_language", () => {
  it.each([
    ["fr", true, "tip language = fr"],
    ["nl", true, "tip language = nl"],
    ["en", false, "tip language is en, not fr or nl"],
  ])("language %s → %s", (language, matched, text) => {
    expect(outcome(tipLanguageCondition, condition, facts({ tip: { language } }))).toEqual({
      matched,
      text,
    });
  });

  it("accepts two-letter lower-case codes only", () => {
    const { schema } = tipLanguageCondition;
    expect(schema.safeParse({ type: "tip_language", languages: ["sw"] }).success).toBe(true);
    expect(schema.safeParse({ type: "tip_language", languages: ["FR"] }).success).toBe(false);
    expect(schema.safeParse({ type: "tip_language", languages: ["fra"] }).success).toBe(false);
    expect(schema.safeParse({ type: "tip_language", languages: [] }).success).toBe(false);
  });
});
