import type { ImageVariantFormat } from "./image";

// Plain values, apart from the zod schemas built on them: the package has no side effects, so
// the public site's page chunks import these without pulling in zod (see its bundle budget).

export const VARIANT_MEDIA_TYPES: Record<ImageVariantFormat, string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
};

/** Photos a tipster may attach to one tip. */
export const MAX_TIP_PHOTOS = 3;
