import { CLOTHING_AND_LOGO_OBJECTS } from "./objects-clothing-logos";
import { PACKAGING_AND_DECOR_OBJECTS } from "./objects-packaging-decor";
import { TEXTILE_AND_TOY_OBJECTS } from "./objects-textiles-toys";
import { PRINT_VIEW_AND_OTHER_OBJECTS } from "./objects-print-views-other";
import { SEEN_AGAIN_OBJECTS } from "./objects-seen-again";

export const DEMO_OBJECTS = [
  ...CLOTHING_AND_LOGO_OBJECTS,
  ...PACKAGING_AND_DECOR_OBJECTS,
  ...TEXTILE_AND_TOY_OBJECTS,
  ...PRINT_VIEW_AND_OTHER_OBJECTS,
  ...SEEN_AGAIN_OBJECTS,
];

export type ObjectKey = (typeof DEMO_OBJECTS)[number]["key"];
