import { z } from "zod";
import { IdSchema, TimestampSchema } from "../shared/ids";

export const CASE_STATUSES = ["open", "closed"] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const CaseSchema = z.object({
  id: IdSchema,
  reference: z.string().trim().min(3).max(40),
  title: z.string().trim().min(1).max(200),
  leadAgencyId: IdSchema,
  status: CaseStatusSchema,
  createdAt: TimestampSchema,
});
export type Case = z.infer<typeof CaseSchema>;
