import { startPeriodic } from "../jobs/periodic";
import { deleteExpiredTipPhotoUploads } from "@trace/db";
import type { Deps } from "../trpc/context";

/**
 * Deletes tipster photo uploads that no tip claimed before they expired, then their bytes
 * (unless another row names the same bytes). A tipster who gave up keeps nothing on the server.
 * Safe with several API instances: rows are taken with SKIP LOCKED.
 */
export async function runExpireTipPhotoUploads(
  deps: Pick<Deps, "database" | "media" | "now">,
): Promise<number> {
  let total = 0;
  for (;;) {
    const { deleted, unreferencedKeys } = await deps.database.db.transaction((tx) =>
      deleteExpiredTipPhotoUploads(tx, deps.now()),
    );
    // After the commit: a rollback must never leave a row naming deleted bytes.
    for (const key of unreferencedKeys) await deps.media.delete(key);
    total += deleted;
    if (deleted === 0) return total;
  }
}

/** Runs the sweep every `intervalMs` (and once at start); returns a function that stops it. */
export function startExpireTipPhotoUploads(
  deps: Pick<Deps, "database" | "media" | "now" | "logger">,
  intervalMs = 10 * 60_000,
): () => void {
  return startPeriodic("tip photo expiry", deps.logger, intervalMs, async () => {
    const count = await runExpireTipPhotoUploads(deps);
    if (count) deps.logger.info({ count }, "expired tip photo uploads deleted");
  });
}
