import { count, eq } from "drizzle-orm";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@trace/db";
import { DEFAULT_RETENTION_POLICY, TipSubmissionSchema } from "@trace/domain";
import { createTestDatabases } from "@trace/db/testing";
import { issueFormTicket } from "./abuse/form-ticket";
import { DEFAULT_SUBMISSION_TRUST, type TipChallenge } from "./abuse/submission-trust";
import { runRetentionSweep } from "./jobs/retention-sweep";
import { submitTip } from "./services/tip-submission";
import {
  call,
  countRows,
  createHarness,
  HARNESS_SUBMISSION_TRUST,
  loginAs,
  type Harness,
} from "./test/harness";

const engines = await createTestDatabases();

/** The production minimum fill time, with the harness's cheap proof of work. */
const TRUST = {
  policy: DEFAULT_SUBMISSION_TRUST.policy,
  proofOfWork: HARNESS_SUBMISSION_TRUST.proofOfWork,
};
const MIN_FILL_MS = TRUST.policy.minFillMs;

interface Receipt {
  receiptCode: string;
  status: string;
  showHotlineGuidance: boolean;
}

describe.each(engines)("tip abuse resistance [$name]", (engine) => {
  let h: Harness;
  let sent = 0;

  beforeAll(async () => {
    h = await createHarness(await engine.open(), { submissionTrust: TRUST });
  });
  afterAll(() => engine.dispose());

  const tick = (ms: number) => {
    h.clock.now = new Date(h.clock.now.getTime() + ms);
  };

  const fetchChallenge = async () => {
    const res = await call<TipChallenge>(h.publicApp, "query", "tips.challenge");
    expect(res.status).toBe(200);
    return { ...res.body.result!.data, headers: res.headers };
  };

  /** What the site's form sends: the challenge solved as the browser's worker solves it. */
  const solve = async ({ challenge }: TipChallenge, tamper?: (derivedKey: string) => string) => {
    const solution = await solveChallenge({ challenge, deriveKey });
    expect(solution).not.toBeNull();
    const derivedKey = tamper ? tamper(solution!.derivedKey) : solution!.derivedKey;
    return Buffer.from(
      JSON.stringify({ challenge, solution: { counter: solution!.counter, derivedKey } }),
    ).toString("base64");
  };

  /** A person's tip through the site: challenge on opening the form, send after `fillMs`. */
  const personSignals = async (fillMs = 30_000) => {
    const challenge = await fetchChallenge();
    const proofOfWork = await solve(challenge);
    tick(fillMs);
    return { honeypot: "", formTicket: challenge.formTicket, proofOfWork };
  };

  const tip = (text: string) => ({
    objectRef: h.fixtures.published.ref,
    answer: { country: "BE", confidence: "guess" },
    text,
    language: "en",
  });

  // Exactly the signals each test gives, none added by the harness.
  const send = (input: unknown) =>
    call<Receipt>(h.publicApp, "mutation", "tips.submit", input, { signals: "as-given" });

  /** Sends a tip, expects the ordinary receipt, and returns the stored trust. */
  const sendAndRead = async (signals: Record<string, unknown>) => {
    const text = `Abuse test tip ${++sent}`;
    const res = await send({ ...tip(text), ...signals });
    expect(res.status).toBe(200);
    expect(res.body.result!.data).toEqual({
      receiptCode: expect.stringMatching(/^[A-Z0-9-]{20,}$/),
      status: "received",
      showHotlineGuidance: false,
    });
    return storedTrust(text);
  };

  const storedTrust = async (text: string) => {
    const [row] = await h.deps.database.db
      .select({ id: schema.tips.id, trust: schema.tips.trust, reasons: schema.tips.trustReasons })
      .from(schema.tips)
      .where(eq(schema.tips.text, text));
    expect(row).toBeDefined();
    return row!;
  };

  describe("the challenge", () => {
    it("is fresh every time, never cached, and sets no cookie", async () => {
      const a = await fetchChallenge();
      const b = await fetchChallenge();
      expect(a.headers.get("Cache-Control")).toBe("no-store");
      expect(a.headers.get("Set-Cookie")).toBeNull();
      expect(a.headers.get("ETag")).toBeNull();
      expect(a.challenge.signature).not.toBe(b.challenge.signature);
      expect(a.challenge.parameters).toMatchObject({
        algorithm: "PBKDF2/SHA-256",
        cost: TRUST.proofOfWork.cost,
        data: { expiresAt: h.clock.now.getTime() + TRUST.proofOfWork.ttlMs },
      });
      expect(a.expiresInSeconds).toBe(TRUST.proofOfWork.ttlMs / 1000);
      expect(a.formTicket).toBe(issueFormTicket(h.deps.formTicketKey, h.clock.now));
    });
  });

  describe("the site's form (tRPC)", () => {
    it("gives normal trust to a solved challenge, a ticket older than the fill time and an empty honeypot", async () => {
      expect(await sendAndRead(await personSignals(MIN_FILL_MS))).toMatchObject({
        trust: "normal",
        reasons: [],
      });
    });

    const heuristics: {
      name: string;
      signals: () => Promise<Record<string, unknown>>;
      reasons: string[];
    }[] = [
      {
        name: "a filled honeypot",
        signals: async () => ({ ...(await personSignals()), honeypot: "https://spam.example" }),
        reasons: ["honeypot_filled"],
      },
      {
        name: "a form sent sooner than the minimum fill time",
        signals: () => personSignals(MIN_FILL_MS - 1),
        reasons: ["filled_too_fast"],
      },
      {
        name: "no ticket",
        signals: async () => ({ ...(await personSignals()), formTicket: undefined }),
        reasons: ["ticket_missing_or_invalid"],
      },
      {
        name: "a ticket signed with another key",
        signals: async () => ({
          ...(await personSignals()),
          formTicket: issueFormTicket(
            Buffer.alloc(32, 1),
            new Date(h.clock.now.getTime() - 60_000),
          ),
        }),
        reasons: ["ticket_missing_or_invalid"],
      },
      {
        name: "no proof of work",
        signals: async () => ({ ...(await personSignals()), proofOfWork: undefined }),
        reasons: ["proof_of_work_missing"],
      },
      {
        name: "a wrong solution",
        signals: async () => {
          const challenge = await fetchChallenge();
          const proofOfWork = await solve(challenge, (key) =>
            key.replace(/^./, (c) => (c === "0" ? "1" : "0")),
          );
          tick(30_000);
          return { honeypot: "", formTicket: challenge.formTicket, proofOfWork };
        },
        reasons: ["proof_of_work_invalid"],
      },
      {
        name: "a challenge with a changed cost (tampered)",
        signals: async () => {
          const challenge = await fetchChallenge();
          challenge.challenge.parameters.cost = 1;
          challenge.challenge.parameters.data.expiresAt += 10 * 24 * 3600 * 1000;
          const proofOfWork = await solve(challenge);
          tick(30_000);
          return { formTicket: challenge.formTicket, proofOfWork };
        },
        reasons: ["proof_of_work_invalid"],
      },
      {
        name: "an expired challenge",
        signals: async () => {
          const challenge = await fetchChallenge();
          const proofOfWork = await solve(challenge);
          tick(TRUST.proofOfWork.ttlMs + 1);
          // A fresh ticket: only the proof of work is stale.
          const { formTicket } = await fetchChallenge();
          tick(MIN_FILL_MS);
          return { formTicket, proofOfWork };
        },
        reasons: ["proof_of_work_invalid"],
      },
      {
        name: "something that is not a proof of work",
        signals: async () => ({ ...(await personSignals()), proofOfWork: "not base64 json {" }),
        reasons: ["proof_of_work_invalid"],
      },
      {
        name: "a bot that sends the tip alone",
        signals: async () => ({}),
        reasons: ["ticket_missing_or_invalid", "proof_of_work_missing"],
      },
    ];

    it.each(heuristics)(
      "accepts $name with the ordinary receipt, and stores it low-trust with its reason",
      async ({ signals, reasons }) => {
        expect(await sendAndRead(await signals())).toMatchObject({ trust: "low", reasons });
      },
    );

    it("takes a solution once: a replay is accepted, but low-trust", async () => {
      const signals = await personSignals();
      expect((await sendAndRead(signals)).trust).toBe("normal");
      tick(60_000);
      expect(await sendAndRead(signals)).toMatchObject({
        trust: "low",
        reasons: ["proof_of_work_reused"],
      });
    });

    it("takes a solution once even when two copies arrive together", async () => {
      const signals = await personSignals();
      const texts = [`Concurrent copy ${++sent}`, `Concurrent copy ${++sent}`];
      const answers = await Promise.all(texts.map((text) => send({ ...tip(text), ...signals })));
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      const trusts = await Promise.all(texts.map(storedTrust));
      expect(trusts.map((t) => t.trust).sort()).toEqual(["low", "normal"]);
    });

    it("refuses bad input with 400, writes nothing, and leaves the proof of work unspent", async () => {
      const signals = await personSignals();
      const before = await countRows(h);
      const spentBefore = await spentCount();
      const bad = [
        { ...tip("Bad"), ...signals, answer: { confidence: "certain-ish" } },
        { ...tip("Bad"), ...signals, honeypot: "x".repeat(5_000) },
        { ...tip("Bad"), ...signals, proofOfWork: 42 },
        { ...tip("Bad"), ...signals, website: "unknown field" },
      ];
      for (const input of bad) {
        const res = await send(input);
        expect(res.status).toBe(400);
        expect(res.body.error!.data.fieldErrors).not.toBeNull();
      }
      expect(await countRows(h)).toEqual(before);
      expect(await spentCount()).toBe(spentBefore);
      // The same solution still counts, once the tip is right.
      expect((await sendAndRead(signals)).trust).toBe("normal");
    });

    it("refuses a tip about an unpublished object without spending its proof of work", async () => {
      const signals = await personSignals();
      const refused = await send({ ...tip("Draft"), objectRef: h.fixtures.draft.ref, ...signals });
      expect(refused.status).toBe(404);
      expect((await sendAndRead(signals)).trust).toBe("normal");
    });
  });

  describe("the form without JavaScript", () => {
    const formSend = async (text: string, honeypot: string | undefined, issuedMsAgo: number) => {
      const formTicket = issueFormTicket(
        h.deps.formTicketKey,
        new Date(h.clock.now.getTime() - issuedMsAgo),
      );
      const receipt = await submitTip(h.deps, TipSubmissionSchema.parse(tip(text)), {
        channel: "form",
        honeypot,
        formTicket,
        proofOfWork: undefined,
      });
      expect(receipt.status).toBe("received");
      return storedTrust(text);
    };

    it("gives normal trust without any proof of work", async () => {
      expect(await formSend(`No-JS ${++sent}`, "", 60_000)).toMatchObject({
        trust: "normal",
        reasons: [],
      });
    });

    it("still applies the honeypot and the fill time", async () => {
      expect(await formSend(`No-JS ${++sent}`, "filled", 60_000)).toMatchObject({
        trust: "low",
        reasons: ["honeypot_filled"],
      });
      expect(await formSend(`No-JS ${++sent}`, "", 500)).toMatchObject({
        trust: "low",
        reasons: ["filled_too_fast"],
      });
    });
  });

  describe("the staff inbox", () => {
    let lowId: string;
    let normalId: string;
    let urgentLowId: string;

    beforeAll(async () => {
      normalId = (await sendAndRead(await personSignals())).id;
      lowId = (await sendAndRead({ honeypot: "bot" })).id;
      const text = `Urgent low-trust ${++sent}`;
      const res = await send({ ...tip(text), concernsOtherAbuse: true });
      expect(res.status).toBe(200);
      urgentLowId = (await storedTrust(text)).id;
    });

    const list = async (
      input: Record<string, unknown>,
      role: "analyst" | "coordinator" = "analyst",
    ) => {
      const res = await call<{ items: { id: string; trust: string }[]; total: number }>(
        h.staffApp,
        "query",
        "tips.list",
        { limit: 100, ...input },
        { cookie: await loginAs(h, role) },
      );
      expect(res.status).toBe(200);
      return res.body.result!.data;
    };

    it("keeps untriaged low-trust tips out of the main queues and lists them in their own", async () => {
      const all = await list({});
      expect(all.items.map((t) => t.id)).toContain(normalId);
      expect(all.items.map((t) => t.id)).not.toContain(lowId);
      expect(all.items.every((t) => t.trust === "normal")).toBe(true);
      expect((await list({ queue: "new" })).items.map((t) => t.id)).not.toContain(lowId);

      const low = await list({ queue: "low_trust" }, "coordinator");
      expect(low.items.length).toBeGreaterThan(0);
      expect(low.items.every((t) => t.trust === "low")).toBe(true);
      expect(low.items.map((t) => t.id)).toEqual(expect.arrayContaining([lowId, urgentLowId]));
      expect(low.items.map((t) => t.id)).not.toContain(normalId);
      const [{ n }] = (await h.deps.database.db
        .select({ n: count() })
        .from(schema.tips)
        .where(eq(schema.tips.trust, "low"))) as [{ n: number }];
      expect(low.total).toBe(n);
    });

    it("never hides a safeguarding report: the urgent queue shows it whatever its trust", async () => {
      const urgent = await list({ queue: "urgent" });
      expect(urgent.items.find((t) => t.id === urgentLowId)).toMatchObject({ trust: "low" });
    });

    it("puts a low-trust tip back in the main inbox once a person has triaged it", async () => {
      const res = await call(
        h.staffApp,
        "mutation",
        "tips.triage",
        { id: lowId, outcome: "not_useful" },
        { cookie: await loginAs(h, "analyst") },
      );
      expect(res.status).toBe(200);
      expect((await list({})).items.find((t) => t.id === lowId)).toMatchObject({ trust: "low" });
      expect((await list({ queue: "low_trust" })).items.map((t) => t.id)).toContain(lowId);
    });

    it("shows the reasons on the tip", async () => {
      const res = await call<{ trust: string; trustReasons: string[] }>(
        h.staffApp,
        "query",
        "tips.byId",
        { id: lowId },
        { cookie: await loginAs(h, "analyst") },
      );
      expect(res.status).toBe(200);
      expect(res.body.result!.data).toMatchObject({
        trust: "low",
        trustReasons: ["honeypot_filled", "ticket_missing_or_invalid", "proof_of_work_missing"],
      });
    });

    it.each(["agency_liaison", "admin"] as const)(
      "refuses the low-trust queue to the %s role",
      async (role) => {
        const res = await call(
          h.staffApp,
          "query",
          "tips.list",
          { queue: "low_trust" },
          { cookie: await loginAs(h, role) },
        );
        expect(res.status).toBe(403);
      },
    );

    it("refuses the low-trust queue without a session, and does not exist on the public listener", async () => {
      expect((await call(h.staffApp, "query", "tips.list", { queue: "low_trust" })).status).toBe(
        401,
      );
      expect((await call(h.publicApp, "query", "tips.list", { queue: "low_trust" })).status).toBe(
        404,
      );
    });
  });

  describe("spent proofs of work", () => {
    const isSpent = async (digest: string) =>
      (
        await h.deps.database.db
          .select({ digest: schema.spentProofsOfWork.challengeDigest })
          .from(schema.spentProofsOfWork)
          .where(eq(schema.spentProofsOfWork.challengeDigest, digest))
      ).length === 1;

    /** A person's signals, and the digest under which their proof of work is spent. */
    const signalsWithDigest = async () => {
      const challenge = await fetchChallenge();
      const proofOfWork = await solve(challenge);
      tick(30_000);
      return {
        digest: challenge.challenge.signature,
        signals: { honeypot: "", formTicket: challenge.formTicket, proofOfWork },
      };
    };

    it("are remembered until their challenge expires, then forgotten by the retention sweep, not by a submission", async () => {
      const old = await signalsWithDigest();
      expect((await sendAndRead(old.signals)).trust).toBe("normal");
      expect(await isSpent(old.digest)).toBe(true);

      tick(TRUST.proofOfWork.ttlMs);
      const fresh = await signalsWithDigest();
      expect((await sendAndRead(fresh.signals)).trust).toBe("normal");
      // The submission leaves the housekeeping to the sweep: nothing on the tip's path deletes.
      expect(await isSpent(old.digest)).toBe(true);
      // A replay of the expired one is refused on its expiry, deleted row or not.
      expect((await sendAndRead(old.signals)).reasons).toContain("proof_of_work_invalid");

      const swept = await runRetentionSweep(h.deps, DEFAULT_RETENTION_POLICY);
      expect(swept.spentProofsOfWork).toBeGreaterThanOrEqual(1);
      expect(await isSpent(old.digest)).toBe(false);
      expect(await isSpent(fresh.digest)).toBe(true);
      expect((await sendAndRead(fresh.signals)).reasons).toContain("proof_of_work_reused");
    });
  });

  const spentCount = async () => {
    const [row] = await h.deps.database.db.select({ n: count() }).from(schema.spentProofsOfWork);
    return row!.n;
  };
});
