import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { claimOutboxJobs, findOutboxJob, listAuditEvents, schema } from "@trace/db";
import { createTestDatabases } from "@trace/db/testing";
import { ReferralWebhookPayloadSchema, WEBHOOK_HEADERS } from "@trace/domain";
import { createOutboxHandlers } from "../jobs/handlers";
import { createOutboxWorker, retryDelayMs, type OutboxWorker } from "../jobs/outbox-worker";
import { call, createHarness, loginAs, type Harness } from "../test/harness";
import { TestReceiver } from "./test-receiver";
import {
  CONTACT_CIPHERTEXT,
  insertTestReferral,
  insertWebhookAgency,
  TIP_TEXT,
} from "./test-referrals";

const engines = await createTestDatabases();
const SECRET = "whsec_test-secret-for-the-delivery-tests-0000000";
const TIMEOUT_MS = 400;
const LEASE_MS = 5_000;
const BACKOFF = { baseMs: 1_000, maxMs: 4_000 };

describe.each(engines)("referral delivery [$name]", (engine) => {
  let h: Harness;
  let receiver: TestReceiver;
  let webhookAgencyId: string;
  let workers: OutboxWorker[] = [];

  /** The worker's clock: real time plus whatever the test moved it by (signatures stay fresh). */
  let offsetMs = 0;
  const advance = (ms: number) => {
    offsetMs += ms;
  };

  const newWorker = (options: { maxAttempts?: number; workerId?: string } = {}) => {
    const worker = createOutboxWorker({
      database: h.deps.database,
      logger: h.deps.logger,
      handlers: createOutboxHandlers({
        database: h.deps.database,
        webhookEncryptionKey: h.deps.webhookEncryptionKey,
        webhookTimeoutMs: TIMEOUT_MS,
        media: h.deps.media,
        imageLimits: h.deps.imageLimits,
      }),
      now: () => new Date(Date.now() + offsetMs),
      // The longest delay full jitter allows, so the tests know when a retry is due.
      random: () => 0.999,
      concurrency: 4,
      leaseMs: LEASE_MS,
      maxAttempts: options.maxAttempts ?? 8,
      backoff: BACKOFF,
      pollIntervalMs: 20,
      ...(options.workerId ? { workerId: options.workerId } : {}),
    });
    workers.push(worker);
    return worker;
  };

  const referral = (agencyId = webhookAgencyId) =>
    insertTestReferral(h.deps.database.db, {
      agencyId,
      objectId: h.fixtures.published.id,
      createdById: h.fixtures.users.analyst.id,
      tipCount: 2,
    });
  const referralRow = async (id: string) =>
    (
      await h.deps.database.db.select().from(schema.referrals).where(eq(schema.referrals.id, id))
    )[0]!;
  const job = async (key: string) => (await findOutboxJob(h.deps.database.db, key))!;

  beforeAll(async () => {
    h = await createHarness(await engine.open());
    receiver = await new TestReceiver(SECRET).start();
    webhookAgencyId = await insertWebhookAgency(h.deps.database.db, {
      code: "NL-NP",
      url: receiver.url,
      secret: SECRET,
      key: h.deps.webhookEncryptionKey,
    });
  });
  afterEach(async () => {
    await Promise.all(workers.map((w) => w.stop({ graceMs: 0 })));
    workers = [];
    receiver.answer = () => ({ status: 200 });
    // Each test starts with an empty queue, whatever the one before left behind.
    await h.deps.database.db.delete(schema.outbox);
  });
  afterAll(async () => {
    await receiver.stop();
    await engine.dispose();
  });

  it("delivers a portal referral without a request, once, with an audit event", async () => {
    const { referralId, idempotencyKey } = await referral(h.fixtures.agencyId);
    const before = receiver.requests.length;
    expect(await newWorker().runOnce()).toEqual([
      { id: expect.any(Number), topic: "referral.deliver", outcome: "done" },
    ]);
    expect(receiver.requests.length).toBe(before);
    expect(await referralRow(referralId)).toMatchObject({
      status: "delivered",
      deliveredAt: expect.any(Date),
    });
    expect((await job(idempotencyKey)).processedAt).toBeInstanceOf(Date);
    const events = (await listAuditEvents(h.deps.database.db)).filter(
      (e) => e.entityId === referralId,
    );
    expect(events).toMatchObject([
      { action: "referral.delivered", actorId: null, reason: "portal" },
    ]);
    expect(await newWorker().runOnce()).toEqual([]);
  });

  it("POSTs the signed contract: object and tips, never the tipster's contact or receipt", async () => {
    const { referralId, idempotencyKey, tipIds } = await referral();
    expect((await newWorker().runOnce())[0]!.outcome).toBe("done");

    const [request] = receiver.requestsFor(idempotencyKey);
    expect(request).toMatchObject({ isVerified: true, status: 200, attempt: "1" });
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers[WEBHOOK_HEADERS.event.toLowerCase()]).toBe("referral.delivered");
    expect(request!.headers[WEBHOOK_HEADERS.signature.toLowerCase()]).toMatch(/^v1=[0-9a-f]{64}$/);
    const payload = ReferralWebhookPayloadSchema.parse(JSON.parse(request!.body));
    expect(payload).toMatchObject({
      event: "referral.delivered",
      version: 1,
      referral: { id: referralId, agencyCode: "NL-NP" },
      object: {
        ref: h.fixtures.published.ref,
        category: "textile_or_pattern",
        title: "Striped curtain",
      },
    });
    expect(payload.tips.map((t) => t.id).sort()).toEqual([...tipIds].sort());
    expect(payload.tips[0]).toMatchObject({
      country: "NL",
      language: "en",
      confidence: "think_so",
      brandOrProduct: "KORVA",
      evidenceLinks: ["https://example.org/market"],
      text: TIP_TEXT,
    });
    expect(request!.body).not.toContain(CONTACT_CIPHERTEXT);
    expect(request!.body).not.toMatch(/receipt|contact/i);
    expect(await referralRow(referralId)).toMatchObject({ status: "delivered" });
    // Nothing of the payload reaches the logs.
    expect(h.logs.join("\n")).not.toContain(TIP_TEXT);
  });

  it("retries while the receiver is down and delivers once it is up", async () => {
    const port = receiver.port;
    await receiver.stop();
    try {
      const { referralId, idempotencyKey } = await referral();
      const worker = newWorker();
      expect((await worker.runOnce())[0]!.outcome).toBe("retry");
      const failed = await job(idempotencyKey);
      expect(failed).toMatchObject({
        attempts: 1,
        processedAt: null,
        deadAt: null,
        lockedBy: null,
      });
      expect(failed.lastError).toMatch(/^network error/);
      // Not due before its backoff has passed (at most base × 2^0 for the first retry).
      expect(failed.availableAt.getTime()).toBeGreaterThan(Date.now() + offsetMs);
      expect(await worker.runOnce()).toEqual([]);
      expect(await referralRow(referralId)).toMatchObject({ status: "pending" });

      await receiver.start(port);
      advance(BACKOFF.baseMs);
      expect((await worker.runOnce())[0]!.outcome).toBe("done");
      expect(await referralRow(referralId)).toMatchObject({ status: "delivered" });
      expect(receiver.processed.get(idempotencyKey)).toBe(1);
    } finally {
      if (!receiver.isListening) await receiver.start(port);
    }
  });

  it("retries a 500 with exponential backoff, keeping only the status as the error", async () => {
    receiver.answer = ({ seen }) => ({ status: seen < 2 ? 500 : 200 });
    const { referralId, idempotencyKey } = await referral();
    const worker = newWorker();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      const before = Date.now() + offsetMs;
      expect((await worker.runOnce())[0]!.outcome).toBe("retry");
      const failed = await job(idempotencyKey);
      expect(failed.lastError).toBe("HTTP 500");
      delays.push(failed.availableAt.getTime() - before);
      advance(BACKOFF.maxMs);
    }
    // Full jitter at its top: about 1 s, then about 2 s.
    expect(delays[0]).toBeGreaterThan(900);
    expect(delays[0]).toBeLessThan(1_500);
    expect(delays[1]).toBeGreaterThan(1_900);
    expect(delays[1]).toBeLessThan(2_500);
    expect((await worker.runOnce())[0]!.outcome).toBe("done");
    expect(receiver.requestsFor(idempotencyKey).map((r) => r.status)).toEqual([500, 500, 200]);
    expect(receiver.requestsFor(idempotencyKey).map((r) => r.attempt)).toEqual(["1", "2", "3"]);
    expect(await referralRow(referralId)).toMatchObject({ status: "delivered" });
    // The receiver's answer echoed the payload: none of it is stored.
    expect((await job(idempotencyKey)).lastError).toBe("HTTP 500");
  });

  it("gives up on a receiver slower than the timeout, and the retry is acknowledged once", async () => {
    receiver.answer = ({ seen }) => ({ status: 200, delayMs: seen === 0 ? TIMEOUT_MS * 3 : 0 });
    const { referralId, idempotencyKey } = await referral();
    const worker = newWorker();
    const started = Date.now();
    expect((await worker.runOnce())[0]!.outcome).toBe("retry");
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 3);
    expect((await job(idempotencyKey)).lastError).toBe(`timeout after ${TIMEOUT_MS} ms`);
    expect(await referralRow(referralId)).toMatchObject({ status: "pending" });

    advance(BACKOFF.maxMs);
    expect((await worker.runOnce())[0]!.outcome).toBe("done");
    expect(receiver.requestsFor(idempotencyKey)).toHaveLength(2);
    // The receiver had processed the first (slow) request; the retry carried the same key.
    expect(receiver.processed.get(idempotencyKey)).toBe(1);
    expect(await referralRow(referralId)).toMatchObject({ status: "delivered" });
  });

  it("dead-letters after the last attempt; a coordinator sees it and redelivers it", async () => {
    receiver.answer = () => ({ status: 503 });
    const { referralId, idempotencyKey } = await referral();
    const worker = newWorker({ maxAttempts: 3 });
    expect((await worker.runOnce())[0]!.outcome).toBe("retry");
    advance(BACKOFF.maxMs);
    expect((await worker.runOnce())[0]!.outcome).toBe("retry");
    advance(BACKOFF.maxMs);
    expect((await worker.runOnce())[0]!.outcome).toBe("dead");
    advance(BACKOFF.maxMs * 10);
    expect(await worker.runOnce()).toEqual([]);
    const dead = await job(idempotencyKey);
    expect(dead).toMatchObject({ attempts: 3, lastError: "HTTP 503", deadAt: expect.any(Date) });
    const audit = await listAuditEvents(h.deps.database.db);
    expect(audit.at(-1)).toMatchObject({
      action: "delivery.dead_lettered",
      entityType: "delivery",
      entityId: String(dead.id),
      reason: "referral.deliver: HTTP 503 (attempt 3)",
    });

    const coordinator = await loginAs(h, "coordinator");
    const list = await call<{ items: unknown[]; total: number }>(
      h.staffApp,
      "query",
      "deliveries.deadLetters",
      undefined,
      { cookie: coordinator },
    );
    expect(list.status).toBe(200);
    expect(list.body.result!.data).toEqual({
      total: 1,
      items: [
        {
          id: dead.id,
          topic: "referral.deliver",
          attempts: 3,
          lastError: "HTTP 503",
          createdAt: expect.any(String),
          deadAt: dead.deadAt!.toISOString(),
          referral: {
            id: referralId,
            agency: { id: webhookAgencyId, code: "NL-NP", name: "NL-NP — test agency" },
          },
        },
      ],
    });
    const summary = await call<{ topic: string; dead: number; pending: number }[]>(
      h.staffApp,
      "query",
      "deliveries.summary",
      undefined,
      { cookie: coordinator },
    );
    expect(summary.body.result!.data).toEqual([
      expect.objectContaining({ topic: "referral.deliver", dead: 1, pending: 0 }),
    ]);

    // Analysts follow referrals but do not manage deliveries.
    const analyst = await loginAs(h, "analyst");
    const refused = await call(
      h.staffApp,
      "mutation",
      "deliveries.redeliver",
      { jobId: dead.id },
      {
        cookie: analyst,
      },
    );
    expect(refused.status).toBe(403);

    receiver.answer = () => ({ status: 200 });
    const redeliver = (jobId: number) =>
      call<{ id: number }>(
        h.staffApp,
        "mutation",
        "deliveries.redeliver",
        { jobId },
        {
          cookie: coordinator,
        },
      );
    const res = await redeliver(dead.id);
    expect(res.status).toBe(200);
    expect((await listAuditEvents(h.deps.database.db)).at(-1)).toMatchObject({
      action: "delivery.redelivered",
      actorId: h.fixtures.users.coordinator.id,
      entityId: String(dead.id),
    });
    expect(await job(idempotencyKey)).toMatchObject({ attempts: 0, deadAt: null });
    // Redelivering what is already on its way is refused, and changes nothing.
    expect((await redeliver(dead.id)).body.error!.data.appCode).toBe("delivery_not_dead");
    expect((await redeliver(987_654)).status).toBe(404);

    expect((await worker.runOnce())[0]!.outcome).toBe("done");
    expect(await referralRow(referralId)).toMatchObject({ status: "delivered" });
    expect((await redeliver(dead.id)).status).toBe(409);
  });

  it("dead-letters at once a job whose referral does not exist", async () => {
    const { referralId, idempotencyKey } = await referral();
    await h.deps.database.db
      .update(schema.outbox)
      .set({ payload: { referralId: "00000000-0000-4000-8000-000000000000" } })
      .where(eq(schema.outbox.idempotencyKey, idempotencyKey));
    expect((await newWorker().runOnce())[0]!.outcome).toBe("dead");
    expect(await job(idempotencyKey)).toMatchObject({
      attempts: 1,
      lastError: "referral not found",
    });
    expect(await referralRow(referralId)).toMatchObject({ status: "pending" });
  });

  it("does not send a referral again once it is past pending", async () => {
    const { referralId, idempotencyKey } = await referral();
    await h.deps.database.db
      .update(schema.referrals)
      .set({ status: "acknowledged" })
      .where(eq(schema.referrals.id, referralId));
    expect((await newWorker().runOnce())[0]!.outcome).toBe("done");
    expect(receiver.requestsFor(idempotencyKey)).toHaveLength(0);
    expect(await referralRow(referralId)).toMatchObject({ status: "acknowledged" });
  });

  it("retries an agency whose webhook has no secret yet, without sending anything", async () => {
    const agencyId = await insertWebhookAgency(h.deps.database.db, {
      code: "NL-NOSECRET",
      url: receiver.url,
      secret: null,
      key: h.deps.webhookEncryptionKey,
    });
    const { idempotencyKey } = await referral(agencyId);
    expect((await newWorker().runOnce())[0]!.outcome).toBe("retry");
    expect((await job(idempotencyKey)).lastError).toMatch(/webhook not configured/);
    expect(receiver.requestsFor(idempotencyKey)).toHaveLength(0);
  });

  it("takes over a job whose worker died once its lease runs out; the dead worker's late report changes nothing", async () => {
    const { referralId, idempotencyKey } = await referral();
    // A worker claims the job and dies without a word.
    const [claimed] = await claimOutboxJobs(h.deps.database.db, {
      topics: ["referral.deliver"],
      workerId: "dead-worker",
      now: new Date(Date.now() + offsetMs),
      leaseMs: LEASE_MS,
      limit: 1,
    });
    expect(claimed).toMatchObject({ idempotencyKey, attempts: 1 });
    const worker = newWorker({ workerId: "live-worker" });
    expect(await worker.runOnce()).toEqual([]);
    advance(LEASE_MS + 1);
    expect(await worker.runOnce()).toEqual([
      { id: claimed!.id, topic: "referral.deliver", outcome: "done" },
    ]);
    expect(await job(idempotencyKey)).toMatchObject({ attempts: 2, lockedBy: null });
    expect(await referralRow(referralId)).toMatchObject({ status: "delivered" });
  });

  it("dead-letters without running a job whose every attempt killed its worker", async () => {
    const { idempotencyKey } = await referral();
    for (let i = 0; i < 2; i++) {
      await claimOutboxJobs(h.deps.database.db, {
        topics: ["referral.deliver"],
        workerId: `crashing-worker-${i}`,
        now: new Date(Date.now() + offsetMs),
        leaseMs: LEASE_MS,
        limit: 1,
      });
      advance(LEASE_MS + 1);
    }
    expect((await newWorker({ maxAttempts: 2 }).runOnce())[0]!.outcome).toBe("dead");
    expect(receiver.requestsFor(idempotencyKey)).toHaveLength(0);
    expect((await job(idempotencyKey)).lastError).toBe("ran out of attempts (worker lost)");
  });

  it("stops gracefully: a delivery in flight finishes before stop() resolves", async () => {
    receiver.answer = () => ({ status: 200, delayMs: 250 });
    const { referralId } = await referral();
    const worker = newWorker();
    worker.start();
    await waitFor(() =>
      receiver.requests.some((r) => r.status === 200 && r.body.includes(referralId)),
    );
    await worker.stop();
    expect(await referralRow(referralId)).toMatchObject({ status: "delivered" });
  });

  it("on stop past its grace period, gives the job back without counting the attempt", async () => {
    receiver.answer = ({ seen }) => ({ status: 200, delayMs: seen === 0 ? TIMEOUT_MS - 50 : 0 });
    const { referralId, idempotencyKey } = await referral();
    const worker = newWorker();
    worker.start();
    await waitFor(() => receiver.requestsFor(idempotencyKey).length > 0);
    await worker.stop({ graceMs: 20 });
    expect(await job(idempotencyKey)).toMatchObject({
      attempts: 0,
      lockedBy: null,
      processedAt: null,
      lastError: null,
    });
    expect(await referralRow(referralId)).toMatchObject({ status: "pending" });
    expect((await newWorker().runOnce())[0]!.outcome).toBe("done");
  });

  it("the polling loop delivers many referrals on its own", async () => {
    const created = await Promise.all(Array.from({ length: 6 }, () => referral()));
    const worker = newWorker();
    worker.start();
    await waitFor(async () => {
      const rows = await Promise.all(created.map((r) => referralRow(r.referralId)));
      return rows.every((r) => r.status === "delivered");
    });
    await worker.stop();
    const keys = created.map((r) => r.idempotencyKey);
    for (const key of keys) expect(receiver.requestsFor(key)).toHaveLength(1);
    expect(receiver.concurrentDuplicates.filter((key) => keys.includes(key))).toEqual([]);
  });
});

describe("retry delays (full jitter)", () => {
  it.each([
    [1, 0, 0],
    [1, 0.5, 500],
    [3, 0.999, 3_996],
    [4, 0.999, 7_992],
    [10, 0.999, 9_990],
    [1_000, 0.5, 5_000],
  ])("attempt %i with random %d waits %i ms", (attempt, random, expected) => {
    expect(retryDelayMs(attempt, { baseMs: 1_000, maxMs: 10_000 }, () => random)).toBe(expected);
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}
