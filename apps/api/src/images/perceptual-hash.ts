import { hammingDistance, PERCEPTUAL_HASH_PATTERN } from "@trace/domain";
import sharp from "sharp";

export { hammingDistance };

/**
 * The DCT perceptual hash (pHash) as defined by the pHash library's `ph_dct_imagehash` and
 * described by N. Krawetz ("Looks like it", 2011), computed over sharp's greyscale output:
 *
 * 1. auto-orient, flatten transparency onto white, convert to greyscale;
 * 2. reduce to 32 × 32 ignoring the aspect ratio, so rescaling and small aspect changes vanish;
 * 3. take the 2-D DCT-II and keep the 8 × 8 lowest frequencies after the DC row and column
 *    (the DC terms carry overall brightness, not structure);
 * 4. one bit per coefficient: 1 when above the median of the 64, so about half the bits are set
 *    whatever the image, which keeps the four 16-bit bands of the index evenly filled.
 *
 * Bits are read row by row, most significant first, and written as 16 hex digits.
 * See docs/adr/0004-perceptual-hash-and-similarity-index.md for the measured robustness.
 */
const SIZE = 32;
const LOW = 8;

/** cos((2x + 1)·u·π / 2N) for u = 1..LOW, the only frequencies the hash reads. */
const COSINES: Float64Array[] = Array.from({ length: LOW }, (_, k) => {
  const u = k + 1;
  const row = new Float64Array(SIZE);
  for (let x = 0; x < SIZE; x++) row[x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIZE));
  return row;
});

/**
 * The decoder refuses anything above this many pixels before allocating them. Uploads are
 * checked earlier by the pipeline; this bound keeps a direct caller safe as well.
 */
const MAX_INPUT_PIXELS = 100_000_000;

export class PerceptualHashError extends Error {
  constructor(cause: unknown) {
    super("The image could not be decoded for hashing.", { cause });
    this.name = "PerceptualHashError";
  }
}

/** The 64-bit perceptual hash of an encoded image (JPEG, PNG, WebP, AVIF…), as 16 hex digits. */
export async function perceptualHash(bytes: Uint8Array): Promise<string> {
  let pixels: Buffer;
  let channels: number;
  try {
    const { data, info } = await sharp(bytes, {
      limitInputPixels: MAX_INPUT_PIXELS,
      failOn: "error",
      autoOrient: true,
    })
      .flatten({ background: "#ffffff" })
      .greyscale()
      // Shrink-on-load picks a different decoder scale per input size; the full decode keeps
      // a resized copy hashing like its original.
      .resize(SIZE, SIZE, { fit: "fill", kernel: "lanczos3", fastShrinkOnLoad: false })
      .raw()
      .toBuffer({ resolveWithObject: true });
    pixels = data;
    channels = info.channels;
  } catch (error) {
    throw new PerceptualHashError(error);
  }
  return hashOfGreyscale(pixels, channels);
}

/** The hash of a 32 × 32 raster whose first channel is the grey level. Exported for tests. */
export function hashOfGreyscale(pixels: Uint8Array, channels = 1): string {
  if (pixels.length !== SIZE * SIZE * channels) {
    throw new Error(`expected a ${SIZE}×${SIZE} raster with ${channels} channel(s)`);
  }
  // Separable DCT-II, computing only frequencies 1..8 in each direction: first along rows,
  // then along columns. Normalisation factors are dropped: they scale every coefficient
  // alike and cannot move one across the median.
  const rows = new Float64Array(SIZE * LOW);
  for (let y = 0; y < SIZE; y++) {
    for (let v = 0; v < LOW; v++) {
      const cos = COSINES[v]!;
      let sum = 0;
      for (let x = 0; x < SIZE; x++) sum += pixels[(y * SIZE + x) * channels]! * cos[x]!;
      rows[y * LOW + v] = sum;
    }
  }
  const coefficients = new Float64Array(LOW * LOW);
  for (let u = 0; u < LOW; u++) {
    const cos = COSINES[u]!;
    for (let v = 0; v < LOW; v++) {
      let sum = 0;
      for (let y = 0; y < SIZE; y++) sum += rows[y * LOW + v]! * cos[y]!;
      coefficients[u * LOW + v] = sum;
    }
  }
  const sorted = Float64Array.from(coefficients).sort();
  const median = (sorted[(LOW * LOW) / 2 - 1]! + sorted[(LOW * LOW) / 2]!) / 2;
  let hash = 0n;
  for (const c of coefficients) hash = (hash << 1n) | (c > median ? 1n : 0n);
  const hex = hash.toString(16).padStart(16, "0");
  if (!PERCEPTUAL_HASH_PATTERN.test(hex)) throw new Error("hash out of range");
  return hex;
}
