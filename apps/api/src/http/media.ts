import type { Context as HonoContext, Hono } from "hono";
import { findMediaOriginal, findMediaVariant } from "@trace/db";
import {
  can,
  IdSchema,
  parseVariantFile,
  VARIANT_MEDIA_TYPES,
  type ImageKind,
  type StaffUser,
} from "@trace/domain";
import type { Deps } from "../trpc/context";

type Env = { Variables: { requestId: string } };
type Surface = "public" | "staff";

/** Content-addressed URLs never change their bytes: a year, and no revalidation. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Image bytes, on both listeners:
 *
 * - `GET /media/:imageId/:hash.:ext` — a variant (AVIF, WebP or JPEG at one width), the URLs the
 *   sites use. The hash makes the URL's bytes immutable, so the public listener lets browsers and
 *   caches keep them for a year; the image id ties the URL to its object, whose status is
 *   checked on every request, so withdrawal makes every URL of the object 404 at once.
 * - `GET /media/:imageId` — the sanitised original, revalidated on every use (ETag).
 *
 * The public listener serves images of published (or origin-found) objects only, and never a
 * tipster's photo. The staff listener serves every image to a signed-in staff member, and
 * tipster photos only to those who may read tips; it never lets a browser keep a copy.
 */
export function mountMedia(
  app: Hono<Env>,
  deps: Deps,
  surface: Surface,
  sessionUser: (c: HonoContext<Env>) => Promise<StaffUser | null>,
): void {
  const publicOnly = surface === "public";
  // Public refusals are never cached: a draft's URL must answer 200 the moment it is published.
  const notFound = (c: HonoContext<Env>) =>
    c.json({ error: "Not found" }, 404, { "Cache-Control": "no-store" });

  const unauthenticated = (c: HonoContext<Env>) =>
    c.json({ error: "Please log in." }, 401, { "Cache-Control": "no-store" });
  /** Tipster photos are tip content: only for those who may read tips (never admins). */
  const mayView = (user: StaffUser | null, kind: ImageKind) =>
    publicOnly || kind === "object" || (user !== null && can(user.role, "tip.read"));

  app.get("/media/:id", async (c) => {
    const id = c.req.param("id");
    const user = publicOnly ? null : await sessionUser(c);
    if (!publicOnly && !user) return unauthenticated(c);
    if (!IdSchema.safeParse(id).success) return notFound(c);
    const image = await findMediaOriginal(deps.database.db, id, { publicOnly });
    if (!image || !mayView(user, image.kind)) return notFound(c);
    const etag = `"${image.storageKey}"`;
    const headers = {
      ETag: etag,
      "Cache-Control": publicOnly ? "public, no-cache" : "private, no-store",
      "X-Content-Type-Options": "nosniff",
    };
    if (c.req.header("If-None-Match") === etag) return c.body(null, 304, headers);
    const bytes = await deps.media.get(image.storageKey);
    if (!bytes) return notFound(c);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      ...headers,
      "Content-Type": image.mediaType,
    });
  });

  app.get("/media/:id/:file", async (c) => {
    const id = c.req.param("id");
    const user = publicOnly ? null : await sessionUser(c);
    if (!publicOnly && !user) return unauthenticated(c);
    const file = parseVariantFile(c.req.param("file"));
    if (!file || !IdSchema.safeParse(id).success) return notFound(c);
    const variant = await findMediaVariant(deps.database.db, id, file.storageKey, file.format, {
      publicOnly,
    });
    if (!variant || !mayView(user, variant.kind)) return notFound(c);
    const etag = `"${file.storageKey}"`;
    const headers = {
      ETag: etag,
      "Cache-Control": publicOnly ? IMMUTABLE : "private, no-store",
      "X-Content-Type-Options": "nosniff",
    };
    if (c.req.header("If-None-Match") === etag) return c.body(null, 304, headers);
    const bytes = await deps.media.get(file.storageKey);
    if (!bytes) return notFound(c);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      ...headers,
      "Content-Type": VARIANT_MEDIA_TYPES[file.format],
    });
  });
}
