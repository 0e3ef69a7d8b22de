import type { Context as HonoContext, Hono } from "hono";
import {
  appendAuditEvent,
  appendObjectImage,
  enqueueOutboxJob,
  imageProcessJob,
  lockObjectState,
} from "@trace/db";
import {
  can,
  checkEditable,
  IdSchema,
  MAX_IMAGES_PER_OBJECT,
  type ImageUploadResult,
  type StaffUser,
} from "@trace/domain";
import type { AppErrorCode } from "../trpc/errors";
import type { Deps } from "../trpc/context";
import { prepareUpload } from "./pipeline";
import { failUpload, readUploadedFile, uploadBodyLimit, type UploadEnv } from "./upload-http";

/**
 * `POST /staff-api/objects/:id/images` (multipart: `image`, optional `alt`): adds one image to a
 * draft. Staff listener only, behind the session cookie (SameSite=Strict, so no other site can
 * send it), with its own body limit since images outgrow tRPC's 1 MB.
 *
 * The answer comes once the image is checked, stripped of metadata and stored: `201` with the
 * image id and `status: "pending"`. Its variants are made by the `image.process` job, enqueued in
 * the same transaction; the client polls `objects.byId` until the status is `ready`.
 */
export function mountObjectImageUpload(
  app: Hono<UploadEnv>,
  deps: Deps,
  sessionUser: (c: HonoContext<UploadEnv>) => Promise<StaffUser | null>,
): void {
  app.post("/staff-api/objects/:id/images", uploadBodyLimit(deps.imageLimits), async (c) => {
    const user = await sessionUser(c);
    if (!user) return failUpload(c, "unauthenticated");
    if (!can(user.role, "object.edit")) return failUpload(c, "forbidden");
    const objectId = c.req.param("id");
    if (!IdSchema.safeParse(objectId).success) return failUpload(c, "staff_object_not_found");

    const upload = await readUploadedFile(c, "image", deps.imageLimits);
    if (!upload.ok) return failUpload(c, upload.error);
    const clean = await prepareUpload(upload.value.bytes, deps.imageLimits);
    if (!clean.ok) return failUpload(c, clean.error);
    const image = clean.value;
    const altText = (upload.value.fields.alt ?? "").trim().slice(0, 500);

    const now = deps.now();
    type Outcome = { error: AppErrorCode } | { imageId: string };
    const outcome = await deps.database.db.transaction(async (tx): Promise<Outcome> => {
      const locked = await lockObjectState(tx, objectId);
      if (!locked) return { error: "staff_object_not_found" };
      const editable = checkEditable(locked.status);
      if (!editable.ok) return { error: editable.error };
      if (locked.imageIds.length >= MAX_IMAGES_PER_OBJECT) return { error: "too_many_images" };
      // Stored only once every check passed. Content-addressed: the same bytes twice are one
      // file, and a file left by a rollback is named by no row and never served.
      const storageKey = await deps.media.put(image.bytes);
      const imageId = await appendObjectImage(
        tx,
        objectId,
        {
          storageKey,
          mediaType: image.mediaType,
          width: image.width,
          height: image.height,
          alt: { en: altText || "Image of the object" },
        },
        now,
      );
      await enqueueOutboxJob(tx, imageProcessJob({ kind: "object", imageId }));
      await appendAuditEvent(tx, {
        at: now,
        actorId: user.id,
        action: "object.image_added",
        entityType: "object",
        entityId: objectId,
      });
      return { imageId };
    });
    if ("error" in outcome) return failUpload(c, outcome.error);
    const body: ImageUploadResult = {
      imageId: outcome.imageId,
      status: "pending",
      width: image.width,
      height: image.height,
    };
    return c.json(body, 201);
  });
}
