import type { HttpMeasurement } from "./cannon";

export type EngineLabel = "PostgreSQL" | "PGlite" | "none" | "in-process";

export interface Goal {
  /** The issue's goal, in words. */
  text: string;
  /** null: no goal for this row (a baseline, or a variant reported for comparison). */
  met: boolean | null;
  /** The measured value the verdict rests on, in words. */
  measured: string;
}

/** One row of the table. */
export interface ScenarioResult {
  id: string;
  name: string;
  engine: EngineLabel;
  /** HTTP: autocannon; timing: in-process or wall-clock timings (no req/s). */
  kind: "http" | "timing";
  http?: HttpMeasurement & { ratioToHello: number; ratioToNoopTrpc: number };
  timing?: { medianMs: number; p95Ms: number; maxMs: number; iterations: number };
  goal: Goal | null;
  notes: string[];
}

export interface Report {
  measuredAt: string;
  gitCommit: string;
  node: string;
  cpu: { model: string; cores: number };
  loadAverage: { before: number[]; after: number[] };
  options: Record<string, unknown>;
  /** The API's environment per engine (keys masked), rate limits and proof-of-work cost among it. */
  apiSettings: Record<string, Record<string, string>>;
  database: Record<string, unknown>;
  scaleData: unknown;
  scenarios: ScenarioResult[];
  /** What could not be measured, and why. */
  skipped: { scenario: string; reason: string }[];
  totalSeconds: number;
}

const fmt = (n: number | undefined, digits = 1) =>
  n === undefined || Number.isNaN(n)
    ? "–"
    : n.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const pct = (n: number | undefined) => (n === undefined ? "–" : `${Math.round(n * 100)} %`);

/** The settings a reader needs to judge the numbers: what production ran with, and the data. */
function settingsLines(report: Report): string[] {
  const lines: string[] = [];
  const pg = report.database.postgres as Record<string, string> | undefined;
  if (pg) {
    lines.push(
      `- PostgreSQL ${pg.version}: fsync ${pg.fsync}, synchronous_commit ${pg.synchronous_commit}, shared_buffers ${pg.shared_buffers}; the API's pool of 10 connections`,
    );
  }
  const shown = [
    "NODE_ENV",
    "LOG_LEVEL",
    "RATE_LIMIT_TIP_SUBMISSIONS",
    "TIP_PROOF_OF_WORK_COST",
    "TIP_PROOF_OF_WORK_MAX_COUNTER",
    "TIP_MIN_FILL_SECONDS",
  ];
  for (const [engine, env] of Object.entries(report.apiSettings)) {
    lines.push(
      `- API on ${engine}: ${shown.map((k) => `${k}=${env[k] ?? "(default)"}`).join(", ")}; other settings production defaults (master keys and PUBLIC_ORIGIN set, outbox worker in the API)`,
    );
  }
  const scale = report.scaleData as {
    seconds: number;
    summary: { counts: Record<string, number> };
  } | null;
  if (scale) {
    const c = scale.summary.counts;
    lines.push(
      `- Scale data (PostgreSQL): ${fmt(c.tips, 0)} tips, ${fmt(c.image_hashes, 0)} image hashes, ${fmt(c.trace_objects, 0)} objects, ${fmt(c.agencies, 0)} agencies, ${fmt(c.routing_rules, 0)} routing rules, generated in ${scale.seconds} s. PGlite runs on the demo data.`,
    );
  }
  return lines;
}

export function toMarkdown(report: Report): string {
  const lines = [
    `# Trace load bench — ${report.measuredAt}`,
    "",
    `Commit ${report.gitCommit} · Node ${report.node} · ${report.cpu.model} (${report.cpu.cores} cores) · ` +
      `load average before ${report.loadAverage.before.map((n) => n.toFixed(2)).join(" / ")}, ` +
      `after ${report.loadAverage.after.map((n) => n.toFixed(2)).join(" / ")} · ` +
      `${report.options.connections} connections (staff scenarios ${report.options.staffConnections}), ${report.options.seconds} s per HTTP scenario after ${report.options.warmupSeconds} s of warm-up, ` +
      `scale ${report.options.scale}`,
    "",
    ...settingsLines(report),
    "",
    "| scenario | engine | req/s | p50 ms | p95 ms | p99 ms | × hello | × no-op tRPC | non-2xx + errors | goal | met? |",
    "|---|---|--:|--:|--:|--:|--:|--:|--:|---|---|",
  ];
  for (const s of report.scenarios) {
    const goal = s.goal ? s.goal.text : "";
    const met = s.goal?.met === null || !s.goal ? "" : s.goal.met ? "✅ met" : "❌ not met";
    const measured = s.goal?.met === null || !s.goal ? "" : ` (${s.goal.measured})`;
    if (s.kind === "http" && s.http) {
      const h = s.http;
      lines.push(
        `| ${s.name} | ${s.engine} | ${fmt(h.requestsPerSecond, 0)} | ${fmt(h.latency.p50)} | ${fmt(h.latency.p95)} | ${fmt(h.latency.p99)} | ${pct(h.ratioToHello)} | ${pct(h.ratioToNoopTrpc)} | ${h.responses.notOk + h.errors} | ${goal} | ${met}${measured} |`,
      );
    } else if (s.timing) {
      const t = s.timing;
      lines.push(
        `| ${s.name} | ${s.engine} | – | ${fmt(t.medianMs, 3)} | ${fmt(t.p95Ms, 3)} | max ${fmt(t.maxMs, 3)} | – | – | – | ${goal} | ${met}${measured} |`,
      );
    }
  }
  lines.push(
    "",
    "Timing rows (routing, start-up) give the median in the p50 column, the p95, and the maximum " +
      "in the p99 column; HTTP percentiles are over every answer. Ratios compare 2xx answers per " +
      "second with the baselines measured in this run.",
  );
  const notes = report.scenarios.flatMap((s) =>
    s.notes.map((n) => `- ${s.name} (${s.engine}): ${n}`),
  );
  if (notes.length) lines.push("", "## Notes", "", ...notes);
  if (report.skipped.length) {
    lines.push(
      "",
      "## Not measured",
      "",
      ...report.skipped.map((s) => `- ${s.scenario}: ${s.reason}`),
    );
  }
  lines.push("");
  return lines.join("\n");
}
