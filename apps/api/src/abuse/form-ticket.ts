import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A form ticket is the server's signed note of when it handed a tip form out:
 * `<issued at, ms since epoch, base 36>.<HMAC-SHA256 truncated to 128 bits, base64url>`. It
 * names no one and is stored nowhere; it only lets the server tell, when the form comes back,
 * how long it took to fill in (see the minimum fill time in submission trust).
 */
export function issueFormTicket(key: Buffer, now: Date): string {
  const issued = now.getTime().toString(36);
  return `${issued}.${sign(key, issued)}`;
}

/** When a ticket was issued, or null for anything this server did not sign. */
export function readFormTicket(key: Buffer, ticket: string | undefined): Date | null {
  if (!ticket || ticket.length > 64) return null;
  const [issued, signature, ...rest] = ticket.split(".");
  if (!issued || !signature || rest.length > 0 || !/^[0-9a-z]{1,12}$/.test(issued)) return null;
  const expected = Buffer.from(sign(key, issued));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return new Date(parseInt(issued, 36));
}

function sign(key: Buffer, issued: string): string {
  return createHmac("sha256", key)
    .update(`form-ticket:${issued}`)
    .digest()
    .subarray(0, 16)
    .toString("base64url");
}
