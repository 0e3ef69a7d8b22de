import sharp from "sharp";

export type ImageFormat = "jpeg" | "png" | "webp" | "avif" | "heic";

/** What sharp's header reader must report for each sniffed format (AVIF and HEIC are both HEIF). */
export const SHARP_FORMAT: Record<ImageFormat, string> = {
  jpeg: "jpeg",
  png: "png",
  webp: "webp",
  avif: "heif",
  heic: "heif",
};

/**
 * HEIC (HEVC inside HEIF) decodes only where libvips was built with an HEVC decoder; sharp's
 * prebuilt binaries have AV1 (AVIF) only, for patent reasons. Asked of the library, not assumed.
 */
export const CAN_DECODE_HEIC = sharp.format.heif.input.fileSuffix?.includes(".heic") ?? false;

const AVIF_BRANDS = new Set(["avif", "avis"]);
const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]);

/**
 * The format from the first bytes, never from the name or the declared type: an SVG, HTML page
 * or PDF called `photo.jpg` is refused here, before any decoder sees it.
 */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  const starts = (sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return "jpeg";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  // ISO base media file: a first box of type `ftyp` listing the major and compatible brands.
  if (starts([0x66, 0x74, 0x79, 0x70], 4)) {
    const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
    const end = Math.min(boxSize, bytes.length, 256);
    const brands: string[] = [];
    for (let at = 8; at + 4 <= end; at += 4) {
      // Bytes 12-15 are the minor version, not a brand.
      if (at !== 12) brands.push(String.fromCharCode(...bytes.subarray(at, at + 4)));
    }
    if (brands.some((b) => AVIF_BRANDS.has(b))) return "avif";
    if (brands.some((b) => HEIC_BRANDS.has(b))) return "heic";
  }
  return null;
}
