import { randomBytes, randomInt } from "node:crypto";
import { lt, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDb, schema } from "@trace/db";
import { messagesFor } from "../nojs/messages";
import { hashReceipt } from "../services/secrets";
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from "../trpc/errors";
import {
  killSpawned,
  loggedLines,
  mapConcurrently,
  RECEIPT_HASH_KEY,
  sendTip,
  solvedSignals,
  startApi,
  waitFor,
  type ApiProcess,
  type Signals,
} from "./processes";
import { expectStoredTipsComplete } from "./stored-tips";
import {
  startThrowawayPostgres,
  throwawayPostgresUnavailable,
  type ThrowawayPostgres,
} from "./throwaway-postgres";

/**
 * PostgreSQL stopped under a real API process while tipsters send tips at once: stopped
 * `immediate` (every backend killed mid-transaction, as a crash of the server would), kept down
 * while they go on sending, then started again. Every answer while it is down is 503 with a
 * Retry-After and a clear error, never a 500 and never a receipt; each tipster sends again with
 * the same idempotency key after a 503, as the site's form does, and in the end has exactly one
 * receipt for exactly one stored, complete tip; the API, never restarted, answers again within a
 * bounded time once the server is back. The server is one of this file's own (./throwaway-
 * postgres.ts): the shared one of TEST_DATABASE_URL is never stopped.
 */
const TIPSTERS = 300;
const CONCURRENCY = 30;
/** How long the server stays down once stopped, while the tipsters keep sending. */
const DOWN_MS = 3_000;
/** From the server accepting connections again to the API answering; generous for a busy CI. */
const RECOVERY_BOUND_MS = 15_000;

type Phase = "up" | "stopping" | "down" | "starting" | "back";

interface Attempt {
  tipster: number;
  startedIn: Phase;
  endedIn: Phase;
  status: number;
  retryAfter: string | null;
  errorCode: unknown;
  message: string | null;
  receiptCode: string | null;
  endedAt: number;
}

const unavailable = throwawayPostgresUnavailable();
if (unavailable) {
  // A clear word in the output rather than a silent skip.
  process.stdout.write(
    `postgres-stop: skipped, no PostgreSQL server can be made here: ${unavailable}\n`,
  );
}

let server: ThrowawayPostgres;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  if (unavailable) return;
  server = await startThrowawayPostgres();
});

afterEach(async () => {
  await killSpawned();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await server?.destroy();
});

describe.skipIf(unavailable !== null)("PostgreSQL stopped during tip submissions", () => {
  it("503 with a retry hint while it is down, never a receipt for a tip not stored; one tip per key; the API recovers by itself", async () => {
    const api = await startApi({
      DATABASE_URL: server.url,
      // Every attempt counts against the sender's allowance, and all of these come from one.
      RATE_LIMIT_TIP_SUBMISSIONS: "100000/10m",
      // The in-process outbox worker polls the database throughout: it must not take the
      // process down with it either.
      OUTBOX_WORKER: "true",
    });
    const keys = Array.from({ length: TIPSTERS }, () => randomBytes(24).toString("base64url"));
    // Solved first (no database work), so the stop lands among the writes.
    const signals = await mapConcurrently(
      Array.from({ length: TIPSTERS }, (_, i) => i),
      CONCURRENCY,
      () => solvedSignals(api.publicUrl),
    );

    let phase: Phase = "up";
    const attempts: Attempt[] = [];
    const receipts: (string | null)[] = new Array(TIPSTERS).fill(null);
    const stopAfter = randomInt(40, 101);
    let receiptsSoFar = 0;
    const outage: { run: Promise<Outage> | null } = { run: null };
    let giveUpAt = Date.now() + 40_000;

    /** A tipster sends until a receipt comes back, again after each 503, with the same key. */
    const tipster = async (i: number) => {
      for (;;) {
        const attempt = await attemptTip(api, i, signals[i]!, keys[i]!, () => phase);
        attempts.push(attempt);
        if (attempt.receiptCode) {
          receipts[i] = attempt.receiptCode;
          receiptsSoFar += 1;
          if (receiptsSoFar === stopAfter) {
            outage.run = runOutage(api, attempt.receiptCode, (p) => (phase = p));
            // A failed outage (the server would not start again) stops the tipsters; its
            // error is thrown below.
            outage.run.catch(() => (giveUpAt = 0));
          }
          return;
        }
        // Anything but a 503 is a failure, reported below with the rest.
        if (attempt.status !== 503 || Date.now() > giveUpAt) return;
        // Retry-After says 5 s; a tipster in a hurry presses "send" again sooner.
        await new Promise((r) => setTimeout(r, 100 + randomInt(150)));
      }
    };
    await mapConcurrently(
      Array.from({ length: TIPSTERS }, (_, i) => i),
      CONCURRENCY,
      tipster,
    );
    expect(outage.run, "the burst ended before the stop").not.toBeNull();
    const { probes, stopRequestedAt, restartedAt, healthzRecoveredAt } = await outage.run!;

    // Every answer is a receipt or a 503 with a retry hint and a clear error: no 500, ever.
    const byStatus = countBy(attempts, (a) => a.status);
    expect(Object.keys(byStatus).sort()).toEqual(["200", "503"]);
    for (const a of attempts.filter((x) => x.status === 503)) {
      expect(a.retryAfter).toMatch(/^[1-9]\d*$/);
      expect(a.errorCode).toBe("SERVICE_UNAVAILABLE");
      expect(a.message).toBe(UNAVAILABLE_MESSAGE);
      expect(a.receiptCode).toBeNull();
    }
    // While the server was down, nothing but 503: no receipt for a tip that could not be stored.
    const whileDown = attempts.filter((a) => a.startedIn === "down" && a.endedIn === "down");
    expect(whileDown.length).toBeGreaterThan(CONCURRENCY);
    expect(whileDown.every((a) => a.status === 503)).toBe(true);
    // The other routes said the same while it was down.
    const en = messagesFor("en");
    for (const probe of probes) {
      expect(probe.status, probe.name).toBe(503);
      expect(probe.retryAfter, probe.name).toMatch(/^[1-9]\d*$/);
      if (probe.name.includes("trpc"))
        expect(JSON.parse(probe.body).error.data.code, probe.name).toBe("SERVICE_UNAVAILABLE");
    }
    expect(probes.find((p) => p.name === "page without JavaScript")!.body).toContain(
      en.common.unavailable(),
    );

    // Every tipster has its receipt, its own; the ones refused with 503 sent again with their key.
    expect(receipts.every((r) => r !== null)).toBe(true);
    expect(new Set(receipts).size).toBe(TIPSTERS);
    const retried = new Set(attempts.filter((a) => a.status === 503).map((a) => a.tipster));
    expect(retried.size).toBeGreaterThanOrEqual(CONCURRENCY);

    // Back without a restart, within the bound: the same process answers health checks and tips.
    const firstReceiptBack = Math.min(
      ...attempts.filter((a) => a.startedIn === "back" && a.status === 200).map((a) => a.endedAt),
    );
    const healthzRecoveryMs = healthzRecoveredAt - restartedAt;
    const submitRecoveryMs = firstReceiptBack - restartedAt;
    expect(healthzRecoveryMs).toBeLessThanOrEqual(RECOVERY_BOUND_MS);
    expect(submitRecoveryMs).toBeLessThanOrEqual(RECOVERY_BOUND_MS);
    expect(api.child.exitCode).toBeNull();
    expect(api.child.signalCode).toBeNull();
    // Refusals are warnings; nothing failed as a bug would. Idle connections lost to the stop
    // are reported once, not once per connection or request.
    expect(loggedLines(api, "procedure failed")).toEqual([]);
    expect(loggedLines(api, "unhandled error")).toEqual([]);
    expect(loggedLines(api, "database connection lost").length).toBeLessThanOrEqual(1);

    const database = await createDb({ url: server.url, poolSize: 2 });
    cleanups.push(() => database.close());
    const auditEvents = await expectStoredTipsComplete(database.db, receipts as string[], TIPSTERS);
    // Tips stored by a commit whose answer the stop cut off: their tipsters' first send got a
    // 503, and their retry got the stored tip's receipt rather than a second tip.
    const received = await database.db
      .select({ receiptHash: schema.tips.receiptHash, receivedAt: schema.tips.receivedAt })
      .from(schema.tips)
      .where(lt(schema.tips.receivedAt, new Date(stopRequestedAt)));
    const storedEarly = new Set(received.map((t) => t.receiptHash));
    const key = Buffer.from(RECEIPT_HASH_KEY, "hex");
    const answeredOnRetry = [...retried].filter((i) =>
      storedEarly.has(hashReceipt(key, receipts[i]!)),
    ).length;

    process.stdout.write(
      `postgres-stop: stopped after ${stopAfter} receipts; ${attempts.length} sends ` +
        `(${byStatus[200]} receipts, ${byStatus[503]} answered 503, ${whileDown.length} of them ` +
        `while down); ${retried.size} tipsters sent again after a 503, ${answeredOnRetry} of ` +
        `them for a tip stored before the stop; recovered in ${healthzRecoveryMs} ms (healthz) ` +
        `and ${submitRecoveryMs} ms (first receipt) after the server was back; ` +
        `${auditEvents} audit events verified\n`,
    );
  }, 90_000);
});

describe.skipIf(unavailable !== null)("pooled connections cut by the server", () => {
  it("are reported once however many were cut, one held in a transaction included; the next query gets new ones", async () => {
    const lost: Error[] = [];
    let restored = 0;
    const database = await createDb({
      url: server.url,
      poolSize: 4,
      onConnectionLost: (error) => lost.push(error),
      onConnectionRestored: () => (restored += 1),
    });
    cleanups.push(() => database.close());
    const { db } = database;
    // Four connections at once, idle in the pool afterwards.
    await Promise.all([1, 2, 3, 4].map(() => db.execute(sql`select pg_sleep(0.05)`)));
    // One of them handed out to a transaction, between two of its queries: the pool itself
    // does not listen for that connection's errors.
    let resume!: () => void;
    const paused = new Promise<void>((r) => (resume = r));
    cleanups.push(() => resume());
    let began!: () => void;
    const hasBegun = new Promise<void>((r) => (began = r));
    const transaction = db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      began();
      await paused;
      await tx.execute(sql`select 1`);
    });
    const settled = transaction.then(
      () => null,
      (error: unknown) => error,
    );
    await hasBegun;

    const admin = await createDb({ url: server.url, poolSize: 1 });
    cleanups.push(() => admin.close());
    const others = rowsOf<{ pid: number }>(
      await admin.db.execute(sql`
        select pid from pg_stat_activity
        where backend_type = 'client backend' and pid <> pg_backend_pid()`),
    );
    expect(others).toHaveLength(4);
    for (const { pid } of others) await admin.db.execute(sql`select pg_terminate_backend(${pid})`);
    await waitFor(() => lost.length > 0, 5_000);
    // Every cut connection has had its word by now: four of them, told once.
    await new Promise((r) => setTimeout(r, 200));
    resume();
    // The transaction's next query, on its connection already known to be cut, fails as the API
    // answers with 503, not as a bug.
    const failure = await settled;
    expect(failure).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(failure)).toBe(true);
    expect(lost).toHaveLength(1);
    expect(isDatabaseUnavailable(lost[0])).toBe(true);
    expect(restored).toBe(0);

    expect(rowsOf(await db.execute(sql`select 1 as one`))).toEqual([{ one: 1 }]);
    expect(restored).toBe(1);
  });
});

interface Probe {
  name: string;
  status: number;
  retryAfter: string | null;
  body: string;
}

interface Outage {
  probes: Probe[];
  stopRequestedAt: number;
  restartedAt: number;
  healthzRecoveredAt: number;
}

/**
 * Stops the server mid-burst, asks the other routes while it is down, starts it again and waits
 * for the API's health check to say so.
 */
async function runOutage(
  api: ApiProcess,
  knownReceipt: string,
  setPhase: (phase: Phase) => void,
): Promise<Outage> {
  setPhase("stopping");
  const stopRequestedAt = Date.now();
  await server.stop("immediate");
  setPhase("down");
  const downSince = Date.now();
  const probes = await probeWhileDown(api, knownReceipt);
  await new Promise((r) => setTimeout(r, Math.max(0, DOWN_MS - (Date.now() - downSince))));
  setPhase("starting");
  await server.start();
  const restartedAt = Date.now();
  setPhase("back");
  await waitFor(
    () =>
      fetch(`${api.publicUrl}/healthz`)
        .then((res) => res.status === 200)
        .catch(() => false),
    RECOVERY_BOUND_MS * 2,
  );
  return { probes, stopRequestedAt, restartedAt, healthzRecoveredAt: Date.now() };
}

/** The health checks, a receipt look-up, a page without JavaScript and a staff session check. */
async function probeWhileDown(api: ApiProcess, knownReceipt: string): Promise<Probe[]> {
  const probe = async (name: string, url: string, init?: RequestInit): Promise<Probe> => {
    const res = await fetch(url, init);
    return {
      name,
      status: res.status,
      retryAfter: res.headers.get("Retry-After"),
      body: await res.text(),
    };
  };
  return [
    await probe("public healthz", `${api.publicUrl}/healthz`),
    await probe("staff healthz", `${api.staffUrl}/healthz`),
    await probe("trpc tips.status", `${api.publicUrl}/trpc/tips.status`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ receiptCode: knownReceipt }),
    }),
    await probe("page without JavaScript", `${api.publicUrl}/en/basic`),
    // The session is read before any procedure runs.
    await probe("staff trpc auth.me with a session cookie", `${api.staffUrl}/trpc/auth.me`, {
      headers: { cookie: `trace_session=${randomBytes(32).toString("base64url")}` },
    }),
  ];
}

async function attemptTip(
  api: ApiProcess,
  tipster: number,
  signals: Signals,
  key: string,
  phase: () => Phase,
): Promise<Attempt> {
  const startedIn = phase();
  const { status, headers, body } = await sendTip(api.publicUrl, tipster, signals, key).catch(
    (error: unknown) => {
      // The API must stay up: if it went down, say why.
      throw new Error(
        `no answer from the API: ${String(error)}\n${api.output.join("").slice(-6000)}`,
      );
    },
  );
  return {
    tipster,
    startedIn,
    endedIn: phase(),
    status,
    retryAfter: headers.get("Retry-After"),
    errorCode: body.error?.data.code,
    message: body.error?.message ?? null,
    receiptCode: body.result?.data.receiptCode ?? null,
    endedAt: Date.now(),
  };
}

/** The rows of a raw query (the executor's type leaves its result open: both engines have rows). */
function rowsOf<T = unknown>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

function countBy<T>(items: T[], key: (item: T) => string | number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
