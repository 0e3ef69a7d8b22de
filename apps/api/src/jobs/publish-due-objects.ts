import { startPeriodic } from "./periodic";
import { appendAuditEvent, publishDueObjects } from "@trace/db";
import type { Deps } from "../trpc/context";

/**
 * Publishes approved objects whose scheduled time has come, with one audit event each, in one
 * transaction. Safe with several API instances: the UPDATE takes each due row exactly once.
 */
export async function runPublishDueObjects(
  deps: Pick<Deps, "database" | "now">,
): Promise<string[]> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const ids = await publishDueObjects(tx, now);
    for (const id of ids) {
      await appendAuditEvent(tx, {
        at: now,
        actorId: null,
        action: "object.published",
        entityType: "object",
        entityId: id,
        reason: "scheduled publication",
      });
    }
    return ids;
  });
}

/** Runs the job every `intervalMs` (and once at start); returns a function that stops it. */
export function startPublishDueObjects(
  deps: Pick<Deps, "database" | "now" | "logger">,
  intervalMs = 30_000,
): () => void {
  return startPeriodic("scheduled publication", deps.logger, intervalMs, async () => {
    const ids = await runPublishDueObjects(deps);
    if (ids.length) deps.logger.info({ count: ids.length }, "scheduled objects published");
  });
}
