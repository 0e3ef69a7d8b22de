import { createHash } from "node:crypto";
import type { Hono } from "hono";
import {
  claimTipPhotos,
  countUnclaimedTipPhotoUploads,
  enqueueOutboxJob,
  imageProcessJob,
  insertTipPhotoUpload,
  type Executor,
} from "@trace/db";
import type { TipPhotoUploadResult } from "@trace/domain";
import { appError } from "../trpc/errors";
import type { Deps } from "../trpc/context";
import { prepareUpload } from "./pipeline";
import { failUpload, readUploadedFile, uploadBodyLimit, type UploadEnv } from "./upload-http";

/** How long an upload waits for the tip that names it: long enough to write the tip, no more. */
export const TIP_PHOTO_UPLOAD_TTL_MS = 2 * 60 * 60 * 1000;

/**
 * Uploads waiting for their tip, all senders together. Each sender is also limited per bucket
 * (`tipPhotoUploads`, docs/adr/0007-privacy-preserving-rate-limits.md), but buckets are per
 * address and per process, so a flood from many addresses is bounded globally too: past this
 * many, photos are refused for a while (503, retry later) while tips themselves still go through.
 * At 15 MB each, at most about 7 GB.
 */
export const MAX_UNCLAIMED_TIP_PHOTOS = 500;

/** Upload tokens are 128 random bits: a plain SHA-256 is enough to store them (as session tokens). */
export function hashTipPhotoToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * `POST /public-api/tip-photos` (multipart: `photo`), on the public listener: the first step of
 * attaching a photo to a tip (docs/adr/0005-image-pipeline.md). The photo goes through the same
 * checks and metadata stripping as staff images before it is stored, and the answer is an opaque
 * token for `tips.submit` to name. No cookie is read or set, and nothing about the sender (file
 * name, address, browser) is kept.
 */
export function mountTipPhotoUpload(app: Hono<UploadEnv>, deps: Deps): void {
  app.post("/public-api/tip-photos", uploadBodyLimit(deps.imageLimits), async (c) => {
    // First, before the body is read or anything is counted in the database.
    const verdict = await deps.rateLimits.forRequest(c).take("tipPhotoUpload");
    if (!verdict.ok) return failUpload(c, "tip_photos_throttled", verdict.retryAfterSeconds);
    const waiting = await countUnclaimedTipPhotoUploads(deps.database.db, deps.now());
    if (waiting >= MAX_UNCLAIMED_TIP_PHOTOS) return failUpload(c, "image_busy");
    const upload = await readUploadedFile(c, "photo", deps.imageLimits);
    if (!upload.ok) return failUpload(c, upload.error);
    const clean = await prepareUpload(upload.value.bytes, deps.imageLimits);
    if (!clean.ok) return failUpload(c, clean.error);
    const photo = clean.value;
    const token = Buffer.from(deps.random(16)).toString("base64url");
    const now = deps.now();
    const storageKey = await deps.media.put(photo.bytes);
    await insertTipPhotoUpload(deps.database.db, {
      tokenHash: hashTipPhotoToken(token),
      expiresAt: new Date(now.getTime() + TIP_PHOTO_UPLOAD_TTL_MS),
      storageKey,
      mediaType: photo.mediaType,
      width: photo.width,
      height: photo.height,
      createdAt: now,
    });
    const body: TipPhotoUploadResult = { token, width: photo.width, height: photo.height };
    return c.json(body, 201, { "Cache-Control": "no-store" });
  });
}

/**
 * Ties the uploads named by `tokens` to a new tip, inside the tip's transaction, and queues their
 * processing. Throws `tip_photo_invalid` (so the whole tip rolls back and the tipster is told)
 * when any token is unknown, expired or already used.
 */
export async function attachTipPhotos(
  tx: Executor,
  tipId: string,
  tokens: readonly string[],
  now: Date,
): Promise<void> {
  if (tokens.length === 0) return;
  const ids = await claimTipPhotos(tx, tipId, tokens.map(hashTipPhotoToken), now);
  if (!ids) throw appError("tip_photo_invalid");
  for (const id of ids) await enqueueOutboxJob(tx, imageProcessJob({ kind: "tip", imageId: id }));
}
