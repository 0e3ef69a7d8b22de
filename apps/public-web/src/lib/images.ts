import { VARIANT_MEDIA_TYPES, type ImageVariant, type PublicImage } from "@trace/domain";
import type { ImageSource } from "@trace/ui/aspect-image";

export interface PictureProps {
  src: string;
  srcSet?: string;
  sources: ImageSource[];
}

const srcSetOf = (variants: readonly ImageVariant[]) =>
  variants.map((v) => `${v.url} ${v.width}w`).join(", ");

/**
 * What `<AspectImage>` needs to show a public image: AVIF and WebP sources, and JPEG as the
 * `<img>` fallback, each with every width so the browser picks the smallest that fits. An image
 * still being processed has no variants yet: its sanitised original is served instead.
 */
export function pictureProps(image: Pick<PublicImage, "id" | "variants">): PictureProps {
  const jpeg = image.variants.filter((v) => v.format === "jpeg");
  if (jpeg.length === 0) return { src: `/media/${image.id}`, sources: [] };
  // The fallback `src` (for browsers without srcset) is the middle width, not the largest.
  const fallback = jpeg.find((v) => v.width >= 640) ?? jpeg[jpeg.length - 1]!;
  const sources = (["avif", "webp"] as const)
    .map((format) => image.variants.filter((v) => v.format === format))
    .filter((list) => list.length > 0)
    .map((list) => ({ type: VARIANT_MEDIA_TYPES[list[0]!.format], srcSet: srcSetOf(list) }));
  return { src: fallback.url, srcSet: srcSetOf(jpeg), sources };
}
