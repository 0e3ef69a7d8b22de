// Fixtures and fast-check arbitraries for the routing tests (not exported from the package).
import fc from "fast-check";
import type { z } from "zod";
import type { CountryCode } from "../shared/country";
import { OBJECT_CATEGORIES } from "../object/object";
import { COUNTRY_CONFIDENCES } from "../series/series";
import { TIP_CONFIDENCES, TIP_PRIORITIES } from "../tip/tip";
import type { LeafCondition } from "./conditions";
import type { ConditionDefinition, ConditionSchema } from "./conditions/define";
import type { RoutableRule, RoutingContext } from "./engine";
import type { RoutingFacts, RoutingTipFacts } from "./facts";
import type { RoutingAction, RoutingCondition } from "./rule";

/** A valid v4 uuid that reads as a number in test output. */
export const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, "0")}`;

export const AGENCY = {
  be: uuid(9001),
  nl: uuid(9002),
  europol: uuid(9003),
  fr: uuid(9004),
} as const;

export const context: RoutingContext = {
  agencies: new Map([
    [AGENCY.be, { name: "Belgium national police", code: "BE-FEDPOL" }],
    [AGENCY.nl, { name: "Netherlands police", code: "NL-POLITIE" }],
    [AGENCY.europol, { name: "Europol", code: "EUROPOL" }],
    [AGENCY.fr, { name: "French national police", code: "FR-OFMIN" }],
  ]),
};

export function facts(
  overrides: {
    tip?: Partial<RoutingTipFacts>;
    object?: RoutingFacts["object"];
    series?: RoutingFacts["series"];
  } = {},
): RoutingFacts {
  return {
    tip: {
      id: uuid(1),
      country: "BE",
      language: "fr",
      confidence: "think_so",
      text: null,
      placeOrShop: null,
      brandOrProduct: null,
      evidenceLinks: [],
      ...overrides.tip,
    },
    object:
      overrides.object === undefined
        ? { ref: "TOA-7K3Q9M", category: "clothing" }
        : overrides.object,
    series:
      overrides.series === undefined
        ? { suspectedCountries: [{ country: "BE", confidence: "likely" }] }
        : overrides.series,
  };
}

export function rule(
  n: number,
  condition: RoutingCondition,
  actions: RoutingAction[],
  extra: Partial<RoutableRule> = {},
): RoutableRule {
  return {
    id: uuid(n),
    name: `Rule ${n}`,
    version: 1,
    position: n,
    isEnabled: true,
    condition,
    actions,
    ...extra,
  };
}

// A small vocabulary, so that generated conditions and facts meet often enough to match.
const COUNTRIES: CountryCode[] = ["BE", "NL", "FR", "DE"];
const LANGUAGES = ["en", "fr", "nl"];
const REFS = ["TOA-7K3Q9M", "TOA-AAAAAA", "TOA-BBBBBB"];
const KEYWORDS = ["ikea", "Hema", "la redoute", "Café", "straße"];
const TEXTS = [
  "Bought at IKEA in Gent",
  "looks like a hema bag",
  "catalogue de La Redoute, 1998",
  "cafe near the station",
  "Hauptstrasse 5",
  "no idea",
];

const some = <T>(values: readonly T[]) =>
  fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: values.length });

export const factsArb: fc.Arbitrary<RoutingFacts> = fc.record({
  tip: fc.record({
    id: fc.integer({ min: 1, max: 10_000 }).map(uuid),
    country: fc.option(fc.constantFrom(...COUNTRIES), { nil: null }),
    language: fc.constantFrom(...LANGUAGES),
    confidence: fc.constantFrom(...TIP_CONFIDENCES),
    text: fc.option(fc.constantFrom(...TEXTS), { nil: null }),
    placeOrShop: fc.option(fc.constantFrom(...TEXTS), { nil: null }),
    brandOrProduct: fc.option(fc.constantFrom(...TEXTS), { nil: null }),
    evidenceLinks: fc.constantFrom([], ["https://example.org/shop"]),
  }),
  object: fc.option(
    fc.record({
      ref: fc.constantFrom(...REFS),
      category: fc.constantFrom(...OBJECT_CATEGORIES.slice(0, 3)),
    }),
    { nil: null },
  ),
  series: fc.option(
    fc.record({
      suspectedCountries: fc.uniqueArray(
        fc.record({
          country: fc.constantFrom(...COUNTRIES),
          confidence: fc.constantFrom(...COUNTRY_CONFIDENCES),
        }),
        { selector: (s) => s.country, maxLength: 3 },
      ),
    }),
    { nil: null },
  ),
});

export const leafArb: fc.Arbitrary<LeafCondition> = fc.oneof(
  some(COUNTRIES).map((countries) => ({ type: "tip_country" as const, countries })),
  fc.record({
    type: fc.constant("series_suspected_country" as const),
    countries: some(COUNTRIES),
    minConfidence: fc.constantFrom(...COUNTRY_CONFIDENCES),
  }),
  some(OBJECT_CATEGORIES.slice(0, 3)).map((categories) => ({
    type: "object_category" as const,
    categories,
  })),
  some(LANGUAGES).map((languages) => ({ type: "tip_language" as const, languages })),
  some(KEYWORDS).map((keywords) => ({ type: "keywords" as const, keywords })),
  fc
    .constantFrom(...TIP_CONFIDENCES)
    .map((atLeast) => ({ type: "tip_confidence" as const, atLeast })),
  some(REFS).map((refs) => ({ type: "object_ref" as const, refs })),
);

export const conditionArb: fc.Arbitrary<RoutingCondition> = fc.letrec<{
  node: RoutingCondition;
}>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafArb,
    fc.record({
      type: fc.constant("all" as const),
      conditions: fc.array(tie("node"), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      type: fc.constant("any" as const),
      conditions: fc.array(tie("node"), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ type: fc.constant("not" as const), condition: tie("node") }),
  ),
})).node;

export const actionArb: fc.Arbitrary<RoutingAction> = fc.oneof(
  fc
    .uniqueArray(fc.constantFrom(...Object.values(AGENCY), uuid(9999)), {
      minLength: 1,
      maxLength: 2,
    })
    .map((agencyIds) => ({ type: "refer" as const, agencyIds })),
  fc
    .constantFrom(...TIP_PRIORITIES)
    .map((priority) => ({ type: "set_priority" as const, priority })),
  fc.constant({ type: "require_human_review" as const }),
);

/** Rule sets with unique ids and positions that often tie (ties are broken by id). */
export const rulesArb: fc.Arbitrary<RoutableRule[]> = fc
  .uniqueArray(
    fc.record({
      n: fc.integer({ min: 1, max: 500 }),
      position: fc.integer({ min: 0, max: 5 }),
      isEnabled: fc.boolean(),
      condition: conditionArb,
      actions: fc.array(actionArb, { minLength: 1, maxLength: 3 }),
    }),
    { selector: (r) => r.n, maxLength: 8 },
  )
  .map((specs) =>
    specs.map(({ n, position, isEnabled, condition, actions }) =>
      rule(n, condition, actions, { position, isEnabled }),
    ),
  );

/** A condition's outcome and its words, as the engine would produce them. */
export function outcome<S extends ConditionSchema>(
  definition: ConditionDefinition<S>,
  condition: z.infer<S>,
  on: RoutingFacts,
): { matched: boolean; text: string } {
  const matched = definition.evaluate(condition, on);
  return { matched, text: definition.explain(condition, on, { matched }) };
}

export type ConditionOf<T extends LeafCondition["type"]> = Extract<LeafCondition, { type: T }>;
