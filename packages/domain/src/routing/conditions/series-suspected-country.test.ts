import { describe, expect, it } from "vitest";
import type { RoutingSuspectedCountry } from "../facts";
import { facts, outcome, type ConditionOf } from "../test-support";
import { seriesSuspectedCountryCondition } from "./series-suspected-country";

const condition = (
  minConfidence: ConditionOf<"series_suspected_country">["minConfidence"],
): ConditionOf<"series_suspected_country"> => ({
  type: "series_suspected_country",
  countries: ["BE", "NL"],
  minConfidence,
});
const suspecting = (...suspectedCountries: RoutingSuspectedCountry[]) =>
  facts({ series: { suspectedCountries } });

describe("series_suspected_country", () => {
  it("matches at or above the minimum confidence (possible < likely < confirmed)", () => {
    const cases = [
      ["possible", "possible", true],
      ["possible", "likely", true],
      ["possible", "confirmed", true],
      ["likely", "possible", false],
      ["likely", "likely", true],
      ["likely", "confirmed", true],
      ["confirmed", "possible", false],
      ["confirmed", "likely", false],
      ["confirmed", "confirmed", true],
    ] as const;
    for (const [min, actual, expected] of cases) {
      const on = suspecting({ country: "NL", confidence: actual });
      expect(seriesSuspectedCountryCondition.evaluate(condition(min), on), `${min}/${actual}`).toBe(
        expected,
      );
    }
  });

  it("needs the confidence on a listed country, not on another one", () => {
    const on = suspecting(
      { country: "FR", confidence: "confirmed" },
      { country: "BE", confidence: "possible" },
    );
    expect(outcome(seriesSuspectedCountryCondition, condition("likely"), on)).toEqual({
      matched: false,
      text: "series suspects BE only as possible, below likely",
    });
  });

  it.each([
    [
      suspecting({ country: "BE", confidence: "likely" }),
      true,
      "series suspected country BE is likely (at least likely)",
    ],
    [
      suspecting(
        { country: "BE", confidence: "confirmed" },
        { country: "NL", confidence: "likely" },
      ),
      true,
      "series suspected countries BE is confirmed and NL is likely (at least likely)",
    ],
    [
      suspecting(
        { country: "FR", confidence: "confirmed" },
        { country: "DE", confidence: "likely" },
      ),
      false,
      "series suspects FR and DE, not BE or NL",
    ],
    [suspecting(), false, "series has no suspected country yet (needs BE or NL)"],
    [
      facts({ object: null, series: null }),
      false,
      "tip is not about an object, so no series suspects BE or NL",
    ],
  ])("explains %#", (on, matched, text) => {
    expect(outcome(seriesSuspectedCountryCondition, condition("likely"), on)).toEqual({
      matched,
      text,
    });
  });

  it("requires a confidence from the series' scale", () => {
    const { schema } = seriesSuspectedCountryCondition;
    expect(schema.safeParse(condition("likely")).success).toBe(true);
    expect(schema.safeParse({ ...condition("likely"), minConfidence: "sure" }).success).toBe(false);
    expect(schema.safeParse({ type: "series_suspected_country", countries: ["BE"] }).success).toBe(
      false,
    );
  });
});
