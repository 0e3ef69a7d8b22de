import { z } from "zod";
import { IdSchema } from "../shared/ids";
import { TipPrioritySchema } from "../tip/tip";
import {
  compileRules,
  decideRouting,
  type RoutableRule,
  type RoutingContext,
  type RoutingDecision,
} from "./engine";
import type { RoutingFacts } from "./facts";

export interface SimulationItem {
  readonly tipId: string;
  readonly facts: RoutingFacts;
}

export const SimulatedOutcomeSchema = z.object({
  /** In the order the rules referred them. */
  agencyIds: z.array(IdSchema),
  priority: TipPrioritySchema.nullable(),
  requiresReview: z.boolean(),
});
export type SimulatedOutcome = z.infer<typeof SimulatedOutcomeSchema>;

export const RoutingSimulationSchema = z.object({
  total: z.number().int().min(0),
  /**
   * How many of the tips each agency would be referred, with the current rules and with the
   * draft. Both have a key for every agency referred by either, so an agency that would stop
   * receiving tips shows as 0 rather than missing.
   */
  countsBefore: z.record(z.string(), z.number().int().min(0)),
  countsAfter: z.record(z.string(), z.number().int().min(0)),
  /** The tips whose agencies (as a set), priority or review flag would change, in input order. */
  changed: z.array(
    z.object({ tipId: IdSchema, before: SimulatedOutcomeSchema, after: SimulatedOutcomeSchema }),
  ),
});
export type RoutingSimulation = z.infer<typeof RoutingSimulationSchema>;

/**
 * What a draft rule set would change over a sample of tips, compared with the current rules.
 * Pure: the caller loads the tips' facts. Each rule set is compiled once for the whole sample.
 */
export function simulateRouting(
  currentRules: readonly RoutableRule[],
  draftRules: readonly RoutableRule[],
  items: readonly SimulationItem[],
  context: RoutingContext,
): RoutingSimulation {
  const current = compileRules(currentRules);
  const draft = compileRules(draftRules);
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  const changed: RoutingSimulation["changed"] = [];

  for (const { tipId, facts } of items) {
    const was = outcomeOf(decideRouting(facts, current, context));
    const will = outcomeOf(decideRouting(facts, draft, context));
    count(before, was.agencyIds);
    count(after, will.agencyIds);
    if (!sameOutcome(was, will)) changed.push({ tipId, before: was, after: will });
  }

  const agencyIds = [...new Set([...before.keys(), ...after.keys()])].sort();
  return {
    total: items.length,
    countsBefore: Object.fromEntries(agencyIds.map((id) => [id, before.get(id) ?? 0])),
    countsAfter: Object.fromEntries(agencyIds.map((id) => [id, after.get(id) ?? 0])),
    changed,
  };
}

function outcomeOf(decision: RoutingDecision): SimulatedOutcome {
  return {
    agencyIds: decision.referTo.map((r) => r.agencyId),
    priority: decision.priority,
    requiresReview: decision.requiresReview,
  };
}

function count(counts: Map<string, number>, agencyIds: readonly string[]): void {
  for (const id of agencyIds) counts.set(id, (counts.get(id) ?? 0) + 1);
}

/** Referral order follows rule order, which a reordering may change without changing who gets the tip. */
function sameOutcome(a: SimulatedOutcome, b: SimulatedOutcome): boolean {
  if (a.priority !== b.priority || a.requiresReview !== b.requiresReview) return false;
  if (a.agencyIds.length !== b.agencyIds.length) return false;
  const other = new Set(b.agencyIds);
  return a.agencyIds.every((id) => other.has(id));
}
