import { z } from "zod";
import { CountryCodeSchema } from "../../shared/country";
import { defineCondition, orList } from "./define";

export const tipCountryCondition = defineCondition({
  type: "tip_country",
  label: "Tip country",
  schema: z.object({
    type: z.literal("tip_country"),
    countries: z.array(CountryCodeSchema).min(1, "Choose at least one country."),
  }),
  fields: [
    {
      name: "countries",
      kind: "countries",
      label: "Countries",
      hint: "Matches when the tipster names one of these countries.",
    },
  ],
  evaluate: (condition, facts) =>
    facts.tip.country !== null && condition.countries.includes(facts.tip.country),
  explain: (condition, facts, { matched }) => {
    if (matched) return `tip country = ${facts.tip.country}`;
    if (facts.tip.country === null)
      return `tip names no country (needs ${orList(condition.countries)})`;
    return `tip country is ${facts.tip.country}, not ${orList(condition.countries)}`;
  },
});
