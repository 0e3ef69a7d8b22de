import { startPeriodic } from "./periodic";
import {
  appendAuditEvent,
  deleteExpiredProofsOfWork,
  deleteExpiredTipIdempotencyKeys,
  deleteTipEntirely,
  eraseTipContactAndPhotos,
  lockRetentionCandidates,
  unreferencedStorageKeys,
  type AuditEntry,
  type Executor,
} from "@trace/db";
import { retentionAction, retentionCutoffs, type RetentionPolicy } from "@trace/domain";
import { describeError } from "../logger";
import { TIP_IDEMPOTENCY_TTL_MS } from "../services/tip-idempotency";
import type { Deps } from "../trpc/context";

/** Tips decided on per transaction: each batch holds its row locks only briefly. */
export const RETENTION_BATCH_SIZE = 100;

export interface RetentionSweepResult {
  /** Closed tips whose contact details and photos were deleted. */
  erased: number;
  /** Spam tips deleted entirely. */
  deleted: number;
  /** Tipster photos deleted (each with its variants and perceptual hash). */
  photos: number;
  /** Stored files removed after their rows were gone. */
  filesDeleted: number;
  /** Files whose removal failed: left behind as orphans, no row names them. */
  filesFailed: number;
  batches: number;
  /** Tip idempotency keys (with their encrypted receipt codes) past their 24 hours. */
  idempotencyKeys: number;
  /** Spent proofs of work past their challenge's expiry (a replay fails on the expiry anyway). */
  spentProofsOfWork: number;
}

interface BatchResult extends Omit<
  RetentionSweepResult,
  "filesDeleted" | "filesFailed" | "batches" | "idempotencyKeys" | "spentProofsOfWork"
> {
  scanned: number;
  lastId: string | null;
  unreferencedKeys: string[];
}

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/**
 * One batch, one transaction: lock up to `limit` candidates after `afterId`, let the domain rule
 * decide on each, apply, and append one audit event per tip (ids and counts, never content).
 * Answers the storage keys no row names any more, for the caller to delete after the commit.
 */
export async function runRetentionBatch(
  tx: Executor,
  {
    now,
    policy,
    afterId,
    limit,
  }: { now: Date; policy: RetentionPolicy; afterId: string | null; limit: number },
): Promise<BatchResult> {
  const at = now.toISOString();
  const candidates = await lockRetentionCandidates(tx, {
    ...retentionCutoffs(at, policy),
    afterId,
    limit,
  });
  const result: BatchResult = {
    erased: 0,
    deleted: 0,
    photos: 0,
    scanned: candidates.scanned,
    lastId: candidates.lastId,
    unreferencedKeys: [],
  };
  const keys: string[] = [];
  // Appended after every row change of the batch: the chain's lock is then always taken after
  // the row locks, in the same order as triage takes them, so the two cannot deadlock.
  const audit: AuditEntry[] = [];
  for (const tip of candidates.tips) {
    const action = retentionAction(tip, at, policy);
    if (action.type === "erase_contact_and_photos") {
      const erased = await eraseTipContactAndPhotos(tx, tip.id);
      result.erased++;
      result.photos += erased.photos;
      keys.push(...erased.storageKeys);
      const what = [
        erased.contactErased ? "contact details erased" : null,
        erased.photos ? `${erased.photos} photo(s) deleted` : null,
      ].filter(Boolean);
      audit.push({
        at: now,
        actorId: null,
        action: "retention.contact_and_photos_erased",
        entityType: "tip",
        entityId: tip.id,
        reason: `closed for ${days(policy.closedDays)}: ${what.join(", ")}`,
      });
    } else if (action.type === "delete_tip") {
      const deleted = await deleteTipEntirely(tx, tip.id);
      result.deleted++;
      result.photos += deleted.photos;
      keys.push(...deleted.storageKeys);
      audit.push({
        at: now,
        actorId: null,
        action: "retention.tip_deleted",
        entityType: "tip",
        entityId: tip.id,
        reason:
          `spam for ${days(policy.spamDays)}: deleted with ${deleted.events} history entries, ` +
          `${deleted.messages} messages, ${deleted.photos} photos`,
      });
      for (const duplicateId of deleted.unlinkedDuplicateIds) {
        audit.push({
          at: now,
          actorId: null,
          action: "retention.duplicate_unlinked",
          entityType: "tip",
          entityId: duplicateId,
          reason: `its original, tip ${tip.id}, was deleted as spam`,
        });
      }
    }
  }
  for (const entry of audit) await appendAuditEvent(tx, entry);
  result.unreferencedKeys = await unreferencedStorageKeys(tx, keys);
  return result;
}

/**
 * Applies the retention policy to every tip, in batches of `batchSize` (each its own
 * transaction), walking the candidates once in id order. Bytes are deleted only after their
 * batch has committed: a crash in between leaves orphan files, never a row naming missing bytes.
 * Safe with several API instances (rows are taken with SKIP LOCKED) and idempotent: a tip with
 * nothing left to erase is no longer a candidate.
 */
export async function runRetentionSweep(
  deps: Pick<Deps, "database" | "media" | "now" | "logger">,
  policy: RetentionPolicy,
  { batchSize = RETENTION_BATCH_SIZE } = {},
): Promise<RetentionSweepResult> {
  const now = deps.now();
  const total: RetentionSweepResult = {
    erased: 0,
    deleted: 0,
    photos: 0,
    filesDeleted: 0,
    filesFailed: 0,
    batches: 0,
    // Not a tip's data to audit: keys that only let a lost answer be fetched again (ADR 0015).
    idempotencyKeys: await deleteExpiredTipIdempotencyKeys(
      deps.database.db,
      new Date(now.getTime() - TIP_IDEMPOTENCY_TTL_MS + 1),
    ),
    // Here rather than after each tip: a delete per submission was a round trip and a scan of
    // the table's expiry index on the busiest path, for rows that are harmless until then.
    spentProofsOfWork: await deleteExpiredProofsOfWork(deps.database.db, now),
  };
  let afterId: string | null = null;
  for (;;) {
    const cursor = afterId;
    const batch: BatchResult = await deps.database.db.transaction((tx) =>
      runRetentionBatch(tx, { now, policy, afterId: cursor, limit: batchSize }),
    );
    total.batches++;
    total.erased += batch.erased;
    total.deleted += batch.deleted;
    total.photos += batch.photos;
    for (const key of batch.unreferencedKeys) {
      try {
        await deps.media.delete(key);
        total.filesDeleted++;
      } catch (error) {
        // The rows are gone already; the file is an orphan no one can reach.
        total.filesFailed++;
        deps.logger.warn({ err: describeError(error) }, "retention: a stored file was not deleted");
      }
    }
    if (batch.scanned < batchSize) return total;
    afterId = batch.lastId;
  }
}

/** Runs the sweep every `intervalMs` (and once at start); returns a function that stops it. */
export function startRetentionSweep(
  deps: Pick<Deps, "database" | "media" | "now" | "logger">,
  policy: RetentionPolicy,
  intervalMs: number,
): () => void {
  return startPeriodic("retention sweep", deps.logger, intervalMs, async () => {
    const result = await runRetentionSweep(deps, policy);
    if (result.erased || result.deleted || result.filesFailed) {
      deps.logger.info(
        {
          erased: result.erased,
          deleted: result.deleted,
          photos: result.photos,
          filesDeleted: result.filesDeleted,
          filesFailed: result.filesFailed,
        },
        "retention sweep",
      );
    }
  });
}
