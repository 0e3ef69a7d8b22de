import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateRouting } from "./engine";
import type { RoutingCondition } from "./rule";
import { simulateRouting } from "./simulate";
import { AGENCY, context, facts, factsArb, rule, rulesArb, uuid } from "./test-support";

const belgium: RoutingCondition = { type: "tip_country", countries: ["BE"] };
const dutch: RoutingCondition = { type: "tip_language", languages: ["nl"] };

const items = [
  { tipId: uuid(1), facts: facts({ tip: { id: uuid(1), country: "BE", language: "fr" } }) },
  { tipId: uuid(2), facts: facts({ tip: { id: uuid(2), country: "BE", language: "nl" } }) },
  { tipId: uuid(3), facts: facts({ tip: { id: uuid(3), country: "NL", language: "nl" } }) },
  { tipId: uuid(4), facts: facts({ tip: { id: uuid(4), country: "FR", language: "en" } }) },
];

describe("simulateRouting", () => {
  it("counts referrals per agency before and after, and lists the tips that change", () => {
    const current = [rule(1, belgium, [{ type: "refer", agencyIds: [AGENCY.be] }])];
    const draft = [
      rule(1, belgium, [{ type: "refer", agencyIds: [AGENCY.be] }], {
        version: 2,
        isEnabled: false,
      }),
      rule(2, dutch, [
        { type: "refer", agencyIds: [AGENCY.nl] },
        { type: "set_priority", priority: "high" },
      ]),
    ];
    expect(simulateRouting(current, draft, items, context)).toEqual({
      total: 4,
      countsBefore: { [AGENCY.be]: 2, [AGENCY.nl]: 0 },
      countsAfter: { [AGENCY.be]: 0, [AGENCY.nl]: 2 },
      changed: [
        {
          tipId: uuid(1),
          before: { agencyIds: [AGENCY.be], priority: null, requiresReview: false },
          after: { agencyIds: [], priority: null, requiresReview: false },
        },
        {
          tipId: uuid(2),
          before: { agencyIds: [AGENCY.be], priority: null, requiresReview: false },
          after: { agencyIds: [AGENCY.nl], priority: "high", requiresReview: false },
        },
        {
          tipId: uuid(3),
          before: { agencyIds: [], priority: null, requiresReview: false },
          after: { agencyIds: [AGENCY.nl], priority: "high", requiresReview: false },
        },
      ],
    });
  });

  it("does not count a new referral order as a change", () => {
    const current = [
      rule(1, belgium, [{ type: "refer", agencyIds: [AGENCY.be] }], { position: 0 }),
      rule(2, dutch, [{ type: "refer", agencyIds: [AGENCY.nl] }], { position: 1 }),
    ];
    const reordered = current.map((r) => ({ ...r, position: 1 - r.position }));
    const result = simulateRouting(current, reordered, items, context);
    expect(result.changed).toEqual([]);
    expect(result.countsBefore).toEqual(result.countsAfter);
  });

  it("handles an empty sample", () => {
    expect(simulateRouting([], [], [], context)).toEqual({
      total: 0,
      countsBefore: {},
      countsAfter: {},
      changed: [],
    });
  });

  it("agrees with evaluating every tip on its own", () => {
    fc.assert(
      fc.property(
        rulesArb,
        rulesArb,
        fc.uniqueArray(factsArb, { selector: (f) => f.tip.id, maxLength: 12 }),
        (current, draft, sample) => {
          const simulated = simulateRouting(
            current,
            draft,
            sample.map((f) => ({ tipId: f.tip.id, facts: f })),
            context,
          );
          const countsBefore: Record<string, number> = {};
          const countsAfter: Record<string, number> = {};
          const changed = [];
          for (const f of sample) {
            const summary = (rules: typeof current, counts: Record<string, number>) => {
              const d = evaluateRouting(f, rules, context);
              for (const r of d.referTo) counts[r.agencyId] = (counts[r.agencyId] ?? 0) + 1;
              return {
                agencyIds: d.referTo.map((r) => r.agencyId),
                priority: d.priority,
                requiresReview: d.requiresReview,
              };
            };
            const before = summary(current, countsBefore);
            const after = summary(draft, countsAfter);
            const same =
              before.priority === after.priority &&
              before.requiresReview === after.requiresReview &&
              [...before.agencyIds].sort().join() === [...after.agencyIds].sort().join();
            if (!same) changed.push({ tipId: f.tip.id, before, after });
          }
          for (const id of Object.keys({ ...countsBefore, ...countsAfter })) {
            countsBefore[id] ??= 0;
            countsAfter[id] ??= 0;
          }
          expect(simulated).toEqual({ total: sample.length, countsBefore, countsAfter, changed });
        },
      ),
    );
  });
});
