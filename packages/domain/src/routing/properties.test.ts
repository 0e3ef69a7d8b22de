// Laws the engine must keep whatever the rules and the tip: checked on generated inputs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRules, decideRouting, evaluateCondition, evaluateRouting } from "./engine";
import type { RoutingCondition } from "./rule";
import { conditionArb, context, factsArb, rulesArb } from "./test-support";

const conditionsArb = fc.array(conditionArb, { minLength: 1, maxLength: 4 });
const not = (condition: RoutingCondition): RoutingCondition => ({ type: "not", condition });
const holds = (condition: RoutingCondition, facts: Parameters<typeof evaluateCondition>[1]) =>
  evaluateCondition(condition, facts);

describe("condition laws", () => {
  it("`all` holds when every part holds", () => {
    fc.assert(
      fc.property(conditionsArb, factsArb, (conditions, facts) => {
        expect(holds({ type: "all", conditions }, facts)).toBe(
          conditions.every((c) => holds(c, facts)),
        );
      }),
    );
  });

  it("`any` holds when some part holds", () => {
    fc.assert(
      fc.property(conditionsArb, factsArb, (conditions, facts) => {
        expect(holds({ type: "any", conditions }, facts)).toBe(
          conditions.some((c) => holds(c, facts)),
        );
      }),
    );
  });

  it("`not` negates, and negating twice changes nothing", () => {
    fc.assert(
      fc.property(conditionArb, factsArb, (condition, facts) => {
        expect(holds(not(condition), facts)).toBe(!holds(condition, facts));
        expect(holds(not(not(condition)), facts)).toBe(holds(condition, facts));
      }),
    );
  });

  it("keeps De Morgan's laws", () => {
    fc.assert(
      fc.property(conditionsArb, factsArb, (conditions, facts) => {
        expect(holds(not({ type: "all", conditions }), facts)).toBe(
          holds({ type: "any", conditions: conditions.map(not) }, facts),
        );
        expect(holds(not({ type: "any", conditions }), facts)).toBe(
          holds({ type: "all", conditions: conditions.map(not) }, facts),
        );
      }),
    );
  });

  it("evaluates, compiles and explains a tree to the same outcome", () => {
    fc.assert(
      fc.property(conditionArb, factsArb, (condition, facts) => {
        const rule = {
          id: "00000000-0000-4000-8000-000000000001",
          name: "r",
          version: 1,
          position: 0,
          isEnabled: true,
          condition,
          actions: [{ type: "require_human_review" as const }],
        };
        const expected = holds(condition, facts);
        const [explanation] = evaluateRouting(facts, [rule], context).explanations;
        expect(explanation?.outcome).toBe(expected ? "matched" : "not_matched");
        expect(explanation?.conditions[0]).toMatch(expected ? /^✓ / : /^✗ /);
        expect(decideRouting(facts, compileRules([rule]), context).requiresReview).toBe(expected);
      }),
    );
  });
});

describe("routing laws", () => {
  it("is deterministic, and the order of the rule array does not matter beyond position", () => {
    fc.assert(
      fc.property(
        rulesArb.chain((rules) =>
          fc.tuple(
            fc.constant(rules),
            fc.shuffledSubarray(rules, { minLength: rules.length, maxLength: rules.length }),
          ),
        ),
        factsArb,
        ([rules, shuffled], facts) => {
          const first = evaluateRouting(facts, rules, context);
          expect(evaluateRouting(facts, rules, context)).toEqual(first);
          expect(evaluateRouting(facts, shuffled, context)).toEqual(first);
          expect(evaluateRouting(facts, compileRules(shuffled), context)).toEqual(first);
        },
      ),
    );
  });

  it("never lets a disabled rule change the decision", () => {
    fc.assert(
      fc.property(rulesArb, factsArb, (rules, facts) => {
        const decision = decideRouting(facts, rules, context);
        expect(
          decideRouting(
            facts,
            rules.filter((r) => r.isEnabled),
            context,
          ),
        ).toEqual(decision);
        // Switching one more rule off is the same as deleting it.
        for (const off of rules) {
          const disabled = rules.map((r) => (r === off ? { ...r, isEnabled: false } : r));
          const removed = rules.filter((r) => r !== off);
          expect(decideRouting(facts, disabled, context)).toEqual(
            decideRouting(facts, removed, context),
          );
        }
      }),
    );
  });

  it("refers each agency at most once, to agencies it knows, credited to a matched rule", () => {
    fc.assert(
      fc.property(rulesArb, factsArb, (rules, facts) => {
        const result = evaluateRouting(facts, rules, context);
        const ids = result.referTo.map((r) => r.agencyId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const { agencyId, ruleId } of result.referTo) {
          expect(context.agencies.has(agencyId)).toBe(true);
          expect(result.explanations.find((e) => e.ruleId === ruleId)?.outcome).toBe("matched");
        }
      }),
    );
  });
});
