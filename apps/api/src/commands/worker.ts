import { join } from "node:path";
import { createDb, createFsMediaStore } from "@trace/db";
import { loadEnv } from "../env";
import { createConfiguredOutboxWorker } from "../jobs/configured-worker";
import { createLogger, describeError } from "../logger";

/**
 * The outbox worker on its own (`pnpm --filter @trace/api worker`), for deployments that run
 * deliveries apart from the API (set OUTBOX_WORKER=false on the API instances, or keep both:
 * any number of workers share the queue safely). PostgreSQL only: embedded PGlite serves one
 * process, and the API already runs the worker inside it.
 */
const env = loadEnv();
const logger = createLogger(env.logLevel);
if (!env.databaseUrl) {
  process.stderr.write(
    "worker: set DATABASE_URL to a PostgreSQL database. With embedded PGlite the API runs the worker itself.\n",
  );
  process.exit(1);
}
// No migrations here: the API applies them at its start, and several workers starting at once
// must not race to apply them too. Until then, claiming fails and is retried at each poll.
const database = await createDb({
  url: env.databaseUrl,
  onConnectionLost: (error) =>
    logger.warn({ err: describeError(error) }, "database connection lost"),
  onConnectionRestored: () => logger.info("database connection restored"),
});

// Image processing reads and writes the media store: the same one the API instances use.
const media = createFsMediaStore(join(env.dataDir, "media"));
const worker = createConfiguredOutboxWorker(env, database, logger, media);
worker.start();

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "worker shutting down");
  await worker.stop();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
