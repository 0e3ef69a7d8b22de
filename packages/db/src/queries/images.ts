import { and, asc, count, eq, gt, inArray, isNotNull, isNull, lte, or } from "drizzle-orm";
import {
  IMAGE_VARIANT_FORMATS,
  variantPath,
  type ImageKind,
  type ImageStatus,
  type ImageVariant,
  type ImageVariantFormat,
  type ObjectStatus,
  type TipPhotoView,
} from "@trace/domain";
import type { Executor } from "../client";
import { imageVariants, objectImages, tipPhotos, traceObjects } from "../schema";
import { enqueueOutboxJob } from "./outbox";

/** Objects whose images the public may see; the same list as the public object queries. */
const PUBLIC_OBJECT_STATUSES: ObjectStatus[] = ["published", "origin_found"];

/** The background job that makes an image's variants; enqueued in the transaction that stores it. */
export const IMAGE_PROCESS_TOPIC = "image.process";

export interface ImageProcessPayload {
  kind: ImageKind;
  imageId: string;
}

/** One job per image: enqueueing it again (a retried request, a migration) is a no-op. */
export function imageProcessJob(payload: ImageProcessPayload) {
  return {
    topic: IMAGE_PROCESS_TOPIC,
    idempotencyKey: `${IMAGE_PROCESS_TOPIC}:${payload.kind}:${payload.imageId}`,
    payload: { ...payload },
  };
}

type VariantRow = typeof imageVariants.$inferSelect;

function toVariant(row: VariantRow, imageId: string): ImageVariant {
  return {
    format: row.format,
    width: row.width,
    height: row.height,
    url: variantPath(imageId, row.storageKey, row.format),
  };
}

/** Variants by image id, ordered by format preference (AVIF, WebP, JPEG), then width. */
export async function listImageVariants(
  db: Executor,
  kind: ImageKind,
  imageIds: readonly string[],
): Promise<Map<string, ImageVariant[]>> {
  const byImage = new Map<string, ImageVariant[]>(imageIds.map((id) => [id, []]));
  if (imageIds.length === 0) return byImage;
  const owner = kind === "object" ? imageVariants.objectImageId : imageVariants.tipPhotoId;
  const rows = await db
    .select()
    .from(imageVariants)
    .where(inArray(owner, [...imageIds]))
    .orderBy(asc(imageVariants.width));
  for (const row of rows) {
    const imageId = (kind === "object" ? row.objectImageId : row.tipPhotoId)!;
    byImage.get(imageId)?.push(toVariant(row, imageId));
  }
  for (const list of byImage.values()) {
    list.sort(
      (a, b) =>
        IMAGE_VARIANT_FORMATS.indexOf(a.format) - IMAGE_VARIANT_FORMATS.indexOf(b.format) ||
        a.width - b.width,
    );
  }
  return byImage;
}

export interface ImageToProcess {
  storageKey: string;
  status: ImageStatus;
}

export async function findImageToProcess(
  db: Executor,
  { kind, imageId }: ImageProcessPayload,
): Promise<ImageToProcess | null> {
  const table = kind === "object" ? objectImages : tipPhotos;
  const [row] = await db
    .select({ storageKey: table.storageKey, status: table.status })
    .from(table)
    .where(eq(table.id, imageId));
  return row ?? null;
}

export interface NewImageVariant {
  format: ImageVariantFormat;
  width: number;
  height: number;
  storageKey: string;
  byteSize: number;
}

/**
 * Records the variants and marks the image ready. Safe to repeat (a job retried after a crash):
 * a variant already recorded is kept. False when the image no longer exists (removed meanwhile).
 */
export async function completeImageProcessing(
  db: Executor,
  { kind, imageId }: ImageProcessPayload,
  variants: readonly NewImageVariant[],
  now: Date,
): Promise<boolean> {
  const table = kind === "object" ? objectImages : tipPhotos;
  // Lock the image first, so a concurrent removal either happens before (nothing to do) or after.
  const [image] = await db
    .select({ id: table.id })
    .from(table)
    .where(eq(table.id, imageId))
    .for("update");
  if (!image) return false;
  if (variants.length) {
    await db
      .insert(imageVariants)
      .values(
        variants.map((v) => ({
          ...v,
          objectImageId: kind === "object" ? imageId : null,
          tipPhotoId: kind === "tip" ? imageId : null,
        })),
      )
      .onConflictDoNothing();
  }
  await db.update(table).set({ status: "ready", processedAt: now }).where(eq(table.id, imageId));
  return true;
}

/** The bytes cannot be decoded: no retry will help. Staff see the image as failed. */
export async function failImageProcessing(
  db: Executor,
  { kind, imageId }: ImageProcessPayload,
  now: Date,
): Promise<void> {
  const table = kind === "object" ? objectImages : tipPhotos;
  await db
    .update(table)
    .set({ status: "failed", processedAt: now })
    .where(and(eq(table.id, imageId), eq(table.status, "pending")));
}

export interface MediaOriginal {
  kind: ImageKind;
  storageKey: string;
  mediaType: string;
}

/**
 * The sanitised original of an image. With `publicOnly`, only an object image while its object
 * is public: the public surface never reaches a draft, a withdrawn object or a tipster's photo.
 */
export async function findMediaOriginal(
  db: Executor,
  imageId: string,
  { publicOnly }: { publicOnly: boolean },
): Promise<MediaOriginal | null> {
  const [objectImage] = await db
    .select({ storageKey: objectImages.storageKey, mediaType: objectImages.mediaType })
    .from(objectImages)
    .innerJoin(traceObjects, eq(traceObjects.id, objectImages.objectId))
    .where(
      and(
        eq(objectImages.id, imageId),
        publicOnly ? inArray(traceObjects.status, PUBLIC_OBJECT_STATUSES) : undefined,
      ),
    );
  if (objectImage) return { kind: "object", ...objectImage };
  if (publicOnly) return null;
  // An unclaimed upload is not reachable: it belongs to no tip yet, so to no one on staff.
  const [photo] = await db
    .select({ storageKey: tipPhotos.storageKey, mediaType: tipPhotos.mediaType })
    .from(tipPhotos)
    .where(and(eq(tipPhotos.id, imageId), isNotNull(tipPhotos.tipId)));
  return photo ? { kind: "tip", ...photo } : null;
}

/**
 * Whether `storageKey` is a variant of image `imageId` in `format`, checked against the object's
 * status on every request when `publicOnly` (one indexed lookup): withdrawal closes every URL at once.
 */
export async function findMediaVariant(
  db: Executor,
  imageId: string,
  storageKey: string,
  format: ImageVariantFormat,
  { publicOnly }: { publicOnly: boolean },
): Promise<{ kind: ImageKind } | null> {
  const [row] = await db
    .select({
      objectImageId: imageVariants.objectImageId,
      tipPhotoId: imageVariants.tipPhotoId,
      objectStatus: traceObjects.status,
    })
    .from(imageVariants)
    .leftJoin(objectImages, eq(objectImages.id, imageVariants.objectImageId))
    .leftJoin(traceObjects, eq(traceObjects.id, objectImages.objectId))
    .where(
      and(
        eq(imageVariants.storageKey, storageKey),
        eq(imageVariants.format, format),
        or(eq(imageVariants.objectImageId, imageId), eq(imageVariants.tipPhotoId, imageId)),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (row.objectImageId) {
    if (publicOnly && !PUBLIC_OBJECT_STATUSES.includes(row.objectStatus!)) return null;
    return { kind: "object" };
  }
  return publicOnly ? null : { kind: "tip" };
}

export interface NewTipPhotoUpload {
  tokenHash: string;
  expiresAt: Date;
  storageKey: string;
  mediaType: string;
  width: number;
  height: number;
  createdAt: Date;
}

export async function insertTipPhotoUpload(
  db: Executor,
  upload: NewTipPhotoUpload,
): Promise<string> {
  const [row] = await db.insert(tipPhotos).values(upload).returning({ id: tipPhotos.id });
  return row!.id;
}

/** Uploads still waiting for a tip: the public upload route caps them, so a flood cannot fill the disk. */
export async function countUnclaimedTipPhotoUploads(db: Executor, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(tipPhotos)
    .where(and(isNull(tipPhotos.tipId), gt(tipPhotos.expiresAt, now)));
  return row?.n ?? 0;
}

/**
 * Ties uploaded photos to a tip, in the tip's transaction, in the given order. Every token must
 * name an unclaimed, unexpired upload; otherwise nothing is claimed and `null` is returned (the
 * caller then rolls the whole tip back). The token hash is cleared, so a token works once.
 */
export async function claimTipPhotos(
  tx: Executor,
  tipId: string,
  tokenHashes: readonly string[],
  now: Date,
): Promise<string[] | null> {
  if (new Set(tokenHashes).size !== tokenHashes.length) return null;
  const ids: string[] = [];
  for (const [position, tokenHash] of tokenHashes.entries()) {
    const [row] = await tx
      .update(tipPhotos)
      .set({ tipId, position, tokenHash: null, expiresAt: null })
      .where(
        and(
          eq(tipPhotos.tokenHash, tokenHash),
          isNull(tipPhotos.tipId),
          gt(tipPhotos.expiresAt, now),
        ),
      )
      .returning({ id: tipPhotos.id });
    if (!row) return null;
    ids.push(row.id);
  }
  return ids;
}

/**
 * Deletes uploads no tip claimed in time, and answers the storage keys that no row names any
 * more: the caller removes those bytes after the commit. Unclaimed uploads were never
 * processed, so they have no variants.
 */
export async function deleteExpiredTipPhotoUploads(
  tx: Executor,
  now: Date,
  limit = 500,
): Promise<{ deleted: number; unreferencedKeys: string[] }> {
  const expired = tx
    .select({ id: tipPhotos.id })
    .from(tipPhotos)
    .where(and(isNull(tipPhotos.tipId), lte(tipPhotos.expiresAt, now)))
    .limit(limit)
    .for("update", { skipLocked: true });
  const deleted = await tx
    .delete(tipPhotos)
    .where(inArray(tipPhotos.id, expired))
    .returning({ storageKey: tipPhotos.storageKey });
  return {
    deleted: deleted.length,
    unreferencedKeys: await unreferencedStorageKeys(
      tx,
      deleted.map((d) => d.storageKey),
    ),
  };
}

/**
 * Of these storage keys (of rows just deleted), the ones no image row names any more. Ask inside
 * the deleting transaction and delete the bytes only after it commits: content addressing means
 * another row may name the same bytes, and a rollback must never leave a row naming deleted bytes.
 */
export async function unreferencedStorageKeys(
  tx: Executor,
  storageKeys: readonly string[],
): Promise<string[]> {
  const keys = [...new Set(storageKeys)];
  if (keys.length === 0) return [];
  const used = new Set<string>();
  for (const table of [objectImages, tipPhotos, imageVariants]) {
    const rows = await tx
      .selectDistinct({ key: table.storageKey })
      .from(table)
      .where(inArray(table.storageKey, keys));
    for (const row of rows) used.add(row.key);
  }
  return keys.filter((k) => !used.has(k));
}

/** A tip's photos, in the order the tipster attached them. */
export async function listTipPhotos(db: Executor, tipId: string): Promise<TipPhotoView[]> {
  const rows = await db
    .select({
      id: tipPhotos.id,
      status: tipPhotos.status,
      width: tipPhotos.width,
      height: tipPhotos.height,
    })
    .from(tipPhotos)
    .where(eq(tipPhotos.tipId, tipId))
    .orderBy(asc(tipPhotos.position));
  const variants = await listImageVariants(
    db,
    "tip",
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, variants: variants.get(r.id) ?? [] }));
}

/** Queues processing for every image of an object still pending (the seed, bulk imports). */
export async function enqueuePendingObjectImages(tx: Executor, objectId: string): Promise<number> {
  const pending = await tx
    .select({ id: objectImages.id })
    .from(objectImages)
    .where(and(eq(objectImages.objectId, objectId), eq(objectImages.status, "pending")));
  for (const { id } of pending) {
    await enqueueOutboxJob(tx, imageProcessJob({ kind: "object", imageId: id }));
  }
  return pending.length;
}
