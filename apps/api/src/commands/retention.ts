import { join } from "node:path";
import { createDb, createFsMediaStore } from "@trace/db";
import { loadEnv } from "../env";
import { runRetentionSweep } from "../jobs/retention-sweep";
import { createLogger, describeError } from "../logger";

/**
 * One retention sweep now (`pnpm --filter @trace/api retention`), with the configured periods:
 * the API runs the same sweep on its own every RETENTION_SWEEP_INTERVAL_MS. On embedded PGlite,
 * stop the server first: one process owns its data directory. It uses the same DATA_DIR (media
 * files) as the API. No migrations here: the API applies them at its start.
 */
const env = loadEnv();
const logger = createLogger(env.logLevel);
const database = await createDb({ url: env.databaseUrl, dataDir: join(env.dataDir, "pglite") });
try {
  const { policy } = env.retention;
  const result = await runRetentionSweep(
    {
      database,
      media: createFsMediaStore(join(env.dataDir, "media")),
      now: () => new Date(),
      logger,
    },
    policy,
  );
  process.stdout.write(
    [
      `Retention sweep (closed tips: ${policy.closedDays} days, spam: ${policy.spamDays} days):`,
      `  closed tips whose contact details and photos were deleted: ${result.erased}`,
      `  spam tips deleted: ${result.deleted}`,
      `  photos deleted: ${result.photos} (${result.filesDeleted} stored files removed)`,
      ...(result.filesFailed
        ? [`  stored files that could not be removed (orphans, see the log): ${result.filesFailed}`]
        : []),
      "",
    ].join("\n"),
  );
  if (result.filesFailed) process.exitCode = 1;
} catch (error) {
  // Nothing of the database's message: a failed query's message carries its parameters.
  const err = describeError(error);
  logger.error({ err }, "retention sweep failed");
  process.stderr.write(
    err.code === "42P01"
      ? "retention: the database has no Trace tables yet; start the API once to apply the migrations.\n"
      : `retention: the sweep failed (${err.type}${err.code ? `, ${err.code}` : ""}); nothing of the failed batch was changed.\n`,
  );
  process.exitCode = 1;
} finally {
  await database.close();
}
