import { z } from "zod";
import { CountryCodeSchema } from "../shared/country";
import { IdSchema, TimestampSchema } from "../shared/ids";
import { LanguageCodeSchema } from "../shared/locale";
import { ObjectCategorySchema, ObjectRefSchema } from "../object/object";
import { CountryConfidenceSchema } from "../series/series";
import { TipConfidenceSchema, TipPrioritySchema } from "../tip/tip";

/** Leaf conditions over a tip and its object and series. Evaluation comes with the routing issue. */
export const LeafConditionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("tip_country"), countries: z.array(CountryCodeSchema).min(1) }),
  z.object({
    type: z.literal("series_suspected_country"),
    countries: z.array(CountryCodeSchema).min(1),
    minConfidence: CountryConfidenceSchema,
  }),
  z.object({
    type: z.literal("object_category"),
    categories: z.array(ObjectCategorySchema).min(1),
  }),
  z.object({ type: z.literal("tip_language"), languages: z.array(LanguageCodeSchema).min(1) }),
  z.object({
    type: z.literal("keywords"),
    keywords: z.array(z.string().trim().min(1).max(100)).min(1),
  }),
  z.object({ type: z.literal("tip_confidence"), atLeast: TipConfidenceSchema }),
  z.object({ type: z.literal("object_ref"), refs: z.array(ObjectRefSchema).min(1) }),
]);
export type LeafCondition = z.infer<typeof LeafConditionSchema>;

export type RoutingCondition =
  | LeafCondition
  | { type: "all"; conditions: RoutingCondition[] }
  | { type: "any"; conditions: RoutingCondition[] }
  | { type: "not"; condition: RoutingCondition };

export const RoutingConditionSchema: z.ZodType<RoutingCondition> = z.lazy(() =>
  z.union([
    LeafConditionSchema,
    z.object({ type: z.literal("all"), conditions: z.array(RoutingConditionSchema).min(1) }),
    z.object({ type: z.literal("any"), conditions: z.array(RoutingConditionSchema).min(1) }),
    z.object({ type: z.literal("not"), condition: RoutingConditionSchema }),
  ]),
);

export const RoutingActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("refer"), agencyIds: z.array(IdSchema).min(1) }),
  z.object({ type: z.literal("set_priority"), priority: TipPrioritySchema }),
  z.object({ type: z.literal("require_human_review") }),
]);
export type RoutingAction = z.infer<typeof RoutingActionSchema>;

export const RoutingRuleSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1).max(200),
  version: z.number().int().min(1),
  position: z.number().int().min(0),
  isEnabled: z.boolean(),
  condition: RoutingConditionSchema,
  actions: z.array(RoutingActionSchema).min(1),
  createdAt: TimestampSchema,
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;
