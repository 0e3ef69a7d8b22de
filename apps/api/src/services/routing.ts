import {
  evaluateRouting,
  type RoutingContext,
  type RoutingEvaluation,
  type RoutingDecisionView,
  type RoutingRule,
} from "@trace/domain";
import { listAgencyOptions, toRoutingFacts, type Executor, type RoutingTipRow } from "@trace/db";

/** Agency names for explanations, from every agency (inactive ones too: old rules name them). */
export async function routingContext(db: Executor): Promise<RoutingContext> {
  const agencies = await listAgencyOptions(db);
  return { agencies: new Map(agencies.map((a) => [a.id, { name: a.name, code: a.code }])) };
}

export function agencyNames(context: RoutingContext, ids: readonly string[]) {
  return ids.map((id) => ({ id, name: context.agencies.get(id)?.name ?? "Unknown agency" }));
}

export function decisionView(
  decision: RoutingEvaluation,
  context: RoutingContext,
): RoutingDecisionView {
  return {
    agencies: agencyNames(
      context,
      decision.referTo.map((r) => r.agencyId),
    ),
    priority: decision.priority,
    requiresReview: decision.requiresReview,
    explanations: decision.explanations.map((e) => ({
      ruleId: e.ruleId,
      ruleName: e.ruleName,
      version: e.version,
      outcome: e.outcome,
      text: e.text,
      conditions: [...e.conditions],
    })),
  };
}

const PRIORITY_ORDER = ["normal", "high", "urgent"] as const;

/**
 * The rules' suggestion for a set of tips referred together: every agency any tip is routed to,
 * the highest priority, review if any tip needs it. A rule counts as matched if it matched any
 * of the tips; its explanation is taken from the first tip it matched.
 */
export function combinedDecision(
  rows: RoutingTipRow[],
  rules: RoutingRule[],
  context: RoutingContext,
): RoutingDecisionView {
  const decisions = rows.map((row) => evaluateRouting(toRoutingFacts(row), rules, context));
  const agencyIds = [...new Set(decisions.flatMap((d) => d.referTo.map((r) => r.agencyId)))];
  const priorities = decisions.map((d) => d.priority).filter((p) => p !== null);
  const explanations = new Map<string, RoutingEvaluation["explanations"][number]>();
  for (const decision of decisions) {
    for (const e of decision.explanations) {
      const seen = explanations.get(e.ruleId);
      if (!seen || (seen.outcome !== "matched" && e.outcome === "matched"))
        explanations.set(e.ruleId, e);
    }
  }
  return decisionView(
    {
      referTo: agencyIds.map((agencyId) => ({ agencyId, ruleId: "" })),
      priority:
        priorities.length === 0
          ? null
          : priorities.reduce((a, b) =>
              PRIORITY_ORDER.indexOf(a) >= PRIORITY_ORDER.indexOf(b) ? a : b,
            ),
      requiresReview: decisions.some((d) => d.requiresReview),
      explanations: [...explanations.values()],
    },
    context,
  );
}
