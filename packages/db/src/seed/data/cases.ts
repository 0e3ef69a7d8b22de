import type { CASE_STATUSES, SeriesStatus, SuspectedCountry } from "@trace/domain";
import type { AgencyCode } from "./agencies";

export interface DemoSeries {
  code: string;
  title: string;
  suspectedCountries: readonly SuspectedCountry[];
  status: SeriesStatus;
  victimsIdentified: number;
  offendersProsecuted: number;
}

export interface DemoCase {
  reference: string;
  title: string;
  leadAgency: AgencyCode;
  status: (typeof CASE_STATUSES)[number];
  /** When the case was entered into Trace, in days before the seed's `now`. */
  enteredDaysAgo: number;
  series: readonly DemoSeries[];
}

/**
 * Four cold cases with two series each. Statuses run from unassessed to closed, and the
 * outcome counts are small but non-zero so the public statistics show something.
 */
export const DEMO_CASES = [
  {
    reference: "CASE-2015-0031",
    title: "Cold case 2015-0031",
    leadAgency: "NL-NP",
    status: "open",
    enteredDaysAgo: 240,
    series: [
      {
        code: "S-0031-A",
        title: "Household items — set A",
        suspectedCountries: [{ country: "PT", confidence: "confirmed" }],
        status: "closed",
        victimsIdentified: 2,
        offendersProsecuted: 1,
      },
      {
        code: "S-0031-B",
        title: "Household items — set B",
        suspectedCountries: [
          { country: "ES", confidence: "confirmed" },
          { country: "PT", confidence: "possible" },
        ],
        status: "victim_identified",
        victimsIdentified: 1,
        offendersProsecuted: 1,
      },
    ],
  },
  {
    reference: "CASE-2017-0087",
    title: "Cold case 2017-0087",
    leadAgency: "DE-BKA",
    status: "open",
    enteredDaysAgo: 220,
    series: [
      {
        code: "S-0087-A",
        title: "Room interior — set A",
        suspectedCountries: [
          { country: "DE", confidence: "likely" },
          { country: "AT", confidence: "possible" },
        ],
        status: "handed_over",
        victimsIdentified: 0,
        offendersProsecuted: 0,
      },
      {
        code: "S-0087-B",
        title: "Packaging and print — set B",
        suspectedCountries: [
          { country: "PL", confidence: "likely" },
          { country: "CZ", confidence: "possible" },
        ],
        status: "country_narrowed",
        victimsIdentified: 0,
        offendersProsecuted: 0,
      },
    ],
  },
  {
    reference: "CASE-2019-0142",
    title: "Cold case 2019-0142",
    leadAgency: "BE-FEDPOL",
    status: "open",
    enteredDaysAgo: 200,
    series: [
      {
        code: "S-0142-A",
        title: "Clothing and accessories",
        suspectedCountries: [
          { country: "BE", confidence: "possible" },
          { country: "NL", confidence: "possible" },
          { country: "FR", confidence: "possible" },
        ],
        status: "assessing",
        victimsIdentified: 0,
        offendersProsecuted: 0,
      },
      {
        code: "S-0142-B",
        title: "Views from a window",
        suspectedCountries: [{ country: "MX", confidence: "likely" }],
        status: "country_narrowed",
        victimsIdentified: 0,
        offendersProsecuted: 0,
      },
    ],
  },
  {
    reference: "CASE-2021-0205",
    title: "Cold case 2021-0205",
    leadAgency: "AU-AFP",
    status: "open",
    enteredDaysAgo: 180,
    series: [
      {
        code: "S-0205-A",
        title: "Mixed objects — set A",
        suspectedCountries: [
          { country: "AU", confidence: "possible" },
          { country: "NZ", confidence: "possible" },
        ],
        status: "assessing",
        victimsIdentified: 0,
        offendersProsecuted: 0,
      },
      {
        code: "S-0205-B",
        title: "Mixed objects — set B",
        suspectedCountries: [],
        status: "unassessed",
        victimsIdentified: 0,
        offendersProsecuted: 0,
      },
    ],
  },
] as const satisfies readonly DemoCase[];

export type SeriesCode = (typeof DEMO_CASES)[number]["series"][number]["code"];
