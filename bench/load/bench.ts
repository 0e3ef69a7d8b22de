/**
 * The load bench (`pnpm bench`, run.ts): the built API in production mode on PostgreSQL and on
 * embedded PGlite, measured with autocannon against a Hono hello-world and a no-op tRPC query
 * measured in the same run; the routing engine timed in-process; start-up timed. Writes
 * <timestamp>.json and .md to bench/results and returns the table. README.md says what each
 * scenario does.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "./api-process";
import { measureBaselines } from "./baselines";
import { httpRow } from "./http-scenarios";
import { BENCH_PROOF_OF_WORK, type BenchOptions } from "./options";
import { runPglite } from "./pglite-run";
import { runPostgres } from "./postgres-run";
import { toMarkdown, type Report, type ScenarioResult } from "./report";
import { routingRows } from "./routing-rows";
import type { Log } from "./rows";

const defaultLog: Log = (line) => process.stdout.write(`[bench] ${line}\n`);

function gitCommit(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { cwd: REPO })
      .toString()
      .trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], {
      cwd: REPO,
    })
      .toString()
      .trim();
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return "unknown";
  }
}

export interface BenchRun {
  report: Report;
  markdown: string;
  /** The JSON and Markdown files written. */
  files: string[];
  logDir: string;
}

export async function runBench(options: BenchOptions, log: Log = defaultLog): Promise<BenchRun> {
  const started = performance.now();
  const before = loadavg();
  const dir = mkdtempSync(join(tmpdir(), "trace-bench-"));
  log(`logs and embedded databases in ${dir}`);
  const report: Partial<Report> = { database: {}, scaleData: null };
  const rows: ScenarioResult[] = [];
  const skipped: Report["skipped"] = [];
  const apiSettings: Report["apiSettings"] = {};

  log(`baselines: Hono hello-world and a no-op tRPC query (${options.seconds} s each)`);
  const baselines = await measureBaselines({
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
    connections: options.connections,
    logFile: join(dir, "baseline.log"),
  });
  rows.push(
    httpRow("hello", "baseline: Hono hello-world", "none", baselines.hello, baselines, null),
  );
  rows.push(
    httpRow("noop-trpc", "baseline: no-op tRPC query", "none", baselines.noop, baselines, null),
  );

  rows.push(...routingRows(options, log));

  if (options.engines.includes("postgres")) {
    const run = await runPostgres(options, baselines, dir, report, log);
    rows.push(...run.rows);
    skipped.push(...run.skipped);
    apiSettings.postgres = run.apiEnv;
  } else
    skipped.push({
      scenario: "PostgreSQL scenarios",
      reason: "BENCH_ENGINES leaves PostgreSQL out",
    });
  if (options.engines.includes("pglite")) {
    const run = await runPglite(options, baselines, dir, log);
    rows.push(...run.rows);
    apiSettings.pglite = run.apiEnv;
  }

  const full: Report = {
    measuredAt: new Date().toISOString(),
    gitCommit: gitCommit(),
    node: process.version,
    cpu: { model: cpus()[0]?.model ?? "unknown", cores: cpus().length },
    loadAverage: { before, after: loadavg() },
    options: { ...options, adminDatabaseUrl: "(set)", proofOfWork: BENCH_PROOF_OF_WORK },
    apiSettings,
    database: {
      ...report.database,
      pglite: "embedded, in the API process (its data directory on the local disk)",
    },
    scaleData: report.scaleData ?? null,
    scenarios: rows,
    skipped,
    totalSeconds: Math.round((performance.now() - started) / 1000),
  };
  const stamp = full.measuredAt.replace(/[:.]/g, "-");
  const out = options.resultsDir;
  mkdirSync(out, { recursive: true });
  const markdown = toMarkdown(full);
  writeFileSync(join(out, `${stamp}.json`), `${JSON.stringify(full, null, 2)}\n`);
  writeFileSync(join(out, `${stamp}.md`), markdown);
  // The logs stay for a look at what limited a scenario; the embedded databases go.
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".log")) rmSync(join(dir, name), { recursive: true, force: true });
  }
  return {
    report: full,
    markdown,
    files: [join(out, `${stamp}.json`), join(out, `${stamp}.md`)],
    logDir: dir,
  };
}
