import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { trpcServer } from "@hono/trpc-server";
import { Hono, type Context as HonoContext, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { resolveSession } from "@trace/db";
import { createShellLoader } from "./http/html-shell";
import { mountLocaleRedirect } from "./http/locale-redirect";
import { mountMedia } from "./http/media";
import { createPagePreloads } from "./http/page-preload";
import { publicQueryCache } from "./http/public-query-cache";
import { shareMetaFill, type PublicOrigin } from "./http/share-meta";
import { mountObjectImageUpload } from "./images/object-image-upload";
import { mountTipPhotoUpload } from "./images/tip-photos";
import { describeError } from "./logger";
import { mountNoJavaScriptPages } from "./nojs/routes";
import { hashSessionToken } from "./services/secrets";
import type { Context, Deps } from "./trpc/context";
import { readSessionCookie } from "./trpc/cookies";
import {
  isDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
  serviceUnavailable,
  UNAVAILABLE_MESSAGE,
} from "./trpc/errors";
import { publicRouter, staffRouter } from "./trpc/root";

export type Surface = "public" | "staff";

export interface AppOptions {
  surface: Surface;
  /** The built web app this listener serves; absent in API-only tests. */
  webDist?: string | undefined;
  /**
   * Where the public site's share and canonical tags point (PUBLIC_ORIGIN, or the request's own
   * origin outside production); null or absent: those tags are left out.
   */
  publicOrigin?: PublicOrigin;
}

export const MAX_BODY_BYTES = 1024 * 1024;

type Env = { Variables: { requestId: string } };

/**
 * One Hono app per listener. The public app mounts only the public router, so a staff
 * procedure called there does not exist (404) rather than being refused.
 */
export function createApp(
  deps: Deps,
  { surface, webDist, publicOrigin = null }: AppOptions,
): Hono<Env> {
  const app = new Hono<Env>();

  app.use(requestId({ limitLength: 64 }));
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // Route path only: query strings may carry tRPC input. No address, no user agent, ever.
    deps.logger.info(
      {
        requestId: c.get("requestId"),
        surface,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // blob: previews a photo the tipster chose, before it is uploaded.
        imgSrc: ["'self'", "data:", "blob:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: "no-referrer",
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.get("/healthz", async (c) => {
    try {
      await deps.database.ping();
      return c.json({ status: "ok", surface, engine: deps.database.engine });
    } catch {
      // Not ready: a load balancer sends no traffic here until the database answers again.
      return c.json({ status: "unavailable", requestId: c.get("requestId") }, 503, {
        "Retry-After": String(RETRY_AFTER_SECONDS),
      });
    }
  });

  app.use(
    "/trpc/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        c.json(
          {
            error: {
              message: "The request is too large (1 MB at most).",
              requestId: c.get("requestId"),
            },
          },
          413,
        ),
    }),
  );
  // Public reads (GET: the gallery's list is ~50 KB of JSON) go out gzipped, compressed after the
  // ETag is set. Never a POST: a submission's answer carries a receipt code, and compressing a
  // secret next to input the sender chose is what BREACH-style attacks measure (ADR 0010).
  // Outermost for public reads: a kept answer skips compression, the ETag and the query.
  const readCache = deps.publicReadCache;
  if (surface === "public" && readCache) app.use("/trpc/*", readCache.middleware);
  // Any staff write may change the public catalogue: this process's cache is dropped before the
  // answer, other processes' on the database's notification.
  if (surface === "staff" && readCache) {
    app.use("*", async (c, next) => {
      await next();
      if (c.req.method !== "GET" && c.req.method !== "HEAD") readCache.invalidate();
    });
  }
  if (surface === "public") {
    const gzip = compress();
    app.use("/trpc/*", (c, next) => (c.req.method === "GET" ? gzip(c, next) : next()));
  }
  // ETag, 304 and Cache-Control for the public reads; the staff listener caches nothing.
  if (surface === "public") app.use("/trpc/*", publicQueryCache("/trpc"));
  app.use(
    "/trpc/*",
    trpcServer({
      router: surface === "public" ? publicRouter : staffRouter,
      endpoint: "/trpc",
      allowMethodOverride: surface === "public",
      createContext: async (opts, c) =>
        createContext(deps, surface, c as HonoContext<Env>, opts.resHeaders),
    }),
  );

  const sessionUser = async (c: HonoContext<Env>) => (await sessionFrom(deps, c))?.user ?? null;
  mountMedia(app, deps, surface, sessionUser);
  if (surface === "staff") mountObjectImageUpload(app, deps, sessionUser);
  // The public listener never reads a cookie: its upload route takes none.
  if (surface === "public") mountTipPhotoUpload(app, deps);

  // Sending and checking a tip without JavaScript: server-rendered pages under /{locale}/basic.
  if (surface === "public") mountNoJavaScriptPages(app, deps);
  // Pages without a locale go to the visitor's language (Accept-Language) before index.html.
  if (surface === "public" && webDist) mountLocaleRedirect(app);
  if (webDist) mountWebApp(app, webDist, surface === "public" ? { deps, publicOrigin } : null);

  app.notFound((c) =>
    c.json({ error: { message: "Not found", requestId: c.get("requestId") } }, 404),
  );
  app.onError((error, c) => {
    const id = c.get("requestId");
    if (isDatabaseUnavailable(error)) {
      deps.logger.warn({ requestId: id, err: describeError(error) }, "database unavailable");
      return c.json({ error: { message: UNAVAILABLE_MESSAGE, requestId: id } }, 503, {
        "Retry-After": String(RETRY_AFTER_SECONDS),
      });
    }
    deps.logger.error({ requestId: id, err: describeError(error) }, "unhandled error");
    return c.json({ error: { message: "Something went wrong on our side.", requestId: id } }, 500);
  });
  return app;
}

async function sessionFrom(deps: Deps, c: HonoContext<Env>): Promise<Context["session"]> {
  const token = readSessionCookie(c.req.header("Cookie") ?? null);
  if (!token) return null;
  const tokenHash = hashSessionToken(token);
  const user = await resolveSession(deps.database.db, tokenHash, deps.now());
  return user ? { tokenHash, user } : null;
}

/**
 * The session of a staff call, read before any procedure (and so before the procedures' own
 * error boundary): a database that is down answers 503 here too, not 500.
 */
async function sessionOrUnavailable(
  deps: Deps,
  c: HonoContext<Env>,
  resHeaders: Headers,
): Promise<Context["session"]> {
  try {
    return await sessionFrom(deps, c);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    deps.logger.warn(
      { requestId: c.get("requestId"), err: describeError(error) },
      "database unavailable",
    );
    throw serviceUnavailable(resHeaders);
  }
}

async function createContext(
  deps: Deps,
  surface: Surface,
  c: HonoContext<Env>,
  resHeaders: Headers,
): Promise<Context> {
  const id = c.get("requestId");
  return {
    deps,
    requestId: id,
    log: deps.logger,
    resHeaders,
    // The public surface never looks at cookies.
    session: surface === "staff" ? await sessionOrUnavailable(deps, c, resHeaders) : null,
    isSecure:
      new URL(c.req.url).protocol === "https:" || c.req.header("X-Forwarded-Proto") === "https",
    rateLimit: deps.rateLimits.forRequest(c),
  };
}

/**
 * Static files of the built site, then index.html for every other GET (client-side routes). On
 * the public site, index.html says in its head what the page is, in the page's language (title,
 * description, share and canonical tags: ./http/share-meta.ts), for crawlers and link previews
 * that run no script, and which chunks the page needs first (./http/page-preload.ts), so the
 * browser asks for them all at once.
 */
function mountWebApp(
  app: Hono<Env>,
  webDist: string,
  shareMeta: { deps: Deps; publicOrigin: PublicOrigin } | null,
): void {
  const loadShell = createShellLoader(join(webDist, "index.html"));
  const pagePreloads = shareMeta
    ? createPagePreloads(join(webDist, ".vite", "manifest.json"), shareMeta.deps.logger)
    : null;
  // Build metadata (`.vite/manifest.json`) and any other dotfile stay on the server.
  app.use("*", async (c, next) => {
    if (c.req.path.split("/").some((segment) => segment.startsWith("."))) return c.notFound();
    await next();
  });
  // Vite puts a content hash in every asset name.
  app.use("/assets/*", builtFiles(webDist, "public, max-age=31536000, immutable"));
  app.use("*", builtFiles(webDist));
  // The HTML shell is the one file built per request: compressed on the fly (ADR 0010).
  app.get("*", compress(), async (c) => {
    if (c.req.path.startsWith("/trpc") || c.req.path.startsWith("/media")) return c.notFound();
    const shell = await loadShell();
    if (!shell) return c.text("This site has not been built yet: run `pnpm build`.", 503);
    const fill = shareMeta
      ? await shareMetaFill(
          shareMeta.deps,
          { path: c.req.path, url: c.req.url, requestId: c.get("requestId") },
          shareMeta.publicOrigin,
        )
      : null;
    const hints = fill && pagePreloads ? await pagePreloads(c.req.path, shell.linked) : [];
    c.header("Cache-Control", "no-cache");
    return c.html(fill ? shell.render({ ...fill, hints }) : shell.original);
  });
}

/**
 * The built site's files, as the build precompressed them (`.br`, `.gz` beside each text file,
 * ADR 0010) when the browser accepts that encoding, otherwise plain. Every file answer says
 * that it varies with Accept-Encoding, so a shared cache keeps the encodings apart.
 */
function builtFiles(root: string, cacheControl?: string): MiddlewareHandler<Env> {
  const serve = serveStatic<Env>({ root, precompressed: true });
  return async (c, next) => {
    const res = await serve(c, next);
    // No such file: a later handler has answered.
    if (!(res instanceof Response)) return;
    if (!/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(res.headers.get("Vary") ?? ""))
      res.headers.append("Vary", "Accept-Encoding");
    if (cacheControl && res.status === 200) res.headers.set("Cache-Control", cacheControl);
    return res;
  };
}
