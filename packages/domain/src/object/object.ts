import { z } from "zod";
import { ImageStatusSchema, ImageVariantSchema } from "../image/image";
import { IdSchema, TimestampSchema } from "../shared/ids";
import { LocalizedTextSchema } from "../shared/locale";

export const OBJECT_CATEGORIES = [
  "clothing",
  "logo_or_text",
  "packaging",
  "furniture_or_decor",
  "textile_or_pattern",
  "toy",
  "printed_matter",
  "location_or_view",
  "other",
] as const;
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

/** What the public may see of an object's state: never "withdrawn", never the internal steps. */
export const PUBLIC_OBJECT_STATUSES = ["open", "origin_found"] as const;
export const PublicObjectStatusSchema = z.enum(PUBLIC_OBJECT_STATUSES);
export type PublicObjectStatus = z.infer<typeof PublicObjectStatusSchema>;

/** `TOA-` and six Crockford base32 symbols (30 random bits): short to read out, not enumerable. */
export const OBJECT_REF_PATTERN = /^TOA-[0-9A-HJKMNP-TV-Z]{6}$/;
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
