import {
  checkEditable,
  checkSubmittable,
  generateObjectRef,
  ObjectApproveInputSchema,
  ObjectContentSchema,
  ObjectIdInputSchema,
  ObjectImageOrderInputSchema,
  ObjectImageRemoveInputSchema,
  ObjectUpdateInputSchema,
  ObjectWithdrawInputSchema,
  pageOf,
  reorderImages,
  StaffObjectListInputSchema,
  StaffObjectSchema,
  StaffObjectSummarySchema,
  type ObjectAction,
} from "@trace/domain";
import {
  appendAuditEvent,
  deleteObjectImage,
  findObjectByRef,
  insertObject,
  listStaffObjects,
  lockObjectState,
  saveObjectContent,
  seriesExists,
  setObjectImageOrder,
} from "@trace/db";
import { applyObjectActions, loadStaffObject } from "../../services/object-lifecycle";
import { appError } from "../errors";
import { router, staffProcedure } from "../init";

/** Objects as staff see them: every status; content edits in draft; the lifecycle with four eyes. */
export const staffObjectsRouter = router({
  list: staffProcedure("object.read")
    .input(StaffObjectListInputSchema.default({ limit: 50, offset: 0 }))
    .output(pageOf(StaffObjectSummarySchema))
    .query(({ ctx, input }) => listStaffObjects(ctx.deps.database.db, input)),

  byId: staffProcedure("object.read")
    .input(ObjectIdInputSchema)
    .output(StaffObjectSchema)
    .query(({ ctx, input }) => loadStaffObject(ctx.deps.database.db, input.id)),

  /** A new draft without images; images are uploaded to `/staff-api/objects/:id/images`. */
  create: staffProcedure("object.edit")
    .input(ObjectContentSchema)
    .output(StaffObjectSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      if (!(await seriesExists(db, input.seriesId))) throw appError("series_not_found");
      const now = ctx.deps.now();
      const id = await db.transaction(async (tx) => {
        // 30 random bits: a clash is rare, but the reference must be unique, so draw again.
        let ref = generateObjectRef(ctx.deps.random);
        while (await findObjectByRef(tx, ref)) ref = generateObjectRef(ctx.deps.random);
        const objectId = await insertObject(
          tx,
          {
            ...input,
            ref,
            status: "draft",
            authorId: ctx.user.id,
            approvedById: null,
            publishedAt: null,
            createdAt: now,
          },
          [],
        );
        await appendAuditEvent(tx, {
          at: now,
          actorId: ctx.user.id,
          action: "object.created",
          entityType: "object",
          entityId: objectId,
        });
        return objectId;
      });
      return loadStaffObject(db, id);
    }),

  update: staffProcedure("object.edit")
    .input(ObjectUpdateInputSchema)
    .output(StaffObjectSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const { id, ...content } = input;
      const now = ctx.deps.now();
      await db.transaction(async (tx) => {
        const locked = await lockObjectState(tx, id);
        if (!locked) throw appError("staff_object_not_found");
        const editable = checkEditable(locked.status);
        if (!editable.ok) throw appError(editable.error);
        if (!(await seriesExists(tx, content.seriesId))) throw appError("series_not_found");
        await saveObjectContent(tx, id, content, now);
        await appendAuditEvent(tx, {
          at: now,
          actorId: ctx.user.id,
          action: "object.updated",
          entityType: "object",
          entityId: id,
        });
      });
      return loadStaffObject(db, id);
    }),

  reorderImages: staffProcedure("object.edit")
    .input(ObjectImageOrderInputSchema)
    .output(StaffObjectSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const now = ctx.deps.now();
      await db.transaction(async (tx) => {
        const locked = await lockObjectState(tx, input.id);
        if (!locked) throw appError("staff_object_not_found");
        const editable = checkEditable(locked.status);
        if (!editable.ok) throw appError(editable.error);
        const order = reorderImages(locked.imageIds, input.imageIds);
        if (!order.ok) throw appError(order.error);
        await setObjectImageOrder(tx, input.id, order.value, now);
        await appendAuditEvent(tx, {
          at: now,
          actorId: ctx.user.id,
          action: "object.images_changed",
          entityType: "object",
          entityId: input.id,
        });
      });
      return loadStaffObject(db, input.id);
    }),

  removeImage: staffProcedure("object.edit")
    .input(ObjectImageRemoveInputSchema)
    .output(StaffObjectSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const now = ctx.deps.now();
      await db.transaction(async (tx) => {
        const locked = await lockObjectState(tx, input.id);
        if (!locked) throw appError("staff_object_not_found");
        const editable = checkEditable(locked.status);
        if (!editable.ok) throw appError(editable.error);
        if (!locked.imageIds.includes(input.imageId)) throw appError("image_not_found");
        await deleteObjectImage(tx, input.id, input.imageId);
        await setObjectImageOrder(
          tx,
          input.id,
          locked.imageIds.filter((i) => i !== input.imageId),
          now,
        );
        await appendAuditEvent(tx, {
          at: now,
          actorId: ctx.user.id,
          action: "object.images_changed",
          entityType: "object",
          entityId: input.id,
          reason: "image removed",
        });
      });
      return loadStaffObject(db, input.id);
    }),

  submit: staffProcedure("object.edit")
    .input(ObjectIdInputSchema)
    .output(StaffObjectSchema)
    .mutation(({ ctx, input }) =>
      applyObjectActions(
        ctx.deps,
        ctx.user.id,
        input.id,
        () => [{ type: "submit_for_review" }],
        (current) => {
          // The lifecycle decides first, so a published object answers "illegal transition".
          if (current.status !== "draft") return;
          const submittable = checkSubmittable(current.imageIds.length);
          if (!submittable.ok) throw appError(submittable.error);
        },
      ),
    ),

  returnToDraft: staffProcedure("object.edit")
    .input(ObjectIdInputSchema)
    .output(StaffObjectSchema)
    .mutation(({ ctx, input }) =>
      applyObjectActions(ctx.deps, ctx.user.id, input.id, () => [{ type: "return_to_draft" }]),
    ),

  /**
   * Four eyes: a coordinator who is not the author. Without `publishAt` (or with one already
   * past) the object goes public in the same transaction; otherwise the publication job does it.
   */
  approve: staffProcedure("object.approve")
    .input(ObjectApproveInputSchema)
    .output(StaffObjectSchema)
    .mutation(({ ctx, input }) =>
      applyObjectActions(ctx.deps, ctx.user.id, input.id, (_current, now) => {
        const steps: ObjectAction[] = [
          { type: "approve", by: ctx.user.id, publishAt: input.publishAt },
        ];
        const isDue = input.publishAt === null || Date.parse(input.publishAt) <= now.getTime();
        if (isDue) steps.push({ type: "publish" });
        return steps;
      }),
    ),

  markOriginFound: staffProcedure("object.resolve")
    .input(ObjectIdInputSchema)
    .output(StaffObjectSchema)
    .mutation(({ ctx, input }) =>
      applyObjectActions(ctx.deps, ctx.user.id, input.id, () => [{ type: "mark_origin_found" }]),
    ),

  /** Removes every public trace at once: the public queries and media only serve public statuses. */
  withdraw: staffProcedure("object.withdraw")
    .input(ObjectWithdrawInputSchema)
    .output(StaffObjectSchema)
    .mutation(({ ctx, input }) =>
      applyObjectActions(ctx.deps, ctx.user.id, input.id, () => [
        { type: "withdraw", reason: input.reason },
      ]),
    ),
});
