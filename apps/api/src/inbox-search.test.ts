import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { schema } from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import { TIP_COUNT_CAP } from "@trace/domain";
import { call, countRows, createHarness, loginAs, type Harness } from "./test/harness";

const engines = await createTestDatabases();

interface Page {
  items: { id: string; excerpt: string; triageStatus: string }[];
  total: number;
  isTotalCapped: boolean;
}

/** Synthetic tips, each findable by one distinct word in one field. */
const TIPS = [
  {
    key: "text",
    text: "Ce rideau rayé vient de chez Quenelle, je crois.",
    language: "fr",
    answer: { confidence: "think_so", country: "FR" },
  },
  {
    key: "place",
    text: "Saw the same curtain years ago.",
    language: "en",
    answer: { confidence: "guess", country: "PL", placeOrShop: "Targ Kraków, stall 12" },
  },
  {
    key: "brand",
    text: "Diese Gardine kenne ich.",
    language: "de",
    answer: { confidence: "certain", country: "DE", brandOrProduct: "Zellerhof Heimtex" },
  },
  {
    key: "period",
    text: "The curtain hung in a holiday flat.",
    language: "en",
    answer: { confidence: "guess", country: "DE", timePeriod: "Winter 1998, Noël98" },
    contact: "tipster-searchable-not@example.org",
  },
] as const;

describe.each(engines)("inbox search [$name]", (engine) => {
  let h: Harness;
  let coordinator: string;
  const ids: Record<string, string> = {};

  const list = async (input: unknown, cookie = coordinator) =>
    call<Page>(h.staffApp, "query", "tips.list", input, { cookie });
  const keysOf = (page: Page) =>
    page.items.map((t) => Object.entries(ids).find(([, id]) => id === t.id)?.[0] ?? t.id).sort();

  beforeAll(async () => {
    h = await createHarness(await engine.open());
    for (const { key, ...tip } of TIPS) {
      const res = await call(h.publicApp, "mutation", "tips.submit", {
        objectRef: h.fixtures.published.ref,
        ...tip,
      });
      expect(res.status, key).toBe(200);
      h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    }
    const rows = await h.deps.database.db
      .select({ id: schema.tips.id, text: schema.tips.text })
      .from(schema.tips);
    for (const tip of TIPS) ids[tip.key] = rows.find((row) => row.text === tip.text)!.id;
    coordinator = await loginAs(h, "coordinator");
  });
  afterAll(() => engine.dispose());

  it.each([
    ["a word of the text, whatever its case", "QUENELLE", ["text"]],
    ["the place, without its accents", "krakow", ["place"]],
    ["the brand", "zellerhof", ["brand"]],
    ["the time period", "1998", ["period"]],
    ["a word with digits, without its accents", "NOEL98", ["period"]],
    ["a word every tip shares, in all of them", "curtain", ["period", "place"]],
    ["all the words, in any field", "curtain Kraków", ["place"]],
    ['a "quoted phrase" only in that order', '"Zellerhof Heimtex"', ["brand"]],
    ["a phrase in the wrong order, not at all", '"Heimtex Zellerhof"', []],
    ["either word with or", "quenelle or zellerhof", ["brand", "text"]],
    ["a -word left out", "curtain -1998", ["place"]],
    ["every tip but those with a -word alone", "-1998", ["brand", "place", "text"]],
    ["a word no tip has, nothing", "nonexistentword", []],
    ["punctuation only, nothing", "!!!", []],
  ])("finds %s", async (_name, search, expected) => {
    const res = await list({ search });
    expect(res.status).toBe(200);
    expect(keysOf(res.body.result!.data)).toEqual(expected);
    expect(res.body.result!.data.total).toBe(expected.length);
    expect(res.body.result!.data.isTotalCapped).toBe(false);
  });

  it("never finds a tip by its contact details, which are stored encrypted", async () => {
    const res = await list({ search: "tipster-searchable-not@example.org" });
    expect(res.body.result!.data.items).toEqual([]);
  });

  it("combines the search with the filters, queues and sorts", async () => {
    const byCountry = await list({ search: "curtain or gardine", country: "DE" });
    expect(keysOf(byCountry.body.result!.data)).toEqual(["brand", "period"]);
    const byLanguage = await list({ search: "curtain or gardine", language: "de" });
    expect(keysOf(byLanguage.body.result!.data)).toEqual(["brand"]);
    const newest = await list({ search: "curtain or gardine", sort: "newest" });
    expect(newest.body.result!.data.items.map((t) => t.id)).toEqual([
      ids.period,
      ids.brand,
      ids.place,
    ]);
    const oldest = await list({ search: "curtain or gardine", sort: "oldest", limit: 1 });
    expect(oldest.body.result!.data.items.map((t) => t.id)).toEqual([ids.place]);
    expect(oldest.body.result!.data.total).toBe(3);

    // A low-trust tip nobody triaged leaves "all" and "new" for the low-trust queue.
    const { db } = h.deps.database;
    await db.update(schema.tips).set({ trust: "low" }).where(eq(schema.tips.id, ids.brand!));
    try {
      for (const queue of ["all", "new"] as const) {
        const res = await list({ search: "zellerhof", queue });
        expect(res.body.result!.data.items, queue).toEqual([]);
      }
      const lowTrust = await list({ search: "zellerhof or quenelle", queue: "low_trust" });
      expect(keysOf(lowTrust.body.result!.data)).toEqual(["brand"]);
    } finally {
      await db.update(schema.tips).set({ trust: "normal" }).where(eq(schema.tips.id, ids.brand!));
    }
    const otherStatus = await list({ search: "zellerhof", triageStatus: "useful" });
    expect(otherStatus.body.result!.data.items).toEqual([]);
    const urgent = await list({ search: "zellerhof", queue: "urgent" });
    expect(urgent.body.result!.data.items).toEqual([]);
  });

  it("trims the search", async () => {
    const res = await list({ search: "   zellerhof  " });
    expect(keysOf(res.body.result!.data)).toEqual(["brand"]);
  });

  it.each([
    ["an empty search", ""],
    ["a search of spaces", "   "],
    ["a search past 200 characters", "a".repeat(201)],
    ["a search that is not text", 42],
  ])("refuses %s with 400 and changes nothing", async (_name, search) => {
    const before = await countRows(h);
    const res = await list({ search });
    expect(res.status).toBe(400);
    expect(res.body.error!.data.fieldErrors).toEqual([expect.objectContaining({ path: "search" })]);
    expect(await countRows(h)).toEqual(before);
  });

  it.each(["admin", "agency_liaison"] as const)("refuses the search to %s", async (role) => {
    const res = await list({ search: "zellerhof" }, await loginAs(h, role));
    expect(res.status).toBe(403);
    expect(res.body.result).toBeUndefined();
  });

  it("refuses the search without a session", async () => {
    const res = await call(h.staffApp, "query", "tips.list", { search: "zellerhof" });
    expect(res.status).toBe(401);
  });

  it(`counts exactly up to ${TIP_COUNT_CAP.toLocaleString("en")} tips and says when there are more`, async () => {
    const { db } = h.deps.database;
    // Written in one statement: through the API this many tips would take minutes.
    await db.execute(sql`
      insert into tips (confidence, text, language, receipt_hash, received_at)
      select 'guess', 'Bulk tip ' || n || ' about a lamp', 'en', 'bulk-' || n,
             now() - make_interval(secs => n)
      from generate_series(1, ${TIP_COUNT_CAP + 5}) as n`);
    try {
      const all = await list({});
      expect(all.body.result!.data).toMatchObject({ total: TIP_COUNT_CAP, isTotalCapped: true });
      expect(all.body.result!.data.items).toHaveLength(50);
      const lamps = await list({ search: "lamp" });
      expect(lamps.body.result!.data).toMatchObject({ total: TIP_COUNT_CAP, isTotalCapped: true });
      // Under the cap the count is exact again.
      const curtains = await list({ search: "curtain" });
      expect(curtains.body.result!.data).toMatchObject({ total: 2, isTotalCapped: false });
      const exactlyTheCap = await list({ search: "lamp -5 -4 -3 -2 -1" });
      expect(exactlyTheCap.body.result!.data).toMatchObject({
        total: TIP_COUNT_CAP,
        isTotalCapped: false,
      });
      // Pages reach as far as the count: the last one is there, past it is refused.
      const last = await list({ offset: TIP_COUNT_CAP - 1, limit: 1 });
      expect(last.body.result!.data.items).toHaveLength(1);
      const beyond = await list({ offset: TIP_COUNT_CAP + 1 });
      expect(beyond.status).toBe(400);
    } finally {
      await db.execute(
        sql`delete from tip_events where tip_id in (select id from tips where receipt_hash like 'bulk-%')`,
      );
      await db.execute(sql`delete from tips where receipt_hash like 'bulk-%'`);
    }
  });
});
