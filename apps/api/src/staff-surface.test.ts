import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents, verifyAuditChain } from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import { SESSION_IDLE_MS } from "@trace/domain";
import { call, createHarness, loginAs, type Harness } from "./test/harness";

const engines = await createTestDatabases();

describe.each(engines)("staff surface [$name]", (engine) => {
  let h: Harness;
  let tipId: string;

  beforeAll(async () => {
    h = await createHarness(await engine.open());
    for (const [text, country, language] of [
      ["First tip about the curtain", "BE", "fr"],
      ["Second tip, seen in Germany", "DE", "de"],
      ["Third tip without country", undefined, "en"],
    ] as const) {
      await call(h.publicApp, "mutation", "tips.submit", {
        objectRef: h.fixtures.published.ref,
        answer: { confidence: "guess", ...(country ? { country } : {}) },
        text,
        language,
      });
      h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    }
    await call(h.publicApp, "mutation", "tips.submit", {
      answer: { confidence: "certain" },
      text: "Urgent general report",
      language: "en",
      concernsOtherAbuse: true,
    });
  });
  afterAll(() => engine.dispose());

  describe("auth", () => {
    // The two-step login itself (cookie flags, second factor, throttling) is tested in auth.test.ts.
    it.each([
      ["a wrong password", "analyst@test.example", "wrong-password"],
      ["an unknown account", "nobody@test.example", "test-password-analyst"],
    ])("gives one generic error for %s", async (_name, email, password) => {
      const res = await call(h.staffApp, "mutation", "auth.login", { email, password });
      expect(res.status).toBe(401);
      expect(res.body.error!.message).toBe("The email address or password is not correct.");
      expect(res.headers.get("Set-Cookie")).toBeNull();
    });

    it("answers auth.me with null without a session", async () => {
      const res = await call(h.staffApp, "query", "auth.me");
      expect(res.body.result!.data).toBeNull();
    });

    it("ends the session at logout, server-side", async () => {
      const cookie = await loginAs(h, "coordinator");
      const out = await call(h.staffApp, "mutation", "auth.logout", undefined, { cookie });
      expect(out.status).toBe(200);
      expect(out.headers.get("Set-Cookie")).toContain("Max-Age=0");
      const after = await call(h.staffApp, "query", "tips.list", {}, { cookie });
      expect(after.status).toBe(401);
    });

    it("ends an idle session", async () => {
      const cookie = await loginAs(h, "analyst");
      const saved = h.clock.now;
      h.clock.now = new Date(saved.getTime() + SESSION_IDLE_MS + 1);
      const res = await call(h.staffApp, "query", "tips.list", {}, { cookie });
      h.clock.now = saved;
      expect(res.status).toBe(401);
    });
  });

  describe("tips", () => {
    it("lists tips by priority: reports of other abuse first", async () => {
      const cookie = await loginAs(h, "analyst");
      const res = await call<{
        items: { id: string; excerpt: string; priority: string }[];
        total: number;
      }>(h.staffApp, "query", "tips.list", {}, { cookie });
      expect(res.status).toBe(200);
      expect(res.body.result!.data.total).toBe(4);
      expect(res.body.result!.data.items[0]).toMatchObject({
        excerpt: "Urgent general report",
        priority: "urgent",
      });
      tipId = res.body.result!.data.items[1]!.id;
    });

    it.each([
      [{ country: "DE" }, ["Second tip, seen in Germany"]],
      [{ language: "fr" }, ["First tip about the curtain"]],
      [
        { objectRef: "TOA-PBC001", sort: "newest" },
        ["Third tip without country", "Second tip, seen in Germany", "First tip about the curtain"],
      ],
      [
        { objectRef: "TOA-PBC001", sort: "oldest", limit: 1, offset: 1 },
        ["Second tip, seen in Germany"],
      ],
      [{ triageStatus: "spam" }, []],
    ])("filters and sorts %j", async (input, excerpts) => {
      const cookie = await loginAs(h, "coordinator");
      const res = await call<{ items: { excerpt: string }[] }>(
        h.staffApp,
        "query",
        "tips.list",
        input,
        { cookie },
      );
      expect(res.body.result!.data.items.map((t) => t.excerpt)).toEqual(excerpts);
    });

    it("opens a tip with its object and history, and audits the read", async () => {
      const cookie = await loginAs(h, "analyst");
      const res = await call<{
        id: string;
        object: { ref: string };
        history: { triageStatus: string }[];
        hasContact: boolean;
      }>(h.staffApp, "query", "tips.byId", { id: tipId }, { cookie });
      expect(res.status).toBe(200);
      expect(res.body.result!.data).toMatchObject({
        id: tipId,
        object: { ref: "TOA-PBC001" },
        hasContact: false,
      });
      expect(res.body.result!.data.history.map((e) => e.triageStatus)).toEqual(["new"]);
      const reads = (await listAuditEvents(h.deps.database.db)).filter(
        (e) => e.action === "tip.read",
      );
      expect(reads.at(-1)).toMatchObject({ entityId: tipId, actorId: h.fixtures.users.analyst.id });
      expect((await verifyAuditChain(h.deps.database.db)).brokenAt).toBeNull();
    });

    it("answers an unknown tip id with 404", async () => {
      const cookie = await loginAs(h, "analyst");
      const res = await call(
        h.staffApp,
        "query",
        "tips.byId",
        { id: "00000000-0000-4000-8000-000000000000" },
        { cookie },
      );
      expect(res.status).toBe(404);
    });
  });
});
