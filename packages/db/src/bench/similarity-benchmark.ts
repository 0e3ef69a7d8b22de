/**
 * Measures similar-image search over many random 64-bit hashes, on PGlite and (when
 * TEST_DATABASE_URL is set) PostgreSQL, in throwaway databases:
 *
 *   cd packages/db && TEST_DATABASE_URL=postgres://… npx tsx src/bench/similarity-benchmark.ts 1000000
 *
 * The numbers in docs/adr/0006-perceptual-hash-and-similarity-index.md come from here.
 */
import { randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import { bandNeighbours, hashBands, hashToBigint, searchImageHashes } from "../queries/similarity";
import { createTestDatabases } from "../testing";

const rows = Number(process.argv[2] ?? 100_000);
const queryCount = Number(process.argv[3] ?? 40);
const engineNames = (process.env.ENGINES ?? "pglite,postgres").split(",");
const DISTANCES = [4, 8, 10, 12, 15];

/** Like a real perceptual hash: exactly 32 of the 64 bits set (the median threshold). */
function balancedHash(): string {
  const bits = Array.from({ length: 64 }, (_, i) => i);
  for (let i = 63; i > 0; i--) {
    const j = randomInt(i + 1);
    [bits[i], bits[j]] = [bits[j]!, bits[i]!];
  }
  let value = 0n;
  for (const bit of bits.slice(0, 32)) value |= 1n << BigInt(bit);
  return value.toString(16).padStart(16, "0");
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;
const print = (line: string) => process.stdout.write(`${line}\n`);

for (const engine of await createTestDatabases()) {
  if (!engineNames.includes(engine.name)) continue;
  const database = await engine.open();
  try {
    const { db } = database;
    // Owners do not matter to the search; without the foreign key, a million rows load quickly.
    await db.execute(
      sql.raw(
        "alter table image_hashes drop constraint image_hashes_object_image_id_object_images_id_fk",
      ),
    );
    const started = performance.now();
    for (let done = 0; done < rows; done += 10_000) {
      const batch = Array.from({ length: Math.min(10_000, rows - done) }, () =>
        hashToBigint(balancedHash()).toString(),
      );
      await db.execute(
        sql`insert into image_hashes (object_image_id, hash)
            select gen_random_uuid(), unnest(${`{${batch.join(",")}}`}::bigint[])`,
      );
    }
    const loadMs = performance.now() - started;
    const queries = Array.from({ length: queryCount }, balancedHash);

    const measure = async (label: string) => {
      for (const maxDistance of DISTANCES) {
        const times: number[] = [];
        let found = 0;
        for (const query of queries) {
          const t0 = performance.now();
          found += (await searchImageHashes(db, query, maxDistance)).length;
          times.push(performance.now() - t0);
        }
        print(
          `  ${label} d ≤ ${String(maxDistance).padStart(2)}: p50 ${ms(percentile(times, 0.5))}, ` +
            `p95 ${ms(percentile(times, 0.95))}, max ${ms(Math.max(...times))} (${found} matches)`,
        );
      }
    };

    print(`[${engine.name}] ${rows.toLocaleString("en")} hashes loaded in ${ms(loadMs)}`);
    await db.execute(sql.raw("analyze image_hashes"));
    await measure("before vacuum");
    await db.execute(sql.raw("vacuum analyze image_hashes"));
    const [size] = (
      (await db.execute(
        sql.raw(
          "select pg_size_pretty(pg_table_size('image_hashes')) as heap, " +
            "pg_size_pretty(pg_indexes_size('image_hashes')) as indexes",
        ),
      )) as unknown as { rows: { heap: string; indexes: string }[] }
    ).rows;
    print(`  table ${size!.heap}, indexes ${size!.indexes}`);
    await measure("after vacuum ");

    const scanTimes: number[] = [];
    for (const query of queries.slice(0, 5)) {
      const t0 = performance.now();
      await db.execute(
        sql`select id from image_hashes
            where bit_count((hash # ${hashToBigint(query).toString()}::bigint)::bit(64)) <= 12`,
      );
      scanTimes.push(performance.now() - t0);
    }
    print(`  full scan   d ≤ 12: p50 ${ms(percentile(scanTimes, 0.5))} (5 queries)`);

    // The alternative this design was chosen over: one statement, the four band lookups OR-ed
    // into a bitmap, the distance checked on each candidate's table row. Interleaved with the
    // chosen search, so both see the same machine load.
    for (const maxDistance of [10, 12]) {
      const chosen: number[] = [];
      const bitmap: number[] = [];
      for (const query of queries) {
        const radius = Math.floor(maxDistance / 4);
        const lists = hashBands(query).map((b) => `{${bandNeighbours(b, radius).join(",")}}`);
        const q = hashToBigint(query).toString();
        let t0 = performance.now();
        await db.execute(
          sql`select id, hash from image_hashes
              where (band0 = any(${lists[0]}::integer[]) or band1 = any(${lists[1]}::integer[])
                  or band2 = any(${lists[2]}::integer[]) or band3 = any(${lists[3]}::integer[]))
                and bit_count((hash # ${q}::bigint)::bit(64)) <= ${maxDistance}`,
        );
        bitmap.push(performance.now() - t0);
        t0 = performance.now();
        await searchImageHashes(db, query, maxDistance);
        chosen.push(performance.now() - t0);
      }
      print(
        `  d ≤ ${maxDistance}: index-only union p50 ${ms(percentile(chosen, 0.5))}, ` +
          `p95 ${ms(percentile(chosen, 0.95))} | bitmap OR + rows p50 ` +
          `${ms(percentile(bitmap, 0.5))}, p95 ${ms(percentile(bitmap, 0.95))}`,
      );
    }
  } finally {
    await engine.dispose();
  }
}
