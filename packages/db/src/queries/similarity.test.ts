import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hammingDistance, MAX_SEARCH_DISTANCE } from "@trace/domain";
import type { Database } from "../client";
import { imageHashes, tipPhotos } from "../schema";
import { createTestDatabases } from "../testing";
import {
  bandNeighbours,
  bigintToHash,
  getImageHashes,
  hashBands,
  hashToBigint,
  saveImageHash,
  searchImageHashes,
} from "./similarity";

/** mulberry32, so a failure can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = prng(20_260_501);
const randomHash = () =>
  Array.from({ length: 16 }, () => Math.floor(rand() * 16).toString(16)).join("");

/** Flips `bits` distinct random bits: a hash exactly that far away. */
function flip(hash: string, bits: number): string {
  let value = BigInt(`0x${hash}`);
  const chosen = new Set<number>();
  while (chosen.size < bits) chosen.add(Math.floor(rand() * 64));
  for (const bit of chosen) value ^= 1n << BigInt(bit);
  return value.toString(16).padStart(16, "0");
}

describe("hash encoding", () => {
  it.each(["0000000000000000", "7fffffffffffffff", "8000000000000000", "ffffffffffffffff"])(
    "round-trips %s through the signed bigint column",
    (hash) => {
      const value = hashToBigint(hash);
      expect(value).toBeGreaterThanOrEqual(-(2n ** 63n));
      expect(value).toBeLessThan(2n ** 63n);
      expect(bigintToHash(value)).toBe(hash);
    },
  );

  it("refuses what is not a 16-digit hex hash", () => {
    expect(() => hashToBigint("123")).toThrow();
    expect(() => hashToBigint("ZZZZZZZZZZZZZZZZ")).toThrow();
  });

  it("splits a hash into four 16-bit bands, most significant first", () => {
    expect(hashBands("0001fffe8000abcd")).toEqual([0x0001, 0xfffe, 0x8000, 0xabcd]);
  });

  it("lists every band value within a radius exactly once", () => {
    for (const [radius, count] of [
      [0, 1],
      [1, 17],
      [2, 137],
      [3, 697],
    ] as const) {
      const values = bandNeighbours(0xa5a5, radius);
      expect(values).toHaveLength(count);
      expect(new Set(values).size).toBe(count);
      for (const v of values) {
        const differing = (v ^ 0xa5a5).toString(2).replaceAll("0", "").length;
        expect(differing).toBeLessThanOrEqual(radius);
      }
    }
  });
});

describe.each(await createTestDatabases())("similarity search [$name]", (engine) => {
  let database: Database;
  /** What was stored, by hash row id: the brute-force side of the comparison. */
  const stored = new Map<string, string>();
  const bases: string[] = [];

  beforeAll(async () => {
    database = await engine.open();
    // Clusters of near neighbours at every distance up to the widest search, exact duplicates,
    // and unrelated hashes around them.
    const hashes: string[] = [];
    for (let i = 0; i < 40; i++) {
      const base = randomHash();
      bases.push(base);
      hashes.push(base, base);
      for (let d = 1; d <= MAX_SEARCH_DISTANCE + 2; d++) hashes.push(flip(base, d));
    }
    for (let i = 0; i < 600; i++) hashes.push(randomHash());
    // Unclaimed tipster uploads are the cheapest owners a hash can have here.
    const photos = await database.db
      .insert(tipPhotos)
      .values(
        hashes.map(() => ({
          storageKey: "0".repeat(64),
          mediaType: "image/jpeg",
          width: 10,
          height: 10,
          expiresAt: new Date("2030-01-01T00:00:00Z"),
        })),
      )
      .returning({ id: tipPhotos.id });
    for (const [i, photo] of photos.entries()) {
      await saveImageHash(database.db, { kind: "tip", imageId: photo.id, hash: hashes[i]! });
    }
    const rows = await database.db
      .select({ id: imageHashes.id, hash: imageHashes.hash })
      .from(imageHashes);
    for (const row of rows) stored.set(row.id, bigintToHash(row.hash));
    expect(stored.size).toBe(hashes.length);
  });
  afterAll(() => engine.dispose());

  it("keeps the generated bands equal to the hash's own bits", async () => {
    const rows = await database.db.select().from(imageHashes);
    for (const row of rows) {
      expect([row.band0, row.band1, row.band2, row.band3]).toEqual(
        hashBands(bigintToHash(row.hash)),
      );
    }
  });

  it("finds exactly what a brute-force scan finds, at every distance", async () => {
    const queries = [...bases.slice(0, 15), ...bases.slice(15, 30).map((b) => flip(b, 3))];
    for (let i = 0; i < 10; i++) queries.push(randomHash());
    let nonEmpty = 0;
    for (const maxDistance of [0, 1, 3, 4, 5, 7, 8, 10, 11, 12, 13, MAX_SEARCH_DISTANCE]) {
      for (const query of queries) {
        const expected = [...stored]
          .map(([id, hash]) => ({ id, hash, distance: hammingDistance(query, hash) }))
          .filter((m) => m.distance <= maxDistance)
          .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id));
        const found = await searchImageHashes(database.db, query, maxDistance);
        expect(
          found
            .map((m) => ({ ...m }))
            .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id)),
          `query ${query} within ${maxDistance}`,
        ).toEqual(expected);
        // Nearest first.
        for (let k = 1; k < found.length; k++)
          expect(found[k]!.distance).toBeGreaterThanOrEqual(found[k - 1]!.distance);
        if (expected.length > 0) nonEmpty++;
      }
    }
    // The comparison means something only if many searches found something.
    expect(nonEmpty).toBeGreaterThan(200);
  });

  it("refuses a distance the index cannot answer", async () => {
    await expect(
      searchImageHashes(database.db, bases[0]!, MAX_SEARCH_DISTANCE + 1),
    ).rejects.toThrow();
    await expect(searchImageHashes(database.db, bases[0]!, -1)).rejects.toThrow();
    await expect(searchImageHashes(database.db, bases[0]!, 2.5)).rejects.toThrow();
  });

  it("replaces an image's hash when it is indexed again", async () => {
    const [photo] = await database.db
      .insert(tipPhotos)
      .values({
        storageKey: "1".repeat(64),
        mediaType: "image/png",
        width: 1,
        height: 1,
        expiresAt: new Date("2030-01-01T00:00:00Z"),
      })
      .returning({ id: tipPhotos.id });
    await saveImageHash(database.db, { kind: "tip", imageId: photo!.id, hash: "0123456789abcdef" });
    await saveImageHash(database.db, { kind: "tip", imageId: photo!.id, hash: "fedcba9876543210" });
    expect(await getImageHashes(database.db, "tip", [photo!.id])).toEqual(
      new Map([[photo!.id, "fedcba9876543210"]]),
    );
    expect(await getImageHashes(database.db, "object", [photo!.id])).toEqual(new Map());
  });
});
