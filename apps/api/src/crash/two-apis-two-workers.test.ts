import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, insertStaffUser, schema, verifyAuditChain } from "@trace/db";
import { TestReceiver } from "../delivery/test-receiver";
import { insertWebhookAgency } from "../delivery/test-referrals";
import { loadEnv } from "../env";
import { encryptSecret, hashPassword, hashReceipt } from "../services/secrets";
import {
  CONTACT_ENCRYPTION_KEY,
  createFreshDatabase,
  killSpawned,
  loggedLines,
  mapConcurrently,
  RECEIPT_HASH_KEY,
  solvedSignals,
  staffLogin,
  startApi,
  startWorker,
  stopGracefully,
  submitTip,
  trpcCall,
  waitFor,
  type ApiProcess,
} from "./processes";

/**
 * Two API processes and two outbox workers on one PostgreSQL database, all writing at once:
 * tipsters send tips through both APIs (some sent again, with the same idempotency key, to the
 * other API, at the same moment or after the answer), while an analyst on each API triages the
 * tips and refers them to a webhook agency (some referrals sent to both APIs at the same moment),
 * and the two workers deliver the referrals. Afterwards: one tip per key with one receipt, every
 * acknowledged tip complete, the audit hash chain unforked although four processes appended to
 * it, every tip referred once, every referral delivered exactly once and never twice at the same
 * time, the outbox empty of open and dead jobs.
 *
 * The workers run as their own processes (`OUTBOX_WORKER=false` on the APIs), the deployment the
 * worker command is for: it keeps each process to one role, and makes the two claimants of the
 * outbox plainly two processes apart from the two APIs. PostgreSQL only: embedded PGlite serves
 * a single process, so this deployment cannot exist on it.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const TIPS = 300;
const SUBMIT_CONCURRENCY = 30;
/** Tips triaged at once by one analyst (one `triageMany`), then referred two by two. */
const TRIAGE_BATCH = 20;
const SECRET = "whsec_test-secret-for-the-two-api-test-000000000";
const CONTESTED_EVERY = 4;

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  await killSpawned();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

if (!adminUrl) {
  process.stdout.write(
    "two-apis-two-workers: TEST_DATABASE_URL not set, skipped (embedded PGlite serves one process)\n",
  );
}

interface Analyst {
  id: string;
  email: string;
  password: string;
  totpSecret: string;
}

describe.skipIf(!adminUrl)("[postgres] two API processes and two workers on one database", () => {
  it("tips, triage, referrals and deliveries at once: nothing lost, nothing doubled, one audit chain", async () => {
    const started = Date.now();
    const fresh = await createFreshDatabase(adminUrl!);
    cleanups.push(fresh.drop);
    const dataDir = mkdtempSync(join(tmpdir(), "trace-two-apis-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const database = await createDb({ url: fresh.url, poolSize: 4 });
    cleanups.push(() => database.close());
    const { db } = database;
    // Migrated here, so that the processes below start together on a ready schema.
    await database.migrate();

    const receiver = await new TestReceiver(SECRET).start();
    cleanups.push(() => receiver.stop());
    // A little latency, so that two deliveries of one key would overlap at the receiver.
    receiver.answer = () => ({ status: 200, delayMs: 30 });
    // The keys the processes derive from the same configuration.
    const keys = loadEnv({ RECEIPT_HASH_KEY, CONTACT_ENCRYPTION_KEY, DATA_DIR: dataDir });
    const agencyId = await insertWebhookAgency(db, {
      code: "NL-NP",
      url: receiver.url,
      secret: SECRET,
      key: keys.webhookEncryptionKey,
    });
    const analysts: Analyst[] = [];
    for (const name of ["a", "b"]) {
      const account = {
        email: `analyst-${name}@test.example`,
        password: `two-apis-password-${name}`,
        // One account per API: an account logs in once per 30-second TOTP step.
        totpSecret: `ANALYST${name.toUpperCase()}SECRETAAAAAAAAAAAAAAAAAA`.slice(0, 32),
      };
      const user = await insertStaffUser(db, {
        email: account.email,
        displayName: `Analyst ${name}`,
        role: "analyst",
        agencyId: null,
        passwordHash: await hashPassword(account.password),
        totpSecretCiphertext: encryptSecret(keys.totpEncryptionKey, account.totpSecret),
      });
      analysts.push({ id: user.id, ...account });
    }

    const common = { DATABASE_URL: fresh.url, DATA_DIR: dataDir };
    const workerEnv = {
      ...common,
      OUTBOX_CONCURRENCY: "4",
      OUTBOX_POLL_INTERVAL_MS: "50",
      OUTBOX_LEASE_MS: "10000",
      OUTBOX_MAX_ATTEMPTS: "20",
      OUTBOX_BACKOFF_BASE_MS: "100",
      OUTBOX_BACKOFF_MAX_MS: "400",
      WEBHOOK_TIMEOUT_MS: "2000",
    };
    // Each API limits its own loopback sender: room for its half of the tips and the resends.
    const apiEnv = { ...common, OUTBOX_WORKER: "false", RATE_LIMIT_TIP_SUBMISSIONS: `${TIPS}/10m` };
    const [apiA, apiB, ...workers] = await Promise.all([
      startApi(apiEnv),
      startApi(apiEnv),
      startWorker(workerEnv),
      startWorker(workerEnv),
    ]);
    const apis: [ApiProcess, ApiProcess] = [apiA!, apiB!];
    const startedIn = Date.now() - started;

    // Sessions live in the database: one opened on either API is good on the other.
    const cookies = await Promise.all(apis.map((api, i) => staffLogin(api.staffUrl, analysts[i]!)));
    for (const [i, api] of apis.entries()) {
      const other = cookies[1 - i]!;
      const me = await trpcCall<{ id: string }>(api.staffUrl, "query", "auth.me", undefined, other);
      expect(me.status).toBe(200);
      expect(me.body.result!.data.id).toBe(analysts[1 - i]!.id);
    }

    // Tipsters: tip n goes to API n % 2; every tenth also to the other API at the same moment,
    // and every tenth (offset by five) to the other API again once answered.
    const idempotencyKeys = Array.from({ length: TIPS }, () =>
      randomBytes(24).toString("base64url"),
    );
    const receipts: string[] = new Array(TIPS);
    const mismatched: number[] = [];
    let isSubmitting = true;
    const submitting = mapConcurrently(
      Array.from({ length: TIPS }, (_, n) => n),
      SUBMIT_CONCURRENCY,
      async (n) => {
        const [api, other] = [apis[n % 2]!, apis[1 - (n % 2)]!];
        const signals = await solvedSignals(api.publicUrl);
        const send = (to: ApiProcess) => submitTip(to.publicUrl, n, signals, idempotencyKeys[n]!);
        if (n % 10 === 0) {
          const [first, second] = await Promise.all([send(api), send(other)]);
          if (first !== second) mismatched.push(n);
          receipts[n] = first;
          return;
        }
        receipts[n] = await send(api);
        if (n % 10 === 5 && (await send(other)) !== receipts[n]) mismatched.push(n);
      },
    ).finally(() => {
      isSubmitting = false;
    });

    // Analysts: each triages and refers the tips that came in through the other API, from the
    // inbox as it fills (read straight from the database, to keep the pace), every fourth pair
    // referred through both APIs at the same moment with the same session.
    const contested: { statuses: number[]; codes: unknown[] }[] = [];
    const refusedTriage: unknown[] = [];
    const failedReferrals: unknown[] = [];
    let created = 0;
    const analystWork = async (i: number) => {
      const [own, other] = [apis[i]!, apis[1 - i]!];
      const cookie = cookies[i]!;
      const taken = new Set<string>();
      let pairs = 0;
      for (;;) {
        const isLastLook = !isSubmitting;
        const inbox = await db
          .select({ id: schema.tips.id, text: schema.tips.text })
          .from(schema.tips)
          .where(eq(schema.tips.triageStatus, "new"));
        const mine = inbox
          .filter((t) => Number(/#(\d+)$/.exec(t.text ?? "")?.[1]) % 2 === 1 - i)
          .filter((t) => !taken.has(t.id))
          .slice(0, TRIAGE_BATCH)
          .map((t) => t.id);
        if (mine.length === 0) {
          if (isLastLook) return;
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        for (const id of mine) taken.add(id);
        const triaged = await trpcCall<{ results: { ok: boolean }[] }>(
          own.staffUrl,
          "mutation",
          "tips.triageMany",
          { ids: mine, outcome: "useful" },
          cookie,
        );
        if (triaged.status !== 200 || !triaged.body.result!.data.results.every((r) => r.ok))
          refusedTriage.push(triaged.body);
        for (let k = 0; k < mine.length; k += 2) {
          const input = {
            agencyId,
            tipIds: mine.slice(k, k + 2),
            overrideReason: "Synthetic referral of the two-API test",
          };
          const refer = (api: ApiProcess) =>
            trpcCall(api.staffUrl, "mutation", "referrals.create", input, cookie);
          if (pairs++ % CONTESTED_EVERY === 0) {
            const answers = await Promise.all([refer(own), refer(other)]);
            created += answers.filter((a) => a.status === 200).length;
            contested.push({
              statuses: answers.map((a) => a.status).sort(),
              codes: answers.map((a) => a.body.error?.data.appCode).filter(Boolean),
            });
          } else {
            const answer = await refer(own);
            if (answer.status === 200) created += 1;
            else failedReferrals.push(answer.body);
          }
        }
      }
    };
    await Promise.all([submitting, analystWork(0), analystWork(1)]);
    const submittedIn = Date.now() - started - startedIn;

    // The workers drain the outbox.
    const openJobs = async () => {
      const [open] = await db
        .select({ n: count() })
        .from(schema.outbox)
        .where(or(isNull(schema.outbox.processedAt), isNotNull(schema.outbox.deadAt)));
      return open!.n;
    };
    await waitFor(async () => (await openJobs()) === 0, 30_000);
    const workerExits = await Promise.all(workers.map(stopGracefully));
    const apiExits = await Promise.all(apis.map(stopGracefully));
    expect([...workerExits, ...apiExits]).toEqual([0, 0, 0, 0]);

    // Tipsters: one receipt per key, the same from either API, each its own.
    expect(mismatched).toEqual([]);
    expect(new Set(receipts).size).toBe(TIPS);

    // Every receipt names a stored, normal-trust tip (proof of work checked), and nothing else
    // is stored: one tip and one kept key per idempotency key.
    const receiptKey = Buffer.from(RECEIPT_HASH_KEY, "hex");
    const tips = await db
      .select({ id: schema.tips.id, trust: schema.tips.trust, triage: schema.tips.triageStatus })
      .from(schema.tips)
      .where(
        inArray(
          schema.tips.receiptHash,
          receipts.map((c) => hashReceipt(receiptKey, c)),
        ),
      );
    expect(tips).toHaveLength(TIPS);
    expect(tips.every((t) => t.trust === "normal" && t.triage === "routed")).toBe(true);
    const [allTips] = await db.select({ n: count() }).from(schema.tips);
    expect(allTips!.n).toBe(TIPS);
    const [keysKept] = await db.select({ n: count() }).from(schema.tipIdempotencyKeys);
    expect(keysKept!.n).toBe(TIPS);
    const [spent] = await db.select({ n: count() }).from(schema.spentProofsOfWork);
    expect(spent!.n).toBe(TIPS);
    const tipIds = tips.map((t) => t.id).sort();

    // Complete: one `tip.submitted` event per tip, none naming another; a status history of
    // exactly sent, triaged, routed (the losing side of a contested referral left nothing).
    const submitted = await db
      .select({ entityId: schema.auditEvents.entityId })
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.action, "tip.submitted"));
    expect(submitted.map((e) => e.entityId).sort()).toEqual(tipIds);
    const history = await db
      .select({ tipId: schema.tipEvents.tipId, n: count() })
      .from(schema.tipEvents)
      .groupBy(schema.tipEvents.tipId);
    expect(history.map((h) => h.tipId).sort()).toEqual(tipIds);
    expect(history.every((h) => h.n === 3)).toBe(true);

    // One chain although four processes appended to it: each event links to the one before.
    const [audit] = await db.select({ n: count() }).from(schema.auditEvents);
    expect(await verifyAuditChain(db)).toEqual({ verified: audit!.n, brokenAt: null });

    // Referrals: every tip referred exactly once; of each contested pair one won, one was told.
    expect(refusedTriage).toEqual([]);
    expect(failedReferrals).toEqual([]);
    expect(contested.length).toBeGreaterThan(0);
    for (const c of contested) {
      expect(c).toEqual({ statuses: [200, 409], codes: ["referral_already_sent"] });
    }
    const referredTips = await db
      .select({ tipId: schema.referralTips.tipId })
      .from(schema.referralTips);
    expect(referredTips.map((r) => r.tipId).sort()).toEqual(tipIds);
    const referrals = await db
      .select({ key: schema.referrals.idempotencyKey, status: schema.referrals.status })
      .from(schema.referrals);
    expect(referrals.length).toBe(created);
    expect(referrals.every((r) => r.status === "delivered")).toBe(true);

    // Deliveries: each referral's key reached the agency once, signed, and never overlapping.
    expect(receiver.concurrentDuplicates).toEqual([]);
    const referralKeys = referrals.map((r) => r.key).sort();
    expect([...new Set(receiver.requests.map((r) => r.idempotencyKey))].sort()).toEqual(
      referralKeys,
    );
    expect(receiver.requests).toHaveLength(referrals.length);
    expect(receiver.requests.every((r) => r.isVerified)).toBe(true);
    expect([...receiver.processed.values()].every((n) => n === 1)).toBe(true);

    // The outbox: one job per referral, all done, no dead letter; both workers took part and
    // between them did each job once.
    const jobs = await db
      .select({ key: schema.outbox.idempotencyKey, attempts: schema.outbox.attempts })
      .from(schema.outbox);
    expect(jobs.map((j) => j.key).sort()).toEqual(referralKeys);
    // Claimed once each: a second claim counts a second attempt.
    expect(jobs.every((j) => j.attempts === 1)).toBe(true);
    expect(await openJobs()).toBe(0);
    const jobsDone = workers.map((w) => loggedLines(w, "job done").length);
    expect(jobsDone.reduce((a, b) => a + b)).toBe(referrals.length);
    expect(jobsDone.every((n) => n > 0)).toBe(true);

    process.stdout.write(
      `two-apis-two-workers: ${TIPS} tips, ${referrals.length} referrals (${contested.length} ` +
        `contested), ${audit!.n} audit events; jobs per worker ${jobsDone.join("/")}; ` +
        `proof of work cost 1, tip allowance ${TIPS}/10m per API; started in ${startedIn} ms, ` +
        `sent and referred in ${submittedIn} ms, total ${Date.now() - started} ms\n`,
    );
  }, 90_000);
});
