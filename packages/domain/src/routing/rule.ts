import { z } from "zod";
import { IdSchema, TimestampSchema } from "../shared/ids";
import { TipPrioritySchema } from "../tip/tip";
import { LeafConditionSchema, type LeafCondition } from "./conditions";

/**
 * A condition tree: leaves of the registered types (./conditions), combined with all / any / not.
 * Stored as JSON in the rule; its shape is the contract with the database and the rule editor.
 */
export type RoutingCondition =
  | LeafCondition
  | { type: "all"; conditions: RoutingCondition[] }
  | { type: "any"; conditions: RoutingCondition[] }
  | { type: "not"; condition: RoutingCondition };

const conditionList = () =>
  z.array(RoutingConditionSchema).min(1, "Add at least one condition to the group.");

// A discriminated union (not a plain union) so that a bad condition is reported against the
// branch its `type` names, not as "matches none of the alternatives".
export const RoutingConditionSchema: z.ZodType<RoutingCondition> = z.lazy(() =>
  z.discriminatedUnion("type", [
    LeafConditionSchema,
    z.object({ type: z.literal("all"), conditions: conditionList() }),
    z.object({ type: z.literal("any"), conditions: conditionList() }),
    z.object({ type: z.literal("not"), condition: RoutingConditionSchema }),
  ]),
);

export const RoutingActionSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("refer"),
    agencyIds: z.array(IdSchema).min(1, "Choose at least one agency."),
  }),
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
