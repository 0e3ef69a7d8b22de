// Verifies a Trace webhook delivery. Copy this file into your receiver (Node.js 18 or newer).
import { createHmac, timingSafeEqual } from "node:crypto";

/** How far (in seconds) a delivery's timestamp may be from this server's clock. */
export const TOLERANCE_SECONDS = 300;

/**
 * True when `body` was signed with `secret` at `timestamp`, and `timestamp` is recent.
 * Call it with the raw body, exactly as received: parsing and re-serialising the JSON first
 * changes the bytes and the signature no longer matches.
 *
 * @param {{
 *   secret: string,                          // the agency's signing secret, "whsec_…"
 *   body: string | Buffer,                   // the raw request body
 *   timestamp: string | null | undefined,    // the Trace-Timestamp header
 *   signature: string | null | undefined,    // the Trace-Signature header
 *   nowSeconds?: number,                     // the current Unix time (for tests)
 * }} delivery
 * @returns {boolean}
 */
export function verifyTraceSignature({
  secret,
  body,
  timestamp,
  signature,
  nowSeconds = Math.floor(Date.now() / 1000),
}) {
  if (typeof timestamp !== "string" || !/^[0-9]{1,12}$/.test(timestamp)) return false;
  // A stale timestamp means a replayed (or very late) request: refuse it.
  if (Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const match = /^v1=([0-9a-f]{64})$/.exec(signature ?? "");
  if (!match) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest();
  // Constant-time comparison: the time taken reveals nothing about how much of it matched.
  return timingSafeEqual(Buffer.from(match[1], "hex"), expected);
}
