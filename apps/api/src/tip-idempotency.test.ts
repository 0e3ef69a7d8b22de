import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import { is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { schema } from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import { DEFAULT_RETENTION_POLICY } from "@trace/domain";
import { runRetentionSweep } from "./jobs/retention-sweep";
import { call, countRows, createHarness, personSignals, type Harness } from "./test/harness";

const engines = await createTestDatabases();

type Receipt = { receiptCode: string; status: string; showHotlineGuidance: boolean };

const tip = {
  objectRef: "TOA-PBC001",
  answer: { country: "BE", placeOrShop: "A market in Liège", confidence: "think_so" },
  text: "I saw this curtain fabric sold by the metre.",
  language: "fr",
  contact: "signal: example-handle",
};

/** A key as the site makes one: 16 random bytes, base64url (22 characters). */
const newKey = () => randomBytes(16).toString("base64url");

describe.each(engines)("idempotent tip submission [$name]", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(await engine.open());
  });
  afterAll(() => engine.dispose());

  const keyRows = async () => {
    const [row] = await h.deps.database.db.select({ n: count() }).from(schema.tipIdempotencyKeys);
    return row!.n;
  };
  /** The tip as the site sends it, signals included, so a retry repeats the request exactly. */
  const request = async (idempotencyKey?: string, overrides: Record<string, unknown> = {}) => ({
    ...tip,
    ...overrides,
    ...(await personSignals(h.publicApp)),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  const submit = (input: unknown) => call<Receipt>(h.publicApp, "mutation", "tips.submit", input);

  it("answers a retry with the same receipt and makes one tip, one audit event", async () => {
    const input = await request(newKey());
    const before = await countRows(h);
    const first = await submit(input);
    expect(first.status).toBe(200);
    const second = await submit(input);
    expect(second.status).toBe(200);
    expect(second.body.result!.data).toEqual(first.body.result!.data);
    expect(await countRows(h)).toEqual({
      tips: before.tips + 1,
      audit: before.audit + 1,
      events: before.events + 1,
    });
    // The receipt still works for the tipster.
    const status = await call(
      h.publicApp,
      "query",
      "tips.status",
      {
        receiptCode: first.body.result!.data.receiptCode,
      },
      { method: "POST" },
    );
    expect(status.status).toBe(200);
  });

  it("answers a retry with fresh abuse signals the same way (only the tip is compared)", async () => {
    const key = newKey();
    const first = await submit(await request(key));
    const before = await countRows(h);
    const second = await submit(await request(key));
    expect(second.body.result!.data.receiptCode).toBe(first.body.result!.data.receiptCode);
    expect(await countRows(h)).toEqual(before);
  });

  it("refuses the same key with a different tip and writes nothing", async () => {
    const key = newKey();
    const first = await submit(await request(key));
    expect(first.status).toBe(200);
    const before = { rows: await countRows(h), keys: await keyRows() };
    const other = await submit(await request(key, { text: "A different tip altogether." }));
    expect(other.status).toBe(409);
    expect(other.body.error!.data.appCode).toBe("idempotency_key_reused");
    expect(JSON.stringify(other.body)).not.toContain(first.body.result!.data.receiptCode);
    expect({ rows: await countRows(h), keys: await keyRows() }).toEqual(before);
  });

  it.each([
    ["too short", "abc"],
    ["not base64url", "a+b/c=d".repeat(4)],
    ["too long", "a".repeat(65)],
  ])("refuses a malformed key (%s) with 400 and writes nothing", async (_, idempotencyKey) => {
    const before = { rows: await countRows(h), keys: await keyRows() };
    const res = await submit(await request(idempotencyKey));
    expect(res.status).toBe(400);
    expect({ rows: await countRows(h), keys: await keyRows() }).toEqual(before);
  });

  it("accepts a UUID as the key", async () => {
    const input = await request(randomUUID());
    const first = await submit(input);
    const second = await submit(input);
    expect(first.status).toBe(200);
    expect(second.body.result!.data.receiptCode).toBe(first.body.result!.data.receiptCode);
  });

  it("without a key, a repeated send makes a second tip as before", async () => {
    const input = await request();
    const before = await countRows(h);
    const keysBefore = await keyRows();
    const first = await submit(input);
    const second = await submit(input);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.result!.data.receiptCode).not.toBe(first.body.result!.data.receiptCode);
    expect((await countRows(h)).tips).toBe(before.tips + 2);
    expect(await keyRows()).toBe(keysBefore);
  });

  it("answers concurrent sends with one key with one tip and the same receipt", async () => {
    const input = await request(newKey());
    const before = await countRows(h);
    const answers = await Promise.all([submit(input), submit(input), submit(input)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const codes = new Set(answers.map((a) => a.body.result!.data.receiptCode));
    expect(codes.size).toBe(1);
    expect(await countRows(h)).toEqual({
      tips: before.tips + 1,
      audit: before.audit + 1,
      events: before.events + 1,
    });
  });

  it("never stores the key, the receipt code or the tip text in the key table", async () => {
    const key = newKey();
    const res = await submit(await request(key));
    const { receiptCode } = res.body.result!.data;
    const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable =>
      is(value, PgTable),
    );
    const rows = await Promise.all(tables.map((t) => h.deps.database.db.select().from(t)));
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(key);
    expect(dump).not.toContain(receiptCode);
    expect(dump).not.toContain(receiptCode.replaceAll("-", ""));
    const keyTable = JSON.stringify(
      await h.deps.database.db.select().from(schema.tipIdempotencyKeys),
    );
    expect(keyTable).not.toContain("curtain fabric");
  });

  it("forgets keys after 24 hours: the retention sweep deletes them, a later send is new", async () => {
    const input = await request(newKey());
    const first = await submit(input);
    expect(first.status).toBe(200);
    expect(await keyRows()).toBeGreaterThan(0);
    const start = h.clock.now;
    try {
      h.clock.now = new Date(start.getTime() + 23 * 60 * 60 * 1000);
      const early = await runRetentionSweep(h.deps, DEFAULT_RETENTION_POLICY);
      expect(early.idempotencyKeys).toBe(0);
      const retry = await submit(input);
      expect(retry.body.result!.data.receiptCode).toBe(first.body.result!.data.receiptCode);

      h.clock.now = new Date(start.getTime() + 24 * 60 * 60 * 1000 + 1);
      const swept = await runRetentionSweep(h.deps, DEFAULT_RETENTION_POLICY);
      expect(swept.idempotencyKeys).toBeGreaterThan(0);
      expect(await keyRows()).toBe(0);
      const later = await submit(await request(input.idempotencyKey));
      expect(later.status).toBe(200);
      expect(later.body.result!.data.receiptCode).not.toBe(first.body.result!.data.receiptCode);
    } finally {
      h.clock.now = start;
    }
  });
});
