import { z } from "zod";
import { CountryCodeSchema } from "../shared/country";
import { IdSchema, TimestampSchema } from "../shared/ids";

export const COUNTRY_CONFIDENCES = ["possible", "likely", "confirmed"] as const;
export const CountryConfidenceSchema = z.enum(COUNTRY_CONFIDENCES);
export type CountryConfidence = z.infer<typeof CountryConfidenceSchema>;

export const SERIES_STATUSES = [
  "unassessed",
  "assessing",
  "country_narrowed",
  "handed_over",
  "victim_identified",
  "closed",
] as const;
export const SeriesStatusSchema = z.enum(SERIES_STATUSES);
export type SeriesStatus = z.infer<typeof SeriesStatusSchema>;

export const SuspectedCountrySchema = z.object({
  country: CountryCodeSchema,
  confidence: CountryConfidenceSchema,
  /** Why the hub suspects this country (evidence, not tip content). */
  note: z.string().trim().max(1000).optional(),
});
export type SuspectedCountry = z.infer<typeof SuspectedCountrySchema>;

export const SeriesSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  code: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(200),
  suspectedCountries: z.array(SuspectedCountrySchema),
  status: SeriesStatusSchema,
  /** Outcome records: they feed the public statistics. */
  victimsIdentified: z.number().int().min(0),
  offendersProsecuted: z.number().int().min(0),
  createdAt: TimestampSchema,
});
export type Series = z.infer<typeof SeriesSchema>;
