import { z } from "zod";
import { err, ok, type Result } from "../shared/result";
import { normaliseBase32, randomBase32, type RandomSource } from "../shared/random";
import { StaffUserSchema } from "./user";

/** RFC 6238 defaults every authenticator app understands: 6 digits, 30-second steps, SHA-1. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** One step either side of now, for clocks that drift a little. */
export const TOTP_WINDOW = 1;

/** A login challenge lives five minutes and opens at most one session. */
export const LOGIN_CHALLENGE_MS = 5 * 60 * 1000;

/**
 * A time step may be used once per account: a step is accepted only if it is later than the last
 * one used, so a code seen over a shoulder or replayed from a log opens nothing.
 */
export function acceptTotpStep(
  lastUsedStep: number | null,
  matchedStep: number | null,
): Result<number, "code_invalid" | "code_replayed"> {
  if (matchedStep === null) return err("code_invalid");
  if (lastUsedStep !== null && matchedStep <= lastUsedStep) return err("code_replayed");
  return ok(matchedStep);
}

/** 10 codes of 16 Crockford base32 symbols (80 random bits each), shown once, stored hashed. */
export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODE_SYMBOLS = 16;

export function generateRecoveryCodes(random: RandomSource): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    randomBase32(random, RECOVERY_CODE_SYMBOLS).match(/.{4}/g)!.join("-"),
  );
}

/** Accepts what a person types (any case, spaces, dashes) and yields the canonical code. */
export const RecoveryCodeSchema = z
  .string()
  .max(64)
  .transform(normaliseBase32)
  .pipe(
    z
      .string()
      .regex(/^[0-9A-HJKMNP-TV-Z]{16}$/, "A recovery code has 16 letters and digits.")
      .transform((code) => code.match(/.{4}/g)!.join("-")),
  );

export const TotpCodeSchema = z
  .string()
  .transform((s) => s.replace(/\s/g, ""))
  .pipe(z.string().regex(/^[0-9]{6}$/, "Enter the 6-digit code from your authenticator app."));

/** 256 random bits in base64url, like a session token. */
export const LoginChallengeSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const LoginStepSchema = z.object({
  challenge: LoginChallengeSchema,
  /** `enrol` on first login (or after an admin reset), `verify` otherwise. */
  next: z.enum(["enrol", "verify"]),
});
export type LoginStep = z.infer<typeof LoginStepSchema>;

export const ChallengeInputSchema = z.strictObject({ challenge: LoginChallengeSchema });

export const VerifySecondFactorInputSchema = z.discriminatedUnion("method", [
  z.strictObject({
    challenge: LoginChallengeSchema,
    method: z.literal("totp"),
    code: TotpCodeSchema,
  }),
  z.strictObject({
    challenge: LoginChallengeSchema,
    method: z.literal("recovery_code"),
    code: RecoveryCodeSchema,
  }),
]);
export type VerifySecondFactorInput = z.infer<typeof VerifySecondFactorInputSchema>;

export const ConfirmEnrolmentInputSchema = z.strictObject({
  challenge: LoginChallengeSchema,
  code: TotpCodeSchema,
});

export const EnrolmentSchema = z.object({
  /** Base32, for typing into an app that cannot scan. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as an SVG QR code, rendered on the server: no request leaves the site. */
  qrCodeSvg: z.string(),
});

export const EnrolmentResultSchema = z.object({
  user: StaffUserSchema,
  recoveryCodes: z.array(z.string()).length(RECOVERY_CODE_COUNT),
});
