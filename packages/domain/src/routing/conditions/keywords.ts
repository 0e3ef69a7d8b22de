import { z } from "zod";
import type { RoutingTipFacts } from "../facts";
import {
  containsKeyword,
  isMatchableKeyword,
  prepareKeyword,
  toSearchableText,
  type PreparedKeyword,
  type SearchableText,
} from "../text";
import { andList, defineCondition, orList } from "./define";

/** The tip fields keywords are looked for in, with the words an explanation uses for each. */
const SEARCHED_FIELDS = [
  ["text", "the tip text"],
  ["placeOrShop", "place or shop"],
  ["brandOrProduct", "brand or product"],
] as const satisfies readonly (readonly [keyof RoutingTipFacts, string])[];

type SearchableFields = readonly SearchableText[];

// Normalising is the costly part of keyword matching: it is done once per tip and once per
// condition, however many rules and tips it is matched against. Facts and rules are immutable
// values, so caching by object identity is invisible to callers.
const searchableByTip = new WeakMap<RoutingTipFacts, SearchableFields>();
const preparedByKeywords = new WeakMap<readonly string[], readonly PreparedKeyword[]>();

function searchable(tip: RoutingTipFacts): SearchableFields {
  let fields = searchableByTip.get(tip);
  if (fields === undefined) {
    fields = SEARCHED_FIELDS.map(([name]) => toSearchableText(tip[name]));
    searchableByTip.set(tip, fields);
  }
  return fields;
}

function prepared(keywords: readonly string[]): readonly PreparedKeyword[] {
  let list = preparedByKeywords.get(keywords);
  if (list === undefined) {
    list = keywords.map(prepareKeyword);
    preparedByKeywords.set(keywords, list);
  }
  return list;
}

const quoted = (keyword: string) => `"${keyword}"`;

export const keywordsCondition = defineCondition({
  type: "keywords",
  label: "Keywords in the tip",
  schema: z.object({
    type: z.literal("keywords"),
    keywords: z
      .array(
        z
          .string()
          .trim()
          .min(1, { error: "A keyword cannot be empty.", abort: true })
          .max(100, "A keyword has at most 100 characters.")
          .refine(isMatchableKeyword, "A keyword needs at least one letter or digit."),
      )
      .min(1, "Add at least one keyword.")
      .max(200, "At most 200 keywords per condition."),
  }),
  fields: [
    {
      name: "keywords",
      kind: "keywords",
      label: "Keywords",
      hint: "Matches when one of these words or phrases appears in the tip's text, place or brand. Case and accents do not matter; whole words only, so add plural forms as keywords of their own.",
    },
  ],
  evaluate: (condition, facts) => {
    const fields = searchable(facts.tip);
    for (const keyword of prepared(condition.keywords)) {
      for (const field of fields) {
        if (containsKeyword(field, keyword)) return true;
      }
    }
    return false;
  },
  explain: (condition, facts) => {
    const fields = searchable(facts.tip);
    const found = prepared(condition.keywords).flatMap((keyword) => {
      const where = SEARCHED_FIELDS.filter((_, i) => containsKeyword(fields[i]!, keyword));
      return where.length === 0
        ? []
        : [`${quoted(keyword.keyword)} in ${andList(where.map(([, label]) => label))}`];
    });
    if (found.length === 1) return `keyword ${found[0]}`;
    if (found.length > 1) return `keywords ${andList(found)}`;
    const wanted = orList(condition.keywords.map(quoted));
    if (SEARCHED_FIELDS.every(([name]) => facts.tip[name] === null)) {
      return `tip has no text to find ${wanted} in`;
    }
    return condition.keywords.length === 1
      ? `keyword ${wanted} does not appear in the tip`
      : `none of the keywords ${wanted} appears in the tip`;
  },
});
