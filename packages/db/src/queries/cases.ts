import type { CASE_STATUSES, SeriesStatus, SuspectedCountry } from "@trace/domain";
import type { Executor } from "../client";
import { cases, series, seriesOutcomes } from "../schema";

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
  /** Since when it counts as narrowed to a country; the demo seed sets it, new series start without. */
  narrowedAt?: Date | null;
  createdAt: Date;
}

export async function insertSeries(db: Executor, row: NewSeries): Promise<string> {
  const [inserted] = await db.insert(series).values(row).returning({ id: series.id });
  return inserted!.id;
}

/** One recorded outcome of a series (see `series_outcomes`); the demo seed writes its history. */
export async function insertSeriesOutcome(
  db: Executor,
  row: { seriesId: string; at: Date; victimsIdentified: number; offendersProsecuted: number },
): Promise<void> {
  await db.insert(seriesOutcomes).values(row);
}
