import { join } from "node:path";
import { createDb } from "@trace/db";
import { startApi } from "./api-process";
import type { Baselines } from "./baselines";
import { galleryObjects, publicPageScenarios, publicQuery, tipScenario } from "./http-scenarios";
import { productionEnv, type BenchOptions } from "./options";
import type { ScenarioResult } from "./report";
import { single, STARTUP_NOTE, timingRow, type EngineRun, type Log } from "./rows";

/** Waits until every demo image has its resized variants (the seed's background jobs). */
async function waitForVariants(publicUrl: string): Promise<void> {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const page = await publicQuery<{ items: { cover: { variants: unknown[] } | null }[] }>(
      publicUrl,
      "objects.list",
      { locale: "en", limit: 60, offset: 0 },
    );
    const pending = page.items.filter((o) => o.cover && o.cover.variants.length === 0).length;
    if (page.items.length > 0 && pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} demo images still have no variants`);
    await new Promise((r) => setTimeout(r, 2_000));
  }
}

/** Start-up fresh and on the demo data, the public pages and tip submission on embedded PGlite. */
export async function runPglite(
  options: BenchOptions,
  baselines: Baselines,
  dir: string,
  log: Log,
): Promise<EngineRun> {
  const rows: ScenarioResult[] = [];
  const tipAllowance =
    Math.ceil(options.tipPoolRate * (options.seconds + options.warmupSeconds)) * 2;
  const env = productionEnv(options, tipAllowance);

  log("PGlite: start-up on a fresh data directory");
  const first = await startApi({
    engine: "pglite",
    settings: { env },
    dataDir: join(dir, "pglite-fresh"),
    logFile: join(dir, "api-pglite-fresh.log"),
  });
  await first.stop();
  rows.push(
    timingRow(
      "startup-pglite-fresh",
      "start-up to both /healthz, fresh data directory (initdb, migrates)",
      "PGlite",
      single(first.startMs),
      null,
      [STARTUP_NOTE],
    ),
  );

  // Production refuses the demo data (its staff logins are published): it is seeded by a
  // development start on the same keys and data directory, which then stops.
  log("PGlite: seeding the demo data (development start), waiting for its image variants");
  const dataDir = join(dir, "pglite-demo");
  const seeding = await startApi({
    engine: "pglite",
    settings: { env: { ...env, NODE_ENV: "development" } },
    dataDir,
    logFile: join(dir, "api-pglite-seed.log"),
    extraEnv: { SEED_DEMO_DATA: "true", DEMO_WEBHOOK_RECEIVER: "false" },
  });
  try {
    await waitForVariants(seeding.publicUrl);
  } finally {
    await seeding.stop();
  }

  log("PGlite: start-up with the demo data");
  const api = await startApi({
    engine: "pglite",
    settings: { env },
    dataDir,
    logFile: join(dir, "api-pglite.log"),
  });
  try {
    rows.push(
      timingRow(
        "startup-pglite-data",
        "start-up to both /healthz, demo data",
        "PGlite",
        single(api.startMs),
        null,
        [STARTUP_NOTE],
      ),
    );
    log("PGlite: public pages");
    rows.push(
      ...(await publicPageScenarios(
        api,
        options,
        baselines,
        "demo data (the scale data is PostgreSQL-only)",
      )),
    );
    log("PGlite: tip submission");
    const { open } = await galleryObjects(api.publicUrl);
    rows.push(
      await tipScenario(
        api,
        options,
        baselines,
        open,
        () => createDb({ dataDir: join(dataDir, "pglite") }),
        true,
      ),
    );
    return { rows, apiEnv: api.shownEnv, skipped: [] };
  } finally {
    await api.stop();
  }
}
