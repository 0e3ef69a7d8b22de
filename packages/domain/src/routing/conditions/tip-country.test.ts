import { describe, expect, it } from "vitest";
import { facts, outcome, type ConditionOf } from "../test-support";
import { tipCountryCondition } from "./tip-country";

const beOrNl: ConditionOf<"tip_country"> = { type: "tip_country", countries: ["BE", "NL"] };

describe("tip_country", () => {
  it.each([
    ["BE", true, "tip country = BE"],
    ["NL", true, "tip country = NL"],
    ["FR", false, "tip country is FR, not BE or NL"],
    [null, false, "tip names no country (needs BE or NL)"],
  ] as const)("tip country %s → %s", (country, matched, text) => {
    expect(outcome(tipCountryCondition, beOrNl, facts({ tip: { country } }))).toEqual({
      matched,
      text,
    });
  });

  it("accepts ISO codes only, at least one", () => {
    const { schema } = tipCountryCondition;
    expect(schema.safeParse(beOrNl).success).toBe(true);
    expect(schema.safeParse({ type: "tip_country", countries: [] }).error?.issues[0]?.message).toBe(
      "Choose at least one country.",
    );
    expect(schema.safeParse({ type: "tip_country", countries: ["XX"] }).success).toBe(false);
    expect(schema.safeParse({ type: "tip_country", countries: ["be"] }).success).toBe(false);
  });
});
