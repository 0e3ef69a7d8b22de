import { describe, expect, it } from "vitest";
import { facts, outcome } from "../test-support";
import { keywordsCondition } from "./keywords";

const condition = (...keywords: string[]) => ({ type: "keywords" as const, keywords });

describe("keywords", () => {
  it.each([
    ["ikea", { text: "Bought at IKEA, Gent" }, true],
    ["Café", { placeOrShop: "the cafe on the corner" }, true],
    ["cafe", { placeOrShop: "CAFÉ DU NORD" }, true],
    ["straße", { text: "Hauptstrasse? no: Haupt Strasse 5" }, true],
    ["la redoute", { brandOrProduct: "La-Redoute catalogue" }, true],
    ["shirt", { text: "a striped t-shirt" }, true],
    ["shirt", { text: "two shirts" }, false],
    ["art", { text: "article 5" }, false],
    ["ikea", { text: null, placeOrShop: null, brandOrProduct: null }, false],
  ])("%s in %o → %s", (keyword, tip, matched) => {
    expect(keywordsCondition.evaluate(condition(keyword), facts({ tip }))).toBe(matched);
  });

  it("never lets a phrase span two fields", () => {
    const on = facts({ tip: { placeOrShop: "Gent la", brandOrProduct: "redoute" } });
    expect(keywordsCondition.evaluate(condition("la redoute"), on)).toBe(false);
  });

  it("says which keyword was found where, without quoting the tip", () => {
    const on = facts({
      tip: { text: "I think it is from Hema", brandOrProduct: "HEMA", placeOrShop: "Ikea Gent" },
    });
    expect(outcome(keywordsCondition, condition("hema"), on)).toEqual({
      matched: true,
      text: 'keyword "hema" in the tip text and brand or product',
    });
    expect(outcome(keywordsCondition, condition("hema", "action", "ikea"), on)).toEqual({
      matched: true,
      text: 'keywords "hema" in the tip text and brand or product and "ikea" in place or shop',
    });
  });

  it("explains a miss", () => {
    const on = facts({ tip: { text: "a blue bag" } });
    expect(outcome(keywordsCondition, condition("ikea"), on).text).toBe(
      'keyword "ikea" does not appear in the tip',
    );
    expect(outcome(keywordsCondition, condition("ikea", "hema"), on).text).toBe(
      'none of the keywords "ikea" or "hema" appears in the tip',
    );
    expect(outcome(keywordsCondition, condition("ikea"), facts()).text).toBe(
      'tip has no text to find "ikea" in',
    );
  });

  it("refuses keywords that could never match", () => {
    const { schema } = keywordsCondition;
    expect(schema.safeParse(condition("ikea", "T-shirt")).success).toBe(true);
    expect(schema.safeParse(condition("!!!")).error?.issues[0]?.message).toBe(
      "A keyword needs at least one letter or digit.",
    );
    expect(schema.safeParse(condition("  ")).error?.issues.map((i) => i.message)).toEqual([
      "A keyword cannot be empty.",
    ]);
    expect(schema.safeParse(condition()).error?.issues[0]?.message).toBe(
      "Add at least one keyword.",
    );
    expect(schema.safeParse(condition("x".repeat(101))).success).toBe(false);
  });
});
