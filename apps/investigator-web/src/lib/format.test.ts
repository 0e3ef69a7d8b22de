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

  it("formats a timestamp with date and time", () => {
    const text = format.dateTime("2024-03-05T14:07:00Z");
    expect(text).toMatch(/2024/);
    expect(text).toMatch(/\d{1,2}:\d{2}/);
  });
});
