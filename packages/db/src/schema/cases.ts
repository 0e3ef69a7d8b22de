import { integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import type { SuspectedCountry } from "@trace/domain";
import { createdAt, id } from "./columns";
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
  createdAt: createdAt(),
});
