import { solveChallenge, solveChallengeWorkers, type Challenge, type Solution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";

/** What `tips.challenge` answers (apps/api/src/abuse/submission-trust.ts). */
export interface TipChallenge {
  challenge: Challenge;
  formTicket: string;
  expiresInSeconds: number;
}

/** The abuse signals the form adds to a tip; either may be missing, which never stops a tip. */
export interface ProofOfWorkSignals {
  formTicket?: string;
  proofOfWork?: string;
}

export type ProofOfWorkState = "working" | "ready" | "failed";

/** Finds the solution, or null when it cannot (timed out, aborted, no way to compute). */
export type Solver = (challenge: Challenge, signal: AbortSignal) => Promise<Solution | null>;

/** The API reads the solved challenge as base64 of JSON `{ challenge, solution }`. */
export function encodeProofOfWork(challenge: Challenge, solution: Solution): string {
  const { counter, derivedKey } = solution;
  // Only hex strings and numbers: plain ASCII, so btoa is safe.
  return btoa(JSON.stringify({ challenge, solution: { counter, derivedKey } }));
}

/** Fetch a new challenge rather than send one this close to its expiry. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

export interface ProofOfWorkSession {
  /** The signals to send, once the work in progress is done (never rejects). */
  signals(): Promise<ProofOfWorkSignals>;
  /** Stops the work (the form was left). */
  cancel(): void;
}

/**
 * One tip form's proof of work: fetches a challenge and solves it at once, while the tipster
 * writes. At send time `signals()` waits for it, and starts again with a new challenge if the
 * old one is about to expire (keeping the first ticket: the fill time runs from the form's
 * opening). Any failure ends in "failed" and no proof of work; the tip is still sent.
 */
export function startProofOfWork({
  fetchChallenge,
  solve,
  now,
  onChange,
}: {
  fetchChallenge: () => Promise<TipChallenge>;
  solve: Solver;
  now: () => number;
  onChange: (state: ProofOfWorkState) => void;
}): ProofOfWorkSession {
  const controller = new AbortController();
  let formTicket: string | undefined;
  let validUntil = 0;
  let work: Promise<string | undefined>;

  const run = async (): Promise<string | undefined> => {
    onChange("working");
    const fetchedAt = now();
    try {
      const answer = await fetchChallenge();
      formTicket ??= answer.formTicket;
      validUntil = fetchedAt + answer.expiresInSeconds * 1000 - EXPIRY_MARGIN_MS;
      const solution = await solve(answer.challenge, controller.signal);
      if (controller.signal.aborted) return undefined;
      onChange(solution ? "ready" : "failed");
      return solution ? encodeProofOfWork(answer.challenge, solution) : undefined;
    } catch {
      if (!controller.signal.aborted) onChange("failed");
      return undefined;
    }
  };
  work = run();

  return {
    async signals() {
      let proofOfWork = await work;
      if (proofOfWork !== undefined && now() > validUntil) {
        work = run();
        proofOfWork = await work;
      }
      return {
        ...(formTicket !== undefined && { formTicket }),
        ...(proofOfWork !== undefined && { proofOfWork }),
      };
    },
    cancel: () => controller.abort(),
  };
}

/**
 * Solves in Web Workers, one per core up to four, so the page stays responsive; where workers
 * cannot start (an old browser, a blocked script), in this thread, where WebCrypto's PBKDF2 runs
 * off the main loop anyway.
 */
export function browserSolver(timeoutMs: number): Solver {
  return async (challenge, signal) => {
    const controller = new AbortController();
    signal.addEventListener("abort", () => controller.abort());
    try {
      return await solveChallengeWorkers({
        challenge,
        concurrency: Math.min(4, navigator.hardwareConcurrency || 2),
        controller,
        timeout: timeoutMs,
        createWorker: () =>
          new Worker(new URL("./pow-worker.ts", import.meta.url), { type: "module" }),
      });
    } catch {
      if (signal.aborted) return null;
      return solveChallenge({ challenge, deriveKey, controller, timeout: timeoutMs });
    }
  };
}
