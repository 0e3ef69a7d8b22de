import { randomBytes, randomInt } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, schema, type Database } from "@trace/db";
import {
  createFreshDatabase,
  killSpawned,
  mapConcurrently,
  solvedSignals,
  startApi as startProcess,
  submitTip,
} from "./processes";
import { expectStoredTipsComplete } from "./stored-tips";

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
const TIPS = 500;
const CONCURRENCY = 50;

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  await killSpawned();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The API with an allowance for this test's sends, all from one loopback sender. */
const startApi = (env: Record<string, string | undefined>) =>
  startProcess({ ...env, RATE_LIMIT_TIP_SUBMISSIONS: `${TIPS * 2}/10m` });

describe("SIGKILL of the API during 500 concurrent tip submissions", () => {
  it.skipIf(!adminUrl)(
    "[postgres] every acknowledged tip survives, complete; none is half-written; retries with their keys make no second tip",
    async () => {
      const { url: databaseUrl, drop } = await createFreshDatabase(adminUrl!);
      cleanups.push(drop);
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
    await expectStoredTipsComplete(database.db, receipts, TIPS + 1);
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
