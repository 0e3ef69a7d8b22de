import type { Executor } from "../client";
import { outbox } from "../schema";

export interface OutboxJob {
  topic: string;
  /** Unique per job: enqueueing the same key twice keeps the first job. */
  idempotencyKey: string;
  payload: Record<string, unknown>;
}

/**
 * Writes a job in the caller's transaction, so the job exists if and only if the change it
 * announces was committed. The worker picks it up from there.
 */
export async function enqueueOutboxJob(db: Executor, job: OutboxJob): Promise<void> {
  await db.insert(outbox).values(job).onConflictDoNothing({ target: outbox.idempotencyKey });
}
