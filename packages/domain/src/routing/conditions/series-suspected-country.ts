import { z } from "zod";
import { CountryCodeSchema } from "../../shared/country";
import { CountryConfidenceSchema, type CountryConfidence } from "../../series/series";
import { andList, defineCondition, orList } from "./define";

/** The series' confidence scale, lowest first: "at least likely" means likely or confirmed. */
export const COUNTRY_CONFIDENCE_RANK: Readonly<Record<CountryConfidence, number>> = {
  possible: 0,
  likely: 1,
  confirmed: 2,
};

export const seriesSuspectedCountryCondition = defineCondition({
  type: "series_suspected_country",
  label: "Suspected country of the series",
  schema: z.object({
    type: z.literal("series_suspected_country"),
    countries: z.array(CountryCodeSchema).min(1, "Choose at least one country."),
    minConfidence: CountryConfidenceSchema,
  }),
  fields: [
    {
      name: "countries",
      kind: "countries",
      label: "Countries",
      hint: "Matches when the series of the tip's object is suspected to come from one of these countries.",
    },
    {
      name: "minConfidence",
      kind: "country_confidence",
      label: "At least",
      hint: "How sure the hub must be of the country: possible, likely or confirmed (this or surer).",
    },
  ],
  evaluate: (condition, facts) => {
    if (facts.series === null) return false;
    const min = COUNTRY_CONFIDENCE_RANK[condition.minConfidence];
    return facts.series.suspectedCountries.some(
      (s) =>
        COUNTRY_CONFIDENCE_RANK[s.confidence] >= min && condition.countries.includes(s.country),
    );
  },
  explain: (condition, facts, { matched }) => {
    const min = condition.minConfidence;
    if (facts.series === null) {
      return `tip is not about an object, so no series suspects ${orList(condition.countries)}`;
    }
    const named = facts.series.suspectedCountries.filter((s) =>
      condition.countries.includes(s.country),
    );
    if (matched) {
      const strong = named.filter(
        (s) => COUNTRY_CONFIDENCE_RANK[s.confidence] >= COUNTRY_CONFIDENCE_RANK[min],
      );
      const noun = strong.length === 1 ? "country" : "countries";
      const parts = strong.map((s) => `${s.country} is ${s.confidence}`);
      return `series suspected ${noun} ${andList(parts)} (at least ${min})`;
    }
    if (named.length > 0) {
      const parts = named.map((s) => `${s.country} only as ${s.confidence}`);
      return `series suspects ${andList(parts)}, below ${min}`;
    }
    if (facts.series.suspectedCountries.length === 0) {
      return `series has no suspected country yet (needs ${orList(condition.countries)})`;
    }
    const suspected = facts.series.suspectedCountries.map((s) => s.country);
    return `series suspects ${andList(suspected)}, not ${orList(condition.countries)}`;
  },
});
