import type { Database } from "@trace/db";
import type { MiddlewareHandler } from "hono";
import { LRUCache } from "lru-cache";
import type { Logger } from "../logger";
import { describeError } from "../logger";
import { procedurePaths } from "./public-query-cache";

/**
 * The public object queries answered from memory: the gallery and object pages are what a
 * campaign sends everyone to, and they change only when staff change an object, its images or
 * their variants. Those tables notify `trace_public_catalogue` (migration 0012, triggers, so
 * no writer can forget); every API process listens and drops its whole cache on a notification,
 * and the staff listener of this process drops it after each of its writes, before answering,
 * so a withdrawal is never served from here afterwards. (A 304 answered by the layers below is
 * passed on and not kept.) While the listening connection is down,
 * nothing is served from or stored in the cache.
 *
 * Whole answers are kept (after the ETag and compression), by URL and by the request headers
 * the answer depends on, so a hit costs neither the query nor the compression.
 */
const CACHED_PROCEDURES = new Set(["objects.list", "objects.byRef"]);
export const PUBLIC_CATALOGUE_CHANNEL = "trace_public_catalogue";

interface Entry {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

export interface PublicReadCache {
  middleware: MiddlewareHandler;
  /** Drops every kept answer (after a change to the catalogue). */
  invalidate(): void;
  stop(): Promise<void>;
}

export async function startPublicReadCache(
  database: Pick<Database, "listen">,
  logger: Logger,
  options: { maxBytes?: number } = {},
): Promise<PublicReadCache> {
  const entries = new LRUCache<string, Entry>({
    maxSize: options.maxBytes ?? 32 * 1024 * 1024,
    // An unusually large answer (a huge page asked for) is not worth evicting others for.
    maxEntrySize: 1024 * 1024,
    sizeCalculation: (entry) => entry.body.byteLength + 512,
  });
  const inFlight = new Map<string, { generation: number; entry: Promise<Entry | null> }>();
  let isListening = false;
  // Bumped by every invalidation: an answer computed across one is not stored.
  let generation = 0;
  const invalidate = () => {
    generation += 1;
    entries.clear();
  };
  const stopListening = await database.listen(PUBLIC_CATALOGUE_CHANNEL, {
    onNotify: invalidate,
    onListening: () => {
      invalidate();
      isListening = true;
    },
    onLost: (error) => {
      isListening = false;
      invalidate();
      logger.warn(
        { err: describeError(error) },
        "public read cache off until the database is back",
      );
    },
  });

  const middleware: MiddlewareHandler = async (c, next) => {
    const paths = c.req.method === "GET" ? procedurePaths(c.req.url, "/trpc") : null;
    if (!isListening || !paths?.every((path) => CACHED_PROCEDURES.has(path))) return next();
    const headers = c.req.raw.headers;
    const key = [
      c.req.url,
      headers.get("accept-encoding") ?? "",
      headers.get("accept") ?? "",
      headers.get("trpc-accept") ?? "",
    ].join("\n");
    const hit = entries.get(key);
    if (hit) return answer(hit, headers.get("if-none-match"));
    // Many visitors asking for the same page at once (a campaign, or just after a change) wait
    // for one query rather than each running it: the gallery's takes a second on 100,000
    // objects, and fifty of them at once took ten. Only a query started since the last change.
    const flight = inFlight.get(key);
    if (flight && flight.generation === generation) {
      const shared = await flight.entry;
      if (shared) return answer(shared, headers.get("if-none-match"));
      return next();
    }

    const startedAt = generation;
    let settle: (entry: Entry | null) => void = () => {};
    const own = { generation: startedAt, entry: new Promise<Entry | null>((r) => (settle = r)) };
    inFlight.set(key, own);
    try {
      await next();
      const cacheControl = c.res.headers.get("cache-control") ?? "";
      if (c.res.status !== 200 || !cacheControl.startsWith("public")) return;
      const kept: [string, string][] = [];
      c.res.headers.forEach((value, name) => kept.push([name, value]));
      const entry: Entry = { status: c.res.status, headers: kept, body: await c.res.arrayBuffer() };
      if (isListening && generation === startedAt) entries.set(key, entry);
      settle(entry);
      c.res = answer(entry, headers.get("if-none-match"));
    } finally {
      // An error, a refusal or a 304 is not shared: those waiting ask for themselves.
      settle(null);
      if (inFlight.get(key) === own) inFlight.delete(key);
    }
  };

  return {
    middleware,
    invalidate,
    stop: async () => {
      isListening = false;
      entries.clear();
      await stopListening();
    },
  };
}

/** The kept answer, or a bodiless 304 when the client already has it (as hono/etag answers). */
function answer(entry: Entry, ifNoneMatch: string | null): Response {
  const headers = new Headers(entry.headers);
  const etag = headers.get("etag");
  if (etag && ifNoneMatch && matches(ifNoneMatch, etag)) {
    const kept = new Headers();
    for (const name of ["cache-control", "etag", "vary"]) {
      const value = headers.get(name);
      if (value !== null) kept.set(name, value);
    }
    return new Response(null, { status: 304, headers: kept });
  }
  return new Response(entry.body, { status: entry.status, headers });
}

/** Weak comparison, as for GET (RFC 9110 §13.1.2). */
function matches(ifNoneMatch: string, etag: string): boolean {
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}
