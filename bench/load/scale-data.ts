import { inArray } from "drizzle-orm";
import { schema, type Database } from "@trace/db";
import { generateScaleData, type ScaleOptions, type ScaleSummary } from "../scale/generate";
import type { BenchOptions } from "./options";

export type { ScaleSummary };

export interface LoadedScaleData {
  summary: ScaleSummary;
  label: string;
  report: {
    options: Omit<ScaleOptions, "databaseUrl" | "onProgress">;
    summary: ScaleSummary;
    seconds: number;
  };
  /** The ids of the summary's sample objects (the similarity procedure takes ids). */
  objectIds(database: Database): Promise<string[]>;
}

/**
 * Fills an empty PostgreSQL database with the seeded scale data set (bench/scale/generate.ts):
 * 100,000 objects, 1,000,000 tips and hashes, 50 agencies, 200 rules at scale 1.
 */
export async function loadScaleData(
  databaseUrl: string,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<LoadedScaleData> {
  const sizes = {
    seed: options.seed,
    objects: Math.max(50, Math.round(100_000 * options.scale)),
    tips: Math.max(500, Math.round(1_000_000 * options.scale)),
    hashes: Math.max(500, Math.round(1_000_000 * options.scale)),
    agencies: 50,
    rules: 200,
  };
  log(`scale data: ${JSON.stringify(sizes)}`);
  let lastPhase = "";
  let lastShown = 0;
  const started = performance.now();
  const summary = await generateScaleData({
    databaseUrl,
    ...sizes,
    onProgress: (phase, done, total) => {
      const now = performance.now();
      if (phase !== lastPhase || now - lastShown > 5_000 || done === total) {
        log(`  ${phase}: ${done.toLocaleString("en-GB")} / ${total.toLocaleString("en-GB")}`);
        lastPhase = phase;
        lastShown = now;
      }
    },
  });
  const seconds = Math.round((performance.now() - started) / 1000);
  log(`scale data generated in ${seconds} s`);
  return {
    summary,
    label: `${sizes.tips.toLocaleString("en-GB")} tips, ${sizes.hashes.toLocaleString("en-GB")} hashes, ${sizes.objects.toLocaleString("en-GB")} objects`,
    report: {
      options: sizes,
      summary: { ...summary, sampleHashes: summary.sampleHashes.slice(0, 5) },
      seconds,
    },
    async objectIds(database) {
      if (summary.sampleObjectRefs.length === 0) return [];
      const rows = await database.db
        .select({ id: schema.traceObjects.id })
        .from(schema.traceObjects)
        .where(inArray(schema.traceObjects.ref, summary.sampleObjectRefs));
      return rows.map((r) => r.id);
    },
  };
}
