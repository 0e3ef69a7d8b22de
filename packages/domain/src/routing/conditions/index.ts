import { z } from "zod";
import type { RoutingFacts } from "../facts";
import type { ConditionDefinition, ConditionSchema, ExplainContext } from "./define";
import { keywordsCondition } from "./keywords";
import { objectCategoryCondition } from "./object-category";
import { objectRefCondition } from "./object-ref";
import { seriesSuspectedCountryCondition } from "./series-suspected-country";
import { tipConfidenceCondition } from "./tip-confidence";
import { tipCountryCondition } from "./tip-country";
import { tipLanguageCondition } from "./tip-language";

/**
 * Every leaf condition type, in the order the rule editor offers them. Adding a type is one file
 * in this folder and one line here (see ../README.md).
 */
export const CONDITION_DEFINITIONS = [
  tipCountryCondition,
  seriesSuspectedCountryCondition,
  objectCategoryCondition,
  tipLanguageCondition,
  keywordsCondition,
  tipConfidenceCondition,
  objectRefCondition,
] as const;

type Definitions = typeof CONDITION_DEFINITIONS;
type SchemasOf<T extends readonly ConditionDefinition<ConditionSchema>[]> = {
  -readonly [K in keyof T]: T[K]["schema"];
};

/** A leaf of a routing condition tree, one of the registered types. */
export const LeafConditionSchema = z.discriminatedUnion(
  "type",
  // The mapped tuple type keeps each schema's own type, so the union infers exactly.
  CONDITION_DEFINITIONS.map((d) => d.schema) as SchemasOf<Definitions>,
);
export type LeafCondition = z.infer<typeof LeafConditionSchema>;
export type LeafConditionType = LeafCondition["type"];

export const LEAF_CONDITION_TYPES = CONDITION_DEFINITIONS.map(
  (d) => d.type,
) as readonly LeafConditionType[];

/** The definitions seen through the union of their conditions, for the engine's dispatch. */
interface LeafConditionDefinition extends Omit<
  ConditionDefinition,
  "type" | "evaluate" | "explain"
> {
  readonly type: LeafConditionType;
  evaluate(condition: LeafCondition, facts: RoutingFacts): boolean;
  explain(condition: LeafCondition, facts: RoutingFacts, ctx: ExplainContext): string;
}

const DEFINITIONS_BY_TYPE: ReadonlyMap<string, LeafConditionDefinition> = new Map(
  // Each definition is only ever called with a condition of its own `type` (see getConditionDefinition).
  CONDITION_DEFINITIONS.map((d) => [d.type, d as unknown as LeafConditionDefinition]),
);

/**
 * The definition of a condition type. Throws on a type no definition is registered for: stored
 * rules are validated with `RoutingRuleSchema`, so this is a programmer error.
 */
export function getConditionDefinition(type: string): LeafConditionDefinition {
  const definition = DEFINITIONS_BY_TYPE.get(type);
  if (definition === undefined) throw new Error(`Unknown routing condition type "${type}".`);
  return definition;
}

export type {
  ConditionDefinition,
  ConditionField,
  ConditionFieldKind,
  ExplainContext,
} from "./define";
export { CONDITION_FIELD_KINDS, defineCondition } from "./define";
