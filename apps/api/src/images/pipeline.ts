import { err, type Result } from "@trace/domain";
import { inspectImage, type ImageRefusal } from "./inspect";
import { BUSY, createLimiter } from "./limiter";
import type { ImageLimits } from "./limits";
import { sanitiseImage, type SanitisedImage } from "./sanitise";

/**
 * The request-path half of the pipeline, the same for staff object images and tipster photos:
 * checks that need no decoding, then one decode and re-encode that leaves only pixels. What it
 * returns is safe to store; the variants are made later, in the background (`image.process`).
 */
export async function prepareUpload(
  bytes: Uint8Array,
  limits: ImageLimits,
): Promise<Result<SanitisedImage, ImageRefusal | "image_busy">> {
  const inspected = await inspectImage(bytes, limits);
  if (!inspected.ok) return inspected;
  const sanitised = await decodeSlots.run(() => sanitiseImage(bytes, inspected.value, limits));
  return sanitised === BUSY ? err("image_busy") : sanitised;
}

/** Decodes on the request path, per process: two at a time, a handful waiting. */
const decodeSlots = createLimiter(2, 16);
