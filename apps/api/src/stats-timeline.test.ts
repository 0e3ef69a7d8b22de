import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertObject, schema } from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import type { StatsMonthCounts, StatsSummary, StatsTimeline } from "@trace/domain";
import { call, createHarness, loginAs, type Harness } from "./test/harness";

const engines = await createTestDatabases();

type Counts = Omit<StatsMonthCounts, "month">;
const ZERO: Counts = {
  tipsReceived: 0,
  objectsPublished: 0,
  originsFound: 0,
  countriesNarrowed: 0,
  victimsIdentified: 0,
};

/**
 * Far from the wall clock, so rows the fixtures date "now" (real time) fall outside the window:
 * the window is 2029-07 … 2030-06.
 */
const NOW = new Date("2030-06-15T12:00:00.000Z");

describe.each(engines)("stats.timeline [$name]", (engine) => {
  let h: Harness;

  /** Moves the clock and logs in again there (a session does not outlive months of clock). */
  async function coordinatorAt(iso: string): Promise<string> {
    h.clock.now = new Date(iso);
    return loginAs(h, "coordinator");
  }
  async function staff(cookie: string, path: string, input: unknown) {
    const res = await call(h.staffApp, "mutation", path, input, { cookie });
    expect(res.status, `${path}: ${JSON.stringify(res.body.error)}`).toBe(200);
  }

  beforeAll(async () => {
    h = await createHarness(await engine.open());
    const { db } = h.deps.database;
    const { fixtures } = h;

    // Tips: at the window's edges (in UTC) and outside it.
    const tipAt = (iso: string) => ({
      confidence: "guess" as const,
      language: "en",
      receiptHash: randomUUID(),
      receivedAt: new Date(iso),
    });
    await db.insert(schema.tips).values([
      tipAt("2029-06-30T23:59:59.000Z"), // before the window
      tipAt("2029-07-01T00:00:00.000Z"),
      tipAt("2030-01-01T00:00:00.000Z"),
      tipAt("2030-01-15T08:00:00.000Z"),
      tipAt("2030-01-31T23:30:00.000Z"), // still January in UTC
      tipAt("2030-06-20T00:00:00.000Z"), // after now
    ]);

    // Objects: what the public can see counts; a withdrawn object and a draft do not.
    const [series] = await db
      .select({ id: schema.series.id })
      .from(schema.series)
      .where(eq(schema.series.code, "S-TEST-A"));
    const object = (
      ref: string,
      status: "published" | "origin_found" | "withdrawn" | "draft",
      publishedAt: string | null,
      originFoundAt: string | null = null,
    ) =>
      insertObject(
        db,
        {
          ref,
          seriesId: series!.id,
          category: "toy",
          title: { en: ref },
          question: { en: `Where is ${ref} from?` },
          regionHint: null,
          status,
          authorId: fixtures.users.analyst.id,
          approvedById: status === "draft" ? null : fixtures.users.coordinator.id,
          publishedAt: publishedAt ? new Date(publishedAt) : null,
          originFoundAt: originFoundAt ? new Date(originFoundAt) : null,
          createdAt: new Date("2029-01-01T00:00:00.000Z"),
        },
        [],
      );
    await object("TOA-TLN001", "published", "2030-02-10T10:00:00.000Z");
    await object("TOA-TLN002", "withdrawn", "2030-02-20T10:00:00.000Z");
    await object("TOA-TLN003", "draft", null);
    await object("TOA-TLN004", "origin_found", "2029-12-05T10:00:00.000Z", "2030-03-01T09:00:00Z");

    // Through the staff procedures, as the hub works: the dates come from the clock.
    let cookie = await coordinatorAt("2030-04-10T10:00:00.000Z");
    await staff(cookie, "objects.markOriginFound", { id: fixtures.published.id });

    const [seriesA] = await db
      .insert(schema.series)
      .values({ caseId: (await caseId())!, code: "S-TLN-A", title: "Timeline A" })
      .returning();
    const [seriesB] = await db
      .insert(schema.series)
      .values({ caseId: (await caseId())!, code: "S-TLN-B", title: "Timeline B" })
      .returning();

    cookie = await coordinatorAt("2030-03-05T10:00:00.000Z");
    await staff(cookie, "series.setStatus", { id: seriesA!.id, status: "assessing" });
    await staff(cookie, "series.setStatus", { id: seriesA!.id, status: "country_narrowed" });
    cookie = await coordinatorAt("2030-03-20T10:00:00.000Z");
    await staff(cookie, "series.recordOutcome", {
      id: seriesA!.id,
      victimsIdentified: 2,
      offendersProsecuted: 0,
    });
    cookie = await coordinatorAt("2030-05-03T10:00:00.000Z");
    await staff(cookie, "series.recordOutcome", {
      id: seriesA!.id,
      victimsIdentified: 3,
      offendersProsecuted: 1,
    });

    // Series B: narrowed by a confirmed country in April, un-narrowed in May, again in June.
    const countries = (confidence: "confirmed" | "likely") => ({
      id: seriesB!.id,
      code: "S-TLN-B",
      title: "Timeline B",
      suspectedCountries: [{ country: "PT", confidence }],
    });
    cookie = await coordinatorAt("2030-04-02T10:00:00.000Z");
    await staff(cookie, "series.update", countries("confirmed"));
    cookie = await coordinatorAt("2030-05-20T10:00:00.000Z");
    await staff(cookie, "series.update", countries("likely"));
    cookie = await coordinatorAt("2030-06-01T10:00:00.000Z");
    await staff(cookie, "series.update", countries("confirmed"));
    await staff(cookie, "series.recordOutcome", {
      id: seriesB!.id,
      victimsIdentified: 1,
      offendersProsecuted: 0,
    });
    cookie = await coordinatorAt("2030-06-02T10:00:00.000Z");
    // A correction: the identification did not hold.
    await staff(cookie, "series.recordOutcome", {
      id: seriesB!.id,
      victimsIdentified: 0,
      offendersProsecuted: 0,
    });

    h.clock.now = NOW;

    async function caseId() {
      const [kase] = await db.select({ id: schema.cases.id }).from(schema.cases).limit(1);
      return kase?.id;
    }
  });
  afterAll(() => engine.dispose());

  async function timeline(): Promise<StatsTimeline> {
    const res = await call<StatsTimeline>(h.publicApp, "query", "stats.timeline");
    expect(res.status).toBe(200);
    return res.body.result!.data;
  }

  it("counts each month in UTC over the last twelve months, zeros included", async () => {
    const { months } = await timeline();
    const expected: Record<string, Partial<Counts>> = {
      "2029-07": { tipsReceived: 1 },
      "2029-12": { objectsPublished: 1 },
      "2030-01": { tipsReceived: 3 },
      "2030-02": { objectsPublished: 1 },
      "2030-03": { originsFound: 1, countriesNarrowed: 1, victimsIdentified: 2 },
      "2030-04": { originsFound: 1 },
      "2030-05": { victimsIdentified: 1 },
      "2030-06": { countriesNarrowed: 1 },
    };
    expect(months.map((m) => m.month)).toEqual([
      "2029-07",
      "2029-08",
      "2029-09",
      "2029-10",
      "2029-11",
      "2029-12",
      "2030-01",
      "2030-02",
      "2030-03",
      "2030-04",
      "2030-05",
      "2030-06",
    ]);
    for (const m of months)
      expect(m, m.month).toEqual({ month: m.month, ...ZERO, ...expected[m.month] });
  });

  it("adds up to the home page's figures where all of them happened in the window", async () => {
    const { months } = await timeline();
    const summary = (await call<StatsSummary>(h.publicApp, "query", "stats.summary")).body.result!
      .data;
    const total = (key: keyof Counts) => months.reduce((n, m) => n + m[key], 0);
    expect(total("countriesNarrowed")).toBe(summary.countriesNarrowed);
    expect(total("victimsIdentified")).toBe(summary.victimsIdentified);
  });

  it("keeps every recorded outcome as history", async () => {
    const rows = await h.deps.database.db
      .select({ victims: schema.seriesOutcomes.victimsIdentified })
      .from(schema.seriesOutcomes)
      .orderBy(schema.seriesOutcomes.at);
    expect(rows.map((r) => r.victims)).toEqual([2, 3, 1, 0]);
  });

  it("holds only months and counts: nothing names a tip, an object or a series", async () => {
    const res = await h.publicApp.request("http://localhost/trpc/stats.timeline");
    const body = await res.text();
    expect(body).not.toMatch(/TOA-|S-TLN|S-TEST|[0-9a-f]{8}-[0-9a-f]{4}-/i);
  });
});
