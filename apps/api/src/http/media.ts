import type { Context as HonoContext } from "hono";
import { findImage } from "@trace/db";
import { IdSchema } from "@trace/domain";
import type { Deps } from "../trpc/context";

/**
 * Image bytes by image id. On the public surface only images of public objects exist, and every
 * request revalidates (ETag = content hash), so a withdrawn object's images vanish at once.
 */
export async function serveMedia(
  c: HonoContext,
  deps: Deps,
  surface: "public" | "staff",
): Promise<Response> {
  const id = c.req.param("id");
  if (!id || !IdSchema.safeParse(id).success) return c.json({ error: "Not found" }, 404);
  const image = await findImage(deps.database.db, id, { publicOnly: surface === "public" });
  if (!image) return c.json({ error: "Not found" }, 404);
  const etag = `"${image.storageKey}"`;
  const headers = {
    ETag: etag,
    "Cache-Control": surface === "public" ? "public, no-cache" : "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (c.req.header("If-None-Match") === etag) return c.body(null, 304, headers);
  const bytes = await deps.media.get(image.storageKey);
  if (!bytes) return c.json({ error: "Not found" }, 404);
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    ...headers,
    "Content-Type": image.mediaType,
  });
}
