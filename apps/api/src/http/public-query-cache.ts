import type { MiddlewareHandler } from "hono";
import { etag } from "hono/etag";

/**
 * How long a browser or shared cache may reuse a public query without asking. `maxAge: 0` is
 * `no-cache`: the response is stored but revalidated on every use, so a change is seen at once
 * and an unchanged repeat view costs a 304 with no body.
 */
interface CachePolicy {
  maxAge: number;
  staleWhileRevalidate: number;
}

/**
 * The cacheable public queries, by tRPC path. A Map, not an object literal: a path such as
 * `constructor` must not find a policy on the prototype.
 *
 * - `objects.list`, `objects.byRef`: withdrawal must take an object off the public site at once
 *   (it may show what must not be seen, or the lead agency asked), and a shared cache would
 *   otherwise go on showing it to new visitors for the whole lifetime. So both are revalidated on
 *   every view: caching saves the body, not the round trip (which the API answers from memory
 *   until the catalogue changes: http/public-read-cache.ts, ADR 0016). The public site already
 *   keeps a fetched page in memory for its query stale time; the HTTP cache adds nothing to that
 *   delay.
 * - `stats.summary`, `stats.timeline`: aggregate counts that nothing withdraws. A minute's reuse, then up to five
 *   more minutes served while a background refresh runs, absorbs a campaign's home-page burst;
 *   a new tip shows in the counts within that time.
 */
const POLICIES: ReadonlyMap<string, CachePolicy> = new Map([
  ["objects.list", { maxAge: 0, staleWhileRevalidate: 0 }],
  ["objects.byRef", { maxAge: 0, staleWhileRevalidate: 0 }],
  ["stats.summary", { maxAge: 60, staleWhileRevalidate: 300 }],
  ["stats.timeline", { maxAge: 60, staleWhileRevalidate: 300 }],
]);

/**
 * HTTP caching for the public queries, in front of tRPC's fetch handler on the public `/trpc`.
 *
 * A Hono middleware rather than tRPC's `responseMeta`: `responseMeta` can set headers but cannot
 * answer `If-None-Match` with a bodiless 304, and the ETag is a digest of the body tRPC writes.
 * The digest and the 304 are hono/etag's (SHA-1 of the body; a weak tag, since the JSON may be
 * re-encoded by a compressing proxy). A body digest rather than a data-change counter: every
 * write that changes what the public sees (publish, withdrawal, origin found, a tip, a series
 * update) changes the body, and no writer has to remember to bump anything. The query still runs
 * on a revalidation; what a 304 saves is the transfer and the client's parse.
 *
 * Only GET requests whose every procedure (one, or all of a batch) is listed are cached, and only
 * when tRPC answered 200 with a buffered JSON body: 200 is tRPC's status for "every call
 * succeeded" (a mixed batch is 207). Any other answer to a listed query (an error, a 404, a
 * partly failed batch, a streamed batch whose status is sent before its results) is `no-store`
 * and carries no ETag, so a refusal is never replayed from a cache. Responses do not depend on
 * `Accept-Language` (the locale is in the input, hence the URL); tRPC itself sends
 * `Vary: trpc-accept, accept`, which hono/etag keeps on a 304. No cookie is read here or by
 * anything else on the public listener.
 */
export function publicQueryCache(endpoint = "/trpc"): MiddlewareHandler {
  // Run after the response exists (with a no-op `next`): it hashes the body, then either sets
  // the ETag or replaces the response with a 304 keeping Cache-Control, ETag and Vary.
  const tagOrNotModified = etag({ weak: true });
  const noop = async () => {};

  return async (c, next) => {
    const paths = c.req.method === "GET" ? procedurePaths(c.req.url, endpoint) : null;
    if (!paths?.some((path) => POLICIES.has(path))) return next();

    await next();

    const cacheControl =
      c.res.status === 200 && !isStreamedBatch(c.req.raw.headers) ? cacheControlFor(paths) : null;
    if (!cacheControl) {
      c.header("Cache-Control", "no-store");
      return;
    }
    c.header("Cache-Control", cacheControl);
    await tagOrNotModified(c, noop);
  };
}

/** The procedure paths of a tRPC request, parsed as tRPC's fetch adapter parses them. */
export function procedurePaths(url: string, endpoint: string): string[] | null {
  const { pathname, searchParams } = new URL(url);
  if (!pathname.startsWith(`${endpoint}/`)) return null;
  let path: string;
  try {
    path = decodeURIComponent(pathname.slice(endpoint.length + 1).replace(/\/$/, ""));
  } catch {
    return null; // tRPC refuses it (400); the answer is not one of ours to cache.
  }
  return searchParams.get("batch") === "1" ? path.split(",") : [path];
}

/**
 * tRPC streams a batch as JSON lines when asked through `trpc-accept` or `Accept`: the 200 is
 * sent before the results, so it does not mean that every call succeeded.
 */
function isStreamedBatch(headers: Headers): boolean {
  const trpcAccept = headers.get("trpc-accept");
  if (trpcAccept !== null) return trpcAccept === "application/jsonl";
  return (headers.get("accept") ?? "").split(",").some((t) => t.trim() === "application/jsonl");
}

/** The strictest policy of the batch; null when any procedure of it is not cacheable. */
function cacheControlFor(paths: string[]): string | null {
  const policies = paths.map((path) => POLICIES.get(path));
  if (policies.some((policy) => policy === undefined)) return null;
  const maxAge = Math.min(...policies.map((p) => p!.maxAge));
  const staleWhileRevalidate = Math.min(...policies.map((p) => p!.staleWhileRevalidate));
  return maxAge === 0
    ? "public, no-cache"
    : `public, max-age=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`;
}
