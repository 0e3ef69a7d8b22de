import type { ImageSpec } from "../images";
import { korvaBag } from "./objects-clothing-logos";
import { churchView } from "./objects-print-views-other";

/** Which demo tip a photo goes with: the fixed demo tip, or the first general tip received. */
export type DemoTipPhotoOwner = "demo-tip" | "first-general-tip";

export interface DemoTipPhoto {
  owner: DemoTipPhotoOwner;
  image: ImageSpec;
}

/**
 * Photos tipsters sent, drawn like every demo image: a photo of the bag the demo tip is about
 * (near its first image, far from its close-ups), and a general tip's view from a window that
 * matches objects of two series. They give the tip page's similarity panel something to show.
 */
export const DEMO_TIP_PHOTOS: readonly DemoTipPhoto[] = [
  { owner: "demo-tip", image: { ...stripAlt(korvaBag), zoom: 1.08, focus: [0.5, 0.5] } },
  { owner: "first-general-tip", image: { ...stripAlt(churchView), zoom: 1.06, focus: [0.5, 0.5] } },
];

function stripAlt<T extends { alt: unknown }>(image: T): Omit<T, "alt"> {
  const { alt: _alt, ...spec } = image;
  return spec;
}
