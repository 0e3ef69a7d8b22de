import { describe, expect, it } from "vitest";
import {
  containsKeyword,
  isMatchableKeyword,
  normalizeForMatching,
  prepareKeyword,
  toSearchableText,
} from "./text";

describe("normalizeForMatching", () => {
  it.each([
    ["Café Crème", "cafe creme"],
    ["ÇA VA", "ca va"],
    ["Straße", "strasse"],
    ["STRAẞE", "strasse"],
    ["Ærø Øresund", "aero oresund"],
    ["Łódź", "lodz"],
    ["İstanbul", "istanbul"],
    ["ﬁnland", "finland"],
    ["  T-shirt,\n(blue)!  ", "t shirt blue"],
    ["size 42 — 1998", "size 42 1998"],
    ["Москва", "москва"],
    ["!!!", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeForMatching(input)).toBe(expected);
  });
});

describe("containsKeyword", () => {
  const has = (text: string, keyword: string) =>
    containsKeyword(toSearchableText(text), prepareKeyword(keyword));

  it("matches whole words and phrases", () => {
    expect(has("bought at IKEA.", "ikea")).toBe(true);
    expect(has("IKEA's catalogue", "ikea")).toBe(true);
    expect(has("ikeastore", "ikea")).toBe(false);
    expect(has("a La Redoute dress", "la redoute")).toBe(true);
    expect(has("la grande redoute", "la redoute")).toBe(false);
  });

  it("matches anywhere in scripts written without spaces", () => {
    expect(has("これは東京タワーの写真です", "東京")).toBe(true);
    expect(has("ร้านกาแฟในกรุงเทพ", "กรุงเทพ")).toBe(true);
  });

  it("never matches an empty text or a keyword without letters", () => {
    expect(containsKeyword(toSearchableText(null), prepareKeyword("ikea"))).toBe(false);
    expect(has("a -- b", "--")).toBe(false);
    expect(isMatchableKeyword("--")).toBe(false);
    expect(isMatchableKeyword("A4")).toBe(true);
  });
});
