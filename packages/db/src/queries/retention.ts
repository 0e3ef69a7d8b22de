import { and, asc, count, eq, gt, inArray, isNotNull, lte, max, not, or, sql } from "drizzle-orm";
import { CLOSED_TRIAGE_STATUSES, type TipRetentionFacts } from "@trace/domain";
import type { Executor } from "../client";
import { imageVariants, messages, referralTips, tipEvents, tipPhotos, tips } from "../schema";
import { iso } from "./serialize";

/**
 * When a tip entered its current triage status: its latest status history entry. A tip with no
 * such entry (data from before the history existed) falls back to its last update, which is never
 * earlier, so the fallback can only keep a tip longer. These correlated subqueries are for WHERE
 * clauses, where drizzle qualifies every column with its table.
 */
const statusChangedAt = sql<Date>`coalesce((
  select max(${tipEvents.at}) from ${tipEvents}
  where ${tipEvents.tipId} = ${tips.id} and ${tipEvents.kind} = 'status'
), ${tips.updatedAt})`;

const hasPhotos = sql<boolean>`exists (select 1 from ${tipPhotos} where ${tipPhotos.tipId} = ${tips.id})`;
const isReferred = sql<boolean>`exists (select 1 from ${referralTips} where ${referralTips.tipId} = ${tips.id})`;

export interface RetentionCandidateQuery {
  /** From `retentionCutoffs` (ISO times): the latest status change still due under each rule. */
  closedBefore: string;
  spamBefore: string;
  /** Keyset cursor: only tips with a greater id, so one sweep walks the candidates once. */
  afterId: string | null;
  limit: number;
}

export interface RetentionCandidates {
  /** The last id the query looked at (locked or not), for the next batch's cursor. */
  lastId: string | null;
  /** How many tips the query returned: fewer than the limit means the sweep has reached the end. */
  scanned: number;
  /** The locked tips, read again after locking, for `retentionAction` to decide on. */
  tips: (TipRetentionFacts & { id: string })[];
}

/**
 * One batch of tips that may be due for retention, row-locked until the end of the transaction.
 * The SQL only narrows the search (closed, old enough, and with something left to erase, or
 * spam and not referred) so that tips already erased are not read again; `retentionAction` in the
 * domain decides. Rows another transaction holds (a triage in progress, another API instance's
 * sweep) are skipped and left for the next sweep.
 *
 * The facts are read by a second statement, after the lock: under READ COMMITTED it sees every
 * change committed before the lock was granted, and triage takes the same row lock, so nothing
 * changes them until this transaction ends.
 */
export async function lockRetentionCandidates(
  tx: Executor,
  q: RetentionCandidateQuery,
): Promise<RetentionCandidates> {
  const locked = await tx
    .select({ id: tips.id })
    .from(tips)
    .where(
      and(
        inArray(tips.triageStatus, [...CLOSED_TRIAGE_STATUSES]),
        q.afterId === null ? undefined : gt(tips.id, q.afterId),
        or(
          and(
            eq(tips.triageStatus, "spam"),
            lte(statusChangedAt, sql`${q.spamBefore}::timestamptz`),
            not(isReferred),
          ),
          and(
            or(isNotNull(tips.contactCiphertext), hasPhotos),
            lte(statusChangedAt, sql`${q.closedBefore}::timestamptz`),
          ),
        ),
      ),
    )
    .orderBy(asc(tips.id))
    .limit(q.limit)
    .for("update", { skipLocked: true });
  if (locked.length === 0) return { lastId: null, scanned: 0, tips: [] };
  const ids = locked.map((r) => r.id);
  const rows = await tx
    .select({
      id: tips.id,
      triageStatus: tips.triageStatus,
      hasContact: isNotNull(tips.contactCiphertext).mapWith(Boolean),
      updatedAt: tips.updatedAt,
    })
    .from(tips)
    .where(inArray(tips.id, ids))
    .orderBy(asc(tips.id));
  // Plain grouped queries rather than correlated subqueries in the select list: drizzle writes
  // the columns of a one-table select unqualified, which a subquery would bind to its own table.
  const statusChanges = await tx
    .select({ tipId: tipEvents.tipId, at: max(tipEvents.at) })
    .from(tipEvents)
    .where(and(inArray(tipEvents.tipId, ids), eq(tipEvents.kind, "status")))
    .groupBy(tipEvents.tipId);
  const photoCounts = await tx
    .select({ tipId: tipPhotos.tipId, n: count() })
    .from(tipPhotos)
    .where(inArray(tipPhotos.tipId, ids))
    .groupBy(tipPhotos.tipId);
  const referred = await tx
    .selectDistinct({ tipId: referralTips.tipId })
    .from(referralTips)
    .where(inArray(referralTips.tipId, ids));
  const changedAt = new Map(statusChanges.map((r) => [r.tipId, r.at]));
  const photos = new Map(photoCounts.map((r) => [r.tipId, r.n]));
  const referredIds = new Set(referred.map((r) => r.tipId));
  return {
    lastId: ids.at(-1)!,
    scanned: ids.length,
    tips: rows.map((r) => ({
      id: r.id,
      triageStatus: r.triageStatus,
      statusChangedAt: iso(changedAt.get(r.id) ?? r.updatedAt),
      hasContact: r.hasContact,
      photoCount: photos.get(r.id) ?? 0,
      isReferred: referredIds.has(r.id),
    })),
  };
}

/**
 * Deletes the photos of these tips: their variants (whose storage keys are answered), then the
 * rows, whose perceptual hashes go with them (`ON DELETE CASCADE`). The photo rows are locked
 * first, so an `image.process` job finishing at the same moment either recorded its variants
 * before (and they are deleted here) or finds the photo gone.
 */
async function deleteTipPhotosOf(
  tx: Executor,
  tipIds: readonly string[],
): Promise<{ photos: number; storageKeys: string[] }> {
  const photos = await tx
    .select({ id: tipPhotos.id })
    .from(tipPhotos)
    .where(inArray(tipPhotos.tipId, [...tipIds]))
    .for("update");
  if (photos.length === 0) return { photos: 0, storageKeys: [] };
  const photoIds = photos.map((p) => p.id);
  const variants = await tx
    .delete(imageVariants)
    .where(inArray(imageVariants.tipPhotoId, photoIds))
    .returning({ storageKey: imageVariants.storageKey });
  const originals = await tx
    .delete(tipPhotos)
    .where(inArray(tipPhotos.id, photoIds))
    .returning({ storageKey: tipPhotos.storageKey });
  return {
    photos: originals.length,
    storageKeys: [...originals, ...variants].map((r) => r.storageKey),
  };
}

export interface ErasedTip {
  contactErased: boolean;
  photos: number;
  /** Storage keys of the deleted photos and variants; see `unreferencedStorageKeys`. */
  storageKeys: string[];
}

/**
 * Deletes a closed tip's contact details and photos. Everything else (the answer, the words, the
 * history, the dialogue) stays for the hub's statistics and for the tipster's receipt.
 */
export async function eraseTipContactAndPhotos(tx: Executor, tipId: string): Promise<ErasedTip> {
  const erased = await tx
    .update(tips)
    .set({ contactCiphertext: null })
    .where(and(eq(tips.id, tipId), isNotNull(tips.contactCiphertext)))
    .returning({ id: tips.id });
  const photos = await deleteTipPhotosOf(tx, [tipId]);
  return { contactErased: erased.length > 0, ...photos };
}

export interface DeletedTip {
  events: number;
  messages: number;
  photos: number;
  storageKeys: string[];
  /** Tips that named this one as their original: their link is cleared, they are kept. */
  unlinkedDuplicateIds: string[];
}

/**
 * Deletes a tip with everything that belongs to it: history, dialogue, photos (variants and
 * hashes). Tips marked as its duplicates keep their own life and lose only the link. A tip in a
 * referral is refused by the `referral_tips` foreign key, which rolls the transaction back: an
 * agency's lead package never loses a tip silently. Audit events name the tip by id only and
 * are not touched, so the hash chain stays intact.
 */
export async function deleteTipEntirely(tx: Executor, tipId: string): Promise<DeletedTip> {
  const unlinked = await tx
    .update(tips)
    .set({ duplicateOfId: null })
    .where(eq(tips.duplicateOfId, tipId))
    .returning({ id: tips.id });
  const photos = await deleteTipPhotosOf(tx, [tipId]);
  const deletedMessages = await tx
    .delete(messages)
    .where(eq(messages.tipId, tipId))
    .returning({ id: messages.id });
  const deletedEvents = await tx
    .delete(tipEvents)
    .where(eq(tipEvents.tipId, tipId))
    .returning({ id: tipEvents.id });
  await tx.delete(tips).where(eq(tips.id, tipId));
  return {
    events: deletedEvents.length,
    messages: deletedMessages.length,
    ...photos,
    unlinkedDuplicateIds: unlinked.map((r) => r.id),
  };
}
