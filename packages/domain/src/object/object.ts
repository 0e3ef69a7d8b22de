import { z } from "zod";
import { ImageStatusSchema, ImageVariantSchema } from "../image/image";
import { IdSchema, TimestampSchema } from "../shared/ids";
import { LocalizedTextSchema } from "../shared/locale";
import { OBJECT_CATEGORIES, PUBLIC_OBJECT_STATUSES, OBJECT_REF_PATTERN } from "./object-constants";
export { OBJECT_CATEGORIES, PUBLIC_OBJECT_STATUSES, OBJECT_REF_PATTERN } from "./object-constants";

export const ObjectCategorySchema = z.enum(OBJECT_CATEGORIES);
export type ObjectCategory = z.infer<typeof ObjectCategorySchema>;

export const OBJECT_STATUSES = [
  "draft",
  "in_review",
  "approved",
  "published",
  "origin_found",
  "withdrawn",
] as const;
export const ObjectStatusSchema = z.enum(OBJECT_STATUSES);
export type ObjectStatus = z.infer<typeof ObjectStatusSchema>;

export const PublicObjectStatusSchema = z.enum(PUBLIC_OBJECT_STATUSES);
export type PublicObjectStatus = z.infer<typeof PublicObjectStatusSchema>;

export const ObjectRefSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(OBJECT_REF_PATTERN, "An object reference looks like TOA-7K3Q9M.");
export type ObjectRef = z.infer<typeof ObjectRefSchema>;

export const ObjectImageSchema = z.object({
  id: IdSchema,
  position: z.number().int().min(0),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  alt: LocalizedTextSchema,
  status: ImageStatusSchema,
  variants: z.array(ImageVariantSchema),
});
export type ObjectImage = z.infer<typeof ObjectImageSchema>;

export const TraceObjectSchema = z.object({
  id: IdSchema,
  ref: ObjectRefSchema,
  seriesId: IdSchema,
  category: ObjectCategorySchema,
  title: LocalizedTextSchema,
  question: LocalizedTextSchema,
  regionHint: LocalizedTextSchema.nullable(),
  status: ObjectStatusSchema,
  authorId: IdSchema,
  approvedById: IdSchema.nullable(),
  publishAt: TimestampSchema.nullable(),
  publishedAt: TimestampSchema.nullable(),
  withdrawnReason: z.string().nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type TraceObject = z.infer<typeof TraceObjectSchema>;
