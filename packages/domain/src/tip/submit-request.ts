import { z } from "zod";
import { TipSubmissionSchema } from "./tip";

/** Generous bounds: a real client never comes near them, and anything within is only judged. */
export const SUBMISSION_SIGNAL_LIMITS = {
  honeypot: 2_000,
  formTicket: 200,
  proofOfWork: 8_000,
} as const;

/**
 * What the site's form sends: the tip plus the abuse signals. A wrong signal never refuses a
 * tip (it lowers its trust), so these accept any string within the bounds.
 */
// Pure: a bundle that does not use it (the site's form sends it, only the API parses it) drops it.
export const TipSubmitRequestSchema = /* @__PURE__ */ TipSubmissionSchema.safeExtend({
  /** The hidden field; a person leaves it empty. */
  honeypot: z.string().max(SUBMISSION_SIGNAL_LIMITS.honeypot).optional(),
  /** The signed "form handed out at" ticket, from `tips.challenge`. */
  formTicket: z.string().max(SUBMISSION_SIGNAL_LIMITS.formTicket).optional(),
  /** The solved ALTCHA challenge, base64 JSON of `{ challenge, solution }`. */
  proofOfWork: z.string().max(SUBMISSION_SIGNAL_LIMITS.proofOfWork).optional(),
  /**
   * Optional, chosen by the client once per tip (ADR 0015): a retried send with the same key
   * returns the first send's receipt instead of making a second tip.
   */
  idempotencyKey: /* @__PURE__ */ z
    .string()
    .regex(/^[A-Za-z0-9_-]{22,64}$/, "22 to 64 characters of base64url (or a UUID)")
    .optional(),
});
export type TipSubmitRequest = z.infer<typeof TipSubmitRequestSchema>;
export type TipSubmitRequestInput = z.input<typeof TipSubmitRequestSchema>;
