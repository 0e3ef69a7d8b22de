import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createFsMediaStore, schema, type Database } from "@trace/db";
import { DEMO_WEBHOOK, seedDemoData } from "@trace/db/seed";
import { createTestDatabases } from "@trace/db/testing";
import { WEBHOOK_HEADERS } from "@trace/domain";
import { createOutboxWorker } from "../jobs/outbox-worker";
import { createLogger } from "../logger";
import { cryptoRandom, decryptSecret, encryptSecret } from "../services/secrets";
import { createDemoReceiver, DEMO_RECEIVER_PATH, type DemoReceiver } from "./demo-receiver";
import { createReferralDeliveryHandler, REFERRAL_DELIVERY_TOPIC } from "./referral-delivery";
import { insertTestReferral, TIP_TEXT } from "./test-referrals";
import { signWebhook } from "./webhook";

const [pglite] = await createTestDatabases(undefined);
const WEBHOOK_KEY = Buffer.alloc(32, 21);

/** The start command's loop, in one process: demo seed → referral → worker → demo receiver. */
describe("the demo webhook loop [pglite]", () => {
  let database: Database;
  let receiver: DemoReceiver;
  let port: number;
  let deliveredKey: string;
  const logs: string[] = [];
  const logger = createLogger(
    "info",
    new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  );
  const ledgerFile = join(mkdtempSync(join(tmpdir(), "trace-demo-receiver-")), "keys");

  const post = (body: string, headers: Record<string, string>, path: string = DEMO_RECEIVER_PATH) =>
    fetch(`http://127.0.0.1:${port}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body,
    });
  const signedHeaders = (body: string, key: string, secret: string = DEMO_WEBHOOK.secret) => {
    const timestamp = Math.floor(Date.now() / 1000);
    return {
      [WEBHOOK_HEADERS.idempotencyKey]: key,
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
      [WEBHOOK_HEADERS.signature]: signWebhook(secret, timestamp, body),
    };
  };

  beforeAll(async () => {
    database = await pglite!.open();
    receiver = createDemoReceiver({ secret: DEMO_WEBHOOK.secret, logger, ledgerFile });
    port = await receiver.listen(0, "127.0.0.1");
    await seedDemoData(database, {
      media: createFsMediaStore(mkdtempSync(join(tmpdir(), "trace-demo-media-"))),
      // The seed stores what it is handed; a real password hash would only slow the test.
      hashPassword: async (password) => `test-only:${password}`,
      hashReceipt: (code) => `test-receipt:${code}`,
      perceptualHash: async (bytes) =>
        createHash("sha256").update(bytes).digest("hex").slice(0, 16),
      encryptContact: (plain) => encryptSecret(Buffer.alloc(32, 3), plain),
      encryptSecret: (plain) => encryptSecret(Buffer.alloc(32, 4), plain),
      random: cryptoRandom,
      now: new Date(),
      demoWebhook: {
        url: `http://127.0.0.1:${port}${DEMO_RECEIVER_PATH}`,
        secretCiphertext: encryptSecret(WEBHOOK_KEY, DEMO_WEBHOOK.secret),
      },
    });
  });
  afterAll(async () => {
    await receiver.close();
    await pglite!.dispose();
  });

  it("seeds the demo webhook agency on the webhook channel, its secret encrypted", async () => {
    const [agency] = await database.db
      .select()
      .from(schema.agencies)
      .where(eq(schema.agencies.code, DEMO_WEBHOOK.agencyCode));
    expect(agency).toMatchObject({
      deliveryChannel: "webhook",
      webhookUrl: `http://127.0.0.1:${port}${DEMO_RECEIVER_PATH}`,
    });
    expect(agency!.webhookSecretCiphertext).not.toContain(DEMO_WEBHOOK.secret);
    expect(decryptSecret(WEBHOOK_KEY, agency!.webhookSecretCiphertext!)).toBe(DEMO_WEBHOOK.secret);
    const portal = await database.db
      .select({ code: schema.agencies.code })
      .from(schema.agencies)
      .where(eq(schema.agencies.deliveryChannel, "webhook"));
    expect(portal.map((a) => a.code)).toEqual([DEMO_WEBHOOK.agencyCode]);
  });

  it("delivers a referral to the demo agency, which logs ids only", async () => {
    const [agency] = await database.db
      .select({ id: schema.agencies.id })
      .from(schema.agencies)
      .where(eq(schema.agencies.code, DEMO_WEBHOOK.agencyCode));
    const [object] = await database.db
      .select({ id: schema.traceObjects.id, ref: schema.traceObjects.ref })
      .from(schema.traceObjects)
      .where(eq(schema.traceObjects.status, "published"))
      .limit(1);
    const { referralId, idempotencyKey, tipIds } = await insertTestReferral(database.db, {
      agencyId: agency!.id,
      objectId: object!.id,
      createdById: null,
    });
    const worker = createOutboxWorker({
      database,
      logger,
      handlers: {
        [REFERRAL_DELIVERY_TOPIC]: createReferralDeliveryHandler({
          database,
          webhookEncryptionKey: WEBHOOK_KEY,
          webhookTimeoutMs: 5_000,
        }),
      },
      concurrency: 2,
      leaseMs: 30_000,
      maxAttempts: 3,
      backoff: { baseMs: 1_000, maxMs: 1_000 },
      pollIntervalMs: 50,
    });
    // The demo data holds recent referrals waiting for delivery too: the worker takes them all.
    const outcomes = [];
    for (let round = await worker.runOnce(); round.length; round = await worker.runOnce())
      outcomes.push(...round);
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.every((o) => o.outcome === "done")).toBe(true);
    expect(receiver.processed.has(idempotencyKey)).toBe(true);
    deliveredKey = idempotencyKey;
    const [referral] = await database.db
      .select({ status: schema.referrals.status })
      .from(schema.referrals)
      .where(and(eq(schema.referrals.id, referralId)));
    expect(referral).toEqual({ status: "delivered" });

    const received = logs
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === "referral received" && l.referralId === referralId);
    expect(received).toMatchObject({
      idempotencyKey,
      referralId,
      agencyCode: DEMO_WEBHOOK.agencyCode,
      objectRef: object!.ref,
      tipIds,
    });
    expect(logs.join("\n")).not.toContain(TIP_TEXT);
  });

  it("acknowledges a key already processed without processing it again", async () => {
    const receipts = () => logs.filter((l) => l.includes('"msg":"referral received"')).length;
    const before = receipts();
    const body = JSON.stringify({ anything: true });
    const res = await post(body, signedHeaders(body, deliveredKey));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: "duplicate" });
    expect(receipts()).toBe(before);
  });

  it("refuses a bad signature, another path, a missing key and a payload off the contract", async () => {
    const body = JSON.stringify({ event: "referral.delivered" });
    expect((await post(body, signedHeaders(body, "k-1", "whsec_wrong"))).status).toBe(401);
    expect((await post(body, signedHeaders(body, "k-1"), "/elsewhere")).status).toBe(404);
    const { [WEBHOOK_HEADERS.idempotencyKey]: _, ...withoutKey } = signedHeaders(body, "k-1");
    expect((await post(body, withoutKey)).status).toBe(400);
    expect((await post(body, signedHeaders(body, "k-1"))).status).toBe(422);
    expect(receiver.processed.has("k-1")).toBe(false);
  });

  it("remembers processed keys across a restart", async () => {
    const again = createDemoReceiver({ secret: DEMO_WEBHOOK.secret, logger, ledgerFile });
    expect([...again.processed].sort()).toEqual([...receiver.processed].sort());
    expect(again.processed.has(deliveredKey)).toBe(true);
  });
});
