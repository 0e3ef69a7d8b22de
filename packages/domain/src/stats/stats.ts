import { z } from "zod";

const count = z.number().int().min(0);

/** Headline figures on the public home page. Aggregates only: nothing identifies a tip. */
export const StatsSummarySchema = z.object({
  openObjects: count,
  originsFound: count,
  tipsReceived: count,
  countriesNarrowed: count,
  victimsIdentified: count,
  agencies: count,
});
export type StatsSummary = z.infer<typeof StatsSummarySchema>;
