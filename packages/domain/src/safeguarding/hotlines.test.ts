import { describe, expect, it } from "vitest";
import { SafeguardingContactsSchema } from "./hotline-schema";
import { SAFEGUARDING_CONTACTS, safeguardingContactsFor } from "./hotlines";

/** The EU and EEA members (Liechtenstein has no entry: nothing could be confirmed there). */
const EU_EEA = [
  ...["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT"],
  ...["LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "NO"],
];
const ALSO_COVERED = ["GB", "CH", "US", "CA", "AU"];
const countries: string[] = SAFEGUARDING_CONTACTS.map((entry) => entry.country);

describe("safeguarding contacts", () => {
  it.each(SAFEGUARDING_CONTACTS.map((entry) => [entry.country, entry] as const))(
    "%s is a valid entry",
    (_, entry) => {
      const result = SafeguardingContactsSchema.safeParse(entry);
      expect(result.success ? [] : result.error.issues).toEqual([]);
    },
  );

  it("has one entry per country, sorted by country code", () => {
    expect(new Set(countries).size).toBe(countries.length);
    expect(countries).toEqual([...countries].sort());
  });

  it("covers the EU and EEA, the UK, Switzerland, the US, Canada and Australia", () => {
    expect([...EU_EEA, ...ALSO_COVERED].filter((c) => !countries.includes(c))).toEqual([]);
  });

  it("gives 112 first in every EU and EEA country, and the local number elsewhere", () => {
    for (const country of EU_EEA)
      expect(safeguardingContactsFor(country)?.emergency[0], country).toBe("112");
    expect(safeguardingContactsFor("GB")?.emergency[0]).toBe("999");
    expect(safeguardingContactsFor("US")?.emergency[0]).toBe("911");
    expect(safeguardingContactsFor("CA")?.emergency[0]).toBe("911");
    expect(safeguardingContactsFor("AU")?.emergency[0]).toBe("000");
  });

  it("links only to https addresses, and to a hotline in every covered country", () => {
    for (const entry of SAFEGUARDING_CONTACTS) {
      expect(entry.onlineHotline, entry.country).toBeDefined();
      expect(entry.onlineHotline!.url, entry.country).toMatch(
        /^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/|$)/,
      );
    }
  });

  it("refuses an entry without an emergency number, with a plain-http link or a bad phone", () => {
    const valid = safeguardingContactsFor("DE")!;
    const bad = [
      { ...valid, emergency: [] },
      { ...valid, onlineHotline: { name: "X hotline", url: "http://example.org" } },
      { ...valid, lines: [{ kind: "police", name: "Polizei", phone: "+49 110" }] },
      { ...valid, country: "XX" },
      { ...valid, checked: "last week" },
    ];
    for (const entry of bad)
      expect(SafeguardingContactsSchema.safeParse(entry).success).toBe(false);
  });

  it("answers nothing for a country without an entry", () => {
    expect(safeguardingContactsFor("LI")).toBeUndefined();
    expect(safeguardingContactsFor("ZZ")).toBeUndefined();
  });
});
