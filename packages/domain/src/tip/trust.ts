import { z } from "zod";

/**
 * How much the abuse heuristics believe that a person sent a tip. A low-trust tip is accepted
 * like any other (the sender gets a receipt and is told nothing); it only waits in the inbox's
 * low-trust queue instead of the main one (docs/adr/0012-tip-abuse-resistance.md).
 */
export const TIP_TRUST_LEVELS = ["normal", "low"] as const;
export const TipTrustSchema = z.enum(TIP_TRUST_LEVELS);
export type TipTrust = z.infer<typeof TipTrustSchema>;

/** Why a tip is low-trust; stored with the tip and shown to staff in plain words. */
export const TIP_TRUST_REASONS = [
  "honeypot_filled",
  "filled_too_fast",
  "ticket_missing_or_invalid",
  "proof_of_work_missing",
  "proof_of_work_invalid",
  "proof_of_work_reused",
] as const;
export const TipTrustReasonSchema = z.enum(TIP_TRUST_REASONS);
export type TipTrustReason = z.infer<typeof TipTrustReasonSchema>;

/**
 * Where a tip came from: the site's JavaScript form ("app") or the server-rendered form that
 * works without JavaScript ("form"), which cannot compute a proof of work.
 */
export const SUBMISSION_CHANNELS = ["app", "form"] as const;
export type SubmissionChannel = (typeof SUBMISSION_CHANNELS)[number];

/** What checking the proof of work found; `reused` is a valid solution already spent. */
export type ProofOfWorkVerdict = "valid" | "missing" | "invalid" | "reused";

/** What the server knows about one submission, already checked (signatures, solutions). */
export interface SubmissionFacts {
  channel: SubmissionChannel;
  /** The field no person can see was filled in. */
  isHoneypotFilled: boolean;
  /** When the server handed the form out (a ticket it signed), or null without a valid one. */
  formIssuedAt: Date | null;
  receivedAt: Date;
  /** Ignored for the "form" channel. */
  proofOfWork: ProofOfWorkVerdict;
}

export interface TrustPolicy {
  /** Sent sooner than this after the form was handed out: no person reads and answers so fast. */
  minFillMs: number;
  /** A ticket older than this counts as missing, so one ticket cannot serve a bot for ever. */
  maxTicketAgeMs: number;
}

export const DEFAULT_TRUST_POLICY: TrustPolicy = {
  minFillMs: 3_000,
  maxTicketAgeMs: 24 * 60 * 60 * 1000,
};

export interface TipTrustAssessment {
  trust: TipTrust;
  /** In the order of TIP_TRUST_REASONS; empty for normal trust. */
  reasons: TipTrustReason[];
}

/**
 * Decides a tip's trust from the facts of its submission. Any reason makes it low-trust; none
 * refuses it. Without JavaScript there is no proof of work, and that alone never lowers trust:
 * people who turn JavaScript off (Tor's safest level) are exactly those Trace must not sideline.
 */
export function assessTipTrust(facts: SubmissionFacts, policy: TrustPolicy): TipTrustAssessment {
  const found = new Set<TipTrustReason>();
  if (facts.isHoneypotFilled) found.add("honeypot_filled");
  const age =
    facts.formIssuedAt === null ? null : facts.receivedAt.getTime() - facts.formIssuedAt.getTime();
  if (age === null || age > policy.maxTicketAgeMs) found.add("ticket_missing_or_invalid");
  // A ticket from the future (a clock set back, another instance's skew) proves no waiting.
  else if (age < policy.minFillMs) found.add("filled_too_fast");
  if (facts.channel === "app") {
    if (facts.proofOfWork === "missing") found.add("proof_of_work_missing");
    if (facts.proofOfWork === "invalid") found.add("proof_of_work_invalid");
    if (facts.proofOfWork === "reused") found.add("proof_of_work_reused");
  }
  const reasons = TIP_TRUST_REASONS.filter((reason) => found.has(reason));
  return { trust: reasons.length > 0 ? "low" : "normal", reasons };
}
