import { z } from "zod";
import { IdSchema } from "../shared/ids";
import { TipPrioritySchema, type TipPriority } from "../tip/tip";
import { getConditionDefinition } from "./conditions";
import { andList } from "./conditions/define";
import type { RoutingFacts } from "./facts";
import type { RoutingAction, RoutingCondition, RoutingRule } from "./rule";

/** What the engine needs of a rule: stored rules and unsaved drafts alike. */
export type RoutableRule = Pick<
  RoutingRule,
  "id" | "name" | "version" | "position" | "isEnabled" | "condition" | "actions"
>;

/** The names the explanations use for agencies. */
export interface RoutingAgency {
  readonly name: string;
  readonly code: string;
}

export interface RoutingContext {
  /**
   * The agencies that can receive referrals, by id. A rule that refers to an id missing here
   * (an agency deleted or deactivated since the rule was written) refers nobody for that id and
   * sends the tip to human review instead.
   */
  readonly agencies: ReadonlyMap<string, RoutingAgency>;
}

export const ROUTING_OUTCOMES = ["matched", "not_matched", "skipped"] as const;
export const RoutingOutcomeSchema = z.enum(ROUTING_OUTCOMES);
export type RoutingOutcome = z.infer<typeof RoutingOutcomeSchema>;

// Rule ids are plain strings here: a draft rule under simulation may not have a stored id yet.
export const RuleExplanationSchema = z.object({
  ruleId: z.string(),
  ruleName: z.string(),
  version: z.number().int(),
  outcome: RoutingOutcomeSchema,
  /** One sentence: "matched: tip country = BE → refer to Belgium national police". */
  text: z.string(),
  /** The condition tree, one line per node, indented by depth, ✓ where the node holds. */
  conditions: z.array(z.string()),
});
export type RuleExplanation = z.infer<typeof RuleExplanationSchema>;

export const ReferralSuggestionSchema = z.object({ agencyId: IdSchema, ruleId: z.string() });
export type ReferralSuggestion = z.infer<typeof ReferralSuggestionSchema>;

export const RoutingDecisionSchema = z.object({
  /** Each agency once, in rule order, with the first rule that referred to it. */
  referTo: z.array(ReferralSuggestionSchema),
  /** The highest priority any matched rule set; null when none set one. */
  priority: TipPrioritySchema.nullable(),
  requiresReview: z.boolean(),
});
export type RoutingDecision = z.infer<typeof RoutingDecisionSchema>;

export const RoutingEvaluationSchema = RoutingDecisionSchema.extend({
  /** One per rule, disabled ones included, in evaluation order. */
  explanations: z.array(RuleExplanationSchema),
});
export type RoutingEvaluation = z.infer<typeof RoutingEvaluationSchema>;

const PRIORITY_RANK: Readonly<Record<TipPriority, number>> = { normal: 0, high: 1, urgent: 2 };

type Predicate = (facts: RoutingFacts) => boolean;

interface CompiledRule {
  readonly rule: RoutableRule;
  readonly matches: Predicate;
}

/**
 * Rules sorted and turned into predicates once, to be evaluated against many tips. Build it with
 * `compileRules`; it does not follow later changes to the rule objects (rules are immutable
 * values: an edit is a new object).
 */
export class CompiledRules {
  private readonly sources: readonly RoutableRule[];

  /** @internal Use `compileRules`. */
  constructor(
    sources: readonly RoutableRule[],
    readonly rules: readonly CompiledRule[],
  ) {
    this.sources = [...sources];
  }

  /** Whether these are the rule objects it was compiled from, in the same order. */
  isCompiledFrom(rules: readonly RoutableRule[]): boolean {
    return rules.length === this.sources.length && rules.every((r, i) => r === this.sources[i]);
  }
}

/**
 * Orders the rules (by `position`, ties by `id`, whatever order the array is in) and compiles
 * each condition tree into a predicate. Throws on two rules with the same id and on a condition
 * type no definition exists for: both are programmer errors, stored rules being validated.
 */
export function compileRules(rules: readonly RoutableRule[]): CompiledRules {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new Error(`Two routing rules have the id ${rule.id}.`);
    seen.add(rule.id);
  }
  const ordered = [...rules].sort(
    (a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return new CompiledRules(
    rules,
    ordered.map((rule) => ({ rule, matches: compileCondition(rule.condition) })),
  );
}

function compileCondition(condition: RoutingCondition): Predicate {
  switch (condition.type) {
    case "all": {
      const parts = condition.conditions.map(compileCondition);
      if (parts.length === 1) return parts[0]!;
      return (facts) => {
        for (const part of parts) if (!part(facts)) return false;
        return true;
      };
    }
    case "any": {
      const parts = condition.conditions.map(compileCondition);
      if (parts.length === 1) return parts[0]!;
      return (facts) => {
        for (const part of parts) if (part(facts)) return true;
        return false;
      };
    }
    case "not": {
      const inner = compileCondition(condition.condition);
      return (facts) => !inner(facts);
    }
    default: {
      const definition = getConditionDefinition(condition.type);
      return (facts) => definition.evaluate(condition, facts);
    }
  }
}

/** Whether a condition tree holds for these facts (for one-off checks; rules use `compileRules`). */
export function evaluateCondition(condition: RoutingCondition, facts: RoutingFacts): boolean {
  switch (condition.type) {
    case "all":
      return condition.conditions.every((c) => evaluateCondition(c, facts));
    case "any":
      return condition.conditions.some((c) => evaluateCondition(c, facts));
    case "not":
      return !evaluateCondition(condition.condition, facts);
    default:
      return getConditionDefinition(condition.type).evaluate(condition, facts);
  }
}

// Callers often route many tips with the same array of rules: it is compiled once and kept while
// the array lives. Rules are immutable values; the element check below catches an array that
// was changed in place since.
const compiledByArray = new WeakMap<readonly RoutableRule[], CompiledRules>();

function asCompiled(rules: CompiledRules | readonly RoutableRule[]): CompiledRules {
  if (rules instanceof CompiledRules) return rules;
  const cached = compiledByArray.get(rules);
  if (cached && cached.isCompiledFrom(rules)) return cached;
  const compiled = compileRules(rules);
  compiledByArray.set(rules, compiled);
  return compiled;
}

/**
 * Routes one tip: every enabled rule, in order, is evaluated against the facts, and every rule
 * that matches applies its actions — `refer` adds each agency once (credited to the first rule
 * that named it), `set_priority` keeps the highest priority, `require_human_review` raises the
 * flag. Disabled rules are explained as skipped and change nothing. Pure and deterministic.
 *
 * Wording the explanations costs far more than deciding (a line per condition of every rule),
 * so `explanations` is worded on first read and then kept. It reads like a plain property
 * (spread, JSON and schema parsing see it); facts are immutable values, so when it is worded
 * does not change what it says.
 */
export function evaluateRouting(
  facts: RoutingFacts,
  rules: CompiledRules | readonly RoutableRule[],
  context: RoutingContext,
): RoutingEvaluation {
  const compiled = asCompiled(rules);
  const decision = run(compiled, facts, context, null);
  let explanations: RuleExplanation[] | undefined;
  return {
    ...decision,
    get explanations() {
      if (explanations === undefined) {
        explanations = [];
        run(compiled, facts, context, explanations);
      }
      return explanations;
    },
  };
}

/** The same decision as `evaluateRouting` without the explanations: for bulk work (simulation). */
export function decideRouting(
  facts: RoutingFacts,
  rules: CompiledRules | readonly RoutableRule[],
  context: RoutingContext,
): RoutingDecision {
  return run(asCompiled(rules), facts, context, null);
}

/**
 * The decision, and with `explanations` given, the words for every rule. Wording walks each
 * condition tree (for its outcome and its words together) instead of calling the compiled
 * predicate; the property tests hold both to the same outcome.
 */
function run(
  compiled: CompiledRules,
  facts: RoutingFacts,
  context: RoutingContext,
  explanations: RuleExplanation[] | null,
): RoutingDecision {
  const referTo: ReferralSuggestion[] = [];
  const referred = new Set<string>();
  let priority: TipPriority | null = null;
  let requiresReview = false;

  for (const { rule, matches } of compiled.rules) {
    if (!rule.isEnabled) {
      explanations?.push(explanation(rule, "skipped", "skipped: the rule is disabled", []));
      continue;
    }
    const tree = explanations ? explainTree(rule.condition, facts) : null;
    if (!(tree ? tree.holds : matches(facts))) {
      if (tree) {
        explanations!.push(
          explanation(rule, "not_matched", `not matched: ${tree.reason}`, tree.lines),
        );
      }
      continue;
    }
    const said: string[] | null = tree ? [] : null;
    for (const action of rule.actions) {
      switch (action.type) {
        case "refer": {
          const names: string[] | null = said ? [] : null;
          for (const agencyId of action.agencyIds) {
            const agency = context.agencies.get(agencyId);
            if (agency === undefined) {
              // Never drop a lead silently: a person decides where it goes.
              requiresReview = true;
              names?.push(
                `unknown agency ${agencyId} (not in the agency list: needs human review)`,
              );
            } else if (referred.has(agencyId)) {
              names?.push(`${agency.name} (already referred)`);
            } else {
              referred.add(agencyId);
              referTo.push({ agencyId, ruleId: rule.id });
              names?.push(agency.name);
            }
          }
          said?.push(`refer to ${andList(names!)}`);
          break;
        }
        case "set_priority":
          if (priority === null || PRIORITY_RANK[action.priority] > PRIORITY_RANK[priority]) {
            priority = action.priority;
          }
          said?.push(`set priority to ${action.priority}`);
          break;
        case "require_human_review":
          requiresReview = true;
          said?.push("require human review");
          break;
        default:
          assertNever(action);
      }
    }
    if (tree) {
      explanations!.push(
        explanation(rule, "matched", `matched: ${tree.reason} → ${said!.join("; ")}`, tree.lines),
      );
    }
  }
  return { referTo, priority, requiresReview };
}

function explanation(
  rule: RoutableRule,
  outcome: RoutingOutcome,
  text: string,
  conditions: string[],
): RuleExplanation {
  return { ruleId: rule.id, ruleName: rule.name, version: rule.version, outcome, text, conditions };
}

function assertNever(value: never): never {
  throw new Error(`Unknown routing action ${JSON.stringify(value satisfies RoutingAction)}.`);
}

interface ExplainedNode {
  /** Whether the node itself holds (before any `not` above it). */
  readonly holds: boolean;
  /** Why it holds or not, citing only the conditions that decide it. */
  readonly reason: string;
  /** Whether `reason` is several clauses, to be put in brackets inside a larger one. */
  readonly isCompound: boolean;
}

interface ExplainedTree extends ExplainedNode {
  readonly lines: string[];
}

function explainTree(condition: RoutingCondition, facts: RoutingFacts): ExplainedTree {
  const lines: string[] = [];
  const root = explainNode(condition, facts, 0, false, lines);
  // Spelled out: an object spread here cost more than the rest of the explanation.
  return { holds: root.holds, reason: root.reason, isCompound: root.isCompound, lines };
}

/**
 * Explains a node and appends its lines. Leaves state facts ("tip country is FR, not BE"), true
 * whatever the polarity; `negated` (an odd number of `not` above) only decides where to say that
 * a rule excludes something, so that a double negation never reads as an exclusion.
 */
function explainNode(
  condition: RoutingCondition,
  facts: RoutingFacts,
  depth: number,
  negated: boolean,
  lines: string[],
): ExplainedNode {
  const indent = "  ".repeat(depth);
  switch (condition.type) {
    case "all":
    case "any": {
      const at = lines.push("") - 1;
      const parts = condition.conditions.map((c) =>
        explainNode(c, facts, depth + 1, negated, lines),
      );
      const holds =
        condition.type === "all" ? parts.every((p) => p.holds) : parts.some((p) => p.holds);
      // An `all` that holds and an `any` that fails are decided by every part; otherwise only
      // the parts that went the same way as the group decided it.
      const deciding =
        (condition.type === "all") === holds ? parts : parts.filter((p) => p.holds === holds);
      lines[at] = `${indent}${mark(holds)} ${condition.type === "all" ? "all of" : "any of"}:`;
      return joinClauses(holds, deciding);
    }
    case "not": {
      const at = lines.push("") - 1;
      const inner = explainNode(condition.condition, facts, depth + 1, !negated, lines);
      const holds = !inner.holds;
      lines[at] = `${indent}${mark(holds)} not:`;
      if (inner.holds && !negated) {
        return {
          holds,
          reason: `${bracketed(inner)}, which this rule excludes`,
          isCompound: true,
        };
      }
      return { holds, reason: inner.reason, isCompound: inner.isCompound };
    }
    default: {
      const definition = getConditionDefinition(condition.type);
      const holds = definition.evaluate(condition, facts);
      const reason = definition.explain(condition, facts, { matched: holds });
      lines.push(`${indent}${mark(holds)} ${reason}`);
      return { holds, reason, isCompound: false };
    }
  }
}

const mark = (holds: boolean) => (holds ? "✓" : "✗");

const bracketed = (node: ExplainedNode) => (node.isCompound ? `(${node.reason})` : node.reason);

function joinClauses(holds: boolean, parts: readonly ExplainedNode[]): ExplainedNode {
  // The schema forbids empty groups; an unvalidated one still gets words rather than "".
  if (parts.length === 0)
    return { holds, reason: "an empty group of conditions", isCompound: false };
  if (parts.length === 1)
    return { holds, reason: parts[0]!.reason, isCompound: parts[0]!.isCompound };
  return { holds, reason: parts.map(bracketed).join("; "), isCompound: true };
}
