import { randomBytes } from "node:crypto";
import { join } from "node:path";

/** What a run measures and how hard, from the environment (README: `pnpm bench`). */
export interface BenchOptions {
  /** 1 = the sizes (1,000,000 tips and hashes, 100,000 objects); 0.01 for a quick run. */
  scale: number;
  /** Seconds per HTTP scenario. */
  seconds: number;
  /** Seconds of unrecorded load before each HTTP scenario. */
  warmupSeconds: number;
  connections: number;
  /** Connections of the staff scenarios: a hub team at work, not a crowd. */
  staffConnections: number;
  engines: ("postgres" | "pglite")[];
  /** A PostgreSQL URL whose user may create databases; the bench makes its own and drops them. */
  adminDatabaseUrl: string;
  seed: number;
  /** Solved challenges prepared per second of the tip scenario: its ceiling in tips/s. */
  tipPoolRate: number;
  /** The API's LOG_LEVEL (production logs every request at info). */
  logLevel: string;
  keepDatabases: boolean;
  /** Where the JSON and Markdown go (bench/results). */
  resultsDir: string;
  /** Tips each routing timing is repeated over. */
  routingIterations: number;
}

function number(name: string, fallback: number, min: number, max: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number from ${min} to ${max}, not "${text}"`);
  }
  return value;
}

export function readOptions(): BenchOptions {
  const engines = (process.env.BENCH_ENGINES ?? "postgres,pglite")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  for (const engine of engines) {
    if (engine !== "postgres" && engine !== "pglite") {
      throw new Error(`BENCH_ENGINES lists "${engine}": only postgres and pglite exist`);
    }
  }
  return {
    scale: number("BENCH_SCALE", 1, 0.0001, 1),
    seconds: number("BENCH_DURATION", 10, 1, 600),
    warmupSeconds: number("BENCH_WARMUP", 2, 0, 60),
    connections: number("BENCH_CONNECTIONS", 50, 1, 1000),
    staffConnections: number("BENCH_STAFF_CONNECTIONS", 8, 1, 1000),
    engines: engines as BenchOptions["engines"],
    adminDatabaseUrl:
      process.env.BENCH_DATABASE_URL ??
      process.env.TEST_DATABASE_URL ??
      "postgres://postgres@127.0.0.1:5432/test",
    seed: number("BENCH_SEED", 1, 0, 2 ** 31),
    tipPoolRate: number("BENCH_TIP_POOL_RATE", 2_000, 10, 100_000),
    logLevel: process.env.BENCH_LOG_LEVEL ?? "info",
    keepDatabases: process.env.BENCH_KEEP_DATABASES === "true",
    resultsDir: process.env.BENCH_RESULTS_DIR ?? join(import.meta.dirname, "..", "results"),
    routingIterations: number("BENCH_ROUTING_ITERATIONS", 2_000, 10, 1_000_000),
  };
}

/** Proof of work cheap enough to pre-solve thousands of challenges, but still checked. */
export const BENCH_PROOF_OF_WORK = { cost: 1, maxCounter: 10 } as const;

/**
 * The production environment of every bench API process: fresh master keys per run, the
 * production rate limits except a bench allowance for tip submissions (all from one loopback
 * sender), a low proof-of-work cost, the default minimum fill time.
 */
export function productionEnv(options: BenchOptions, tipAllowance: number): Record<string, string> {
  return {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    RECEIPT_HASH_KEY: randomBytes(32).toString("hex"),
    CONTACT_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    LOG_LEVEL: options.logLevel,
    RATE_LIMIT_TIP_SUBMISSIONS: `${tipAllowance}/1h`,
    TIP_PROOF_OF_WORK_COST: String(BENCH_PROOF_OF_WORK.cost),
    TIP_PROOF_OF_WORK_MAX_COUNTER: String(BENCH_PROOF_OF_WORK.maxCounter),
    TIP_MIN_FILL_SECONDS: "3",
  };
}
