import type { Context as HonoContext, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import sharp from "sharp";
import { appendAuditEvent, appendObjectImage, lockObjectState } from "@trace/db";
import { can, checkEditable, IdSchema, MAX_IMAGES_PER_OBJECT, type StaffUser } from "@trace/domain";
import { appError, type AppErrorCode } from "../trpc/errors";
import type { Deps } from "../trpc/context";

/** The largest image accepted. The route's body limit adds room for the multipart envelope. */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
/** Decompression bombs: refuse images of more pixels than any useful crop has. */
const MAX_PIXELS = 50_000_000;

type ImageFormat = "jpeg" | "png" | "webp";
const MEDIA_TYPES: Record<ImageFormat, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

/**
 * The format from the first bytes, never from the name or the declared type: an SVG, HTML page
 * or PDF called `photo.jpg` is refused here.
 */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return "jpeg";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}

/**
 * Decodes and re-encodes the image: only pixels survive (sharp writes no EXIF, GPS, XMP, IPTC or
 * ICC unless asked to). The EXIF orientation is applied first, so the picture stays upright.
 */
export async function sanitiseImage(
  bytes: Uint8Array,
  format: ImageFormat,
): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const pipeline = sharp(bytes, { failOn: "error", limitInputPixels: MAX_PIXELS }).rotate();
  const encoded =
    format === "jpeg"
      ? pipeline.jpeg({ quality: 90 })
      : format === "png"
        ? pipeline.png()
        : pipeline.webp({ quality: 90 });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(data), width: info.width, height: info.height };
}

type Env = { Variables: { requestId: string } };

function fail(c: HonoContext<Env>, code: AppErrorCode) {
  const error = appError(code);
  return c.json(
    { error: { message: error.message, appCode: code, requestId: c.get("requestId") } },
    getHTTPStatusCodeFromError(error) as 400,
  );
}

/**
 * `POST /staff-api/objects/:id/images` (multipart: `image`, optional `alt`): adds one image to a
 * draft. Staff listener only, behind the session cookie (SameSite=Strict, so no other site can
 * send it), with its own body limit since images outgrow tRPC's 1 MB.
 */
export function mountObjectImageUpload(
  app: Hono<Env>,
  deps: Deps,
  sessionUser: (c: HonoContext<Env>) => Promise<StaffUser | null>,
): void {
  app.post(
    "/staff-api/objects/:id/images",
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES + 64 * 1024,
      onError: (c) => fail(c as HonoContext<Env>, "image_too_large"),
    }),
    async (c) => {
      const user = await sessionUser(c);
      if (!user) return fail(c, "unauthenticated");
      if (!can(user.role, "object.edit")) return fail(c, "forbidden");
      const objectId = c.req.param("id");
      if (!IdSchema.safeParse(objectId).success) return fail(c, "staff_object_not_found");

      let form: Record<string, string | File>;
      try {
        form = (await c.req.parseBody()) as Record<string, string | File>;
      } catch {
        return fail(c, "unsupported_image");
      }
      const file = form.image;
      if (!(file instanceof File)) return fail(c, "unsupported_image");
      if (file.size > MAX_UPLOAD_BYTES) return fail(c, "image_too_large");
      const raw = new Uint8Array(await file.arrayBuffer());
      const format = sniffImageFormat(raw);
      if (!format) return fail(c, "unsupported_image");
      let clean: Awaited<ReturnType<typeof sanitiseImage>>;
      try {
        clean = await sanitiseImage(raw, format);
      } catch {
        // Right magic bytes, but not an image sharp can decode (truncated, forged, too large).
        return fail(c, "unsupported_image");
      }
      const altText = typeof form.alt === "string" ? form.alt.trim().slice(0, 500) : "";

      const now = deps.now();
      const { db } = deps.database;
      type Outcome = { error: AppErrorCode } | { imageId: string };
      const outcome = await db.transaction(async (tx): Promise<Outcome> => {
        const locked = await lockObjectState(tx, objectId);
        if (!locked) return { error: "staff_object_not_found" };
        const editable = checkEditable(locked.status);
        if (!editable.ok) return { error: editable.error };
        if (locked.imageIds.length >= MAX_IMAGES_PER_OBJECT) {
          return { error: "too_many_images" };
        }
        // Content-addressed: the same bytes twice are stored once; an orphan after a rollback is harmless.
        const storageKey = await deps.media.put(clean.bytes);
        const imageId = await appendObjectImage(
          tx,
          objectId,
          {
            storageKey,
            mediaType: MEDIA_TYPES[format],
            width: clean.width,
            height: clean.height,
            alt: { en: altText || "Image of the object" },
          },
          now,
        );
        await appendAuditEvent(tx, {
          at: now,
          actorId: user.id,
          action: "object.image_added",
          entityType: "object",
          entityId: objectId,
        });
        return { imageId };
      });
      if ("error" in outcome) return fail(c, outcome.error);
      return c.json({ imageId: outcome.imageId, width: clean.width, height: clean.height }, 201);
    },
  );
}
