import {
  can,
  ObjectSimilarityInputSchema,
  ObjectSimilaritySchema,
  TipSimilarityInputSchema,
  TipSimilaritySchema,
} from "@trace/domain";
import { loadObjectSimilarity, loadTipSimilarity } from "@trace/db";
import { appError } from "../errors";
import { router, staffProcedure } from "../init";

/**
 * "Has this been seen before?": images across every series and case (and tipsters' photos) whose
 * perceptual hashes lie near each other. Reads only; nothing here reveals tip content.
 */
export const similarityRouter = router({
  /** The similar images of each image of an object, nearest first. */
  forObject: staffProcedure("object.read")
    .input(ObjectSimilarityInputSchema)
    .output(ObjectSimilaritySchema)
    .query(async ({ ctx, input }) => {
      const found = await loadObjectSimilarity(ctx.deps.database.db, input.id, {
        maxDistance: input.maxDistance,
        // Tipsters' photos are tip material: only for those who may read tips.
        includeTipPhotos: can(ctx.user.role, "tip.read"),
      });
      if (!found) throw appError("staff_object_not_found");
      return found;
    }),

  /** For each photo of a tip: distance to the tip's object's images and the similar images elsewhere. */
  forTip: staffProcedure("tip.read")
    .input(TipSimilarityInputSchema)
    .output(TipSimilaritySchema)
    .query(async ({ ctx, input }) => {
      const found = await loadTipSimilarity(ctx.deps.database.db, input.id, {
        maxDistance: input.maxDistance,
      });
      if (!found) throw appError("tip_not_found");
      return found;
    }),
});
