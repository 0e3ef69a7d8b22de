import { z } from "zod";
import { IdSchema } from "../shared/ids";
export { VARIANT_MEDIA_TYPES, MAX_TIP_PHOTOS } from "./image-constants";

/**
 * An uploaded image is checked and stripped of metadata at once; its variants are made in the
 * background. Until then it is `pending`; `failed` when the bytes turned out not to decode.
 */
export const IMAGE_STATUSES = ["pending", "ready", "failed"] as const;
export const ImageStatusSchema = z.enum(IMAGE_STATUSES);
export type ImageStatus = z.infer<typeof ImageStatusSchema>;

/** Variant formats in the order a `<picture>` offers them: smallest first, JPEG as the fallback. */
export const IMAGE_VARIANT_FORMATS = ["avif", "webp", "jpeg"] as const;
export const ImageVariantFormatSchema = z.enum(IMAGE_VARIANT_FORMATS);
export type ImageVariantFormat = z.infer<typeof ImageVariantFormatSchema>;

/** Target widths of the variants: a phone thumbnail, a card on a desktop, a full view. */
export const IMAGE_VARIANT_WIDTHS = [320, 640, 1280] as const;

const EXTENSIONS: Record<ImageVariantFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg" };

/**
 * The widths to derive from an image `sourceWidth` pixels wide: each target, never upscaled. A
 * source narrower than a target yields one variant at its own width instead, so the largest
 * variant is always the sharpest the source allows.
 */
export function variantWidths(sourceWidth: number): number[] {
  if (!Number.isInteger(sourceWidth) || sourceWidth < 1) return [];
  return [...new Set(IMAGE_VARIANT_WIDTHS.map((w) => Math.min(w, sourceWidth)))];
}

/** Content-addressed storage keys: the SHA-256 of the bytes, in hex. */
export const STORAGE_KEY_PATTERN = /^[0-9a-f]{64}$/;

/**
 * The URL of one variant. It embeds the content hash, so its bytes never change and it may be
 * cached for a year; the image id lets the server check the object's status on every request.
 */
export function variantPath(imageId: string, storageKey: string, format: ImageVariantFormat) {
  return `/media/${imageId}/${storageKey}.${EXTENSIONS[format]}`;
}

/** Reads `<storageKey>.<ext>` back from a variant URL's last segment; null when malformed. */
export function parseVariantFile(
  file: string,
): { storageKey: string; format: ImageVariantFormat } | null {
  const match = /^([0-9a-f]{64})\.(avif|webp|jpg)$/.exec(file);
  if (!match) return null;
  const ext = match[2]!;
  const format = IMAGE_VARIANT_FORMATS.find((f) => EXTENSIONS[f] === ext)!;
  return { storageKey: match[1]!, format };
}

export const ImageVariantSchema = z.object({
  format: ImageVariantFormatSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  url: z.string().startsWith("/media/"),
});
export type ImageVariant = z.infer<typeof ImageVariantSchema>;

/** What an upload answers: the client polls the image's status until it is ready. */
export const ImageUploadResultSchema = z.object({
  imageId: IdSchema,
  status: ImageStatusSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type ImageUploadResult = z.infer<typeof ImageUploadResultSchema>;

/**
 * A tipster's photo is uploaded before the tip and referenced from it by this opaque token
 * (128 random bits, base64url); only its hash is stored. See docs/adr/0005-image-pipeline.md.
 */
export const TipPhotoTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22}$/, "This photo upload is not valid. Please attach the photo again.");
export type TipPhotoToken = z.infer<typeof TipPhotoTokenSchema>;

export const TipPhotoUploadResultSchema = z.object({
  token: TipPhotoTokenSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type TipPhotoUploadResult = z.infer<typeof TipPhotoUploadResultSchema>;

/** A tipster's photo as staff see it. */
export const TipPhotoViewSchema = z.object({
  id: IdSchema,
  status: ImageStatusSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  variants: z.array(ImageVariantSchema),
});
export type TipPhotoView = z.infer<typeof TipPhotoViewSchema>;
