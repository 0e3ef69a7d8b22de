import { join } from "node:path";
import { sql } from "drizzle-orm";
import { createDb } from "@trace/db";
import { startApi, type RunningApi } from "./api-process";
import type { Baselines } from "./baselines";
import { galleryObjects, publicPageScenarios, tipScenario } from "./http-scenarios";
import { productionEnv, type BenchOptions } from "./options";
import type { Report, ScenarioResult } from "./report";
import { single, STARTUP_NOTE, timingRow, type EngineRun, type Log } from "./rows";
import { loadScaleData } from "./scale-data";
import { createBenchStaffUser, logIn } from "./staff";
import { staffScenarios } from "./staff-scenarios";

async function adminQuery(adminUrl: string, statement: string): Promise<unknown[]> {
  const server = await createDb({ url: adminUrl, poolSize: 1 });
  try {
    const result = await server.db.execute(sql.raw(statement));
    return (result as unknown as { rows: unknown[] }).rows;
  } finally {
    await server.close();
  }
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Start-up on an empty database, the scale data generated into a fresh one, start-up on it, the
 * public, staff and tip scenarios; both databases are dropped at the end.
 */
export async function runPostgres(
  options: BenchOptions,
  baselines: Baselines,
  dir: string,
  report: Partial<Report>,
  log: Log,
): Promise<EngineRun> {
  const rows: ScenarioResult[] = [];
  const skipped: Report["skipped"] = [];
  const admin = options.adminDatabaseUrl;
  const settings = await adminQuery(
    admin,
    "select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit, current_setting('server_version') as version, current_setting('shared_buffers') as shared_buffers",
  ).catch((error: unknown) => {
    const where = new URL(admin);
    throw new Error(
      `PostgreSQL at ${where.host}${where.pathname} did not answer (${String((error as { cause?: unknown }).cause ?? error)}): start it, ` +
        "set BENCH_DATABASE_URL, or run PGlite only with BENCH_ENGINES=pglite",
    );
  });
  report.database = { postgres: settings[0] };
  const stamp = Date.now().toString(36);
  const fresh = `trace_bench_fresh_${stamp}`;
  const scaled = `trace_bench_scale_${stamp}`;
  const tipAllowance =
    Math.ceil(options.tipPoolRate * (options.seconds + options.warmupSeconds)) * 2;
  const env = productionEnv(options, tipAllowance);
  let api: RunningApi | undefined;
  try {
    // Start-up on an empty database: migrations included.
    await adminQuery(admin, `create database ${fresh}`);
    log("PostgreSQL: start-up on an empty database");
    const first = await startApi({
      engine: "postgres",
      settings: { env },
      databaseUrl: databaseUrl(admin, fresh),
      dataDir: join(dir, "pg-fresh"),
      logFile: join(dir, "api-postgres-fresh.log"),
    });
    await first.stop();
    rows.push(
      timingRow(
        "startup-postgres-fresh",
        "start-up to both /healthz, empty database (migrates)",
        "PostgreSQL",
        single(first.startMs),
        null,
        [STARTUP_NOTE],
      ),
    );

    await adminQuery(admin, `create database ${scaled}`);
    const url = databaseUrl(admin, scaled);
    const scale = await loadScaleData(url, options, log);
    report.scaleData = scale.report;
    const database = await createDb({ url, poolSize: 2 });
    let staffUser;
    let objectIds: string[];
    try {
      staffUser = await createBenchStaffUser(database, env);
      objectIds = await scale.objectIds(database);
    } finally {
      await database.close();
    }

    log("PostgreSQL: start-up with the scale data");
    api = await startApi({
      engine: "postgres",
      settings: { env },
      databaseUrl: url,
      dataDir: join(dir, "pg-scale"),
      logFile: join(dir, "api-postgres.log"),
    });
    rows.push(
      timingRow(
        "startup-postgres-data",
        `start-up to both /healthz, scale data (${scale.label})`,
        "PostgreSQL",
        single(api.startMs),
        null,
        [STARTUP_NOTE],
      ),
    );

    log("PostgreSQL: public pages");
    rows.push(
      ...(await publicPageScenarios(api, options, baselines, `scale data (${scale.label})`)),
    );

    log("PostgreSQL: staff scenarios");
    const cookie = await logIn(api.staffUrl, staffUser);
    const staff = await staffScenarios(api, options, baselines, cookie, scale.summary, objectIds);
    rows.push(...staff.rows);
    skipped.push(...staff.skipped);

    log("PostgreSQL: tip submission");
    const { open } = await galleryObjects(api.publicUrl);
    rows.push(
      await tipScenario(api, options, baselines, open, () => createDb({ url, poolSize: 2 }), false),
    );
    return { rows, apiEnv: api.shownEnv, skipped };
  } finally {
    await api?.stop();
    if (!options.keepDatabases) {
      for (const name of [fresh, scaled])
        await adminQuery(admin, `drop database if exists ${name} with (force)`);
    } else log(`kept databases ${fresh}, ${scaled}`);
  }
}
