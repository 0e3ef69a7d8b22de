import { COUNTRY_CODES } from "@trace/domain";
import { describe, expect, it } from "vitest";
import { createFormatters } from "./format";

const format = createFormatters("en");

describe("createFormatters", () => {
  it.each([
    ["BE", "Belgium"],
    ["DE", "Germany"],
    ["GB", "United Kingdom"],
  ])("names country %s", (code, name) => {
    expect(format.countryName(code)).toBe(name);
  });

  it.each([
    ["en", "English"],
    ["nl", "Dutch"],
    ["pt", "Portuguese"],
  ])("names language %s", (code, name) => {
    expect(format.languageName(code)).toBe(name);
  });

  it("lists every country once, sorted by name", () => {
    const options = format.countryOptions();
    expect(options).toHaveLength(COUNTRY_CODES.length);
    const labels = options.map((o) => o.label);
    expect([...labels].sort((a, b) => a.localeCompare(b, "en"))).toEqual(labels);
  });

  it("sorts languages by name, not code", () => {
    expect(format.languageOptions(["nl", "de", "en"]).map((o) => o.value)).toEqual([
      "nl",
      "en",
      "de",
    ]);
  });

  it("formats numbers, changes and lists as a reader of the locale expects", () => {
    expect(format.number(12345)).toBe("12,345");
    expect(format.signedNumber(3)).toBe("+3");
    expect(format.signedNumber(-2)).toBe("-2");
    expect(format.signedNumber(0)).toBe("0");
    expect(format.list(["Belgium", "France", "Spain"], "disjunction")).toBe(
      "Belgium, France, or Spain",
    );
    expect(format.list(["BE-FEDPOL", "FR-PN"], "conjunction")).toBe("BE-FEDPOL and FR-PN");
    expect(createFormatters("fr").number(12345)).toBe("12\u202f345");
  });

  it("lower-cases a label by the locale's rules", () => {
    expect(format.lowerCase("Tip Country")).toBe("tip country");
    expect(createFormatters("tr").lowerCase("İSTANBUL")).toBe("istanbul");
  });

  it("formats a timestamp with date and time", () => {
    const text = format.dateTime("2024-03-05T14:07:00Z");
    expect(text).toMatch(/2024/);
    expect(text).toMatch(/\d{1,2}:\d{2}/);
  });
});
