import type { CASE_STATUSES, SeriesStatus, SuspectedCountry } from "@trace/domain";
import type { Executor } from "../client";
import { cases, series } from "../schema";

export interface NewCase {
  reference: string;
  title: string;
  leadAgencyId: string;
  status: (typeof CASE_STATUSES)[number];
  createdAt: Date;
}

export async function insertCase(db: Executor, row: NewCase): Promise<string> {
  const [inserted] = await db.insert(cases).values(row).returning({ id: cases.id });
  return inserted!.id;
}

export interface NewSeries {
  caseId: string;
  code: string;
  title: string;
  suspectedCountries: SuspectedCountry[];
  status: SeriesStatus;
  victimsIdentified: number;
  offendersProsecuted: number;
  createdAt: Date;
}

export async function insertSeries(db: Executor, row: NewSeries): Promise<string> {
  const [inserted] = await db.insert(series).values(row).returning({ id: series.id });
  return inserted!.id;
}
