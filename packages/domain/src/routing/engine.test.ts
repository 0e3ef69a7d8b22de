import { describe, expect, it } from "vitest";
import {
  compileRules,
  decideRouting,
  evaluateCondition,
  evaluateRouting,
  RoutingEvaluationSchema,
} from "./engine";
import { buildRoutingFacts } from "./facts";
import type { RoutingAction, RoutingCondition } from "./rule";
import { AGENCY, context, facts, rule, uuid } from "./test-support";

const belgium: RoutingCondition = { type: "tip_country", countries: ["BE", "NL"] };
const referBelgium: RoutingAction = { type: "refer", agencyIds: [AGENCY.be] };

describe("evaluateRouting", () => {
  it("says what matched and what it does, like a person would", () => {
    const rules = [rule(1, { type: "tip_country", countries: ["BE"] }, [referBelgium])];
    const result = evaluateRouting(facts(), rules, context);
    expect(result).toEqual({
      referTo: [{ agencyId: AGENCY.be, ruleId: uuid(1) }],
      priority: null,
      requiresReview: false,
      explanations: [
        {
          ruleId: uuid(1),
          ruleName: "Rule 1",
          version: 1,
          outcome: "matched",
          text: "matched: tip country = BE → refer to Belgium national police",
          conditions: ["✓ tip country = BE"],
        },
      ],
    });
    expect(RoutingEvaluationSchema.parse(result)).toEqual(result);
  });

  it("says why a rule did not match", () => {
    const result = evaluateRouting(
      facts({ tip: { country: "FR" } }),
      [rule(1, belgium, [referBelgium])],
      context,
    );
    expect(result.referTo).toEqual([]);
    expect(result.explanations[0]).toMatchObject({
      outcome: "not_matched",
      text: "not matched: tip country is FR, not BE or NL",
      conditions: ["✗ tip country is FR, not BE or NL"],
    });
  });

  it("applies every matching rule in position order, ties broken by id", () => {
    const rules = [
      rule(3, belgium, [{ type: "refer", agencyIds: [AGENCY.europol, AGENCY.be] }], {
        position: 1,
      }),
      rule(2, belgium, [{ type: "refer", agencyIds: [AGENCY.nl] }], { position: 1 }),
      rule(1, belgium, [referBelgium, { type: "set_priority", priority: "high" }], { position: 0 }),
      rule(
        4,
        { type: "tip_language", languages: ["de"] },
        [{ type: "refer", agencyIds: [AGENCY.fr] }],
        {
          position: 0,
        },
      ),
    ];
    const result = evaluateRouting(facts(), rules, context);
    expect(result.explanations.map((e) => e.ruleId)).toEqual([uuid(1), uuid(4), uuid(2), uuid(3)]);
    expect(result.referTo).toEqual([
      { agencyId: AGENCY.be, ruleId: uuid(1) },
      { agencyId: AGENCY.nl, ruleId: uuid(2) },
      { agencyId: AGENCY.europol, ruleId: uuid(3) },
    ]);
    expect(result.explanations[3]?.text).toBe(
      "matched: tip country = BE → refer to Europol and Belgium national police (already referred)",
    );
  });

  it("keeps the highest priority of the matched rules and raises the review flag", () => {
    const rules = [
      rule(1, belgium, [{ type: "set_priority", priority: "urgent" }]),
      rule(2, belgium, [
        { type: "set_priority", priority: "high" },
        { type: "require_human_review" },
      ]),
      rule(3, { type: "tip_country", countries: ["FR"] }, [
        { type: "set_priority", priority: "normal" },
      ]),
    ];
    const result = evaluateRouting(facts(), rules, context);
    expect(result.priority).toBe("urgent");
    expect(result.requiresReview).toBe(true);
    expect(result.explanations[1]?.text).toBe(
      "matched: tip country = BE → set priority to high; require human review",
    );
    expect(evaluateRouting(facts(), [], context)).toEqual({
      referTo: [],
      priority: null,
      requiresReview: false,
      explanations: [],
    });
  });

  it("skips disabled rules and says so", () => {
    const rules = [
      rule(1, belgium, [referBelgium, { type: "require_human_review" }], { isEnabled: false }),
    ];
    expect(evaluateRouting(facts(), rules, context)).toEqual({
      referTo: [],
      priority: null,
      requiresReview: false,
      explanations: [
        {
          ruleId: uuid(1),
          ruleName: "Rule 1",
          version: 1,
          outcome: "skipped",
          text: "skipped: the rule is disabled",
          conditions: [],
        },
      ],
    });
  });

  it("explains an unknown agency instead of throwing, and asks a person to decide", () => {
    const ghost = uuid(4242);
    const rules = [rule(1, belgium, [{ type: "refer", agencyIds: [ghost, AGENCY.be] }])];
    const result = evaluateRouting(facts(), rules, context);
    expect(result.referTo).toEqual([{ agencyId: AGENCY.be, ruleId: uuid(1) }]);
    expect(result.requiresReview).toBe(true);
    expect(result.explanations[0]?.text).toBe(
      `matched: tip country = BE → refer to unknown agency ${ghost} (not in the agency list: needs human review) and Belgium national police`,
    );
  });

  it("explains nested conditions: the deciding parts in the text, the whole tree in lines", () => {
    const condition: RoutingCondition = {
      type: "all",
      conditions: [
        belgium,
        {
          type: "any",
          conditions: [
            { type: "object_category", categories: ["toy"] },
            { type: "keywords", keywords: ["hema"] },
          ],
        },
      ],
    };
    const on = facts({ tip: { brandOrProduct: "Hema" } });
    const [explained] = evaluateRouting(
      on,
      [rule(1, condition, [referBelgium])],
      context,
    ).explanations;
    expect(explained?.text).toBe(
      'matched: tip country = BE; keyword "hema" in brand or product → refer to Belgium national police',
    );
    expect(explained?.conditions).toEqual([
      "✓ all of:",
      "  ✓ tip country = BE",
      "  ✓ any of:",
      "    ✗ object category is clothing, not toy",
      '    ✓ keyword "hema" in brand or product',
    ]);

    const [missed] = evaluateRouting(
      facts({ tip: { country: "FR" } }),
      [rule(1, condition, [referBelgium])],
      context,
    ).explanations;
    expect(missed?.text).toBe(
      'not matched: tip country is FR, not BE or NL; (object category is clothing, not toy; tip has no text to find "hema" in)',
    );
  });

  it("says what a `not` excludes, and reads a double negation as plain fact", () => {
    const notBelgium: RoutingCondition = { type: "not", condition: belgium };
    const excluded = evaluateRouting(facts(), [rule(1, notBelgium, [referBelgium])], context);
    expect(excluded.explanations[0]).toMatchObject({
      outcome: "not_matched",
      text: "not matched: tip country = BE, which this rule excludes",
      conditions: ["✗ not:", "  ✓ tip country = BE"],
    });
    const france = evaluateRouting(
      facts({ tip: { country: "FR" } }),
      [rule(1, notBelgium, [referBelgium])],
      context,
    );
    expect(france.explanations[0]?.text).toBe(
      "matched: tip country is FR, not BE or NL → refer to Belgium national police",
    );

    const twice: RoutingCondition = { type: "not", condition: notBelgium };
    expect(
      evaluateRouting(facts(), [rule(1, twice, [referBelgium])], context).explanations[0]?.text,
    ).toBe("matched: tip country = BE → refer to Belgium national police");
    // not(all(not BE, fr)) ≡ BE or not fr: with BE and fr it matches because of BE.
    const deMorgan: RoutingCondition = {
      type: "not",
      condition: {
        type: "all",
        conditions: [notBelgium, { type: "tip_language", languages: ["fr"] }],
      },
    };
    expect(
      evaluateRouting(facts(), [rule(1, deMorgan, [referBelgium])], context).explanations[0]?.text,
    ).toBe("matched: tip country = BE → refer to Belgium national police");
    const both: RoutingCondition = {
      type: "not",
      condition: {
        type: "all",
        conditions: [belgium, { type: "tip_language", languages: ["fr"] }],
      },
    };
    expect(
      evaluateRouting(facts(), [rule(1, both, [referBelgium])], context).explanations[0]?.text,
    ).toBe("not matched: (tip country = BE; tip language = fr), which this rule excludes");
  });

  it("gives the same result from compiled rules, reused across tips", () => {
    const rules = [
      rule(1, belgium, [referBelgium]),
      rule(2, { type: "tip_language", languages: ["nl"] }, [
        { type: "refer", agencyIds: [AGENCY.nl] },
      ]),
    ];
    const compiled = compileRules(rules);
    for (const on of [
      facts(),
      facts({ tip: { language: "nl" } }),
      facts({ tip: { country: null } }),
    ]) {
      expect(evaluateRouting(on, compiled, context)).toEqual(evaluateRouting(on, rules, context));
      const { explanations: _, ...decision } = evaluateRouting(on, rules, context);
      expect(decideRouting(on, compiled, context)).toEqual(decision);
    }
  });

  it("recompiles an array of rules that was changed in place", () => {
    const rules = [rule(1, belgium, [referBelgium])];
    expect(evaluateRouting(facts(), rules, context).referTo).toHaveLength(1);
    rules.push(rule(2, belgium, [{ type: "refer", agencyIds: [AGENCY.nl] }]));
    expect(evaluateRouting(facts(), rules, context).referTo).toHaveLength(2);
    rules[0] = rule(1, belgium, [referBelgium], { isEnabled: false });
    expect(evaluateRouting(facts(), rules, context).referTo).toEqual([
      { agencyId: AGENCY.nl, ruleId: uuid(2) },
    ]);
  });

  it("words the explanations once, and they copy and serialise like plain data", () => {
    const result = evaluateRouting(facts(), [rule(1, belgium, [referBelgium])], context);
    expect(result.explanations).toBe(result.explanations);
    const copy = JSON.parse(JSON.stringify(result)) as typeof result;
    expect(copy.explanations[0]?.text).toBe(
      "matched: tip country = BE → refer to Belgium national police",
    );
    expect({ ...result }.explanations).toBe(result.explanations);
  });

  it("refuses rule sets a programmer got wrong", () => {
    expect(() =>
      compileRules([rule(1, belgium, [referBelgium]), rule(1, belgium, [referBelgium])]),
    ).toThrow(`Two routing rules have the id ${uuid(1)}.`);
    const unknown = { type: "tip_colour", colours: ["red"] } as unknown as RoutingCondition;
    expect(() => compileRules([rule(1, unknown, [referBelgium])])).toThrow(
      'Unknown routing condition type "tip_colour".',
    );
  });
});

describe("evaluateCondition", () => {
  it("evaluates a tree without a rule", () => {
    expect(evaluateCondition(belgium, facts())).toBe(true);
    expect(evaluateCondition({ type: "not", condition: belgium }, facts())).toBe(false);
    expect(
      evaluateCondition(
        { type: "any", conditions: [{ type: "tip_language", languages: ["de"] }, belgium] },
        facts(),
      ),
    ).toBe(true);
  });
});

describe("buildRoutingFacts", () => {
  it("takes the engine's facts from a tip, its object and its series", () => {
    const built = buildRoutingFacts({
      tip: {
        id: uuid(7),
        answer: {
          country: "NL",
          placeOrShop: "Utrecht",
          brandOrProduct: undefined,
          timePeriod: "2015",
          evidenceLinks: ["https://example.org/a"],
          confidence: "certain",
        },
        text: "seen in a shop",
        language: "nl",
      },
      object: { ref: "TOA-AAAAAA", category: "toy" },
      series: {
        suspectedCountries: [{ country: "NL", confidence: "confirmed", note: "staff evidence" }],
      },
    });
    expect(built).toEqual({
      tip: {
        id: uuid(7),
        country: "NL",
        language: "nl",
        confidence: "certain",
        text: "seen in a shop",
        placeOrShop: "Utrecht",
        brandOrProduct: null,
        evidenceLinks: ["https://example.org/a"],
      },
      object: { ref: "TOA-AAAAAA", category: "toy" },
      series: { suspectedCountries: [{ country: "NL", confidence: "confirmed" }] },
    });
    const general = buildRoutingFacts({
      tip: {
        id: uuid(8),
        answer: {
          placeOrShop: undefined,
          brandOrProduct: undefined,
          timePeriod: undefined,
          evidenceLinks: [],
          confidence: "guess",
        },
        text: null,
        language: "en",
      },
      object: null,
      series: null,
    });
    expect(general).toMatchObject({ tip: { country: null }, object: null, series: null });
  });
});
