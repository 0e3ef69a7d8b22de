import { createChallenge, solveChallenge, verifySolution, type Challenge } from "altcha-lib";
import { deriveKey as nodeDeriveKey } from "altcha-lib/algorithms/pbkdf2";
import { deriveKey as webDeriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { describe, expect, it } from "vitest";
import {
  encodeProofOfWork,
  startProofOfWork,
  type ProofOfWorkState,
  type Solver,
  type TipChallenge,
} from "./proof-of-work";

const SECRET = "test-secret";
const KEY_SECRET = "test-key-secret";

/** A challenge as the API makes one, cheap enough to solve in a test. */
async function apiChallenge(ticket: string): Promise<TipChallenge> {
  const challenge = await createChallenge({
    algorithm: "PBKDF2/SHA-256",
    cost: 2,
    counter: 7,
    deriveKey: nodeDeriveKey,
    data: { expiresAt: 0 },
    hmacSignatureSecret: SECRET,
    hmacKeySignatureSecret: KEY_SECRET,
  });
  return { challenge, formTicket: ticket, expiresInSeconds: 7200 };
}

/** The in-thread fallback of the browser solver: WebCrypto's PBKDF2, as the workers use. */
const inThread: Solver = (challenge, signal) =>
  solveChallenge({ challenge, deriveKey: webDeriveKey, controller: { signal } as AbortController });

function decode(payload: string): {
  challenge: Challenge;
  solution: { counter: number; derivedKey: string };
} {
  return JSON.parse(atob(payload));
}

function session(fetchChallenge: () => Promise<TipChallenge>, solve: Solver = inThread) {
  const states: ProofOfWorkState[] = [];
  const clock = { now: 1_000_000 };
  const started = startProofOfWork({
    fetchChallenge,
    solve,
    now: () => clock.now,
    onChange: (s) => states.push(s),
  });
  return { started, states, clock };
}

describe("the tip form's proof of work", () => {
  it("solves the challenge so that the server's check accepts it, and sends the ticket with it", async () => {
    const { started, states } = session(() => apiChallenge("ticket-1"));
    const signals = await started.signals();
    expect(signals.formTicket).toBe("ticket-1");
    const { challenge, solution } = decode(signals.proofOfWork!);
    expect(solution.counter).toBe(7);
    const verdict = await verifySolution({
      challenge,
      solution,
      deriveKey: nodeDeriveKey,
      hmacSignatureSecret: SECRET,
      hmacKeySignatureSecret: KEY_SECRET,
    });
    expect(verdict.verified).toBe(true);
    expect(states).toEqual(["working", "ready"]);
  });

  it("encodes exactly the challenge and the counter and key of the solution", async () => {
    const { challenge } = await apiChallenge("t");
    const payload = encodeProofOfWork(challenge, { counter: 3, derivedKey: "ab", time: 12 });
    expect(decode(payload)).toEqual({ challenge, solution: { counter: 3, derivedKey: "ab" } });
  });

  it("lets the tip go without a proof of work when the challenge cannot be fetched", async () => {
    const { started, states } = session(() => Promise.reject(new Error("offline")));
    expect(await started.signals()).toEqual({});
    expect(states).toEqual(["working", "failed"]);
  });

  it("keeps the ticket when the solver gives up", async () => {
    const { started, states } = session(
      () => apiChallenge("ticket-2"),
      async () => null,
    );
    expect(await started.signals()).toEqual({ formTicket: "ticket-2" });
    expect(states).toEqual(["working", "failed"]);
  });

  it("keeps the ticket when the solver fails outright", async () => {
    const { started } = session(
      () => apiChallenge("ticket-3"),
      () => Promise.reject(new Error("no WebCrypto")),
    );
    expect(await started.signals()).toEqual({ formTicket: "ticket-3" });
  });

  it("solves a new challenge before sending one about to expire, keeping the first ticket", async () => {
    let fetched = 0;
    const { started, clock } = session(() => apiChallenge(`ticket-${++fetched}`));
    const first = await started.signals();
    clock.now += 7200 * 1000 - 60_000; // within the five-minute margin
    const second = await started.signals();
    expect(fetched).toBe(2);
    expect(second.formTicket).toBe("ticket-1");
    expect(decode(second.proofOfWork!).challenge.signature).not.toBe(
      decode(first.proofOfWork!).challenge.signature,
    );
  });

  it("reuses its solution while the challenge is fresh", async () => {
    let fetched = 0;
    const { started } = session(() => apiChallenge(`ticket-${++fetched}`));
    const first = await started.signals();
    expect(await started.signals()).toEqual(first);
    expect(fetched).toBe(1);
  });
});
