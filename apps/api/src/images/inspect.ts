import sharp, { type Metadata } from "sharp";
import { err, ok, type Result } from "@trace/domain";
import { CAN_DECODE_HEIC, SHARP_FORMAT, sniffImageFormat, type ImageFormat } from "./formats";
import type { ImageLimits } from "./limits";

/** Why an upload was refused; each is an error code with a message for the person uploading. */
export type ImageRefusal =
  | "image_empty"
  | "image_too_large"
  | "unsupported_image"
  | "image_too_many_pixels"
  | "image_unreadable";

export interface InspectedImage {
  format: ImageFormat;
  /** As declared in the header, before orientation. */
  width: number;
  height: number;
  hasAlpha: boolean;
}

/**
 * Every check that needs no decoding, cheapest first: size, magic bytes, then the header alone
 * (sharp reads it without touching the pixel data) for the declared format and pixel count. A
 * decompression bomb is refused here in milliseconds, with no memory spent on its pixels.
 */
export async function inspectImage(
  bytes: Uint8Array,
  limits: ImageLimits,
): Promise<Result<InspectedImage, ImageRefusal>> {
  if (bytes.length === 0) return err("image_empty");
  if (bytes.length > limits.maxUploadBytes) return err("image_too_large");
  const format = sniffImageFormat(bytes);
  if (!format || (format === "heic" && !CAN_DECODE_HEIC)) return err("unsupported_image");
  let header: Metadata;
  try {
    // The pixel limit is ours to check below, with a clear answer; the header read allocates none.
    header = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return err("image_unreadable");
  }
  // The decoder libvips picks must be the one the magic bytes promised: no polyglot sneaks past.
  if (header.format !== SHARP_FORMAT[format]) return err("unsupported_image");
  if (format === "avif" && header.compression !== "av1") return err("unsupported_image");
  const { width, height } = header;
  if (!width || !height) return err("image_unreadable");
  // Of an animation only the first frame is ever decoded, and the header gives its size.
  if (width * height > limits.maxPixels) return err("image_too_many_pixels");
  return ok({ format, width, height, hasAlpha: header.hasAlpha ?? false });
}
