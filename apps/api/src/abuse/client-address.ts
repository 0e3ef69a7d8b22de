import { isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context as HonoContext } from "hono";

/**
 * The address a public request came from, for rate limiting only: it is turned into an HMAC
 * bucket id at once (see public-rate-limits.ts) and never logged, stored or returned.
 *
 * The socket's peer is the client unless `trustedProxies` proxies stand in front of this
 * listener. Each of them appends the address it received the request from to
 * `X-Forwarded-For`, so walking the header from the right past that many hops finds the first
 * address no trusted proxy vouches for: the client (the rule of Express's numeric
 * `trust proxy`). Entries further left were written by the client itself and are never used;
 * with `trustedProxies = 0` (the default) the header is ignored entirely.
 *
 * `null` when the peer is unknown (a closed socket, or a request that did not come through a
 * socket, as in in-process tests).
 */
export function clientAddress(c: HonoContext, trustedProxies: number): string | null {
  const hops: (string | null)[] = [socketAddress(c)];
  if (trustedProxies > 0) {
    const forwarded = (c.req.header("X-Forwarded-For") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== "");
    hops.push(...forwarded.reverse());
  }
  // Fewer hops than trusted proxies: the leftmost one is the best the proxies can tell.
  const hop = hops[Math.min(trustedProxies, hops.length - 1)] ?? null;
  return hop === null ? null : normaliseAddress(hop);
}

function socketAddress(c: HonoContext): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // No Node socket behind this request (Hono's in-process `app.request`).
    return null;
  }
}

/**
 * One bucket per person rather than per address where the two differ: an IPv4-mapped IPv6
 * address is its IPv4 address, and an IPv6 address is reduced to its /64 (one subscriber's
 * network — anyone holding one can use 2^64 addresses of it). Ports and zone ids, which some
 * proxies include, are dropped. Anything else is kept as written: it is only ever hashed.
 */
export function normaliseAddress(raw: string): string {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.replace(/%.*$/, "");
  if (isIP(address) === 4) return address;
  if (isIP(address) !== 6) return raw.trim();
  const groups = ipv6Groups(address);
  if (!groups) return address.toLowerCase();
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail split). */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<number>(missing).fill(0), ...right];
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}
