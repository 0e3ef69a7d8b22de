import { z } from "zod";
import {
  completeImageProcessing,
  failImageProcessing,
  findImageToProcess,
  saveImageHash,
  IMAGE_PROCESS_TOPIC,
  type Database,
  type MediaStore,
  type NewImageVariant,
} from "@trace/db";
import { IdSchema, ImageKindSchema } from "@trace/domain";
import { describeError } from "../logger";
import { OutboxJobError, type OutboxCompletion, type OutboxHandler } from "../jobs/outbox-worker";
import { BUSY, createLimiter } from "./limiter";
import type { ImageLimits } from "./limits";
import { perceptualHash } from "./perceptual-hash";
import { renderVariants, type RenderedVariant } from "./sanitise";

export { IMAGE_PROCESS_TOPIC };

const PayloadSchema = z.object({ kind: ImageKindSchema, imageId: IdSchema });

export interface ImageProcessDeps {
  database: Database;
  media: MediaStore;
  imageLimits: ImageLimits;
}

/**
 * Decoding in the background, per process: one image at a time, however many jobs the worker runs
 * at once, so a batch of large uploads never holds several full-size bitmaps together.
 */
const backgroundSlots = createLimiter(1, Number.POSITIVE_INFINITY);

/**
 * The `image.process` job: the heavy half of the pipeline, off the request path. Reads the
 * sanitised original, makes every variant (320/640/1280 wide, never upscaled; AVIF, WebP, JPEG)
 * and the perceptual hash, stores the variants, then — committed with the job itself — records
 * them and marks the image `ready`. Bytes that do not decode mark the image `failed` (no retry
 * would help); a storage or database failure is thrown, so the job is retried. Idempotent: a
 * job run twice records the same content-addressed variants once.
 */
export function createImageProcessHandler(deps: ImageProcessDeps): OutboxHandler {
  return async (job, context) => {
    const parsed = PayloadSchema.safeParse(job.payload);
    if (!parsed.success) throw new OutboxJobError("invalid payload", { permanent: true });
    const payload = parsed.data;
    const image = await findImageToProcess(deps.database.db, payload);
    // Removed meanwhile (a draft's image deleted), or already processed by an earlier run.
    if (!image || image.status !== "pending") return;

    const original = await deps.media.get(image.storageKey);
    if (!original) return markFailed(payload, "original missing", context.logger);

    let variants: RenderedVariant[];
    let hash: string;
    try {
      const rendered = await backgroundSlots.run(async () => {
        context.signal.throwIfAborted();
        return {
          variants: await renderVariants(original, deps.imageLimits),
          hash: await perceptualHash(original),
        };
      });
      if (rendered === BUSY) throw new Error("unreachable: the background queue is unbounded");
      ({ variants, hash } = rendered);
    } catch (error) {
      if (context.signal.aborted) throw error;
      return markFailed(payload, describeError(error), context.logger);
    }

    const stored: NewImageVariant[] = [];
    for (const variant of variants) {
      stored.push({
        format: variant.format,
        width: variant.width,
        height: variant.height,
        storageKey: await deps.media.put(variant.bytes),
        byteSize: variant.bytes.length,
      });
    }
    return async (tx, at) => {
      if (await completeImageProcessing(tx, payload, stored, at)) {
        await saveImageHash(tx, { ...payload, hash });
      }
    };
  };
}

function markFailed(
  payload: z.infer<typeof PayloadSchema>,
  reason: unknown,
  logger: { warn(fields: object, message: string): void },
): OutboxCompletion {
  // The image id and the decoder's complaint only: never bytes, never anything about a tipster.
  logger.warn(
    { kind: payload.kind, imageId: payload.imageId, err: reason },
    "image processing failed",
  );
  return (tx, at) => failImageProcessing(tx, payload, at);
}
