import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import type { SuspectedCountry } from "@trace/domain";
import { at, createdAt, id } from "./columns";
import { caseStatusEnum, seriesStatusEnum } from "./enums";
import { agencies } from "./agencies";

export const cases = pgTable("cases", {
  id: id(),
  reference: text().notNull().unique(),
  title: text().notNull(),
  leadAgencyId: uuid()
    .notNull()
    .references(() => agencies.id),
  status: caseStatusEnum().notNull().default("open"),
  createdAt: createdAt(),
});

export const series = pgTable("series", {
  id: id(),
  caseId: uuid()
    .notNull()
    .references(() => cases.id),
  code: text().notNull().unique(),
  title: text().notNull(),
  suspectedCountries: jsonb().$type<SuspectedCountry[]>().notNull().default([]),
  status: seriesStatusEnum().notNull().default("unassessed"),
  victimsIdentified: integer().notNull().default(0),
  offendersProsecuted: integer().notNull().default(0),
  /**
   * Since when the series counts as narrowed to a country (see `SERIES_NARROWED` in
   * queries/stats.ts); null while it does not. Set on entering, cleared on leaving, so the public
   * timeline adds up to the home page's figure.
   */
  narrowedAt: at(),
  createdAt: createdAt(),
});

/**
 * Every outcome recorded for a series (the figures as they stood after each recording), so the
 * public statistics can say when victims were identified; `series` holds the latest figures.
 */
export const seriesOutcomes = pgTable(
  "series_outcomes",
  {
    id: id(),
    seriesId: uuid()
      .notNull()
      .references(() => series.id),
    at: at().notNull(),
    victimsIdentified: integer().notNull(),
    offendersProsecuted: integer().notNull(),
  },
  (t) => [index().on(t.seriesId, t.at)],
);
