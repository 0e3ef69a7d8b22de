import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import { call, countRows, createHarness, type Harness } from "./test/harness";

const engines = await createTestDatabases();

describe.each(engines)("public surface [$name]", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(await engine.open());
  });
  afterAll(() => engine.dispose());

  describe("objects", () => {
    it("lists only public objects, open first", async () => {
      const res = await call<{ items: { ref: string; status: string }[]; total: number }>(
        h.publicApp,
        "query",
        "objects.list",
        {},
      );
      expect(res.status).toBe(200);
      const refs = res.body.result!.data.items.map((o) => o.ref);
      expect(refs).toEqual([h.fixtures.published.ref, h.fixtures.originFound.ref]);
      expect(res.body.result!.data.total).toBe(2);
    });

    it.each([
      [{ status: "open" }, ["TOA-PBC001"]],
      [{ status: "origin_found" }, ["TOA-FND001"]],
      [{ category: "toy" }, []],
      [{ category: "textile_or_pattern", limit: 1, offset: 1 }, ["TOA-FND001"]],
    ])("filters and pages %j", async (input, refs) => {
      const res = await call<{ items: { ref: string }[] }>(
        h.publicApp,
        "query",
        "objects.list",
        input,
      );
      expect(res.body.result!.data.items.map((o) => o.ref)).toEqual(refs);
    });

    it("serves an object in the wanted locale, with English fallback marked", async () => {
      const fr = await call<{
        title: { text: string; isFallback: boolean };
        question: { isFallback: boolean; locale: string };
      }>(h.publicApp, "query", "objects.byRef", { ref: "toa-pbc001", locale: "fr" });
      expect(fr.status).toBe(200);
      expect(fr.body.result!.data.title).toMatchObject({
        text: "Striped curtain (fr)",
        isFallback: false,
      });
      expect(fr.body.result!.data.question).toMatchObject({ locale: "en", isFallback: true });
    });

    it("never reveals an unpublished object", async () => {
      const res = await call(h.publicApp, "query", "objects.byRef", { ref: h.fixtures.draft.ref });
      expect(res.status).toBe(404);
      expect(res.body.error!.data.appCode).toBe("object_not_found");
    });

    it("serves images of public objects only", async () => {
      const ok = await h.publicApp.request(`/media/${h.fixtures.published.imageId}`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get("Content-Type")).toBe("image/jpeg");
      expect(await ok.text()).toBe("image of TOA-PBC001");
      const etag = ok.headers.get("ETag")!;
      expect(
        (
          await h.publicApp.request(`/media/${h.fixtures.published.imageId}`, {
            headers: { "If-None-Match": etag },
          })
        ).status,
      ).toBe(304);
      expect((await h.publicApp.request(`/media/${h.fixtures.draft.imageId}`)).status).toBe(404);
      expect((await h.publicApp.request(`/media/not-a-uuid`)).status).toBe(404);
    });
  });

  describe("tips", () => {
    const tip = {
      objectRef: "TOA-PBC001",
      answer: { country: "BE", placeOrShop: "A market in Liège", confidence: "think_so" },
      text: "I saw this curtain fabric sold by the metre.",
      language: "fr",
      contact: "signal: example-handle",
    };

    it("acknowledges a tip only after it is stored, with a receipt the tipster can check", async () => {
      const before = await countRows(h);
      const res = await call<{ receiptCode: string; status: string; showHotlineGuidance: boolean }>(
        h.publicApp,
        "mutation",
        "tips.submit",
        tip,
      );
      expect(res.status).toBe(200);
      const { receiptCode } = res.body.result!.data;
      expect(receiptCode).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
      expect(res.body.result!.data).toMatchObject({
        status: "received",
        showHotlineGuidance: false,
      });
      expect(await countRows(h)).toEqual({
        tips: before.tips + 1,
        audit: before.audit + 1,
        events: before.events + 1,
      });

      const status = await call<{ status: string; objectRef: string; messages: unknown[] }>(
        h.publicApp,
        "query",
        "tips.status",
        { receiptCode: receiptCode.toLowerCase().replaceAll("-", " ") },
        { method: "POST" },
      );
      expect(status.status).toBe(200);
      expect(status.body.result!.data).toMatchObject({
        status: "received",
        objectRef: "TOA-PBC001",
        messages: [],
      });
    });

    it("stores the receipt only as a keyed hash and the contact only encrypted", async () => {
      const res = await call<{ receiptCode: string }>(h.publicApp, "mutation", "tips.submit", tip);
      const { receiptCode } = res.body.result!.data;
      const dump = JSON.stringify(await h.deps.database.db.select().from(schema.tips));
      expect(dump).not.toContain(receiptCode);
      expect(dump).not.toContain(receiptCode.replaceAll("-", ""));
      expect(dump).not.toContain("example-handle");
    });

    it("puts reports of other abuse at the top and answers with hotline guidance", async () => {
      const res = await call<{ showHotlineGuidance: boolean }>(
        h.publicApp,
        "mutation",
        "tips.submit",
        {
          answer: { confidence: "certain" },
          text: "I want to report something else.",
          language: "en",
          concernsOtherAbuse: true,
        },
      );
      expect(res.status).toBe(200);
      expect(res.body.result!.data.showHotlineGuidance).toBe(true);
    });

    it.each([
      ["an unpublished object", { ...tip, objectRef: "TOA-DRF001" }, 404, "object_not_found"],
      ["an unknown object", { ...tip, objectRef: "TOA-ZZZZZZ" }, 404, "object_not_found"],
      [
        "an object whose origin was found",
        { ...tip, objectRef: "TOA-FND001" },
        409,
        "object_not_accepting_tips",
      ],
    ])("refuses a tip about %s and writes nothing", async (_name, input, status, appCode) => {
      const before = await countRows(h);
      const res = await call(h.publicApp, "mutation", "tips.submit", input);
      expect(res.status).toBe(status);
      expect(res.body.error!.data.appCode).toBe(appCode);
      expect(await countRows(h)).toEqual(before);
    });

    it("answers an unknown receipt code with a clear 404", async () => {
      const res = await call(
        h.publicApp,
        "query",
        "tips.status",
        { receiptCode: "0000-0000-0000-0000-0000" },
        { method: "POST" },
      );
      expect(res.status).toBe(404);
      expect(res.body.error!.message).toMatch(/No tip matches this receipt code/);
    });

    it("keeps tip text, contact, receipt codes and addresses out of the logs", async () => {
      const marker = "MARKER-7c1f-curtain";
      const res = await h.publicApp.request("/trpc/tips.submit", {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Forwarded-For": "203.0.113.77",
          "User-Agent": "MarkerAgent/1.0",
        },
        body: JSON.stringify({ ...tip, text: marker, contact: `${marker}-contact` }),
      });
      const { result } = (await res.json()) as { result: { data: { receiptCode: string } } };
      await call(h.publicApp, "query", "tips.status", { receiptCode: result.data.receiptCode });
      const log = h.logs.join("");
      expect(log).toContain('"path":"/trpc/tips.submit"');
      for (const secret of [marker, result.data.receiptCode, "203.0.113.77", "MarkerAgent"]) {
        expect(log).not.toContain(secret);
      }
    });
  });

  it("gives headline statistics", async () => {
    const res = await call<Record<string, number>>(h.publicApp, "query", "stats.summary");
    expect(res.status).toBe(200);
    expect(res.body.result!.data).toMatchObject({ openObjects: 1, originsFound: 1, agencies: 2 });
    expect(res.body.result!.data.tipsReceived).toBeGreaterThan(0);
  });

  it.each(["auth.login", "auth.me", "tips.list", "tips.byId"])(
    "does not know the staff procedure %s (404)",
    async (path) => {
      const res = await call(h.publicApp, path === "auth.login" ? "mutation" : "query", path, {});
      expect(res.status).toBe(404);
    },
  );

  it("answers health checks on both listeners", async () => {
    for (const app of [h.publicApp, h.staffApp]) {
      const res = await app.request("/healthz");
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: "ok", engine: engine.name });
    }
  });
});
