import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Database } from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import { MAX_BODY_BYTES } from "./app";
import { call, countRows, createHarness, type Harness } from "./test/harness";

const engines = await createTestDatabases();

const validTip = {
  objectRef: "TOA-PBC001",
  answer: { country: "BE", confidence: "guess" },
  text: "Seen in a shop",
  language: "en",
};

/** For every public procedure: missing, wrong-typed, over-long and unknown fields. */
const cases: {
  procedure: string;
  kind: "query" | "mutation";
  name: string;
  input: unknown;
  field: string;
}[] = [
  {
    procedure: "objects.list",
    kind: "query",
    name: "wrong type",
    input: { limit: "ten" },
    field: "limit",
  },
  {
    procedure: "objects.list",
    kind: "query",
    name: "out of range",
    input: { limit: 10_000 },
    field: "limit",
  },
  {
    procedure: "objects.list",
    kind: "query",
    name: "unknown category",
    input: { category: "weapons" },
    field: "category",
  },
  {
    procedure: "objects.list",
    kind: "query",
    name: "unknown field",
    input: { sortBy: "title" },
    field: "",
  },
  { procedure: "objects.byRef", kind: "query", name: "missing ref", input: {}, field: "ref" },
  {
    procedure: "objects.byRef",
    kind: "query",
    name: "malformed ref",
    input: { ref: "TOA-1" },
    field: "ref",
  },
  {
    procedure: "objects.byRef",
    kind: "query",
    name: "over-long ref",
    input: { ref: "TOA-" + "A".repeat(500) },
    field: "ref",
  },
  {
    procedure: "objects.byRef",
    kind: "query",
    name: "unknown locale",
    input: { ref: "TOA-PBC001", locale: "xx" },
    field: "locale",
  },
  {
    procedure: "objects.byRef",
    kind: "query",
    name: "unknown field",
    input: { ref: "TOA-PBC001", admin: true },
    field: "",
  },
  {
    procedure: "tips.submit",
    kind: "mutation",
    name: "missing answer",
    input: { text: "x", language: "en" },
    field: "answer",
  },
  {
    procedure: "tips.submit",
    kind: "mutation",
    name: "missing confidence",
    input: { ...validTip, answer: { country: "BE" } },
    field: "answer.confidence",
  },
  {
    procedure: "tips.submit",
    kind: "mutation",
    name: "nothing said",
    input: { answer: { confidence: "guess" }, language: "en" },
    field: "answer",
  },
  {
    procedure: "tips.submit",
    kind: "mutation",
    name: "wrong-typed text",
    input: { ...validTip, text: 42 },
    field: "text",
  },
  {
    procedure: "tips.submit",
    kind: "mutation",
    name: "wrong-typed country",
    input: { ...validTip, answer: { country: 32, confidence: "guess" } },
    field: "answer.country",
  },
  {
    procedure: "tips.submit",
    kind: "mutation",
    name: "unknown country",
    input: { ...validTip, answer: { country: "QQ", confidence: "guess" } },
    field: "answer.country",
  },
  {
    procedure: "tips.submit",
    kind: "mutation",
    name: "over-long text",
    input: { ...validTip, text: "a".repeat(5001) },
    field: "text",
  },
  {
    procedure: "tips.submit",
    kind: "mutation",
    name: "over-long place",
    input: { ...validTip, answer: { ...validTip.answer, placeOrShop: "p".repeat(201) } },
    field: "answer.placeOrShop",
  },
  {
    procedure: "tips.submit",
    kind: "mutation",
    name: "over-long contact",
    input: { ...validTip, contact: "c".repeat(501) },
    field: "contact",
  },
  {
    procedure: "tips.submit",
    kind: "mutation",
    name: "too many links",
    input: {
      ...validTip,
      answer: { ...validTip.answer, evidenceLinks: Array(11).fill("https://example.org/") },
    },
    field: "answer.evidenceLinks",
  },
  {
    procedure: "tips.submit",
    kind: "mutation",
    name: "script link",
    input: { ...validTip, answer: { ...validTip.answer, evidenceLinks: ["javascript:alert(1)"] } },
    field: "answer.evidenceLinks.0",
  },
  {
    procedure: "tips.submit",
    kind: "mutation",
    name: "unknown field",
    input: { ...validTip, ipAddress: "198.51.100.1" },
    field: "",
  },
  {
    procedure: "tips.submit",
    kind: "mutation",
    name: "unknown answer field",
    input: { ...validTip, answer: { ...validTip.answer, gps: "50.8,4.3" } },
    field: "answer",
  },
  {
    procedure: "tips.submit",
    kind: "mutation",
    name: "malformed object ref",
    input: { ...validTip, objectRef: "nope" },
    field: "objectRef",
  },
  { procedure: "tips.submit", kind: "mutation", name: "null body", input: null, field: "" },
  {
    procedure: "stats.summary",
    kind: "query",
    name: "unknown field",
    input: { since: "2020" },
    field: "",
  },
  { procedure: "stats.summary", kind: "query", name: "wrong type", input: "all", field: "" },
  {
    procedure: "tips.status",
    kind: "query",
    name: "missing code",
    input: {},
    field: "receiptCode",
  },
  {
    procedure: "tips.status",
    kind: "query",
    name: "wrong-typed code",
    input: { receiptCode: 1234 },
    field: "receiptCode",
  },
  // A malformed or over-long receipt code is not bad input: it is answered exactly like an
  // unknown one (404), so the answer tells a guesser nothing (src/rate-limits.test.ts).
  {
    procedure: "tips.status",
    kind: "query",
    name: "unknown field",
    input: { receiptCode: "0000-0000-0000-0000-0000", tipId: "x" },
    field: "",
  },
];

describe.each(engines)("bad input [$name]", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(await engine.open());
  });
  afterAll(() => engine.dispose());

  it.each(cases)(
    "$procedure: $name → 400 with a per-field message, nothing written",
    async ({ procedure, kind, input, field }) => {
      const before = await countRows(h);
      const res = await call(
        h.publicApp,
        kind,
        procedure,
        input,
        kind === "query" ? { method: "POST" } : {},
      );
      expect(res.status).toBe(400);
      const fieldErrors = res.body.error!.data.fieldErrors as { path: string; message: string }[];
      expect(fieldErrors.length).toBeGreaterThan(0);
      expect(fieldErrors.map((e) => e.path)).toContain(field);
      for (const e of fieldErrors) expect(e.message.length).toBeGreaterThan(0);
      expect(res.body.error!.data.requestId).toEqual(expect.any(String));
      expect(await countRows(h)).toEqual(before);
    },
  );

  it("refuses malformed JSON with 400", async () => {
    const res = await h.publicApp.request("/trpc/tips.submit", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
  });

  it("refuses a body over 1 MB with 413 and writes nothing", async () => {
    const before = await countRows(h);
    const res = await h.publicApp.request("/trpc/tips.submit", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...validTip, text: "x".repeat(MAX_BODY_BYTES) }),
    });
    expect(res.status).toBe(413);
    expect(await countRows(h)).toEqual(before);
  });

  it("answers an unknown procedure with 404", async () => {
    const res = await call(h.publicApp, "query", "objects.delete", {});
    expect(res.status).toBe(404);
  });
});

describe("database failure", () => {
  const broken: [string, () => Promise<Database>][] = [
    [
      "pglite closed",
      async () => {
        const db = await createDb({
          dataDir: join(mkdtempSync(join(tmpdir(), "trace-closed-")), "pglite"),
        });
        await db.close();
        return db;
      },
    ],
    // Nothing listens on port 1: the pool's connection attempt is refused.
    ["postgres unreachable", () => createDb({ url: "postgres://postgres@127.0.0.1:1/none" })],
  ];

  it.each(broken)(
    "%s → 503 with a retry hint and a request id, no stack, no receipt",
    async (_name, open) => {
      const h = await createHarness(await open(), { withFixtures: false });
      const res = await call(h.publicApp, "query", "objects.list", {});
      expect(res.status).toBe(503);
      expect(res.headers.get("Retry-After")).toBe("5");
      expect(res.body.error!.data.requestId).toEqual(expect.any(String));
      expect(JSON.stringify(res.body)).not.toMatch(/stack|at .*\.ts:\d+/);
      const submit = await call(h.publicApp, "mutation", "tips.submit", validTip);
      expect(submit.status).toBe(503);
      expect(submit.body.result).toBeUndefined();
      // A failed query's message carries its parameters: it must not reach the log.
      expect(h.logs.join("")).toContain("database unavailable");
      expect(h.logs.join("")).not.toContain(validTip.text);
      expect((await h.publicApp.request("/healthz")).status).toBe(503);
    },
  );
});
