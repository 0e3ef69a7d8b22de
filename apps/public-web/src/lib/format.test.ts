import { COUNTRY_CODES } from "@trace/domain";
import { describe, expect, it } from "vitest";
import { countryOptions, formatNumber, langOf } from "./format";

describe("countryOptions", () => {
  const options = countryOptions("en");
  it("lists every country once, named", () => {
    expect(options.map((o) => o.value).sort()).toEqual([...COUNTRY_CODES].sort());
    expect(options.find((o) => o.value === "BE")?.label).toBe("Belgium");
  });
  it("sorts by name, not by code", () => {
    const labels = options.map((o) => o.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator("en").compare));
    expect(labels.indexOf("Germany")).toBeLessThan(labels.indexOf("Spain"));
  });
});

describe("langOf", () => {
  it("marks only text that is not in the page's language", () => {
    expect(langOf({ text: "Bag", locale: "en", isFallback: true }, "fr")).toBe("en");
    expect(langOf({ text: "Bag", locale: "en", isFallback: false }, "en")).toBeUndefined();
  });
});

describe("formatNumber", () => {
  it("groups digits the locale's way", () => {
    expect(formatNumber("en", 28000)).toBe("28,000");
  });
});
