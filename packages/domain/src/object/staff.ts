import { z } from "zod";
import { IdSchema, TimestampSchema } from "../shared/ids";
import { LocalizedTextSchema } from "../shared/locale";
import { err, ok, type Result } from "../shared/result";
import {
  ObjectCategorySchema,
  ObjectImageSchema,
  ObjectRefSchema,
  ObjectStatusSchema,
  type ObjectStatus,
} from "./object";

/** What staff see of an object in a list: every status, the series it belongs to. */
export const StaffObjectSummarySchema = z.object({
  id: IdSchema,
  ref: ObjectRefSchema,
  status: ObjectStatusSchema,
  category: ObjectCategorySchema,
  title: z.string(),
  series: z.object({ id: IdSchema, code: z.string() }),
  coverImageId: IdSchema.nullable(),
  publishAt: TimestampSchema.nullable(),
  updatedAt: TimestampSchema,
});
export type StaffObjectSummary = z.infer<typeof StaffObjectSummarySchema>;

const PersonSchema = z.object({ id: IdSchema, displayName: z.string() });

export const StaffObjectSchema = z.object({
  id: IdSchema,
  ref: ObjectRefSchema,
  status: ObjectStatusSchema,
  category: ObjectCategorySchema,
  title: LocalizedTextSchema,
  question: LocalizedTextSchema,
  regionHint: LocalizedTextSchema.nullable(),
  series: z.object({ id: IdSchema, code: z.string(), title: z.string() }),
  author: PersonSchema,
  approvedBy: PersonSchema.nullable(),
  publishAt: TimestampSchema.nullable(),
  publishedAt: TimestampSchema.nullable(),
  withdrawnReason: z.string().nullable(),
  images: z.array(ObjectImageSchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type StaffObject = z.infer<typeof StaffObjectSchema>;

export const StaffObjectListInputSchema = z.strictObject({
  status: ObjectStatusSchema.optional(),
  seriesId: IdSchema.optional(),
  category: ObjectCategorySchema.optional(),
  limit: z.number().int().min(1).max(100).default(50),
  offset: z.number().int().min(0).max(100_000).default(0),
});
export type StaffObjectListInput = z.infer<typeof StaffObjectListInputSchema>;

/** The editable content of an object. English is required in every text; other locales optional. */
export const ObjectContentSchema = z.strictObject({
  seriesId: IdSchema,
  category: ObjectCategorySchema,
  title: LocalizedTextSchema,
  question: LocalizedTextSchema,
  regionHint: LocalizedTextSchema.nullable().default(null),
});
export type ObjectContent = z.infer<typeof ObjectContentSchema>;

export const ObjectIdInputSchema = z.strictObject({ id: IdSchema });

export const ObjectUpdateInputSchema = ObjectContentSchema.extend({ id: IdSchema });

export const ObjectApproveInputSchema = z.strictObject({
  id: IdSchema,
  /** Absent or null: publish at once. A future instant: the publication job publishes it then. */
  publishAt: TimestampSchema.nullable().default(null),
});

export const ObjectWithdrawInputSchema = z.strictObject({
  id: IdSchema,
  reason: z.string().trim().min(1, "Give the reason for withdrawing the object.").max(1000),
});

export const ObjectImageOrderInputSchema = z.strictObject({
  id: IdSchema,
  /** Every image of the object, in the wanted order. */
  imageIds: z.array(IdSchema).min(1).max(50),
});

export const ObjectImageRemoveInputSchema = z.strictObject({ id: IdSchema, imageId: IdSchema });

export type ObjectEditError = "object_not_editable";

/**
 * Content and images change only in draft: what a coordinator approved is exactly what goes
 * public. To change a reviewed object, return it to draft first.
 */
export function checkEditable(status: ObjectStatus): Result<true, ObjectEditError> {
  return status === "draft" ? ok(true) : err("object_not_editable");
}

/** An object goes to review only with at least one image. */
export function checkSubmittable(imageCount: number): Result<true, "object_has_no_images"> {
  return imageCount > 0 ? ok(true) : err("object_has_no_images");
}

/** The new image order, if `imageIds` is exactly the object's images (each once). */
export function reorderImages(
  current: readonly string[],
  wanted: readonly string[],
): Result<string[], "image_order_mismatch"> {
  const set = new Set(wanted);
  if (set.size !== wanted.length || wanted.length !== current.length) {
    return err("image_order_mismatch");
  }
  for (const id of current) if (!set.has(id)) return err("image_order_mismatch");
  return ok([...wanted]);
}

/** Images per object: enough for a few angles, not a photo dump. */
export const MAX_IMAGES_PER_OBJECT = 12;
