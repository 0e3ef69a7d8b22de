import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS, TOTP_WINDOW } from "@trace/domain";

const ISSUER = "Trace";

function totpFor(secret: string, label = "staff"): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** 160 random bits, as RFC 4226 recommends, in base32 for authenticator apps. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/**
 * The time step the code belongs to (now ± one step), or null if it matches none. The caller
 * decides whether the step is fresh (domain `acceptTotpStep`).
 */
export function matchTotpStep(secret: string, code: string, now: Date): number | null {
  const totp = totpFor(secret);
  const timestamp = now.getTime();
  const delta = totp.validate({ token: code, timestamp, window: TOTP_WINDOW });
  return delta === null ? null : totp.counter({ timestamp }) + delta;
}

export function currentTotpCode(secret: string, now: Date): string {
  return totpFor(secret).generate({ timestamp: now.getTime() });
}

/** The otpauth:// URI and its QR code as an SVG string, made here so no request leaves the site. */
export async function enrolmentFor(
  secret: string,
  email: string,
): Promise<{ secret: string; otpauthUri: string; qrCodeSvg: string }> {
  const otpauthUri = totpFor(secret, email).toString();
  const qrCodeSvg = await QRCode.toString(otpauthUri, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
  });
  return { secret, otpauthUri, qrCodeSvg };
}
