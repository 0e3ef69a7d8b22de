import type { BenchOptions } from "./options";
import type { ScenarioResult } from "./report";
import { benchRouting } from "./routing";
import { timingRow, type Log } from "./rows";

/** The routing timings as table rows, with the goals. */
export function routingRows(options: BenchOptions, log: Log): ScenarioResult[] {
  log("routing engine, in-process");
  const r = benchRouting({
    seed: options.seed,
    rules: 1_000,
    simulationRules: 100,
    simulationTips: Math.max(1_000, Math.round(100_000 * options.scale)),
    iterations: options.routingIterations,
    simulationRuns: 5,
  });
  const evalGoal = (t: { medianMs: number; p95Ms: number }) => ({
    text: "≤ 1 ms (median)",
    met: t.medianMs <= 1,
    measured: `median ${t.medianMs} ms, p95 ${t.p95Ms} ms`,
  });
  const fullSimulation = r.simulate.tips === 100_000;
  return [
    timingRow(
      "routing-evaluate",
      "routing: 1,000 rules on one tip (compiled rules, decision)",
      "in-process",
      r.evaluateCompiled,
      evalGoal(r.evaluateCompiled),
    ),
    timingRow(
      "routing-explain",
      "routing: 1,000 rules on one tip, with explanations",
      "in-process",
      r.evaluateWithExplanations,
      evalGoal(r.evaluateWithExplanations),
      ["what the staff tip view and referral dialog read (services/routing.ts combinedDecision)"],
    ),
    timingRow(
      "routing-fresh",
      "routing: 1,000 rules on one tip, compiling them too",
      "in-process",
      r.evaluateFromFreshRules,
      evalGoal(r.evaluateFromFreshRules),
      ["a fresh rules array per tip, as a request that has just loaded the rules"],
    ),
    timingRow(
      "routing-simulate",
      `routing: simulation, 100 rules × ${r.simulate.tips.toLocaleString("en-GB")} tips`,
      "in-process",
      r.simulate,
      {
        text: "≤ 5 s (median) at 100,000 tips",
        met: fullSimulation ? r.simulate.medianMs <= 5_000 : null,
        measured: `median ${Math.round(r.simulate.medianMs)} ms`,
      },
      [
        `${r.simulate.changed} tips changed between the current and the draft rules (every tenth rule toggled)`,
        ...(fullSimulation ? [] : ["scaled down: no verdict"]),
      ],
    ),
  ];
}
