import { createHmac } from "node:crypto";
import { createChallenge, randomInt, verifySolution, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { z } from "zod";
import {
  assessTipTrust,
  DEFAULT_TRUST_POLICY,
  type ProofOfWorkVerdict,
  type SubmissionChannel,
  type TipTrustAssessment,
  type TrustPolicy,
} from "@trace/domain";
import { spendProofOfWork, type Executor } from "@trace/db";
import { issueFormTicket, readFormTicket } from "./form-ticket";

/**
 * What a channel hands `submitTip` besides the tip itself. The site's form ("app", over tRPC)
 * sends all of them; the form without JavaScript ("form") sends its hidden honeypot and ticket
 * fields and never a proof of work. None of them can refuse a tip: they only decide its trust
 * (docs/adr/0012-tip-abuse-resistance.md).
 */
export interface SubmissionSignals {
  channel: SubmissionChannel;
  /** The hidden field, as sent; a person leaves it empty. */
  honeypot: string | undefined;
  /** `issueFormTicket`'s signed "form handed out at", as sent. */
  formTicket: string | undefined;
  /** The solved challenge of `createTipChallenge`: base64 of JSON `{ challenge, solution }`. */
  proofOfWork: string | undefined;
}

export interface ProofOfWorkConfig {
  /** PBKDF2 iterations per attempt. */
  cost: number;
  /** The counter a solver must find is drawn from [maxCounter / 2, maxCounter]. */
  maxCounter: number;
  /** How long a challenge may be solved and sent; a spent one is remembered this long. */
  ttlMs: number;
}

export interface SubmissionTrustConfig {
  policy: TrustPolicy;
  proofOfWork: ProofOfWorkConfig;
}

/**
 * About 0.9 s of one core on average (1.2 s at most) in headless Chromium on the reference
 * machine (PBKDF2-SHA-256 at 1,000 iterations is ~0.23 ms in WebCrypto; 2,500–5,000 attempts),
 * a few seconds on an old phone, spread over the form's workers while the person types. The ADR
 * has the reasoning.
 */
export const DEFAULT_SUBMISSION_TRUST: SubmissionTrustConfig = {
  policy: DEFAULT_TRUST_POLICY,
  proofOfWork: { cost: 1_000, maxCounter: 5_000, ttlMs: 2 * 60 * 60 * 1000 },
};

/** The browser's WebCrypto has PBKDF2 natively: no WebAssembly, no extra download. */
export const PROOF_OF_WORK_ALGORITHM = "PBKDF2/SHA-256";

/** altcha-lib takes its HMAC secrets as strings; two different ones from the configured key. */
function secrets(key: Buffer) {
  const sub = (purpose: string) => createHmac("sha256", key).update(purpose).digest("hex");
  return {
    hmacSignatureSecret: sub("altcha/challenge"),
    hmacKeySignatureSecret: sub("altcha/derived-key"),
  };
}

/** ALTCHA's challenge as altcha-lib makes it (every parameter is covered by its signature). */
export const TipChallengeSchema = z.object({
  challenge: z.object({
    parameters: z.object({
      algorithm: z.string(),
      nonce: z.string(),
      salt: z.string(),
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: z.string(),
      keySignature: z.string().optional(),
      memoryCost: z.number().optional(),
      parallelism: z.number().optional(),
      expiresAt: z.number().optional(),
      data: z.object({ expiresAt: z.number() }),
    }),
    signature: z.string(),
  }),
  /** When the form was handed out, signed (form-ticket.ts): the start of the fill time. */
  formTicket: z.string(),
  /** The client should fetch a new challenge rather than send one older than this. */
  expiresInSeconds: z.number().int(),
});
export type TipChallenge = z.infer<typeof TipChallengeSchema>;

/**
 * A signed challenge in ALTCHA's deterministic mode: the server knows the counter and signs the
 * key it gives, so checking a solution is one HMAC whatever the cost. Its expiry is in its signed
 * `data`, on the injected clock (altcha-lib's own `expiresAt` reads the system clock).
 */
export async function createTipChallenge(
  key: Buffer,
  formTicketKey: Buffer,
  config: ProofOfWorkConfig,
  now: Date,
): Promise<TipChallenge> {
  const data = { expiresAt: now.getTime() + config.ttlMs };
  const { parameters, signature } = await createChallenge({
    algorithm: PROOF_OF_WORK_ALGORITHM,
    cost: config.cost,
    counter: randomInt(config.maxCounter, Math.ceil(config.maxCounter / 2)),
    deriveKey,
    data,
    ...secrets(key),
  });
  if (!signature) throw new Error("altcha-lib returned an unsigned challenge");
  return {
    challenge: { parameters: { ...parameters, data }, signature },
    formTicket: issueFormTicket(formTicketKey, now),
    expiresInSeconds: Math.floor(config.ttlMs / 1000),
  };
}

const PayloadSchema = z.object({
  challenge: z.object({
    parameters: z.looseObject({
      algorithm: z.literal(PROOF_OF_WORK_ALGORITHM),
      nonce: z.string(),
      salt: z.string(),
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: z.string(),
      data: z.looseObject({ expiresAt: z.number() }),
    }),
    signature: z.string(),
  }),
  solution: z.object({ counter: z.number(), derivedKey: z.string() }),
});

export type CheckedProofOfWork =
  | { verdict: "valid"; challengeDigest: string; expiresAt: Date }
  | { verdict: "missing" | "invalid" };

/**
 * Checks a proof of work against its signed challenge, before the tip's transaction. Whether
 * it was spent before is for `assessSubmission`, inside the transaction. Anything unreadable,
 * tampered with, wrong or expired is "invalid"; nothing here throws.
 */
export async function checkProofOfWork(
  key: Buffer,
  payload: string | undefined,
  now: Date,
): Promise<CheckedProofOfWork> {
  if (payload === undefined || payload.trim() === "") return { verdict: "missing" };
  try {
    const parsed = PayloadSchema.safeParse(JSON.parse(Buffer.from(payload, "base64").toString()));
    if (!parsed.success) return { verdict: "invalid" };
    const { challenge, solution } = parsed.data;
    const result = await verifySolution({
      challenge: challenge as Challenge,
      solution,
      deriveKey,
      ...secrets(key),
    });
    // Checked after the signature: only then is the expiry the server's own.
    const expiresAt = new Date(challenge.parameters.data.expiresAt);
    if (!result.verified || !(expiresAt.getTime() > now.getTime())) return { verdict: "invalid" };
    return { verdict: "valid", challengeDigest: challenge.signature, expiresAt };
  } catch {
    return { verdict: "invalid" };
  }
}

/**
 * Decides the tip's trust from its signals, in the tip's transaction: a valid proof of work is
 * spent here, so a replay (even a concurrent one) finds it spent, and a tip that is not stored
 * leaves its proof of work unspent.
 */
export async function assessSubmission(
  tx: Executor,
  { formTicketKey, policy }: { formTicketKey: Buffer; policy: TrustPolicy },
  signals: SubmissionSignals,
  proofOfWork: CheckedProofOfWork,
  now: Date,
): Promise<TipTrustAssessment> {
  let verdict: ProofOfWorkVerdict = proofOfWork.verdict;
  if (signals.channel === "app" && proofOfWork.verdict === "valid") {
    const isFirstUse = await spendProofOfWork(
      tx,
      proofOfWork.challengeDigest,
      proofOfWork.expiresAt,
    );
    if (!isFirstUse) verdict = "reused";
  }
  return assessTipTrust(
    {
      channel: signals.channel,
      isHoneypotFilled: (signals.honeypot ?? "").trim() !== "",
      formIssuedAt: readFormTicket(formTicketKey, signals.formTicket),
      receivedAt: now,
      proofOfWork: verdict,
    },
    policy,
  );
}
