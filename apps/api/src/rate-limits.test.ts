import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { readdir } from "node:fs/promises";
import { serve } from "@hono/node-server";
import { count, eq, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import { createPublicRateLimits, KEY_ROTATION_MS } from "./abuse/public-rate-limits";
import { createApp } from "./app";
import { patternImage } from "./images/test-images";
import { hashReceipt } from "./services/secrets";
import { countRows, createHarness, loginAs, type Harness } from "./test/harness";

const engines = await createTestDatabases();

const LIMITS = {
  tipSubmissions: { points: 3, windowSeconds: 600 },
  receiptLookups: { points: 12, windowSeconds: 600 },
  receiptFailures: { points: 4, windowSeconds: 3600 },
  tipPhotoUploads: { points: 2, windowSeconds: 600 },
};

const tip = {
  objectRef: "TOA-PBC001",
  answer: { country: "BE", confidence: "guess" },
  text: "Seen in a shop in Ghent.",
  language: "en",
};

interface Answer {
  status: number;
  headers: Headers;
  body: {
    result?: { data: Record<string, unknown> };
    error?: { message: string; code: number; data: Record<string, unknown> };
  };
}

/**
 * A tRPC call from `from`, named by the one trusted proxy's `X-Forwarded-For` (the harness runs
 * in-process, without a socket). Queries go as POST, as the public site sends receipt look-ups.
 */
async function send(
  app: ReturnType<typeof createApp>,
  path: string,
  input: unknown,
  from: string,
  method: "GET" | "POST" = "POST",
): Promise<Answer> {
  const headers = { "Content-Type": "application/json", "X-Forwarded-For": from };
  const res =
    method === "GET"
      ? await app.request(
          `http://localhost/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
          { headers },
        )
      : await app.request(`http://localhost/trpc/${path}`, {
          method: "POST",
          headers,
          body: JSON.stringify(input),
        });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer["body"] };
}

/** Every row of every table, as text: what a database dump would hold. */
async function dumpDatabase(h: Harness): Promise<string> {
  const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable =>
    is(value, PgTable),
  );
  const rows = await Promise.all(tables.map((t) => h.deps.database.db.select().from(t)));
  return JSON.stringify(rows);
}

/** The parts of an error answer a person or a script could compare; the request id differs. */
function comparable(answer: Answer) {
  const data = { ...answer.body.error?.data, requestId: "(varies)" };
  return {
    status: answer.status,
    contentType: answer.headers.get("Content-Type"),
    retryAfter: answer.headers.get("Retry-After"),
    body: { ...answer.body, error: { ...answer.body.error, data } },
  };
}

describe.each(engines)("per-sender rate limits [$name]", (engine) => {
  let h: Harness;
  let keysMade = 0;
  beforeAll(async () => {
    h = await createHarness(await engine.open(), {
      rateLimits: LIMITS,
      trustedProxies: 1,
      newRateLimitKey: () => Buffer.alloc(32, ++keysMade),
    });
  });
  afterAll(() => engine.dispose());

  const submit = (from: string, input: unknown = tip) =>
    send(h.publicApp, "tips.submit", input, from);
  const status = (from: string, receiptCode: unknown, method: "GET" | "POST" = "POST") =>
    send(h.publicApp, "tips.status", { receiptCode }, from, method);
  const reply = (from: string, receiptCode: unknown, body = "It was in Ghent.") =>
    send(h.publicApp, "tips.reply", { receiptCode, body }, from);
  const receiptOf = (answer: Answer) => answer.body.result!.data.receiptCode as string;

  describe("tip submission", () => {
    it("refuses the next tip past the limit with 429, Retry-After and nothing written", async () => {
      const from = "203.0.113.10";
      for (let i = 0; i < LIMITS.tipSubmissions.points; i++) {
        expect((await submit(from)).status).toBe(200);
      }
      const before = await countRows(h);
      const refused = await submit(from);
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get("Retry-After"));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(LIMITS.tipSubmissions.windowSeconds);
      expect(refused.body.error!.data).toMatchObject({
        appCode: "tips_throttled",
        requestId: expect.any(String),
      });
      expect(refused.body.error!.message).toMatch(/wait a few minutes/);
      // Counted before the input is read: an invalid tip is refused the same way.
      expect((await submit(from, { nonsense: true })).status).toBe(429);
      expect(await countRows(h)).toEqual(before);
    });

    it("gives another sender a bucket of its own, which addresses made up by the client do not", async () => {
      const from = "203.0.113.11";
      for (let i = 0; i < LIMITS.tipSubmissions.points; i++) await submit(from);
      expect((await submit(from)).status).toBe(429);
      // Entries left of what the trusted proxy wrote are the client's own words.
      expect((await submit(`198.51.100.200, ${from}`)).status).toBe(429);
      expect((await submit("203.0.113.12")).status).toBe(200);
    });

    it("starts every bucket afresh when the day's key is replaced", async () => {
      const from = "203.0.113.13";
      for (let i = 0; i < LIMITS.tipSubmissions.points; i++) await submit(from);
      expect((await submit(from)).status).toBe(429);
      const keysBefore = keysMade;
      h.clock.now = new Date(h.clock.now.getTime() + KEY_ROTATION_MS);
      expect((await submit(from)).status).toBe(200);
      expect(keysMade).toBe(keysBefore + 1);
    });
  });

  describe("tip photos", () => {
    const uploadFrom = async (from: string, bytes: Uint8Array) => {
      const form = new FormData();
      form.set("photo", new File([bytes as Uint8Array<ArrayBuffer>], "p.jpg"));
      return h.publicApp.request("http://localhost/public-api/tip-photos", {
        method: "POST",
        headers: { "X-Forwarded-For": from },
        body: form,
      });
    };
    const files = async () =>
      (await readdir(h.mediaDir, { recursive: true, withFileTypes: true })).filter((e) =>
        e.isFile(),
      ).length;
    const uploads = async () =>
      (await h.deps.database.db.select({ n: count() }).from(schema.tipPhotos))[0]!.n;

    it("refuses uploads past the sender's limit with 429 and Retry-After, storing nothing", async () => {
      const photo = await patternImage(64, 48);
      const from = "203.0.113.20";
      for (let i = 0; i < LIMITS.tipPhotoUploads.points; i++) {
        expect((await uploadFrom(from, photo)).status).toBe(201);
      }
      const before = { files: await files(), uploads: await uploads() };
      const refused = await uploadFrom(from, photo);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({
        error: { appCode: "tip_photos_throttled", requestId: expect.any(String) },
      });
      expect({ files: await files(), uploads: await uploads() }).toEqual(before);
      expect((await uploadFrom("203.0.113.21", photo)).status).toBe(201);
    });
  });

  describe("receipt look-ups", () => {
    it("throttles guessing, then refuses even a real code without saying it is one", async () => {
      const code = receiptOf(await submit("203.0.113.30"));
      const guesser = "203.0.113.31";
      for (let i = 0; i < LIMITS.receiptFailures.points; i++) {
        const guess = `AAAA-BBBB-CCCC-DDDD-EEE${i}`;
        expect((await status(guesser, guess)).status).toBe(404);
      }
      const refused = await status(guesser, "AAAA-BBBB-CCCC-DDDD-EEEF");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(
        LIMITS.receiptFailures.windowSeconds - 60,
      );
      expect(refused.body.error!.data.appCode).toBe("receipt_checks_throttled");
      // A right guess now would be worthless: it is refused exactly like a wrong one.
      const right = await status(guesser, code);
      expect(comparable(right)).toEqual(comparable(refused));
      const messages = await h.deps.database.db.$count(schema.messages);
      expect((await reply(guesser, code)).status).toBe(429);
      expect(await h.deps.database.db.$count(schema.messages)).toBe(messages);
    });

    it("lets a tipster check their own code many times, and a typo or two", async () => {
      const tipster = "203.0.113.32";
      const code = receiptOf(await submit(tipster));
      // More checks than the failure budget allows failures: found codes do not count as failures.
      for (let i = 0; i < LIMITS.receiptLookups.points - 2; i++) {
        expect((await status(tipster, code)).status).toBe(200);
      }
      // A typo: the last symbol changed (to another one, whatever it was).
      const typo = code.slice(0, -1) + (code.endsWith("0") ? "1" : "0");
      expect((await status(tipster, typo)).status).toBe(404);
      expect((await status(tipster, code)).status).toBe(200);
      // Every look-up counts towards the overall budget.
      expect((await status(tipster, code)).status).toBe(429);
    });

    it("answers a malformed, an unknown and a deleted tip's code identically", async () => {
      // Retention deletes spam tips after a while (and nothing else): their codes then match
      // nothing, like codes that never existed. Deleting the rows stands in for it here.
      const deleted = await submit("203.0.113.40");
      const deletedCode = receiptOf(deleted);
      const [row] = await h.deps.database.db
        .select({ id: schema.tips.id })
        .from(schema.tips)
        .where(eq(schema.tips.receiptHash, hashReceipt(h.deps.receiptHashKey, deletedCode)));
      expect(row).toBeDefined();
      await h.deps.database.db.transaction(async (tx) => {
        await tx.delete(schema.tipEvents).where(eq(schema.tipEvents.tipId, row!.id));
        await tx.delete(schema.messages).where(eq(schema.messages.tipId, row!.id));
        await tx.delete(schema.tips).where(eq(schema.tips.id, row!.id));
      });

      const codes = [
        "nope",
        "",
        "A".repeat(65),
        "X".repeat(5000),
        "UUUU-UUUU-UUUU-UUUU-UUUU", // U is not a Crockford base32 symbol
        "ABCD-EFGH",
        "0000-0000-0000-0000-0000", // well-formed, matches no tip
        deletedCode,
      ];
      let sender = 50;
      const answers = async (ask: (from: string, code: string) => Promise<Answer>) => {
        const all: Answer[] = [];
        // A fresh sender each time, so no answer is a throttled one.
        for (const code of codes) all.push(await ask(`203.0.113.${sender++}`, code));
        return all;
      };
      for (const ask of [
        (from: string, code: string) => status(from, code),
        (from: string, code: string) => status(from, code, "GET"),
        (from: string, code: string) => reply(from, code),
      ]) {
        const all = await answers(ask);
        expect(all[0]!.status).toBe(404);
        expect(all[0]!.body.error!.data.appCode).toBe("receipt_not_found");
        for (const answer of all) expect(comparable(answer)).toEqual(comparable(all[0]!));
      }
    });
  });

  describe("privacy", () => {
    it("keeps the sender's address (through a trusted proxy) out of logs and the database", async () => {
      const marker = "198.51.100.173";
      const code = receiptOf(await submit(`192.0.2.1, ${marker}`));
      await status(marker, code);
      await status(marker, "0000-0000-0000-0000-0000");
      for (let i = 0; i < LIMITS.tipSubmissions.points; i++) await submit(marker);
      const photo = new FormData();
      photo.set("photo", new File([(await patternImage(32, 32)) as Uint8Array<ArrayBuffer>], "p"));
      await h.publicApp.request("http://localhost/public-api/tip-photos", {
        method: "POST",
        headers: { "X-Forwarded-For": marker },
        body: photo,
      });
      // Staff reading the tip see no address either.
      const analyst = await loginAs(h, "analyst");
      const [row] = await h.deps.database.db.select({ id: schema.tips.id }).from(schema.tips);
      await h.staffApp.request(
        `http://localhost/trpc/tips.byId?input=${encodeURIComponent(JSON.stringify({ id: row!.id }))}`,
        { headers: { Cookie: analyst } },
      );
      const log = h.logs.join("");
      expect(log).toContain('"path":"/trpc/tips.submit"');
      expect(log).toContain('"status":429');
      expect(log).not.toContain(marker);
      expect(await dumpDatabase(h)).not.toContain(marker);
    });

    it("takes the socket's peer when no proxy is trusted, and keeps it out of logs and the database", async () => {
      // A real listener, reached from a marker loopback address (all of 127/8 is loopback).
      const marker = "127.66.5.4";
      const limits = createPublicRateLimits({ limits: LIMITS, trustedProxies: 0 });
      const app = createApp({ ...h.deps, rateLimits: limits }, { surface: "public" });
      const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
      await new Promise((r) => server.once("listening", r));
      const { port } = server.address() as AddressInfo;
      const post = (localAddress: string, forwardedFor: string) =>
        new Promise<number>((resolve, reject) => {
          const body = JSON.stringify(tip);
          const req = httpRequest(
            {
              host: "127.0.0.1",
              port,
              path: "/trpc/tips.submit",
              method: "POST",
              localAddress,
              headers: {
                "Content-Type": "application/json",
                "Content-Length": Buffer.byteLength(body),
                // Not believed: no proxy is trusted.
                "X-Forwarded-For": forwardedFor,
                Connection: "close",
              },
            },
            (res) => {
              res.resume();
              res.on("end", () => resolve(res.statusCode!));
            },
          );
          req.on("error", reject);
          req.end(body);
        });
      try {
        const answers: number[] = [];
        for (let i = 0; i <= LIMITS.tipSubmissions.points; i++) {
          answers.push(await post(marker, `203.0.113.${100 + i}`));
        }
        expect(answers).toEqual([200, 200, 200, 429]);
        expect(await post("127.66.5.5", "203.0.113.100")).toBe(200);
      } finally {
        await new Promise((r) => server.close(r));
      }
      expect(h.logs.join("")).not.toContain(marker);
      expect(await dumpDatabase(h)).not.toContain(marker);
    });
  });
});
