import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { createSession, insertStaffUser, type Database } from "@trace/db";
import { DEMO_ACCOUNTS, DEMO_RECEIPT_CODE, seedDemoData } from "@trace/db/seed";
import { can, ROLES, type Permission, type Role } from "@trace/domain";
import { DEFAULT_RATE_LIMITS, type Rate } from "../abuse/public-rate-limits";
import {
  cryptoRandom,
  encryptContact,
  encryptSecret,
  hashPassword,
  hashReceipt,
  hashSessionToken,
  newSessionToken,
} from "../services/secrets";
import { SESSION_COOKIE } from "../trpc/cookies";
import { currentTotpCode } from "../services/totp";
import { call, createHarness, loginAs, type FixtureUser, type Harness } from "../test/harness";
import type { KnownValues } from "./schema-arbitrary";
import { installWriteCounter, type WriteCounter } from "./write-counter";

/**
 * Trace as the fuzz run meets it: the demo data set (tips, referrals, routing rules, agencies,
 * delivery jobs: every procedure has records to find), both listeners on real sockets, one
 * logged-in account per role, and every row write counted.
 */
export interface FuzzTarget {
  h: Harness;
  publicUrl: string;
  staffUrl: string;
  /** What a procedure's generated inputs may name: `id` and `ids` are records of its kind. */
  knownFor(path: string): KnownValues;
  writes: WriteCounter;
  /**
   * A session cookie of a role that holds `permission`, and whether a new session had to be
   * opened for it (a row written) since the last call.
   */
  sessionFor(permission: Permission): Promise<{ cookie: string; isNew: boolean }>;
  /** Forgets the sessions, e.g. after a logout: the next `sessionFor` logs in again. */
  forgetSessions(): void;
  close(): Promise<void>;
}

/**
 * Everything goes through one loopback address, so one bucket: limits stay on, sized for the
 * run (every case may be a tip or a receipt look-up), so that a 429 is the exception.
 */
const forRuns =
  (runs: number) =>
  (rate: Rate): Rate => ({ ...rate, points: runs * 4 + 1000 });

export async function startFuzzTarget(database: Database, runs: number): Promise<FuzzTarget> {
  const allow = forRuns(runs);
  const h = await createHarness(database, {
    withFixtures: false,
    rateLimits: {
      tipSubmissions: allow(DEFAULT_RATE_LIMITS.tipSubmissions),
      receiptLookups: allow(DEFAULT_RATE_LIMITS.receiptLookups),
      receiptFailures: allow(DEFAULT_RATE_LIMITS.receiptFailures),
      tipPhotoUploads: allow(DEFAULT_RATE_LIMITS.tipPhotoUploads),
    },
  });
  const { deps } = h;
  const seeded = await seedDemoData(database, {
    media: deps.media,
    // Nobody logs in as a demo account here (the fuzz actors below do); argon2 would cost seconds.
    hashPassword: async (password) => `test-only:${password}`,
    hashReceipt: (code) => hashReceipt(deps.receiptHashKey, code),
    encryptContact: (plain) => encryptContact(deps.contactEncryptionKey, plain),
    encryptSecret: (plain) => encryptSecret(deps.totpEncryptionKey, plain),
    random: cryptoRandom,
    now: h.clock.now,
  });
  if (!seeded.seeded) throw new Error("the demo data was not seeded");

  const { db } = database;
  const rows = async <T>(query: string) =>
    ((await db.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;
  const [liaisonAgency] = await rows<{ agency_id: string }>(
    `SELECT agency_id FROM referrals GROUP BY agency_id ORDER BY count(*) DESC LIMIT 1`,
  );
  if (!liaisonAgency) throw new Error("the demo data has no referral");

  const newUser = async (
    key: string,
    role: Role,
    agencyId: string | null,
    hasSecondFactor: boolean,
  ): Promise<FixtureUser> => {
    const password = `fuzz-password-${key}`;
    const totpSecret = `FUZZ${key.toUpperCase()}SECRETAAAAAAAAAAAAAAAAAAAAAA`.slice(0, 32);
    const user = await insertStaffUser(db, {
      email: `${key}@fuzz.example`,
      displayName: `Fuzz ${key}`,
      role,
      agencyId,
      passwordHash: await hashPassword(password),
      totpSecretCiphertext: hasSecondFactor
        ? encryptSecret(deps.totpEncryptionKey, totpSecret)
        : null,
    });
    return { id: user.id, email: user.email, password, totpSecret };
  };
  // The accounts that call staff procedures. Their ids, emails and challenges are kept out of
  // the generated inputs, so the run cannot disable, demote or lock out its own callers.
  const actors = {} as Record<Role, FixtureUser>;
  for (const role of ROLES)
    actors[role] = await newUser(
      role.replace("_", ""),
      role,
      role === "agency_liaison" ? liaisonAgency.agency_id : null,
      true,
    );
  // Accounts the generated inputs may name: open login challenges to verify or enrol with.
  const withSecondFactor = await newUser("baitverify", "analyst", null, true);
  const withoutSecondFactor = await newUser("baitenrol", "analyst", null, false);
  const challengeOf = async (user: FixtureUser) => {
    const res = await call<{ challenge: string }>(h.staffApp, "mutation", "auth.login", {
      email: user.email,
      password: user.password,
    });
    if (res.status !== 200) throw new Error(`login as ${user.email}: ${res.status}`);
    return res.body.result!.data.challenge;
  };
  const challenges = [
    await challengeOf(withSecondFactor),
    await challengeOf(withSecondFactor),
    await challengeOf(withoutSecondFactor),
  ];

  const actorIds = new Set(Object.values(actors).map((a) => a.id));
  const idTables = await rows<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid'
     ORDER BY table_name`,
  );
  const idsOf = async (table: string, limit = 8) =>
    (await rows<{ id: string }>(`SELECT id::text AS id FROM "${table}" ORDER BY id LIMIT ${limit}`))
      .map((r) => r.id)
      .filter((id) => !actorIds.has(id));
  const uuids: string[] = [];
  for (const { table_name } of idTables) uuids.push(...(await idsOf(table_name, 6)));
  const refs = (
    await rows<{ ref: string }>(`SELECT ref FROM trace_objects ORDER BY ref LIMIT 12`)
  ).map((r) => r.ref);
  const jobIds = (
    await rows<{ id: number | string }>(`SELECT id FROM outbox ORDER BY id LIMIT 8`)
  ).map((r) => Number(r.id));
  const tips = await idsOf("tips", 12);
  const agencies = await idsOf("agencies", 12);
  const objects = await idsOf("trace_objects", 12);
  const referrals = await idsOf("referrals", 12);
  const liaisonReferrals = (
    await rows<{ id: string }>(
      `SELECT id::text AS id FROM referrals WHERE agency_id = '${liaisonAgency.agency_id}'
       ORDER BY id LIMIT 12`,
    )
  ).map((r) => r.id);
  // By the procedure's path: `tips.byId`'s id is a tip's, `agencyPortal.byId`'s a referral to
  // the liaison's own agency (another agency's is refused before anything else is looked at).
  const idsByPath: [RegExp, string[]][] = [
    [/^(tips|similarity\.forTip)/, tips],
    [/^(objects|similarity\.forObject)/, objects],
    [/^cases\./, await idsOf("cases")],
    [/^series\./, await idsOf("series")],
    [/^referrals\./, referrals],
    [/^agencyPortal\./, liaisonReferrals],
    [/^routing\./, await idsOf("routing_rules", 12)],
    [/^staffAccounts\./, await idsOf("staff_users", 12)],
  ];
  const known: KnownValues = {
    uuids,
    byName: {
      ref: refs,
      objectRef: refs,
      receiptCode: [DEMO_RECEIPT_CODE],
      email: [...DEMO_ACCOUNTS.map((a) => a.email), withSecondFactor.email],
      password: [withSecondFactor.password, withoutSecondFactor.password],
      challenge: challenges,
      code: [currentTotpCode(withSecondFactor.totpSecret, h.clock.now)],
      tipId: tips,
      tipIds: tips,
      duplicateOfId: tips,
      agencyId: agencies,
      agencyIds: agencies,
      leadAgencyId: agencies,
      caseId: await idsOf("cases"),
      seriesId: await idsOf("series"),
      objectId: objects,
      referralId: [...referrals, ...liaisonReferrals],
      jobId: jobIds,
    },
  };

  const writes = await installWriteCounter(database);
  const listen = (app: Harness["publicApp"]) =>
    new Promise<ServerType>((resolve) => {
      const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, () =>
        resolve(server),
      );
    });
  const publicServer = await listen(h.publicApp);
  const staffServer = await listen(h.staffApp);
  const urlOf = (server: ServerType) =>
    `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sessions = new Map<Role, string>();
  const loggedIn = new Set<Role>();
  const roleFor = (permission: Permission): Role => {
    // Coordinators hold the most hub permissions; the rest go to the first role that may.
    const ordered: Role[] = ["coordinator", ...ROLES.filter((r) => r !== "coordinator")];
    const role = ordered.find((r) => can(r, permission));
    if (!role) throw new Error(`no role holds ${permission}`);
    return role;
  };
  return {
    h,
    publicUrl: urlOf(publicServer),
    staffUrl: urlOf(staffServer),
    knownFor(path) {
      const ids = idsByPath.find(([pattern]) => pattern.test(path))?.[1];
      return ids ? { uuids, byName: { ...known.byName, id: ids, ids } } : known;
    },
    writes,
    async sessionFor(permission) {
      const role = roleFor(permission);
      const cookie = sessions.get(role);
      if (cookie) return { cookie, isNew: false };
      // The first session of each role is opened through the login procedures; after a
      // logout, a new one is written directly, as a login would (argon2 would make every
      // logout case cost a login's tens of milliseconds).
      let fresh: string;
      if (!loggedIn.has(role)) {
        fresh = await loginAs(h, actors[role]);
        loggedIn.add(role);
      } else {
        const token = newSessionToken();
        await createSession(db, hashSessionToken(token), actors[role].id, h.clock.now);
        fresh = `${SESSION_COOKIE}=${token}`;
      }
      sessions.set(role, fresh);
      return { cookie: fresh, isNew: true };
    },
    forgetSessions: () => sessions.clear(),
    async close() {
      const stop = (server: ServerType) =>
        new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([stop(publicServer), stop(staffServer)]);
    },
  };
}
