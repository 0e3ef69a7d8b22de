import type { CountryCode } from "@trace/domain";

export interface DemoAgency {
  code: string;
  name: string;
  /** Null for international bodies. */
  country: CountryCode | null;
  /** ISO 639-1 codes of the languages the agency works in. */
  languages: readonly string[];
}

/**
 * The 21 participants of the 9th victim-identification taskforce, under generic names.
 * Demo data only: no real contact details. Every agency uses the portal channel, except the
 * one `DEMO_WEBHOOK` names when the API seeds with its demo webhook receiver.
 */
export const DEMO_AGENCIES = [
  { code: "AU-AFP", name: "Australia — federal police", country: "AU", languages: ["en"] },
  {
    code: "BE-FEDPOL",
    name: "Belgium — national police",
    country: "BE",
    languages: ["nl", "fr", "de"],
  },
  {
    code: "BA-SIPA",
    name: "Bosnia and Herzegovina — state investigation agency",
    country: "BA",
    languages: ["bs", "hr", "sr"],
  },
  { code: "CA-RCMP", name: "Canada — federal police", country: "CA", languages: ["en", "fr"] },
  { code: "DK-NPOL", name: "Denmark — national police", country: "DK", languages: ["da"] },
  { code: "EE-PPA", name: "Estonia — police and border guard", country: "EE", languages: ["et"] },
  { code: "FR-PN", name: "France — national police", country: "FR", languages: ["fr"] },
  {
    code: "GE-MIA",
    name: "Georgia — ministry of internal affairs",
    country: "GE",
    languages: ["ka"],
  },
  { code: "DE-BKA", name: "Germany — federal criminal police", country: "DE", languages: ["de"] },
  { code: "HU-NPOL", name: "Hungary — national police", country: "HU", languages: ["hu"] },
  {
    code: "INTERPOL",
    name: "INTERPOL — crimes against children unit",
    country: null,
    languages: ["en", "fr", "es", "ar"],
  },
  { code: "LV-SP", name: "Latvia — state police", country: "LV", languages: ["lv"] },
  {
    code: "MD-IGP",
    name: "Moldova — general police inspectorate",
    country: "MD",
    languages: ["ro"],
  },
  { code: "NL-NP", name: "Netherlands — national police", country: "NL", languages: ["nl"] },
  {
    code: "NO-KRIPOS",
    name: "Norway — national criminal investigation service",
    country: "NO",
    languages: ["no"],
  },
  { code: "PT-PJ", name: "Portugal — judicial police", country: "PT", languages: ["pt"] },
  { code: "ES-CNP", name: "Spain — national police", country: "ES", languages: ["es"] },
  {
    code: "CH-FEDPOL",
    name: "Switzerland — federal police",
    country: "CH",
    languages: ["de", "fr", "it"],
  },
  { code: "UA-NPU", name: "Ukraine — national police", country: "UA", languages: ["uk"] },
  {
    code: "US-ICE",
    name: "United States — immigration and customs enforcement",
    country: "US",
    languages: ["en"],
  },
  {
    code: "US-FBI",
    name: "United States — federal bureau of investigation",
    country: "US",
    languages: ["en"],
  },
] as const satisfies readonly DemoAgency[];

export type AgencyCode = (typeof DEMO_AGENCIES)[number]["code"];
