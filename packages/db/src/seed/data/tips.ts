import { CLOTHING_AND_LOGO_TIPS } from "./tips-clothing-logos";
import { PACKAGING_AND_DECOR_TIPS } from "./tips-packaging-decor";
import { TEXTILE_AND_TOY_TIPS } from "./tips-textiles-toys";
import { PRINT_VIEW_AND_OTHER_TIPS } from "./tips-print-views-other";
import { GENERAL_TIPS } from "./tips-general";
import type { TipRow } from "./tip-row";

export const DEMO_TIPS: readonly TipRow[] = [
  ...CLOTHING_AND_LOGO_TIPS,
  ...PACKAGING_AND_DECOR_TIPS,
  ...TEXTILE_AND_TOY_TIPS,
  ...PRINT_VIEW_AND_OTHER_TIPS,
  ...GENERAL_TIPS,
];
