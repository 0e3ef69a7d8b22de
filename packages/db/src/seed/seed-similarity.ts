import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import type { MediaStore } from "../media-store";
import { imageProcessJob } from "../queries/images";
import { enqueueOutboxJob } from "../queries/outbox";
import { saveImageHash } from "../queries/similarity";
import { objectImages, tipPhotos, tips } from "../schema";
import { DEMO_TIP_PHOTOS, type DemoTipPhotoOwner } from "./data/tip-photos";
import { renderImage } from "./images";

type PerceptualHash = (bytes: Uint8Array) => Promise<string>;

/** The perceptual hash of each stored demo image, by storage key (computed before the transaction). */
export async function hashDemoImages(
  media: MediaStore,
  storageKeys: Iterable<string>,
  perceptualHash: PerceptualHash,
): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const key of new Set(storageKeys)) {
    const bytes = await media.get(key);
    if (!bytes) throw new Error(`demo image ${key} is missing from the media store`);
    hashes.set(key, await perceptualHash(bytes));
  }
  return hashes;
}

/** Indexes every object image the seed inserted, so the similarity panels work on the demo at once. */
export async function insertDemoImageHashes(
  tx: Executor,
  hashes: ReadonlyMap<string, string>,
): Promise<number> {
  const rows = await tx
    .select({ id: objectImages.id, storageKey: objectImages.storageKey })
    .from(objectImages);
  for (const row of rows) {
    const hash = hashes.get(row.storageKey);
    if (!hash) throw new Error(`no perceptual hash for demo image ${row.storageKey}`);
    await saveImageHash(tx, { kind: "object", imageId: row.id, hash });
  }
  return rows.length;
}

export interface StoredTipPhoto {
  owner: DemoTipPhotoOwner;
  storageKey: string;
  width: number;
  height: number;
  mediaType: string;
}

/** Renders the demo tipsters' photos and stores them, before the transaction like every image. */
export async function storeDemoTipPhotos(media: MediaStore): Promise<StoredTipPhoto[]> {
  return Promise.all(
    DEMO_TIP_PHOTOS.map(async ({ owner, image }) => {
      const rendered = await renderImage(image);
      return {
        owner,
        storageKey: await media.put(rendered.bytes),
        width: rendered.width,
        height: rendered.height,
        mediaType: rendered.mediaType,
      };
    }),
  );
}

/**
 * Attaches the demo tipsters' photos to their tips, queues them for the image pipeline like an
 * upload, and indexes their hashes when given.
 */
export async function insertDemoTipPhotos(
  tx: Executor,
  input: {
    photos: readonly StoredTipPhoto[];
    demoTipReceiptHash: string;
    hashes: ReadonlyMap<string, string> | null;
  },
): Promise<number> {
  const [demoTip] = await tx
    .select({ id: tips.id })
    .from(tips)
    .where(eq(tips.receiptHash, input.demoTipReceiptHash));
  const [generalTip] = await tx
    .select({ id: tips.id })
    .from(tips)
    .where(and(isNull(tips.objectId), eq(tips.concernsOtherAbuse, false)))
    .orderBy(asc(tips.receivedAt), asc(tips.id))
    .limit(1);
  const owners: Record<DemoTipPhotoOwner, string | undefined> = {
    "demo-tip": demoTip?.id,
    "first-general-tip": generalTip?.id,
  };
  for (const photo of input.photos) {
    const tipId = owners[photo.owner];
    if (!tipId) throw new Error(`no demo tip for the photo of ${photo.owner}`);
    const [row] = await tx
      .insert(tipPhotos)
      .values({
        tipId,
        position: 0,
        storageKey: photo.storageKey,
        mediaType: photo.mediaType,
        width: photo.width,
        height: photo.height,
      })
      .returning({ id: tipPhotos.id });
    await enqueueOutboxJob(tx, imageProcessJob({ kind: "tip", imageId: row!.id }));
    const hash = input.hashes?.get(photo.storageKey);
    if (hash) await saveImageHash(tx, { kind: "tip", imageId: row!.id, hash });
  }
  return input.photos.length;
}
