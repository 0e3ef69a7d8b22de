import type { Database, MediaStore } from "@trace/db";
import type { Env } from "../env";
import type { Logger } from "../logger";
import { createOutboxHandlers } from "./handlers";
import { createOutboxWorker, type OutboxWorker } from "./outbox-worker";

/** The outbox worker as configured by the environment: the same in the API and on its own. */
export function createConfiguredOutboxWorker(
  env: Pick<Env, "outbox" | "webhookEncryptionKey" | "webhookTimeoutMs" | "imageLimits">,
  database: Database,
  logger: Logger,
  media: MediaStore,
): OutboxWorker {
  return createOutboxWorker({
    database,
    logger,
    handlers: createOutboxHandlers({
      database,
      webhookEncryptionKey: env.webhookEncryptionKey,
      webhookTimeoutMs: env.webhookTimeoutMs,
      media,
      imageLimits: env.imageLimits,
    }),
    concurrency: env.outbox.concurrency,
    pollIntervalMs: env.outbox.pollIntervalMs,
    leaseMs: env.outbox.leaseMs,
    maxAttempts: env.outbox.maxAttempts,
    backoff: { baseMs: env.outbox.backoffBaseMs, maxMs: env.outbox.backoffMaxMs },
  });
}
