/**
 * `pnpm bench:scale -- [--database-url URL] [--seed N] [--scale 0.01]`
 *
 * Without a URL, makes a fresh database `trace_scale` on the local PostgreSQL. An old
 * `trace_scale` is dropped only if this tool made it (it marks its databases with a comment);
 * anything else of that name is left alone and the run stops.
 */
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import pg from "pg";
import { FULL_SIZES, generateScaleData } from "./generate";

const MARK = "made by pnpm bench:scale";
const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const DEFAULT_DATABASE = "trace_scale";

const { values } = parseArgs({
  // pnpm passes the `--` separator through; it means nothing here.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    "database-url": { type: "string" },
    "admin-url": { type: "string", default: DEFAULT_ADMIN_URL },
    seed: { type: "string", default: "1" },
    scale: { type: "string", default: "1" },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  process.stdout.write(
    "pnpm bench:scale -- [--database-url URL] [--admin-url URL] [--seed N] [--scale 0.01]\n",
  );
  process.exit(0);
}

const seed = Number(values.seed);
const scale = Number(values.scale);
if (!Number.isInteger(seed) || seed < 0) fail("--seed must be a whole number ≥ 0");
if (!Number.isFinite(scale) || scale <= 0 || scale > 10) fail("--scale must be in (0, 10]");

const sized = (full: number, min: number) => Math.max(min, Math.round(full * scale));
const databaseUrl = values["database-url"] ?? (await freshDatabase(values["admin-url"]));

const bar = new cliProgress.SingleBar(
  {
    format:
      "{phase} |{bar}| {percentage}% · {value}/{total} · {rate}/s · ETA {remaining} · {elapsed}s total",
    hideCursor: true,
    etaBuffer: 20,
    // Without a terminal (CI logs, a file), a line every few seconds instead of a moving bar.
    noTTYOutput: true,
    notTTYSchedule: 5_000,
  },
  cliProgress.Presets.shades_classic,
);
let phase = "";
let phaseStarted = 0;
const started = performance.now();
const onProgress = (name: string, done: number, total: number) => {
  const t = performance.now();
  if (name !== phase) {
    if (phase) bar.stop();
    phase = name;
    phaseStarted = t;
    bar.start(Math.max(total, 1), 0, {
      phase: name.padEnd(14),
      rate: "–",
      remaining: "–",
      elapsed: "0",
    });
  }
  const seconds = (t - phaseStarted) / 1000;
  bar.setTotal(Math.max(total, 1));
  const rate = seconds > 0 ? done / seconds : 0;
  bar.update(done, {
    rate: rate > 0 ? Math.round(rate).toLocaleString("en") : "–",
    // cli-progress's own ETA shows nonsense before the first update of a phase.
    remaining: rate > 0 ? `${Math.ceil((total - done) / rate)}s` : "–",
    elapsed: ((t - started) / 1000).toFixed(0),
  });
};

try {
  const summary = await generateScaleData({
    databaseUrl,
    seed,
    objects: sized(FULL_SIZES.objects, 1),
    tips: sized(FULL_SIZES.tips, 0),
    hashes: sized(FULL_SIZES.hashes, 0),
    agencies: sized(FULL_SIZES.agencies, 2),
    rules: sized(FULL_SIZES.rules, 1),
    onProgress,
  });
  bar.stop();
  const print = (line: string) => process.stdout.write(`${line}\n`);
  print(`\nScale data set in ${redact(databaseUrl)} (seed ${seed}, scale ${scale}):`);
  print(`  total ${(summary.durationMs / 1000).toFixed(1)} s`);
  for (const p of summary.phases) {
    print(`  ${p.phase.padEnd(16)} ${(p.durationMs / 1000).toFixed(1).padStart(7)} s`);
  }
  print(JSON.stringify(summary, null, 2));
} catch (error) {
  bar.stop();
  fail(error instanceof Error ? error.message : String(error));
}

async function freshDatabase(adminUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ mark: string | null }>(
      "select shobj_description(oid, 'pg_database') as mark from pg_database where datname = $1",
      [DEFAULT_DATABASE],
    );
    if (rows.length > 0) {
      if (rows[0]!.mark !== MARK) {
        fail(
          `database ${DEFAULT_DATABASE} exists and was not made by this tool; pass --database-url`,
        );
      }
      await admin.query(`drop database ${DEFAULT_DATABASE} with (force)`);
    }
    await admin.query(`create database ${DEFAULT_DATABASE}`);
    await admin.query(`comment on database ${DEFAULT_DATABASE} is '${MARK}'`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${DEFAULT_DATABASE}`;
  return url.toString();
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

function fail(message: string): never {
  process.stderr.write(`bench:scale: ${message}\n`);
  process.exit(1);
}
