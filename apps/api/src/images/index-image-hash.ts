import { saveImageHash, type Executor } from "@trace/db";
import type { ImageKind } from "@trace/domain";
import { perceptualHash } from "./perceptual-hash";

/**
 * Hashes one stored image and records the hash, replacing any earlier one, so it shows up in
 * similarity searches. Called by the image processing job for object images and tipster photos;
 * idempotent, so a retried job does no harm. Returns the hash, for a duplicate check.
 * Throws `PerceptualHashError` when the bytes do not decode.
 */
export async function indexImageHash(
  db: Executor,
  input: { kind: ImageKind; imageId: string; bytes: Uint8Array },
): Promise<string> {
  const hash = await perceptualHash(input.bytes);
  await saveImageHash(db, { kind: input.kind, imageId: input.imageId, hash });
  return hash;
}
