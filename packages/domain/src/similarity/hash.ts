import { z } from "zod";

/** Where an image comes from: an investigator's object image, or a photo sent with a tip. */
export const IMAGE_KINDS = ["object", "tip"] as const;
export const ImageKindSchema = z.enum(IMAGE_KINDS);
export type ImageKind = z.infer<typeof ImageKindSchema>;

/** A 64-bit perceptual hash as 16 lower-case hex digits (see the API's `perceptualHash`). */
export const PERCEPTUAL_HASH_PATTERN = /^[0-9a-f]{16}$/;
export const PerceptualHashSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(PERCEPTUAL_HASH_PATTERN, "A perceptual hash is 16 hexadecimal digits.");

function popcount32(n: number): number {
  n = n - ((n >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** How many of the 64 bits differ between two perceptual hashes (0 = same picture, 64 = opposite). */
export function hammingDistance(a: string, b: string): number {
  if (!PERCEPTUAL_HASH_PATTERN.test(a) || !PERCEPTUAL_HASH_PATTERN.test(b)) {
    throw new Error("hammingDistance expects two 16-digit lower-case hex hashes");
  }
  const high = parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16);
  const low = parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16);
  return popcount32(high) + popcount32(low);
}
