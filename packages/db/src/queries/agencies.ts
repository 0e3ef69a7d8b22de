import { sql } from "drizzle-orm";
import type { CountryCode, DELIVERY_CHANNELS } from "@trace/domain";
import type { Executor } from "../client";
import { agencies } from "../schema";

export interface NewAgency {
  code: string;
  name: string;
  country: CountryCode | null;
  deliveryChannel: (typeof DELIVERY_CHANNELS)[number];
  webhookUrl: string | null;
  languages: string[];
}

/** Inserts agencies and returns their ids by code. */
export async function insertAgencies(
  db: Executor,
  rows: NewAgency[],
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const inserted = await db
    .insert(agencies)
    .values(rows)
    .returning({ id: agencies.id, code: agencies.code });
  return new Map(inserted.map((r) => [r.code, r.id]));
}

export async function hasAnyAgency(db: Executor): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(agencies)
    .limit(1);
  return row !== undefined;
}
