import { describe, expect, it } from "vitest";
import { likelyCountry } from "./likely-country";

describe("likelyCountry", () => {
  it.each([
    ["de", ["de-AT", "en-US"], "AT"],
    ["de", ["en-US"], "DE"],
    ["fr", ["fr-BE"], "BE"],
    ["fr", ["fr-CA", "fr"], "CA"],
    ["nl", ["nl"], "NL"],
    ["en", ["en-GB"], "GB"],
    ["en", ["en-US", "de-DE"], "US"],
    // The region must belong to the page's language: a German browser on the English page.
    ["en", ["de-DE"], null],
    // A region without an entry, and a tag that is not one.
    ["pt", ["pt-BR"], "PT"],
    ["pl", ["not a tag", ""], "PL"],
  ] as const)("%s with %j → %s", (locale, languages, expected) => {
    expect(likelyCountry(locale, languages)).toBe(expected);
  });
});
