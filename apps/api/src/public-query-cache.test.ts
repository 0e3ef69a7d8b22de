import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { schema } from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import { call, createHarness, loginAs, type Harness } from "./test/harness";

const engines = await createTestDatabases();

type App = Harness["publicApp"];

const NO_CACHE = "public, no-cache";
const STATS = "public, max-age=60, stale-while-revalidate=300";

/**
 * A GET as the public site sends it: one procedure, or a batch (`?batch=1`, inputs keyed by
 * position). The raw response, since a 304 has no JSON body to parse.
 */
function get(
  app: App,
  paths: string | string[],
  input?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const isBatch = Array.isArray(paths);
  const query = new URLSearchParams();
  if (isBatch) query.set("batch", "1");
  if (input !== undefined) query.set("input", JSON.stringify(input));
  const path = isBatch ? paths.join(",") : paths;
  return Promise.resolve(app.request(`http://localhost/trpc/${path}?${query}`, { headers }));
}

const revalidate = (app: App, paths: string | string[], input: unknown, tag: string) =>
  get(app, paths, input, { "If-None-Match": tag });

const tagOf = (res: Response) => res.headers.get("ETag");

const tip = {
  objectRef: "TOA-PBC001",
  answer: { country: "BE", placeOrShop: "A market in Liège", confidence: "think_so" },
  text: "I saw this curtain fabric sold by the metre.",
  language: "fr",
};

// Every rule below holds with the answers kept in memory (http/public-read-cache.ts) too.
const cases = engines.flatMap((engine) =>
  [false, true].map((inMemory) => ({
    engine,
    name: engine.name,
    memory: inMemory ? "kept in memory" : "not kept",
    inMemory,
  })),
);

describe.each(cases)("public query caching [$name], $memory", ({ engine, inMemory }) => {
  let h: Harness;
  let analyst: string;
  let coordinator: string;

  beforeAll(async () => {
    h = await createHarness(await engine.open(), { publicReadCache: inMemory });
    analyst = await loginAs(h, "analyst");
    coordinator = await loginAs(h, "coordinator");
  });
  afterAll(async () => {
    await h.deps.publicReadCache?.stop();
    await engine.dispose();
  });

  describe.each([
    ["objects.list", {}, NO_CACHE],
    ["objects.byRef", { ref: "TOA-PBC001", locale: "en" }, NO_CACHE],
    ["stats.summary", undefined, STATS],
    ["stats.timeline", undefined, STATS],
  ])("%s", (path, input, cacheControl) => {
    it("answers with a weak ETag of the body and its Cache-Control", async () => {
      const res = await get(h.publicApp, path, input);
      expect(res.status).toBe(200);
      expect(res.headers.get("Cache-Control")).toBe(cacheControl);
      expect(tagOf(res)).toMatch(/^W\/"[^"]+"$/);
      // The same data gives the same tag: nothing per request (id, time) is in the body.
      expect(tagOf(await get(h.publicApp, path, input))).toBe(tagOf(res));
      // The locale is in the URL; the answer never depends on the browser's languages.
      expect(res.headers.get("Vary") ?? "").not.toMatch(/accept-language/i);
    });

    it("answers a matching If-None-Match with a 304 and no body", async () => {
      const tag = tagOf(await get(h.publicApp, path, input))!;
      const res = await revalidate(h.publicApp, path, input, tag);
      expect(res.status).toBe(304);
      expect(await res.text()).toBe("");
      expect(tagOf(res)).toBe(tag);
      expect(res.headers.get("Cache-Control")).toBe(cacheControl);
      expect(res.headers.get("Vary")).toMatch(/trpc-accept/);
    });

    it("answers a stale tag in full", async () => {
      const res = await revalidate(h.publicApp, path, input, 'W/"not-the-current-one"');
      expect(res.status).toBe(200);
      expect(((await res.json()) as { result: unknown }).result).toBeDefined();
    });
  });

  it("tags each locale of an object separately", async () => {
    const en = await get(h.publicApp, "objects.byRef", { ref: "TOA-PBC001", locale: "en" });
    const fr = await get(h.publicApp, "objects.byRef", { ref: "TOA-PBC001", locale: "fr" });
    expect(tagOf(en)).not.toBe(tagOf(fr));
    expect(
      (
        await revalidate(
          h.publicApp,
          "objects.byRef",
          { ref: "TOA-PBC001", locale: "fr" },
          tagOf(en)!,
        )
      ).status,
    ).toBe(200);
  });

  describe("never caches a refusal", () => {
    it.each([
      ["an unknown object", "objects.byRef", { ref: "TOA-ZZZ999" }, 404],
      ["an unpublished object", "objects.byRef", { ref: "TOA-DRF001" }, 404],
      ["bad input", "objects.list", { limit: "many" }, 400],
      ["input where none is taken", "stats.summary", { anything: 1 }, 400],
      ["input where none is taken (timeline)", "stats.timeline", { months: 99 }, 400],
    ])("%s: no-store and no ETag", async (_name, path, input, status) => {
      const res = await revalidate(h.publicApp, path, input, "*");
      expect(res.status).toBe(status);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
      expect(tagOf(res)).toBeNull();
    });
  });

  describe("batches", () => {
    it("caches a batch of listed queries under the strictest policy of its calls", async () => {
      const inputs = { 0: { limit: 3 } };
      const res = await get(h.publicApp, ["objects.list", "stats.summary"], inputs);
      expect(res.status).toBe(200);
      expect(res.headers.get("Cache-Control")).toBe(NO_CACHE);
      const tag = tagOf(res)!;
      expect(tag).toMatch(/^W\//);
      const again = await revalidate(h.publicApp, ["objects.list", "stats.summary"], inputs, tag);
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");

      const statsOnly = await get(h.publicApp, ["stats.summary", "stats.summary"]);
      expect(statsOnly.headers.get("Cache-Control")).toBe(STATS);
      expect(tagOf(statsOnly)).not.toBe(tag);
    });

    it("does not cache a batch where one call fails", async () => {
      const res = await revalidate(
        h.publicApp,
        ["stats.summary", "objects.byRef"],
        { 1: { ref: "TOA-ZZZ999" } },
        "*",
      );
      expect(res.status).toBe(207);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
      expect(tagOf(res)).toBeNull();
    });

    it("does not cache a batch with a query that is not listed", async () => {
      const submitted = await call<{ receiptCode: string }>(
        h.publicApp,
        "mutation",
        "tips.submit",
        tip,
      );
      expect(submitted.status).toBe(200);
      const res = await revalidate(
        h.publicApp,
        ["stats.summary", "tips.status"],
        { 1: { receiptCode: submitted.body.result!.data.receiptCode } },
        "*",
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
      expect(tagOf(res)).toBeNull();
    });

    it("does not cache a streamed batch, whose 200 is sent before its results", async () => {
      const res = await get(h.publicApp, ["stats.summary"], undefined, {
        "trpc-accept": "application/jsonl",
        "If-None-Match": "*",
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
      expect(tagOf(res)).toBeNull();
      await res.text();
    });
  });

  it("leaves a query sent as POST alone", async () => {
    const res = await h.publicApp.request("http://localhost/trpc/stats.summary", {
      method: "POST",
      headers: { "Content-Type": "application/json", "If-None-Match": "*" },
      body: "{}",
    });
    expect(res.status).toBe(200);
    expect(tagOf(res)).toBeNull();
    expect(res.headers.get("Cache-Control")).toBeNull();
  });

  it("changes nothing on the staff listener", async () => {
    const res = await h.staffApp.request("http://localhost/trpc/objects.list?input=%7B%7D", {
      headers: { Cookie: analyst, "If-None-Match": "*" },
    });
    expect(res.status).toBe(200);
    expect(tagOf(res)).toBeNull();
    expect(res.headers.get("Cache-Control")).toBeNull();
  });

  describe("a change to what the public sees changes the tag", () => {
    const act = (path: string, input: unknown, cookie: string) =>
      call(h.staffApp, "mutation", `objects.${path}`, input, { cookie });
    const listInput = { limit: 60 };

    it("a new tip changes the statistics", async () => {
      const before = await get(h.publicApp, "stats.summary");
      const { tipsReceived } = (
        (await before.json()) as { result: { data: { tipsReceived: number } } }
      ).result.data;
      expect((await call(h.publicApp, "mutation", "tips.submit", tip)).status).toBe(200);
      const after = await revalidate(h.publicApp, "stats.summary", undefined, tagOf(before)!);
      expect(after.status).toBe(200);
      expect(tagOf(after)).not.toBe(tagOf(before));
      expect(
        ((await after.json()) as { result: { data: { tipsReceived: number } } }).result.data
          .tipsReceived,
      ).toBe(tipsReceived + 1);
    });

    it("publishing makes the object's page and the gallery change at once", async () => {
      const { id, ref } = h.fixtures.draft;
      const page = await get(h.publicApp, "objects.byRef", { ref });
      expect(page.status).toBe(404);
      const list = await get(h.publicApp, "objects.list", listInput);

      expect((await act("submit", { id }, analyst)).status).toBe(200);
      expect((await act("approve", { id }, coordinator)).status).toBe(200);

      const published = await get(h.publicApp, "objects.byRef", { ref });
      expect(published.status).toBe(200);
      expect(tagOf(published)).toMatch(/^W\//);
      const relisted = await revalidate(h.publicApp, "objects.list", listInput, tagOf(list)!);
      expect(relisted.status).toBe(200);
      expect(tagOf(relisted)).not.toBe(tagOf(list));
    });

    it("origin found, then withdrawal, each end the old tag's 304", async () => {
      const { id, ref } = h.fixtures.published;
      const page = await get(h.publicApp, "objects.byRef", { ref });
      const list = await get(h.publicApp, "objects.list", listInput);
      expect((await revalidate(h.publicApp, "objects.byRef", { ref }, tagOf(page)!)).status).toBe(
        304,
      );

      expect((await act("markOriginFound", { id }, coordinator)).status).toBe(200);
      const found = await revalidate(h.publicApp, "objects.byRef", { ref }, tagOf(page)!);
      expect(found.status).toBe(200);
      expect(
        ((await found.json()) as { result: { data: { status: string } } }).result.data.status,
      ).toBe("origin_found");
      const foundList = await revalidate(h.publicApp, "objects.list", listInput, tagOf(list)!);
      expect(foundList.status).toBe(200);

      expect(
        (
          await act(
            "withdraw",
            { id, reason: "Taken down at the lead agency's request." },
            coordinator,
          )
        ).status,
      ).toBe(200);
      const gone = await revalidate(h.publicApp, "objects.byRef", { ref }, tagOf(found)!);
      expect(gone.status).toBe(404);
      expect(gone.headers.get("Cache-Control")).toBe("no-store");
      expect(tagOf(gone)).toBeNull();
      const delisted = await revalidate(h.publicApp, "objects.list", listInput, tagOf(foundList)!);
      expect(delisted.status).toBe(200);
      const refs = (
        (await delisted.json()) as { result: { data: { items: { ref: string }[] } } }
      ).result.data.items.map((item) => item.ref);
      expect(refs).not.toContain(ref);
    });
  });
});

describe.each(engines)("public object queries kept in memory [$name]", (engine) => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness(await engine.open(), { publicReadCache: true });
  });
  afterAll(async () => {
    await h.deps.publicReadCache?.stop();
    await engine.dispose();
  });

  /** The database as the procedures see it, failing every query while `fn` runs. */
  async function withDatabaseRefusing<T>(fn: () => Promise<T>): Promise<T> {
    const real = h.deps.database;
    const refusing = new Proxy(real.db, {
      get: () => {
        throw new Error("the query ran");
      },
    });
    h.deps.database = { ...real, db: refusing };
    try {
      return await fn();
    } finally {
      h.deps.database = real;
    }
  }

  const titleOf = async (res: Response) =>
    ((await res.json()) as { result: { data: { title: { text: string } } } }).result.data.title
      .text;

  it("answers a repeat from memory, per encoding, without running the query", async () => {
    const input = { ref: h.fixtures.published.ref, locale: "en" };
    const plain = await get(h.publicApp, "objects.byRef", input);
    const gzipped = await get(h.publicApp, "objects.byRef", input, { "Accept-Encoding": "gzip" });
    expect([plain.status, gzipped.status]).toEqual([200, 200]);
    const [again, againGzipped, notModified, otherLocale] = await withDatabaseRefusing(() =>
      Promise.all([
        get(h.publicApp, "objects.byRef", input),
        get(h.publicApp, "objects.byRef", input, { "Accept-Encoding": "gzip" }),
        revalidate(h.publicApp, "objects.byRef", input, tagOf(plain)!),
        get(h.publicApp, "objects.byRef", { ...input, locale: "fr" }),
      ]),
    );
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(await plain.text());
    expect(againGzipped.headers.get("Content-Encoding")).toBe("gzip");
    expect(againGzipped.headers.get("ETag")).toBe(tagOf(plain));
    expect(notModified.status).toBe(304);
    // Not asked before: the query runs, and here it fails.
    expect(otherLocale.status).toBe(500);
  });

  it("drops what it kept when another process changes an object (the database notifies)", async () => {
    const input = { ref: h.fixtures.published.ref, locale: "en" };
    const before = await titleOf(await get(h.publicApp, "objects.byRef", input));
    // Written straight to the database, as another API process would.
    await h.deps.database.db
      .update(schema.traceObjects)
      .set({ title: { en: "Renamed elsewhere" } })
      .where(eq(schema.traceObjects.id, h.fixtures.published.id));
    const deadline = Date.now() + 5_000;
    let title = before;
    while (title === before && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
      title = await titleOf(await get(h.publicApp, "objects.byRef", input));
    }
    expect(title).toBe("Renamed elsewhere");
  });

  it("runs one query for many visitors asking for the same page at once", async () => {
    const real = h.deps.database;
    let selects = 0;
    const counting = new Proxy(real.db, {
      get: (target, property, receiver) => {
        if (property === "select") selects += 1;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    h.deps.database = { ...real, db: counting };
    try {
      await get(h.publicApp, "objects.list", { locale: "nl", limit: 24, offset: 0 });
      const forOne = selects;
      expect(forOne).toBeGreaterThan(0);
      selects = 0;
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          get(h.publicApp, "objects.list", { locale: "pl", limit: 24, offset: 0 }),
        ),
      );
      expect(answers.map((res) => res.status)).toEqual(Array(10).fill(200));
      expect(new Set(await Promise.all(answers.map((res) => res.text()))).size).toBe(1);
      expect(selects).toBe(forOne);
    } finally {
      h.deps.database = real;
    }
  });

  it("keeps its answers when a statement changes no row (the scheduled publication's)", async () => {
    const input = { locale: "de", limit: 24, offset: 0 };
    expect((await get(h.publicApp, "objects.list", input)).status).toBe(200);
    await h.deps.database.db.execute(sql`update trace_objects set title = title where false`);
    await h.deps.database.db.execute(sql`update object_images set alt = alt where false`);
    // Time for a notification, had there been one, to arrive.
    await new Promise((r) => setTimeout(r, 300));
    const kept = await withDatabaseRefusing(() => get(h.publicApp, "objects.list", input));
    expect(kept.status).toBe(200);
  });

  it("serves nothing from memory once it has stopped listening", async () => {
    const input = { locale: "en", limit: 24, offset: 0 };
    const cache = h.deps.publicReadCache!;
    await get(h.publicApp, "objects.list", input);
    await cache.stop();
    const refused = await withDatabaseRefusing(() => get(h.publicApp, "objects.list", input));
    // Stopped: the kept answer is gone and none is served from memory.
    expect(refused.status).toBe(500);
  });
});
