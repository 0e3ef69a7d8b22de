import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { count, eq } from "drizzle-orm";
import {
  createFsMediaStore,
  insertObject,
  insertStaffUser,
  schema,
  type Database,
} from "@trace/db";
import type { Role } from "@trace/domain";
import {
  createPublicRateLimits,
  DEFAULT_RATE_LIMITS,
  type PublicRateLimitOptions,
  type Rate,
  type RateLimitConfig,
} from "../abuse/public-rate-limits";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import {
  DEFAULT_SUBMISSION_TRUST,
  type SubmissionTrustConfig,
  type TipChallenge,
} from "../abuse/submission-trust";
import { createApp } from "../app";
import { startPublicReadCache } from "../http/public-read-cache";
import { DEFAULT_IMAGE_LIMITS } from "../images/limits";
import { createLogger } from "../logger";
import { cryptoRandom, encryptSecret, hashPassword } from "../services/secrets";
import { currentTotpCode } from "../services/totp";
import type { Deps } from "../trpc/context";

/** Everything a test needs: both apps over one database, the captured log, a movable clock. */
export interface Harness {
  deps: Deps;
  publicApp: ReturnType<typeof createApp>;
  staffApp: ReturnType<typeof createApp>;
  logs: string[];
  clock: { now: Date };
  /** Where the media store keeps its files, to check what was (not) stored. */
  mediaDir: string;
  fixtures: Fixtures;
}

export interface FixtureUser {
  id: string;
  email: string;
  password: string;
  totpSecret: string;
}

export interface Fixtures {
  agencyId: string;
  /** Every fixture account is enrolled with a known base32 TOTP secret. */
  users: Record<Role, FixtureUser>;
  /** A second agency with its own liaison, for agency isolation. */
  otherAgency: { id: string; liaison: FixtureUser };
  published: { id: string; ref: string; imageId: string };
  draft: { id: string; ref: string; imageId: string };
  originFound: { id: string; ref: string; imageId: string };
}

/**
 * The harness's per-sender limits: far above what any test sends, because in-process requests
 * (`app.request`) have no socket and so all share one bucket. Tests of the limits themselves
 * pass `rateLimits` (and `trustedProxies`, to name senders by `X-Forwarded-For`). The
 * production defaults are `DEFAULT_RATE_LIMITS`; only the test harness uses these.
 */
const roomy = (rate: Rate): Rate => ({ ...rate, points: 100_000 });
const HARNESS_RATE_LIMITS: RateLimitConfig = {
  tipSubmissions: roomy(DEFAULT_RATE_LIMITS.tipSubmissions),
  receiptLookups: roomy(DEFAULT_RATE_LIMITS.receiptLookups),
  receiptFailures: roomy(DEFAULT_RATE_LIMITS.receiptFailures),
  tipPhotoUploads: roomy(DEFAULT_RATE_LIMITS.tipPhotoUploads),
};

/**
 * Tip abuse heuristics for tests: a proof of work of a few hash rounds, and no minimum fill time,
 * so tests that send tips at the harness clock's pace (all at once) are not low-trust for that.
 * Tests of the heuristics pass `submissionTrust`.
 */
export const HARNESS_SUBMISSION_TRUST: SubmissionTrustConfig = {
  policy: { ...DEFAULT_SUBMISSION_TRUST.policy, minFillMs: 0 },
  proofOfWork: { ...DEFAULT_SUBMISSION_TRUST.proofOfWork, cost: 1, maxCounter: 10 },
};

export interface HarnessOptions {
  /** Minimum fill time and proof-of-work cost; HARNESS_SUBMISSION_TRUST by default. */
  submissionTrust?: SubmissionTrustConfig;
  withFixtures?: boolean;
  /** Limits to test; the rest stay out of the way. */
  rateLimits?: Partial<RateLimitConfig>;
  trustedProxies?: number;
  /** The day keys of the rate limits (random by default). */
  newRateLimitKey?: PublicRateLimitOptions["newKey"];
  /** Keeps public object queries in memory, as the API does (stopped with the database). */
  publicReadCache?: boolean;
}

export async function createHarness(
  database: Database,
  {
    withFixtures = true,
    rateLimits,
    trustedProxies = 0,
    newRateLimitKey,
    submissionTrust = HARNESS_SUBMISSION_TRUST,
    publicReadCache = false,
  }: HarnessOptions = {},
): Promise<Harness> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const clock = { now: new Date("2026-05-01T10:00:00.000Z") };
  const mediaDir = mkdtempSync(join(tmpdir(), "trace-media-"));
  const media = createFsMediaStore(mediaDir);
  const logger = createLogger("info", sink);
  const deps: Deps = {
    database,
    media,
    logger,
    receiptHashKey: Buffer.alloc(32, 7),
    contactEncryptionKey: Buffer.alloc(32, 9),
    totpEncryptionKey: Buffer.alloc(32, 11),
    webhookEncryptionKey: Buffer.alloc(32, 13),
    idempotencyEncryptionKey: Buffer.alloc(32, 19),
    formTicketKey: Buffer.alloc(32, 15),
    proofOfWorkKey: Buffer.alloc(32, 17),
    submissionTrust,
    now: () => clock.now,
    random: cryptoRandom,
    imageLimits: DEFAULT_IMAGE_LIMITS,
    rateLimits: createPublicRateLimits({
      limits: { ...HARNESS_RATE_LIMITS, ...rateLimits },
      trustedProxies,
      now: () => clock.now.getTime(),
      ...(newRateLimitKey ? { newKey: newRateLimitKey } : {}),
    }),
    publicReadCache: publicReadCache ? await startPublicReadCache(database, logger) : undefined,
  };
  const fixtures = withFixtures ? await createFixtures(deps) : (null as unknown as Fixtures);
  return {
    deps,
    publicApp: createApp(deps, { surface: "public" }),
    staffApp: createApp(deps, { surface: "staff" }),
    logs,
    clock,
    mediaDir,
    fixtures,
  };
}

const text = (en: string) => ({ en });

async function createFixtures(deps: Deps): Promise<Fixtures> {
  const { db } = deps.database;
  const [agency] = await db
    .insert(schema.agencies)
    .values({
      code: "BE-FEDPOL",
      name: "Belgium — national police",
      country: "BE",
      languages: ["nl", "fr", "de"],
    })
    .returning();
  const [otherAgency] = await db
    .insert(schema.agencies)
    .values({ code: "FR-PN", name: "France — national police", country: "FR", languages: ["fr"] })
    .returning();
  const fixtureUser = async (
    role: Role,
    key: string,
    agencyId: string | null,
  ): Promise<FixtureUser> => {
    const password = `test-password-${key}`;
    const totpSecret = `TEST${key.replace("_", "").toUpperCase()}SECRETAAAAAAAAAAAAAAAA`.slice(
      0,
      32,
    );
    const user = await insertStaffUser(db, {
      email: `${key}@test.example`,
      displayName: `Test ${key}`,
      role,
      agencyId,
      passwordHash: await hashPassword(password),
      totpSecretCiphertext: encryptSecret(deps.totpEncryptionKey, totpSecret),
    });
    return { id: user.id, email: user.email, password, totpSecret };
  };
  const roles: Role[] = ["analyst", "coordinator", "agency_liaison", "admin"];
  const users = {} as Fixtures["users"];
  for (const role of roles) {
    users[role] = await fixtureUser(role, role, role === "agency_liaison" ? agency!.id : null);
  }
  const otherLiaison = await fixtureUser("agency_liaison", "fr_liaison", otherAgency!.id);
  const [kase] = await db
    .insert(schema.cases)
    .values({ reference: "CASE-TEST-1", title: "Test case", leadAgencyId: agency!.id })
    .returning();
  const [series] = await db
    .insert(schema.series)
    .values({
      caseId: kase!.id,
      code: "S-TEST-A",
      title: "Test series",
      suspectedCountries: [{ country: "BE", confidence: "likely" }],
    })
    .returning();

  const makeObject = async (
    ref: string,
    status: "published" | "draft" | "origin_found",
    title: string,
  ) => {
    const storageKey = await deps.media.put(new TextEncoder().encode(`image of ${ref}`));
    const id = await insertObject(
      db,
      {
        ref,
        seriesId: series!.id,
        category: "textile_or_pattern",
        title: { en: title, fr: `${title} (fr)` },
        question: text(`Where does the ${title.toLowerCase()} come from?`),
        regionHint: status === "published" ? text("Probably Western Europe") : null,
        status,
        authorId: users.analyst.id,
        approvedById: status === "draft" ? null : users.coordinator.id,
        publishedAt: status === "draft" ? null : new Date("2026-04-01T00:00:00.000Z"),
        createdAt: new Date("2026-03-01T00:00:00.000Z"),
      },
      [
        {
          storageKey,
          mediaType: "image/jpeg",
          width: 800,
          height: 600,
          alt: text(`Synthetic pattern for ${ref}`),
        },
      ],
    );
    const [image] = await db
      .select()
      .from(schema.objectImages)
      .where(eq(schema.objectImages.objectId, id));
    return { id, ref, imageId: image!.id };
  };
  return {
    agencyId: agency!.id,
    users,
    otherAgency: { id: otherAgency!.id, liaison: otherLiaison },
    published: await makeObject("TOA-PBC001", "published", "Striped curtain"),
    draft: await makeObject("TOA-DRF001", "draft", "Unvetted draft"),
    originFound: await makeObject("TOA-FND001", "origin_found", "Found mug"),
  };
}

type App = ReturnType<typeof createApp>;

export interface TrpcResult<T = unknown> {
  status: number;
  body: {
    result?: { data: T };
    error?: { message: string; code: number; data: Record<string, unknown> };
  };
  headers: Headers;
}

/**
 * What the site's form adds to a tip: a solved proof-of-work challenge, the ticket fetched with
 * it and an empty honeypot (abuse/submission-trust.ts). Null where there is no challenge to get
 * (the staff listener).
 */
export async function personSignals(
  app: App,
): Promise<{ honeypot: string; formTicket: string; proofOfWork: string } | null> {
  const res = await call<TipChallenge>(app, "query", "tips.challenge");
  if (res.status !== 200) return null;
  const { challenge, formTicket } = res.body.result!.data;
  const solution = await solveChallenge({ challenge, deriveKey });
  const payload = JSON.stringify({ challenge, solution });
  return { honeypot: "", formTicket, proofOfWork: Buffer.from(payload).toString("base64") };
}

const SIGNAL_KEYS = ["honeypot", "formTicket", "proofOfWork"];

/**
 * Calls one procedure over HTTP, as a browser would: GET for queries, POST for mutations.
 * `tips.submit` goes as the site's form sends it: `personSignals` are added to an object input
 * that brings none of its own, so a test's tip is an ordinary, normal-trust tip. Tests of the
 * abuse heuristics pass `signals: "as-given"` to send exactly their input.
 */
export async function call<T = unknown>(
  app: App,
  kind: "query" | "mutation",
  path: string,
  input?: unknown,
  init: { cookie?: string; method?: "GET" | "POST"; signals?: "as-person" | "as-given" } = {},
): Promise<TrpcResult<T>> {
  const tip = input;
  if (
    path === "tips.submit" &&
    init.signals !== "as-given" &&
    typeof tip === "object" &&
    tip !== null &&
    !Array.isArray(tip) &&
    !SIGNAL_KEYS.some((key) => key in tip)
  ) {
    const signals = await personSignals(app);
    if (signals) input = { ...tip, ...signals };
  }
  const headers: Record<string, string> = {};
  if (init.cookie) headers.Cookie = init.cookie;
  const method = init.method ?? (kind === "query" ? "GET" : "POST");
  let url = `http://localhost/trpc/${path}`;
  let body: string | undefined;
  if (method === "GET") {
    if (input !== undefined) url += `?input=${encodeURIComponent(JSON.stringify(input))}`;
  } else {
    headers["Content-Type"] = "application/json";
    body = input === undefined ? undefined : JSON.stringify(input);
  }
  const res = await app.request(url, { method, headers, body });
  return {
    status: res.status,
    body: (await res.json()) as TrpcResult<T>["body"],
    headers: res.headers,
  };
}

/**
 * Logs in as a person would (password, then the TOTP code at the harness clock) and returns the
 * cookie to send with later calls. Tests log in many times within one 30-second step, which a
 * real person cannot: the account's last used step is forgotten first, or the second login of
 * the step would be refused as a replay.
 */
export async function loginAs(h: Harness, who: Role | FixtureUser): Promise<string> {
  const user = typeof who === "string" ? h.fixtures.users[who] : who;
  const role = typeof who === "string" ? who : who.email;
  const res = await call<{ challenge: string }>(h.staffApp, "mutation", "auth.login", {
    email: user.email,
    password: user.password,
  });
  if (res.status !== 200) throw new Error(`login as ${role} failed: ${res.status}`);
  await h.deps.database.db
    .update(schema.staffUsers)
    .set({ totpLastStep: null })
    .where(eq(schema.staffUsers.id, user.id));
  const verified = await call(h.staffApp, "mutation", "auth.verifySecondFactor", {
    challenge: res.body.result!.data.challenge,
    method: "totp",
    code: currentTotpCode(user.totpSecret, h.clock.now),
  });
  if (verified.status !== 200)
    throw new Error(`second factor as ${role} failed: ${verified.status}`);
  return verified.headers.get("Set-Cookie")!.split(";")[0]!;
}

export async function countRows(
  h: Harness,
): Promise<{ tips: number; audit: number; events: number }> {
  const { db } = h.deps.database;
  const [[tips], [audit], [events]] = await Promise.all([
    db.select({ n: count() }).from(schema.tips),
    db.select({ n: count() }).from(schema.auditEvents),
    db.select({ n: count() }).from(schema.tipEvents),
  ]);
  return { tips: tips!.n, audit: audit!.n, events: events!.n };
}
