import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { listAuditEvents, schema } from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import { call, createHarness, loginAs, type Harness } from "./test/harness";

const engines = await createTestDatabases();

type Series = {
  id: string;
  status: string;
  suspectedCountries: { country: string; confidence: string; note?: string }[];
  victimsIdentified: number;
  offendersProsecuted: number;
};

describe.each(engines)("cases and series [$name]", (engine) => {
  let h: Harness;
  let analyst: string;
  let coordinator: string;
  let caseId: string;
  let seriesId: string;

  const auditCount = async () => {
    const [row] = await h.deps.database.db.select({ n: count() }).from(schema.auditEvents);
    return row!.n;
  };
  const lastAudit = async () => (await listAuditEvents(h.deps.database.db)).at(-1)!;
  const mutate = <T = unknown>(path: string, input: unknown, cookie: string) =>
    call<T>(h.staffApp, "mutation", path, input, { cookie });
  const stats = async () =>
    (
      await call<{ victimsIdentified: number; countriesNarrowed: number }>(
        h.publicApp,
        "query",
        "stats.summary",
      )
    ).body.result!.data;

  beforeAll(async () => {
    h = await createHarness(await engine.open());
    analyst = await loginAs(h, "analyst");
    coordinator = await loginAs(h, "coordinator");
  });
  afterAll(() => engine.dispose());

  it("creates a case with an audit event, and refuses a taken reference", async () => {
    const res = await mutate<{ id: string; reference: string; leadAgency: { code: string } }>(
      "cases.create",
      { reference: "case-2026-7", title: "Cold case", leadAgencyId: h.fixtures.agencyId },
      analyst,
    );
    expect(res.status).toBe(200);
    caseId = res.body.result!.data.id;
    expect(res.body.result!.data).toMatchObject({
      reference: "CASE-2026-7",
      leadAgency: { code: "BE-FEDPOL" },
    });
    expect(await lastAudit()).toMatchObject({ action: "case.created", entityId: caseId });

    const before = await auditCount();
    const again = await mutate(
      "cases.create",
      { reference: "CASE-2026-7", title: "Again", leadAgencyId: h.fixtures.agencyId },
      analyst,
    );
    expect(again.status).toBe(409);
    const noAgency = await mutate(
      "cases.create",
      {
        reference: "CASE-X",
        title: "x",
        leadAgencyId: "00000000-0000-4000-8000-000000000000",
      },
      analyst,
    );
    expect(noAgency.body.error!.data.appCode).toBe("agency_not_found");
    expect(await auditCount()).toBe(before);
  });

  it("edits a case and lists it", async () => {
    const res = await mutate<{ title: string; status: string }>(
      "cases.update",
      {
        id: caseId,
        reference: "CASE-2026-7",
        title: "Cold case, renamed",
        leadAgencyId: h.fixtures.agencyId,
        status: "closed",
      },
      analyst,
    );
    expect(res.body.result!.data).toMatchObject({ title: "Cold case, renamed", status: "closed" });
    const list = await call<{ reference: string }[]>(h.staffApp, "query", "cases.list", undefined, {
      cookie: analyst,
    });
    expect(list.body.result!.data.map((c) => c.reference)).toContain("CASE-2026-7");
    const missing = await call(
      h.staffApp,
      "query",
      "cases.byId",
      { id: "00000000-0000-4000-8000-000000000000" },
      { cookie: analyst },
    );
    expect(missing.status).toBe(404);
  });

  it("creates a series in a case; unknown case → 404, taken code → 409", async () => {
    const res = await mutate<Series>(
      "series.create",
      { caseId, code: "s-new-1", title: "New series" },
      analyst,
    );
    expect(res.status).toBe(200);
    seriesId = res.body.result!.data.id;
    expect(res.body.result!.data).toMatchObject({ status: "unassessed", suspectedCountries: [] });
    expect((await lastAudit()).action).toBe("series.created");
    const unknown = await mutate(
      "series.create",
      { caseId: "00000000-0000-4000-8000-000000000000", code: "S-X", title: "x" },
      analyst,
    );
    expect(unknown.status).toBe(404);
    const taken = await mutate("series.create", { caseId, code: "S-NEW-1", title: "x" }, analyst);
    expect(taken.status).toBe(409);
  });

  it("records suspected countries with confidence and an evidence note", async () => {
    const res = await mutate<Series>(
      "series.update",
      {
        id: seriesId,
        code: "S-NEW-1",
        title: "New series",
        suspectedCountries: [
          { country: "PT", confidence: "likely", note: "Socket type and a tile pattern" },
          { country: "BR", confidence: "possible" },
        ],
      },
      analyst,
    );
    expect(res.status).toBe(200);
    expect(res.body.result!.data.suspectedCountries).toEqual([
      { country: "PT", confidence: "likely", note: "Socket type and a tile pattern" },
      { country: "BR", confidence: "possible" },
    ]);
    const duplicate = await mutate(
      "series.update",
      {
        id: seriesId,
        code: "S-NEW-1",
        title: "New series",
        suspectedCountries: [
          { country: "PT", confidence: "likely" },
          { country: "PT", confidence: "confirmed" },
        ],
      },
      analyst,
    );
    expect(duplicate.status).toBe(400);
    const unknown = await mutate(
      "series.update",
      {
        id: "00000000-0000-4000-8000-000000000000",
        code: "S-Q",
        title: "x",
        suspectedCountries: [],
      },
      analyst,
    );
    expect(unknown.status).toBe(404);
  });

  it("moves the status only along legal steps, and counts a narrowed series publicly", async () => {
    const before = await stats();
    const before2 = await auditCount();
    const illegal = await mutate(
      "series.setStatus",
      { id: seriesId, status: "handed_over" },
      analyst,
    );
    expect(illegal.status).toBe(409);
    expect(illegal.body.error!.data.appCode).toBe("illegal_series_transition");
    expect(await auditCount()).toBe(before2);

    for (const status of ["assessing", "country_narrowed"]) {
      const res = await mutate<Series>("series.setStatus", { id: seriesId, status }, analyst);
      expect(res.body.result!.data.status).toBe(status);
    }
    expect(await lastAudit()).toMatchObject({
      action: "series.status_changed",
      reason: "assessing → country_narrowed",
    });
    expect((await stats()).countriesNarrowed).toBe(before.countriesNarrowed + 1);
  });

  it("records outcomes (coordinator only), summed in the public statistics", async () => {
    const before = await stats();
    const refused = await mutate(
      "series.recordOutcome",
      { id: seriesId, victimsIdentified: 2, offendersProsecuted: 1 },
      analyst,
    );
    expect(refused.status).toBe(403);
    const res = await mutate<Series>(
      "series.recordOutcome",
      { id: seriesId, victimsIdentified: 2, offendersProsecuted: 1 },
      coordinator,
    );
    expect(res.body.result!.data).toMatchObject({ victimsIdentified: 2, offendersProsecuted: 1 });
    expect((await lastAudit()).action).toBe("series.outcome_recorded");
    expect((await stats()).victimsIdentified).toBe(before.victimsIdentified + 2);
    const negative = await mutate(
      "series.recordOutcome",
      { id: seriesId, victimsIdentified: -1, offendersProsecuted: 0 },
      coordinator,
    );
    expect(negative.status).toBe(400);
  });

  it("does not count a series closed without a country as narrowed", async () => {
    const created = await mutate<Series>(
      "series.create",
      { caseId, code: "S-NEW-2", title: "Closed early" },
      analyst,
    );
    const before = await stats();
    await mutate(
      "series.setStatus",
      { id: created.body.result!.data.id, status: "closed" },
      analyst,
    );
    expect((await stats()).countriesNarrowed).toBe(before.countriesNarrowed);
  });

  it("links an object to another series", async () => {
    const res = await mutate<{ series: { id: string } }>(
      "objects.update",
      {
        id: h.fixtures.draft.id,
        seriesId,
        category: "textile_or_pattern",
        title: { en: "Unvetted draft" },
        question: { en: "Where?" },
      },
      analyst,
    );
    expect(res.body.result!.data.series.id).toBe(seriesId);
    const series = await call<Series & { objectCount: number }>(
      h.staffApp,
      "query",
      "series.byId",
      { id: seriesId },
      { cookie: analyst },
    );
    expect(series.body.result!.data.objectCount).toBe(1);
  });
});
