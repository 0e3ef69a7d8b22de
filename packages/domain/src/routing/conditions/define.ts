import type { z } from "zod";
import type { RoutingFacts } from "../facts";

/**
 * How the rule editor renders a field of a condition. Each kind is one input component in the
 * investigator app; a new kind needs that component too.
 */
export const CONDITION_FIELD_KINDS = [
  "countries",
  "categories",
  "languages",
  "keywords",
  "tip_confidence",
  "country_confidence",
  "object_refs",
] as const;
export type ConditionFieldKind = (typeof CONDITION_FIELD_KINDS)[number];

export interface ConditionField<Name extends string = string> {
  /** The property of the condition this field edits. */
  readonly name: Name;
  readonly kind: ConditionFieldKind;
  readonly label: string;
  readonly hint: string;
}

/** What the engine tells `explain` besides the facts: the outcome it already computed. */
export interface ExplainContext {
  readonly matched: boolean;
}

/** A leaf condition as stored in a rule: an object with a literal `type` and its own fields. */
export type ConditionSchema = z.ZodObject<{ type: z.ZodLiteral<string> }>;

/**
 * One type of leaf condition: its stored shape, how the editor shows it, how it is evaluated and
 * how its outcome is said in words. Evaluation must be pure and cheap (it runs for every rule on
 * every tip): no I/O, no clock, no allocation it can avoid.
 */
export interface ConditionDefinition<Schema extends ConditionSchema = ConditionSchema> {
  readonly type: z.infer<Schema>["type"];
  /** Shown in the rule editor's "add condition" menu. */
  readonly label: string;
  readonly schema: Schema;
  readonly fields: readonly ConditionField<Exclude<keyof z.infer<Schema>, "type"> & string>[];
  evaluate(condition: z.infer<Schema>, facts: RoutingFacts): boolean;
  /**
   * The outcome in words, as a person would say it: "tip country = BE" when it holds,
   * "tip country is FR, not BE or NL" when it does not. Never quote the tip's free text.
   */
  explain(condition: z.infer<Schema>, facts: RoutingFacts, ctx: ExplainContext): string;
}

/** Identity at run time; it ties `evaluate` and `explain` to the schema's type. */
export function defineCondition<Schema extends ConditionSchema>(
  definition: ConditionDefinition<Schema>,
): ConditionDefinition<Schema> {
  return definition;
}

/** "BE", "BE or NL", "BE, NL or DE". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** "BE", "BE and NL", "BE, NL and DE". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Enumeration values read as words: "think_so" → "think so". */
export function words(value: string): string {
  return value.replaceAll("_", " ");
}
