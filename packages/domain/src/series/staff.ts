import { z } from "zod";
import { CaseStatusSchema } from "../case/case";
import { IdSchema, TimestampSchema } from "../shared/ids";
import { SeriesStatusSchema, SuspectedCountrySchema } from "./series";

const count = z.number().int().min(0).max(100_000);

export const CaseInputSchema = z.strictObject({
  reference: z.string().trim().toUpperCase().min(3).max(40),
  title: z.string().trim().min(1).max(200),
  leadAgencyId: IdSchema,
  status: CaseStatusSchema.default("open"),
});
export const CaseUpdateInputSchema = CaseInputSchema.extend({ id: IdSchema });

export const SuspectedCountriesSchema = z
  .array(SuspectedCountrySchema)
  .max(20)
  .refine((list) => new Set(list.map((c) => c.country)).size === list.length, {
    message: "Name each country once.",
  });

export const SeriesInputSchema = z.strictObject({
  caseId: IdSchema,
  code: z.string().trim().toUpperCase().min(1).max(40),
  title: z.string().trim().min(1).max(200),
});
export const SeriesUpdateInputSchema = z.strictObject({
  id: IdSchema,
  code: z.string().trim().toUpperCase().min(1).max(40),
  title: z.string().trim().min(1).max(200),
  suspectedCountries: SuspectedCountriesSchema,
});
export const SeriesStatusInputSchema = z.strictObject({ id: IdSchema, status: SeriesStatusSchema });
export const SeriesOutcomeInputSchema = z.strictObject({
  id: IdSchema,
  victimsIdentified: count,
  offendersProsecuted: count,
});

export const SeriesSummarySchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  code: z.string(),
  title: z.string(),
  status: SeriesStatusSchema,
  suspectedCountries: z.array(SuspectedCountrySchema),
  victimsIdentified: count,
  offendersProsecuted: count,
  objectCount: count,
  createdAt: TimestampSchema,
});
export type SeriesSummary = z.infer<typeof SeriesSummarySchema>;

export const CaseSummarySchema = z.object({
  id: IdSchema,
  reference: z.string(),
  title: z.string(),
  status: CaseStatusSchema,
  leadAgency: z.object({ id: IdSchema, code: z.string(), name: z.string() }),
  seriesCount: count,
  createdAt: TimestampSchema,
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseDetailSchema = CaseSummarySchema.extend({ series: z.array(SeriesSummarySchema) });
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const AgencyOptionSchema = z.object({ id: IdSchema, code: z.string(), name: z.string() });
