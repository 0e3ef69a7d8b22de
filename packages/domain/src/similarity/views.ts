import { z } from "zod";
import { IdSchema } from "../shared/ids";
import { ObjectRefSchema, ObjectStatusSchema } from "../object/object";
import { PerceptualHashSchema } from "./hash";

/**
 * Distances between 64-bit perceptual hashes, measured on generated images (see
 * docs/adr/0006-perceptual-hash-and-similarity-index.md): a resized or re-compressed copy lands
 * at 0–10, a slightly cropped one mostly within 12; unrelated images at 24–40, the closest
 * distinct pair of the demo set at 14.
 */
/** "Same or near-same image": duplicate-upload warnings. */
export const NEAR_DUPLICATE_MAX_DISTANCE = 10;
/** "Similar": what the investigator panels list by default. */
export const SIMILAR_IMAGE_MAX_DISTANCE = 12;
/** The widest search the index answers quickly; beyond it the index cannot prune. */
export const MAX_SEARCH_DISTANCE = 15;

export type SimilarityLevel = "near_duplicate" | "similar" | "different";

export function similarityLevel(distance: number): SimilarityLevel {
  if (distance <= NEAR_DUPLICATE_MAX_DISTANCE) return "near_duplicate";
  if (distance <= SIMILAR_IMAGE_MAX_DISTANCE) return "similar";
  return "different";
}

const DistanceSchema = z.number().int().min(0).max(64);
/** Pixel sizes, so a side-by-side view reserves the right space before the images load. */
const SizeSchema = { width: z.number().int().positive(), height: z.number().int().positive() };

/** An object image that resembles the one searched for, with where it sits in the casework. */
export const SimilarObjectImageSchema = z.object({
  kind: z.literal("object"),
  imageId: IdSchema,
  ...SizeSchema,
  distance: DistanceSchema,
  object: z.object({
    id: IdSchema,
    ref: ObjectRefSchema,
    title: z.string(),
    status: ObjectStatusSchema,
  }),
  series: z.object({ id: IdSchema, code: z.string(), title: z.string() }),
  case: z.object({ id: IdSchema, reference: z.string() }),
});
export type SimilarObjectImage = z.infer<typeof SimilarObjectImageSchema>;

/** A photo a tipster sent (with a tip already received) that resembles the one searched for. */
export const SimilarTipPhotoSchema = z.object({
  kind: z.literal("tip"),
  imageId: IdSchema,
  ...SizeSchema,
  distance: DistanceSchema,
  tipId: IdSchema,
});
export type SimilarTipPhoto = z.infer<typeof SimilarTipPhotoSchema>;

export const SimilarImageSchema = z.discriminatedUnion("kind", [
  SimilarObjectImageSchema,
  SimilarTipPhotoSchema,
]);
export type SimilarImage = z.infer<typeof SimilarImageSchema>;

const searchDistance = z.number().int().min(0).max(MAX_SEARCH_DISTANCE);

export const ObjectSimilarityInputSchema = z.object({
  id: IdSchema,
  maxDistance: searchDistance.default(SIMILAR_IMAGE_MAX_DISTANCE),
});
export type ObjectSimilarityInput = z.infer<typeof ObjectSimilarityInputSchema>;

export const TipSimilarityInputSchema = ObjectSimilarityInputSchema;
export type TipSimilarityInput = ObjectSimilarityInput;

/**
 * The similar images of each image of one object, across every series and case; images of the
 * object itself are left out. `hash` is null while an image waits to be processed.
 */
export const ObjectSimilaritySchema = z.object({
  objectId: IdSchema,
  series: z.object({ id: IdSchema, code: z.string() }),
  maxDistance: searchDistance,
  images: z.array(
    z.object({
      imageId: IdSchema,
      position: z.number().int().min(0),
      ...SizeSchema,
      hash: PerceptualHashSchema.nullable(),
      matches: z.array(SimilarImageSchema),
    }),
  ),
});
export type ObjectSimilarity = z.infer<typeof ObjectSimilaritySchema>;

/**
 * For each photo of one tip: its distance to every image of the object the tip is about (near or
 * not), and the similar images anywhere else (every object, other tips' photos).
 */
export const TipSimilaritySchema = z.object({
  tipId: IdSchema,
  object: z.object({ id: IdSchema, ref: ObjectRefSchema }).nullable(),
  maxDistance: searchDistance,
  photos: z.array(
    z.object({
      photoId: IdSchema,
      position: z.number().int().min(0),
      ...SizeSchema,
      hash: PerceptualHashSchema.nullable(),
      toObject: z.array(
        z.object({
          imageId: IdSchema,
          position: z.number().int().min(0),
          ...SizeSchema,
          distance: DistanceSchema,
        }),
      ),
      matches: z.array(SimilarImageSchema),
    }),
  ),
});
export type TipSimilarity = z.infer<typeof TipSimilaritySchema>;
