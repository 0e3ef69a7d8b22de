import sharp from "sharp";
import { mulberry32 } from "./prng";
import type { Canvas, Drawing } from "./drawings/svg";
import { PATTERN_DRAWINGS } from "./drawings/patterns";
import { THING_DRAWINGS } from "./drawings/things";
import { HOUSEHOLD_DRAWINGS } from "./drawings/household";
import { TOY_AND_PRINT_DRAWINGS } from "./drawings/toys-and-print";
import { SCENE_DRAWINGS } from "./drawings/scenes";

/**
 * Demo images are drawn by code: flat, obviously synthetic illustrations of everyday objects
 * (patterns, invented brands, packaging, toys, views from a window). Never people, never
 * photographs. The same spec always yields the same bytes, so the content-addressed media
 * store deduplicates them across runs.
 */
const DRAWINGS = {
  ...PATTERN_DRAWINGS,
  ...THING_DRAWINGS,
  ...HOUSEHOLD_DRAWINGS,
  ...TOY_AND_PRINT_DRAWINGS,
  ...SCENE_DRAWINGS,
} satisfies Record<string, Drawing>;

export type Motif = keyof typeof DRAWINGS;
export const MOTIFS = Object.keys(DRAWINGS) as Motif[];

export interface ImageSpec {
  motif: Motif;
  /** Seeds the drawing's PRNG: small variations in layout and tone. */
  seed: number;
  /** #rrggbb colours; what each slot means is up to the motif (usually main, second, accent). */
  palette: readonly string[];
  /** An invented brand or word printed on the object. Never a real brand. */
  text?: string;
  subtext?: string;
  /** 800×800 instead of 960×720. */
  square?: boolean;
  /** Above 1: a close-up of the same drawing around `focus` (fractions of width and height). */
  zoom?: number;
  focus?: readonly [number, number];
}

export interface RenderedImage {
  bytes: Uint8Array;
  width: number;
  height: number;
  mediaType: "image/jpeg";
}

const LANDSCAPE = { width: 960, height: 720 } as const;
const SQUARE = { width: 800, height: 800 } as const;
/** Quality 80 first; dense diagonal patterns step down until the file fits the budget. */
const JPEG_QUALITIES = [80, 72, 65, 58] as const;
export const MAX_IMAGE_BYTES = 110_000;

export function imageSvg(spec: ImageSpec): { svg: string; width: number; height: number } {
  const { width, height } = spec.square ? SQUARE : LANDSCAPE;
  const canvas: Canvas = {
    w: width,
    h: height,
    s: Math.min(width, height),
    rand: mulberry32(spec.seed),
    palette: spec.palette.length > 0 ? spec.palette : ["#777777"],
    text: spec.text ?? "",
    subtext: spec.subtext ?? "",
  };
  const body = DRAWINGS[spec.motif](canvas);
  // A close-up is the same vector drawing seen through a smaller viewBox: crisp, not upscaled.
  const zoom = Math.max(1, spec.zoom ?? 1);
  const [fx, fy] = spec.focus ?? [0.5, 0.5];
  const vw = width / zoom;
  const vh = height / zoom;
  const vx = Math.min(Math.max(fx * width - vw / 2, 0), width - vw);
  const vy = Math.min(Math.max(fy * height - vh / 2, 0), height - vh);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="${vx.toFixed(1)} ${vy.toFixed(1)} ${vw.toFixed(1)} ${vh.toFixed(1)}">${body}</svg>`;
  return { svg, width, height };
}

export async function renderImage(spec: ImageSpec): Promise<RenderedImage> {
  const { svg, width, height } = imageSvg(spec);
  const raster = await sharp(Buffer.from(svg))
    .flatten({ background: "#ffffff" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  let bytes: Buffer | null = null;
  for (const quality of JPEG_QUALITIES) {
    // sharp writes no metadata unless asked to, so the JPEG carries nothing but pixels.
    bytes = await sharp(raster.data, { raw: raster.info })
      .jpeg({ quality, mozjpeg: true })
      .toBuffer();
    if (bytes.length <= MAX_IMAGE_BYTES) break;
  }
  return { bytes: new Uint8Array(bytes!), width, height, mediaType: "image/jpeg" };
}
