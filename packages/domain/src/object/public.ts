import { z } from "zod";
import { ImageVariantSchema } from "../image/image";
import { IdSchema, TimestampSchema } from "../shared/ids";
import { LocaleSchema } from "../shared/locale";
import { ObjectCategorySchema, ObjectRefSchema, PublicObjectStatusSchema } from "./object";

/** A translated text as served: the locale it is really in, and whether English stood in. */
export const ServedTextSchema = z.object({
  text: z.string(),
  locale: LocaleSchema,
  isFallback: z.boolean(),
});
export type ServedText = z.infer<typeof ServedTextSchema>;

export const PublicImageSchema = z.object({
  id: IdSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  alt: ServedTextSchema,
  /** Ready-made sizes and formats, widest last per format; empty while still being processed. */
  variants: z.array(ImageVariantSchema),
});
export type PublicImage = z.infer<typeof PublicImageSchema>;

export const PublicObjectSummarySchema = z.object({
  ref: ObjectRefSchema,
  category: ObjectCategorySchema,
  status: PublicObjectStatusSchema,
  title: ServedTextSchema,
  regionHint: ServedTextSchema.nullable(),
  cover: PublicImageSchema.nullable(),
  publishedAt: TimestampSchema,
});
export type PublicObjectSummary = z.infer<typeof PublicObjectSummarySchema>;

export const PublicObjectSchema = PublicObjectSummarySchema.extend({
  question: ServedTextSchema,
  images: z.array(PublicImageSchema),
});
export type PublicObject = z.infer<typeof PublicObjectSchema>;

export const PublicObjectListInputSchema = z.strictObject({
  category: ObjectCategorySchema.optional(),
  status: PublicObjectStatusSchema.optional(),
  locale: LocaleSchema.default("en"),
  limit: z.number().int().min(1).max(60).default(24),
  offset: z.number().int().min(0).max(100_000).default(0),
});
export type PublicObjectListInput = z.infer<typeof PublicObjectListInputSchema>;

export const PublicObjectByRefInputSchema = z.strictObject({
  ref: ObjectRefSchema,
  locale: LocaleSchema.default("en"),
});
