import {
  CountryCodeSchema,
  OBJECT_CATEGORIES,
  RoutingActionSchema,
  RoutingConditionSchema,
  TIP_CONFIDENCES,
  type RoutingAction,
  type RoutingCondition,
} from "@trace/domain";
import type { Draw } from "./draw";
import { BRANDS, PLACES, TIP_LANGUAGES } from "./lexicon";

export interface ScaleRule {
  name: string;
  isEnabled: boolean;
  condition: RoutingCondition;
  actions: RoutingAction[];
}

export interface RuleAgency {
  id: string;
  country: string | null;
}

const SAFEGUARDING_WORDS = ["in danger", "happening now", "still there", "right now"];

/**
 * A rule set like a hub's after years of use: safeguarding wording first, then one rule per
 * national agency (the tip or the series points to its country), then rules by language,
 * keyword, category and object, some nested, a few disabled. Every rule goes through the domain's
 * schemas, exactly as the rule editor's input would.
 */
export function generateRules(
  count: number,
  agencies: readonly RuleAgency[],
  objectRefs: readonly string[],
  draw: Draw,
): ScaleRule[] {
  const national = agencies.filter((a) => a.country !== null);
  const international = agencies.find((a) => a.country === null) ?? agencies[0];
  if (!international) throw new Error("routing rules need at least one agency");
  const agencyFor = (country: string) =>
    national.find((a) => a.country === country) ?? international;
  const rules: ScaleRule[] = [];

  const makers: ((i: number) => ScaleRule)[] = [
    (i) => {
      const language = draw.pick(`rule:${i}:lang`, TIP_LANGUAGES);
      const agency = agencyFor(language.countries[0]!);
      return {
        name: `Language ${language.code}: also to ${agency.country ?? "the international unit"}`,
        isEnabled: true,
        condition: { type: "tip_language", languages: [language.code] },
        actions: [{ type: "refer", agencyIds: [agency.id] }],
      };
    },
    (i) => {
      const brands = draw.sample(`rule:${i}:brands`, BRANDS, draw.int(`rule:${i}:nb`, 1, 3));
      return {
        name: `Brand watch: ${brands.join(", ")}`,
        isEnabled: true,
        condition: { type: "keywords", keywords: brands },
        actions: [{ type: "set_priority", priority: "high" }],
      };
    },
    (i) => {
      const categories = draw.sample(`rule:${i}:cats`, OBJECT_CATEGORIES, 2);
      return {
        name: `Categories ${categories.join(" and ")}, confident tips: a person looks first`,
        isEnabled: true,
        condition: {
          type: "all",
          conditions: [
            { type: "object_category", categories },
            { type: "tip_confidence", atLeast: draw.pick(`rule:${i}:conf`, TIP_CONFIDENCES) },
          ],
        },
        actions: [{ type: "require_human_review" }],
      };
    },
    (i) => {
      const refs = draw.sample(`rule:${i}:refs`, objectRefs, Math.min(objectRefs.length, 3));
      return {
        name: `Objects under watch (${refs.join(", ")})`,
        isEnabled: true,
        condition: refs.length
          ? { type: "object_ref", refs }
          : { type: "tip_confidence", atLeast: "certain" },
        actions: [{ type: "set_priority", priority: "high" }],
      };
    },
    (i) => {
      const place = draw.pick(`rule:${i}:place`, PLACES);
      const agency = draw.pick(`rule:${i}:agency`, national.length ? national : [international]);
      return {
        name: `${place} mentioned, not a guess: to ${agency.country ?? "the international unit"}`,
        isEnabled: true,
        condition: {
          type: "all",
          conditions: [
            { type: "keywords", keywords: [place] },
            { type: "not", condition: { type: "tip_confidence", atLeast: "think_so" } },
          ],
        },
        actions: [{ type: "refer", agencyIds: [agency.id] }],
      };
    },
  ];

  if (count > 0) {
    rules.push({
      name: "Safeguarding wording: urgent, with a person's review",
      isEnabled: true,
      condition: { type: "keywords", keywords: SAFEGUARDING_WORDS },
      actions: [{ type: "set_priority", priority: "urgent" }, { type: "require_human_review" }],
    });
  }
  for (const agency of national) {
    if (rules.length >= count) break;
    const country = CountryCodeSchema.parse(agency.country);
    rules.push({
      name: `${agency.country}: the tip or the series points there`,
      isEnabled: true,
      condition: {
        type: "any",
        conditions: [
          { type: "tip_country", countries: [country] },
          {
            type: "series_suspected_country",
            countries: [country],
            minConfidence: "likely",
          },
        ],
      },
      actions: [{ type: "refer", agencyIds: [agency.id] }],
    });
  }
  for (let i = rules.length; i < count; i++) {
    const rule = makers[i % makers.length]!(i);
    // A few pilots switched off, as in a real rule set.
    rules.push({
      ...rule,
      name: `${rule.name} #${i}`,
      isEnabled: !draw.chance(`rule:${i}:off`, 0.05),
    });
  }
  for (const rule of rules) {
    RoutingConditionSchema.parse(rule.condition);
    for (const action of rule.actions) RoutingActionSchema.parse(action);
  }
  return rules;
}
