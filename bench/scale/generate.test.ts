import { randomBytes } from "node:crypto";
import {
  createDb,
  getPublicObjectByRef,
  getRoutingTips,
  getTipDetail,
  listPublishedObjects,
  listRoutingRules,
  listTips,
  loadObjectSimilarity,
  searchImageHashes,
  toRoutingFacts,
  type Database,
} from "@trace/db";
import {
  evaluateRouting,
  ObjectSimilaritySchema,
  pageOf,
  PublicObjectListInputSchema,
  PublicObjectSchema,
  PublicObjectSummarySchema,
  RoutingRuleSchema,
  TipDetailSchema,
  TipListInputSchema,
  TipListItemSchema,
} from "@trace/domain";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateScaleData, type ScaleOptions, type ScaleSummary } from "./generate";

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.warn(
    "bench/scale: skipped, TEST_DATABASE_URL is not set (the generator is PostgreSQL-only)",
  );
}

/** A tiny data set: every phase runs, in a few seconds. */
const TINY = { objects: 200, tips: 2_000, hashes: 2_000, agencies: 12, rules: 40 } as const;
const NOW = new Date("2026-06-01T12:00:00.000Z");

describe.skipIf(!adminUrl)("scale data set generator on PostgreSQL", () => {
  const created: string[] = [];
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const freshDatabase = async (): Promise<string> => {
    // Hex only, so the name needs no quoting; random, so parallel runs stay apart.
    const name = `trace_scale_test_${randomBytes(6).toString("hex")}`;
    await admin(`create database ${name}`);
    created.push(name);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const generate = async (seed: number, extra: Partial<ScaleOptions> = {}) => {
    const databaseUrl = await freshDatabase();
    const summary = await generateScaleData({ databaseUrl, seed, now: NOW, ...TINY, ...extra });
    return { databaseUrl, summary };
  };

  let first: { databaseUrl: string; summary: ScaleSummary };
  let again: { databaseUrl: string; summary: ScaleSummary };
  let other: { databaseUrl: string; summary: ScaleSummary };
  let database: Database;
  /** For checks the API has no query for. */
  let raw: pg.Pool;

  beforeAll(async () => {
    first = await generate(7);
    again = await generate(7);
    other = await generate(8);
    database = await createDb({ url: first.databaseUrl, poolSize: 2 });
    raw = new pg.Pool({ connectionString: first.databaseUrl, max: 1 });
  });

  afterAll(async () => {
    await database?.close();
    await raw?.end();
    for (const name of created) await admin(`drop database if exists ${name} with (force)`);
  });

  /** One digest per table of the public schema, over every column of every row. */
  const contentDigests = async (url: string): Promise<Record<string, string>> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows: tables } = await client.query<{ name: string }>(
        "select table_name as name from information_schema.tables where table_schema = 'public' order by 1",
      );
      const digests: Record<string, string> = {};
      for (const { name } of tables) {
        const { rows } = await client.query<{ digest: string | null }>(
          `select md5(string_agg(t::text, E'\\n' order by t::text)) as digest from "${name}" t`,
        );
        digests[name] = rows[0]!.digest ?? "empty";
      }
      return digests;
    } finally {
      await client.end();
    }
  };

  it("makes the requested sizes", () => {
    const { counts } = first.summary;
    expect(counts).toMatchObject({
      trace_objects: TINY.objects,
      tips: TINY.tips,
      image_hashes: TINY.hashes,
      agencies: TINY.agencies,
      routing_rules: TINY.rules,
    });
    // Both kinds of image carry hashes, and the lifecycle reached referrals.
    expect(counts.object_images).toBeGreaterThan(TINY.objects);
    expect(counts.tip_photos).toBe(TINY.hashes - counts.object_images!);
    expect(counts.referrals).toBeGreaterThan(0);
    expect(first.summary.agencyIds).toHaveLength(TINY.agencies);
  });

  it("gives identical content for the same seed and different content for another", async () => {
    const [a, b, c] = await Promise.all(
      [first, again, other].map((run) => contentDigests(run.databaseUrl)),
    );
    expect(Object.keys(a!)).toContain("tips");
    expect(b).toEqual(a);
    for (const table of ["trace_objects", "tips", "image_hashes", "routing_rules", "referrals"]) {
      expect(c![table], table).not.toBe(a![table]);
    }
    expect(again.summary.sampleObjectRefs).toEqual(first.summary.sampleObjectRefs);
    expect(other.summary.sampleObjectRefs).not.toEqual(first.summary.sampleObjectRefs);
  });

  it("ends with exactly the indexes Trace's migrations make", async () => {
    const indexes = async (url: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ def: string }>(
          "select indexdef as def from pg_indexes where schemaname = 'public' order by indexdef",
        );
        return rows.map((r) => r.def);
      } finally {
        await client.end();
      }
    };
    const migratedUrl = await freshDatabase();
    const migrated = await createDb({ url: migratedUrl, poolSize: 1 });
    try {
      await migrated.migrate();
    } finally {
      await migrated.close();
    }
    const expected = await indexes(migratedUrl);
    expect(expected.some((def) => def.includes("tips_triage_status_received_at_index"))).toBe(true);
    expect(await indexes(first.databaseUrl)).toEqual(expected);
  });

  it("refuses a database that already holds data, and leaves it as it was", async () => {
    const before = await contentDigests(first.databaseUrl);
    await expect(
      generateScaleData({ databaseUrl: first.databaseUrl, seed: 9, now: NOW, ...TINY }),
    ).rejects.toThrow(/empty database/);
    expect(await contentDigests(first.databaseUrl)).toEqual(before);
  });

  it("skews popularity: a few objects draw most tips, in many languages", async () => {
    const { rows } = await raw.query<{
      top: string;
      objects: string;
      languages: string;
    }>(
      `select (select sum(n) from (select count(*) n from tips where object_id is not null
                group by object_id order by n desc limit ${TINY.objects / 10}) t)::float
              / (select count(*) from tips where object_id is not null) as top,
              (select count(distinct object_id) from tips) as objects,
              (select count(distinct language) from tips) as languages`,
    );
    // The top tenth of the objects gets most of the tips.
    expect(Number(rows[0]!.top)).toBeGreaterThan(0.5);
    expect(Number(rows[0]!.languages)).toBeGreaterThan(8);
  });

  it("answers the staff inbox's queries, filters and search terms", async () => {
    const { db } = database;
    const sample = first.summary;
    const inputs = [
      {},
      { queue: "new" },
      { queue: "urgent" },
      { queue: "low_trust" },
      { sort: "newest", limit: 100 },
      { triageStatus: "routed" },
      { country: sample.countries[0] },
      { language: "de" },
      { objectRef: sample.sampleObjectRefs[0] },
    ];
    for (const raw of inputs) {
      const input = TipListInputSchema.parse(raw);
      const page = await listTips(db, input);
      expect(page.total, JSON.stringify(raw)).toBeGreaterThan(0);
      for (const item of page.items) TipListItemSchema.parse(item);
      if (input.country) expect(page.items.every((t) => t.country === input.country)).toBe(true);
      if (input.language) expect(page.items.every((t) => t.language === "de")).toBe(true);
    }
    const [someTip] = (await listTips(db, TipListInputSchema.parse({ triageStatus: "duplicate" })))
      .items;
    const detail = TipDetailSchema.parse(await getTipDetail(db, someTip!.id));
    expect(detail.duplicateOfId).not.toBeNull();

    for (const term of sample.searchTerms) {
      const { rows } = await raw.query<{ n: string }>(
        "select count(*) as n from tips where text ilike '%' || $1 || '%'",
        [term],
      );
      expect(Number(rows[0]!.n), term).toBeGreaterThan(0);
    }
  });

  it("serves gallery pages and object pages in every site language", async () => {
    const { db } = database;
    for (const locale of ["en", "fr", "pl"] as const) {
      const page = pageOf(PublicObjectSummarySchema).parse(
        await listPublishedObjects(db, PublicObjectListInputSchema.parse({ locale, offset: 24 })),
      );
      expect(page.items).toHaveLength(24);
      expect(page.items.every((o) => o.cover !== null && o.cover.variants.length > 0)).toBe(true);
    }
    for (const ref of first.summary.sampleObjectRefs.slice(0, 5)) {
      const object = PublicObjectSchema.parse(await getPublicObjectByRef(db, ref, "de"));
      expect(object.images.length).toBeGreaterThan(0);
    }
  });

  it("finds its sample hashes, and tip photos that copy an object's image", async () => {
    const { db } = database;
    for (const hash of first.summary.sampleHashes) {
      const found = await searchImageHashes(db, hash, 4);
      expect(found.length, hash).toBeGreaterThan(0);
    }
    const { rows } = await raw.query<{ id: string }>(
      `select o.id from trace_objects o join tips t on t.object_id = o.id
       group by o.id order by count(*) desc, o.id limit 1`,
    );
    const similarity = ObjectSimilaritySchema.parse(
      await loadObjectSimilarity(db, rows[0]!.id, { maxDistance: 10, includeTipPhotos: true }),
    );
    const matches = similarity.images.flatMap((image) => image.matches);
    expect(matches.some((m) => m.kind === "tip")).toBe(true);
  });

  it("stores routing rules that parse and route the generated tips", async () => {
    const { db } = database;
    const rules = await listRoutingRules(db);
    expect(rules).toHaveLength(TINY.rules);
    for (const rule of rules) RoutingRuleSchema.parse(rule);
    const agencies = new Map(
      first.summary.agencyIds.map((id, i) => [id, { name: `Agency ${i}`, code: `A${i}` }]),
    );
    const { rows } = await raw.query<{ id: string }>(
      "select id from tips where triage_status = 'routed' order by id limit 200",
    );
    const tips = await getRoutingTips(
      db,
      rows.map((r) => r.id),
    );
    const referred = tips.filter(
      (tip) => evaluateRouting(toRoutingFacts(tip), rules, { agencies }).referTo.length > 0,
    );
    expect(referred.length).toBeGreaterThan(0);
  });

  it("leaves nothing for the retention sweep to do", async () => {
    const { rows } = await raw.query<{ spam: string; photos: string }>(
      `select (select count(*) from tips where triage_status = 'spam'
                and updated_at < $1::timestamptz - interval '30 days') as spam,
              (select count(*) from tips t join tip_photos p on p.tip_id = t.id
                where t.triage_status in ('not_useful', 'spam', 'duplicate')
                  and t.updated_at < $1::timestamptz - interval '90 days') as photos`,
      [NOW.toISOString()],
    );
    expect(rows[0]).toEqual({ spam: "0", photos: "0" });
  });
});
