import { z } from "zod";
import { LanguageCodeSchema } from "../../shared/locale";
import { defineCondition, orList } from "./define";

export const tipLanguageCondition = defineCondition({
  type: "tip_language",
  label: "Tip language",
  schema: z.object({
    type: z.literal("tip_language"),
    languages: z.array(LanguageCodeSchema).min(1, "Choose at least one language."),
  }),
  fields: [
    {
      name: "languages",
      kind: "languages",
      label: "Languages",
      hint: "Matches when the tip is written in one of these languages.",
    },
  ],
  evaluate: (condition, facts) => condition.languages.includes(facts.tip.language),
  explain: (condition, facts, { matched }) =>
    matched
      ? `tip language = ${facts.tip.language}`
      : `tip language is ${facts.tip.language}, not ${orList(condition.languages)}`,
});
