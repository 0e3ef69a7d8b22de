import {
  PublicObjectByRefInputSchema,
  PublicObjectListInputSchema,
  PublicObjectSchema,
  PublicObjectSummarySchema,
  pageOf,
} from "@trace/domain";
import { getPublicObjectByRef, listPublishedObjects } from "@trace/db";
import { appError } from "../errors";
import { publicProcedure, router } from "../init";

export const objectsRouter = router({
  list: publicProcedure
    .input(PublicObjectListInputSchema.default({ locale: "en", limit: 24, offset: 0 }))
    .output(pageOf(PublicObjectSummarySchema))
    .query(({ ctx, input }) => listPublishedObjects(ctx.deps.database.db, input)),

  byRef: publicProcedure
    .input(PublicObjectByRefInputSchema)
    .output(PublicObjectSchema)
    .query(async ({ ctx, input }) => {
      const object = await getPublicObjectByRef(ctx.deps.database.db, input.ref, input.locale);
      if (!object) throw appError("object_not_found");
      return object;
    }),
});
