import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { trpcServer } from "@hono/trpc-server";
import { Hono, type Context as HonoContext } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { resolveSession } from "@trace/db";
import { mountLocaleRedirect } from "./http/locale-redirect";
import { mountMedia } from "./http/media";
import { publicQueryCache } from "./http/public-query-cache";
import { mountObjectImageUpload } from "./images/object-image-upload";
import { mountTipPhotoUpload } from "./images/tip-photos";
import { describeError } from "./logger";
import { hashSessionToken } from "./services/secrets";
import type { Context, Deps } from "./trpc/context";
import { readSessionCookie } from "./trpc/cookies";
import { isDatabaseUnavailable } from "./trpc/errors";
import { publicRouter, staffRouter } from "./trpc/root";

export type Surface = "public" | "staff";

export interface AppOptions {
  surface: Surface;
  /** The built web app this listener serves; absent in API-only tests. */
  webDist?: string | undefined;
}

export const MAX_BODY_BYTES = 1024 * 1024;

type Env = { Variables: { requestId: string } };

/**
 * One Hono app per listener. The public app mounts only the public router, so a staff
 * procedure called there does not exist (404) rather than being refused.
 */
export function createApp(deps: Deps, { surface, webDist }: AppOptions): Hono<Env> {
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
      return c.json({ status: "unavailable", requestId: c.get("requestId") }, 503, {
        "Retry-After": "5",
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

  // Pages without a locale go to the visitor's language (Accept-Language) before index.html.
  if (surface === "public" && webDist) mountLocaleRedirect(app);
  if (webDist) mountWebApp(app, webDist);

  app.notFound((c) =>
    c.json({ error: { message: "Not found", requestId: c.get("requestId") } }, 404),
  );
  app.onError((error, c) => {
    const id = c.get("requestId");
    if (isDatabaseUnavailable(error)) {
      deps.logger.warn({ requestId: id, err: describeError(error) }, "database unavailable");
      return c.json(
        {
          error: {
            message: "The service is busy. Please try again in a few seconds.",
            requestId: id,
          },
        },
        503,
        {
          "Retry-After": "5",
        },
      );
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
    session: surface === "staff" ? await sessionFrom(deps, c) : null,
    isSecure:
      new URL(c.req.url).protocol === "https:" || c.req.header("X-Forwarded-Proto") === "https",
    rateLimit: deps.rateLimits.forRequest(c),
  };
}

/** Static files of the built site, then index.html for every other GET (client-side routes). */
function mountWebApp(app: Hono<Env>, webDist: string): void {
  const indexFile = join(webDist, "index.html");
  // Build metadata (`.vite/manifest.json`) and any other dotfile stay on the server.
  app.use("*", async (c, next) => {
    if (c.req.path.split("/").some((segment) => segment.startsWith("."))) return c.notFound();
    await next();
  });
  app.use(
    "/assets/*",
    async (c, next) => {
      await next();
      // Vite puts a content hash in every asset name. (serveStatic's `onFound` runs after its
      // response is built, so a header set there is lost.)
      if (c.res.status === 200)
        c.res.headers.set("Cache-Control", "public, max-age=31536000, immutable");
    },
    serveStatic({ root: webDist }),
  );
  app.use("*", serveStatic({ root: webDist }));
  app.get("*", async (c) => {
    if (c.req.path.startsWith("/trpc") || c.req.path.startsWith("/media")) return c.notFound();
    if (!existsSync(indexFile)) {
      return c.text("This site has not been built yet: run `pnpm build`.", 503);
    }
    c.header("Cache-Control", "no-cache");
    return c.html(await readFile(indexFile, "utf8"));
  });
}
