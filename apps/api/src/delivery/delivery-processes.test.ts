import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { inArray, isNull, sql } from "drizzle-orm";
import { createDb, schema, type Database } from "@trace/db";
import { loadEnv } from "../env";
import { TestReceiver } from "./test-receiver";
import { insertTestReferral, insertWebhookAgency } from "./test-referrals";

/**
 * The standalone worker as separate processes against PostgreSQL: killed mid-delivery, and two
 * at once. Needs several connections, so PostgreSQL only (embedded PGlite serves one process).
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const API_DIR = resolve(import.meta.dirname, "../..");
const SECRET = "whsec_test-secret-for-the-process-tests-00000000";
const LEASE_MS = 3_000;
const keys = { RECEIPT_HASH_KEY: "1".repeat(64), CONTACT_ENCRYPTION_KEY: "2".repeat(64) };

interface WorkerProcess {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

describe.skipIf(!adminUrl)("outbox worker processes [postgres]", () => {
  const dbName = `trace_test_${randomBytes(6).toString("hex")}`;
  let databaseUrl: string;
  let database: Database;
  let receiver: TestReceiver;
  let agencyId: string;
  const running: WorkerProcess[] = [];

  const admin = async (statement: string) => {
    const server = await createDb({ url: adminUrl, poolSize: 1 });
    try {
      await server.db.execute(sql.raw(statement));
    } finally {
      await server.close();
    }
  };

  function startWorker(): WorkerProcess {
    // Node itself with tsx's loader: the tsx CLI runs the script in a child process, which a
    // SIGKILL of the CLI would leave running.
    const child = spawn(process.execPath, ["--import", "tsx", "src/commands/worker.ts"], {
      cwd: API_DIR,
      env: {
        ...process.env,
        ...keys,
        NODE_ENV: "test",
        DATABASE_URL: databaseUrl,
        DATA_DIR: mkdtempSync(join(tmpdir(), "trace-worker-")),
        LOG_LEVEL: "info",
        OUTBOX_CONCURRENCY: "4",
        OUTBOX_POLL_INTERVAL_MS: "50",
        OUTBOX_LEASE_MS: String(LEASE_MS),
        OUTBOX_MAX_ATTEMPTS: "20",
        OUTBOX_BACKOFF_BASE_MS: "100",
        OUTBOX_BACKOFF_MAX_MS: "400",
        WEBHOOK_TIMEOUT_MS: "1000",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output: string[] = [];
    child.stdout!.on("data", (chunk) => output.push(String(chunk)));
    child.stderr!.on("data", (chunk) => output.push(String(chunk)));
    const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
    const worker = { child, output, exited };
    running.push(worker);
    return worker;
  }

  const hasLogged = (worker: WorkerProcess, message: string) =>
    worker.output.join("").includes(`"msg":"${message}"`);
  const jobsDone = (worker: WorkerProcess) =>
    worker.output
      .join("")
      .split("\n")
      .filter((l) => l.includes('"msg":"job done"')).length;

  const createReferrals = (count: number) =>
    Promise.all(
      Array.from({ length: count }, () =>
        insertTestReferral(database.db, { agencyId, objectId: null, createdById: null }),
      ),
    );

  const undelivered = async (referralIds: string[]) => {
    const rows = await database.db
      .select({ status: schema.referrals.status })
      .from(schema.referrals)
      .where(inArray(schema.referrals.id, referralIds));
    return rows.filter((r) => r.status !== "delivered").length;
  };

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${dbName}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    database = await createDb({ url: databaseUrl, poolSize: 4 });
    await database.migrate();
    receiver = await new TestReceiver(SECRET).start();
    agencyId = await insertWebhookAgency(database.db, {
      code: "NL-NP",
      url: receiver.url,
      secret: SECRET,
      // The key the worker process derives from the same configuration.
      key: loadEnv({ ...keys, DATA_DIR: mkdtempSync(join(tmpdir(), "trace-env-")) })
        .webhookEncryptionKey,
    });
  });
  afterEach(async () => {
    for (const worker of running.splice(0)) {
      if (worker.child.exitCode === null && worker.child.signalCode === null)
        worker.child.kill("SIGKILL");
      await worker.exited;
    }
  });
  afterAll(async () => {
    await receiver?.stop();
    await database?.close();
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  });

  it("a worker killed mid-delivery: after a restart every referral is delivered, each key processed once", async () => {
    // Slow answers (within the worker's 1 s timeout), so the kill finds deliveries that the
    // receiver has processed but not yet answered.
    receiver.answer = () => ({ status: 200, delayMs: 800 });
    const referrals = await createReferrals(12);
    const first = startWorker();
    await waitFor(() => receiver.inFlightCount >= 2, 30_000);
    first.child.kill("SIGKILL");
    const cutOff = new Set(referrals.map((r) => r.idempotencyKey).filter(isInFlight));
    expect(await first.exited).toBeNull();
    expect(cutOff.size).toBeGreaterThan(0);
    expect(await undelivered(referrals.map((r) => r.referralId))).toBeGreaterThan(0);

    receiver.answer = () => ({ status: 200 });
    const second = startWorker();
    await waitFor(
      async () => (await undelivered(referrals.map((r) => r.referralId))) === 0,
      45_000,
    );

    for (const { idempotencyKey } of referrals) {
      expect(receiver.processed.get(idempotencyKey)).toBe(1);
      expect(receiver.requestsFor(idempotencyKey).every((r) => r.isVerified)).toBe(true);
    }
    // The deliveries cut off by the kill were sent again (after the lease ran out) and
    // acknowledged as already processed.
    for (const key of cutOff) expect(receiver.requestsFor(key).length).toBeGreaterThanOrEqual(2);
    const open = await database.db
      .select({ id: schema.outbox.id })
      .from(schema.outbox)
      .where(isNull(schema.outbox.processedAt));
    expect(open).toEqual([]);

    // A graceful stop on SIGTERM.
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  });

  it("two workers at once never deliver the same referral twice, nor at the same time", async () => {
    receiver.answer = () => ({ status: 200, delayMs: 60 });
    const before = receiver.requests.length;
    const workers = [startWorker(), startWorker()];
    await waitFor(() => workers.every((w) => hasLogged(w, "outbox worker started")), 30_000);
    const referrals = await createReferrals(40);
    await waitFor(
      async () => (await undelivered(referrals.map((r) => r.referralId))) === 0,
      45_000,
    );

    const keys = referrals.map((r) => r.idempotencyKey);
    for (const key of keys) expect(receiver.requestsFor(key)).toHaveLength(1);
    expect(receiver.requests.length - before).toBe(keys.length);
    expect(receiver.concurrentDuplicates.filter((k) => keys.includes(k))).toEqual([]);
    // Both took part, and between them did each job once (their logs may lag the database).
    const total = () => workers.map(jobsDone).reduce((a, b) => a + b);
    await waitFor(() => total() >= keys.length, 10_000);
    expect(total()).toBe(keys.length);
    expect(workers.map(jobsDone).every((n) => n > 0)).toBe(true);
    for (const worker of workers) worker.child.kill("SIGTERM");
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
  });

  /** Received (and processed) but not yet answered. */
  function isInFlight(key: string): boolean {
    return receiver.inFlightKeys.has(key);
  }
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}
