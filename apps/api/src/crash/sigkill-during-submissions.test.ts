import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { count, eq, inArray, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, schema, verifyAuditChain, type Database } from "@trace/db";
import { hashReceipt } from "../services/secrets";

/**
 * The API process SIGKILLed while 500 tips are being sent at once, then restarted on the same
 * database: every tip whose receipt reached its sender is there, complete (tip, status history,
 * `tip.submitted` audit event, spent proof of work), and no tip exists half-written. Then every
 * send that got no answer is repeated with its idempotency key, as the site's form does: each
 * gets a receipt, and a tip stored before the kill whose answer was lost is not stored twice.
 * On PostgreSQL (with TEST_DATABASE_URL) and on embedded PGlite, whose data directory the kill
 * leaves mid-write.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const API_DIR = resolve(import.meta.dirname, "../..");
const RECEIPT_HASH_KEY = "3".repeat(64);
const TIPS = 500;
const CONCURRENCY = 50;

interface ApiProcess {
  child: ChildProcess;
  publicUrl: string;
  output: string[];
  exited: Promise<void>;
}

interface Signals {
  honeypot: string;
  formTicket: string;
  proofOfWork: string;
}

const running: ApiProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const api of running.splice(0)) {
    if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill("SIGKILL");
    await api.exited;
  }
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("SIGKILL of the API during 500 concurrent tip submissions", () => {
  it.skipIf(!adminUrl)(
    "[postgres] every acknowledged tip survives, complete; none is half-written; retries with their keys make no second tip",
    async () => {
      const dbName = `trace_test_${randomBytes(6).toString("hex")}`;
      await admin(`CREATE DATABASE ${dbName}`);
      cleanups.push(() => admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
      const url = new URL(adminUrl!);
      url.pathname = `/${dbName}`;
      const databaseUrl = url.toString();
      await crashAndCheck({ DATABASE_URL: databaseUrl }, () => createDb({ url: databaseUrl }));
    },
    90_000,
  );

  it("[pglite] every acknowledged tip survives, complete; none is half-written; retries with their keys make no second tip", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "trace-crash-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    // The API's own embedded database in DATA_DIR/pglite, whatever the shell has set.
    await crashAndCheck({ DATA_DIR: dataDir, DATABASE_URL: undefined }, () =>
      createDb({ dataDir: join(dataDir, "pglite") }),
    );
  }, 90_000);
});

if (!adminUrl) {
  // A clear word in the output rather than a silent skip.
  process.stdout.write(
    "sigkill-during-submissions: TEST_DATABASE_URL not set, the PostgreSQL case is skipped\n",
  );
}

async function crashAndCheck(
  dbEnv: Record<string, string | undefined>,
  openDatabase: () => Promise<Database>,
): Promise<void> {
  const dataDir = dbEnv.DATA_DIR ?? mkdtempSync(join(tmpdir(), "trace-crash-"));
  if (!dbEnv.DATA_DIR) cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { ...dbEnv, DATA_DIR: dataDir };

  const first = await startApi(env);
  const keys = Array.from({ length: TIPS + 1 }, () => randomBytes(24).toString("base64url"));
  // Challenges fetched and solved first, so the kill lands among the writes, not the reads.
  const signals = await mapConcurrently(
    Array.from({ length: TIPS }, (_, i) => i),
    CONCURRENCY,
    () => solvedSignals(first.publicUrl),
  );

  const killAfter = randomInt(100, 301);
  const receipts: string[] = [];
  /** The sends that got no answer: cut off by the kill, or never made. */
  const unanswered: number[] = [];
  let failures = 0;
  const errorsBeforeKill: string[] = [];
  let killed = false;
  await mapConcurrently(
    signals.map((s, i) => ({ s, i })),
    CONCURRENCY,
    async ({ s, i }) => {
      if (killed) {
        unanswered.push(i);
        return;
      }
      const code = await submitTip(first.publicUrl, i, s, keys[i]!).catch((error: unknown) => {
        // Cut off by the kill, or (before it) a real refusal, which fails the test.
        if (!killed) errorsBeforeKill.push(String(error));
        return null;
      });
      if (code === null) {
        failures += 1;
        unanswered.push(i);
        return;
      }
      receipts.push(code);
      if (!killed && receipts.length >= killAfter) {
        killed = true;
        first.child.kill("SIGKILL");
      }
    },
  );
  await first.exited;
  expect(errorsBeforeKill).toEqual([]);
  expect(first.child.signalCode).toBe("SIGKILL");
  expect(receipts.length).toBeGreaterThanOrEqual(killAfter);
  expect(receipts.length).toBeLessThan(TIPS);
  const acknowledgedBeforeKill = receipts.length;
  const storedBeforeKill = await countTips(openDatabase);

  // Restarted on the same database: it comes up, tipsters can check their receipts (the last
  // ones answered before the kill among them), and it takes a new tip.
  const second = await startApi(env);
  for (const code of [receipts[0]!, ...receipts.slice(-3)]) {
    const res = await fetch(`${second.publicUrl}/trpc/tips.status`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ receiptCode: code }),
    });
    expect(res.status).toBe(200);
  }
  const after = await submitTip(
    second.publicUrl,
    TIPS,
    await solvedSignals(second.publicUrl),
    keys[TIPS]!,
  );
  expect(after).toMatch(/\S/);
  receipts.push(after);
  // The senders left without an answer try again, with the same tip, signals and key.
  const resent = await mapConcurrently(unanswered, CONCURRENCY, (i) =>
    submitTip(second.publicUrl, i, signals[i]!, keys[i]!),
  );
  receipts.push(...resent);
  // One receipt per tip sent, each its own: a retry of a tip stored before the kill got that
  // tip's receipt, not a second tip.
  expect(new Set(receipts).size).toBe(TIPS + 1);
  // Stopped before the check: embedded PGlite has one process at a time.
  second.child.kill("SIGTERM");
  await second.exited;
  expect(second.child.exitCode).toBe(0);

  const database = await openDatabase();
  try {
    const { db } = database;
    const key = Buffer.from(RECEIPT_HASH_KEY, "hex");
    const hashes = receipts.map((code) => hashReceipt(key, code));
    const acknowledged = await db
      .select({ id: schema.tips.id, text: schema.tips.text, trust: schema.tips.trust })
      .from(schema.tips)
      .where(inArray(schema.tips.receiptHash, hashes));
    // Every receipt returned names a stored tip, a normal-trust one (its proof of work was valid).
    expect(acknowledged).toHaveLength(receipts.length);
    expect(
      acknowledged.every((t) => t.trust === "normal" && /^Crash test tip #\d+$/.test(t.text!)),
    ).toBe(true);

    const allTips = await db.select({ id: schema.tips.id }).from(schema.tips);
    expect(allTips.length).toBe(TIPS + 1);
    const tipIds = new Set(allTips.map((t) => t.id));
    const [keysKept] = await db.select({ n: count() }).from(schema.tipIdempotencyKeys);
    expect(keysKept!.n).toBe(TIPS + 1);

    // No half-written tip: each has exactly one `tip.submitted` event and its status history,
    // and no event names a tip that is not there.
    const submitted = await db
      .select({ entityId: schema.auditEvents.entityId })
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.action, "tip.submitted"));
    expect(submitted.map((e) => e.entityId).sort()).toEqual([...tipIds].sort());
    const history = await db.select({ tipId: schema.tipEvents.tipId }).from(schema.tipEvents);
    expect(history.map((e) => e.tipId).sort()).toEqual([...tipIds].sort());
    // Each tip spent its proof of work in its own transaction; no photos were sent.
    const [spent] = await db.select({ n: count() }).from(schema.spentProofsOfWork);
    expect(spent!.n).toBe(tipIds.size);
    const [photos] = await db.select({ n: count() }).from(schema.tipPhotos);
    expect(photos!.n).toBe(0);
    // Sending a tip announces nothing through the outbox (update if it starts to).
    const [outbox] = await db.select({ n: count() }).from(schema.outbox);
    expect(outbox!.n).toBe(0);

    expect(await verifyAuditChain(db)).toEqual({ verified: submitted.length, brokenAt: null });
    process.stdout.write(
      `sigkill-during-submissions [${database.engine}]: killed after ${killAfter} receipts; ` +
        `${acknowledgedBeforeKill} acknowledged, ${storedBeforeKill} stored before the restart ` +
        `(${storedBeforeKill - acknowledgedBeforeKill} of them answered only on a retry), ` +
        `${failures} requests cut off, ${unanswered.length} resent\n`,
    );
  } finally {
    await database.close();
  }
}

/** Read while no API runs: embedded PGlite has one process at a time. */
async function countTips(openDatabase: () => Promise<Database>): Promise<number> {
  const database = await openDatabase();
  try {
    const [tips] = await database.db.select({ n: count() }).from(schema.tips);
    return tips!.n;
  } finally {
    await database.close();
  }
}

async function startApi(dbEnv: Record<string, string | undefined>): Promise<ApiProcess> {
  const [publicPort, staffPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...dbEnv,
    NODE_ENV: "test",
    PUBLIC_PORT: String(publicPort),
    STAFF_PORT: String(staffPort),
    RECEIPT_HASH_KEY,
    CONTACT_ENCRYPTION_KEY: "4".repeat(64),
    SEED_DEMO_DATA: "false",
    OUTBOX_WORKER: "false",
    DEMO_WEBHOOK_RECEIVER: "false",
    LOG_LEVEL: "warn",
    // No built site needed: only /healthz and /trpc are used.
    PUBLIC_WEB_DIST: join(tmpdir(), "trace-crash-no-site"),
    STAFF_WEB_DIST: join(tmpdir(), "trace-crash-no-site"),
    RATE_LIMIT_TIP_SUBMISSIONS: `${TIPS * 2}/10m`,
    TIP_MIN_FILL_SECONDS: "0",
    TIP_PROOF_OF_WORK_COST: "1",
    TIP_PROOF_OF_WORK_MAX_COUNTER: "10",
  };
  if (dbEnv.DATABASE_URL === undefined) delete env.DATABASE_URL;
  // Node itself with tsx's loader: the tsx CLI runs the script in a child process, which a
  // SIGKILL of the CLI would leave running.
  const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
    cwd: API_DIR,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk) => output.push(String(chunk)));
  child.stderr!.on("data", (chunk) => output.push(String(chunk)));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const api = { child, publicUrl: `http://127.0.0.1:${publicPort}`, output, exited };
  running.push(api);
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the API exited (${child.exitCode ?? child.signalCode}):\n${output.join("")}`,
      );
    }
    const healthy = await fetch(`${api.publicUrl}/healthz`)
      .then((res) => res.ok)
      .catch(() => false);
    if (healthy) return api;
    if (Date.now() > deadline) throw new Error(`the API did not start:\n${output.join("")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What the site's form adds to a tip: a solved challenge, its form ticket, an empty honeypot. */
async function solvedSignals(publicUrl: string): Promise<Signals> {
  const res = await fetch(`${publicUrl}/trpc/tips.challenge`);
  const body = (await res.json()) as {
    result: { data: { challenge: Challenge; formTicket: string } };
  };
  const { challenge, formTicket } = body.result.data;
  const solution = await solveChallenge({ challenge, deriveKey });
  const proofOfWork = Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
  return { honeypot: "", formTicket, proofOfWork };
}

/** One POST per tip, as the site sends it; the receipt code, or a throw. */
async function submitTip(
  publicUrl: string,
  n: number,
  signals: Signals,
  idempotencyKey: string,
): Promise<string> {
  const res = await fetch(`${publicUrl}/trpc/tips.submit`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      answer: { country: "NL", confidence: "think_so" },
      text: `Crash test tip #${n}`,
      language: "en",
      ...signals,
      idempotencyKey,
    }),
  });
  const body = (await res.json()) as { result?: { data: { receiptCode: string } } };
  if (res.status !== 200 || !body.result) {
    throw new Error(`tips.submit answered ${res.status}: ${JSON.stringify(body)}`);
  }
  return body.result.data.receiptCode;
}

async function mapConcurrently<T, R>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

async function admin(statement: string): Promise<void> {
  const server = await createDb({ url: adminUrl, poolSize: 1 });
  try {
    await server.db.execute(sql.raw(statement));
  } finally {
    await server.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.once("error", rej);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => res(port));
    });
  });
}
