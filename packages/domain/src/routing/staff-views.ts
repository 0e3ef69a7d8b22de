import { z } from "zod";
import { IdSchema, TimestampSchema } from "../shared/ids";
import { TipPrioritySchema } from "../tip/tip";
import { RoutingActionSchema, RoutingConditionSchema } from "./rule";

/** What a coordinator writes: the engine's own schemas, so the form and the API agree. */
export const RoutingRuleDraftSchema = z.strictObject({
  name: z.string().trim().min(1, "Give the rule a name.").max(200),
  isEnabled: z.boolean(),
  condition: RoutingConditionSchema,
  actions: z.array(RoutingActionSchema).min(1, "Add at least one action.").max(20),
});
export type RoutingRuleDraft = z.infer<typeof RoutingRuleDraftSchema>;

export const RoutingRuleUpdateInputSchema = RoutingRuleDraftSchema.extend({
  id: IdSchema,
  /** The version the editor started from: a save over someone else's newer version is refused. */
  expectedVersion: z.number().int().min(1),
});

export const RoutingRuleEnableInputSchema = z.strictObject({
  id: IdSchema,
  isEnabled: z.boolean(),
  expectedVersion: z.number().int().min(1),
});

export const RoutingRuleReorderInputSchema = z.strictObject({
  /** Every rule id, in the new order. */
  ids: z
    .array(IdSchema)
    .min(1)
    .max(5_000)
    .refine((ids) => new Set(ids).size === ids.length, { message: "Name each rule once." }),
});

export const RoutingRuleVersionSchema = z.object({
  version: z.number().int().min(1),
  name: z.string(),
  isEnabled: z.boolean(),
  condition: RoutingConditionSchema,
  actions: z.array(RoutingActionSchema),
  author: z.string().nullable(),
  createdAt: TimestampSchema,
});
export type RoutingRuleVersion = z.infer<typeof RoutingRuleVersionSchema>;

/**
 * A rule set to try: the saved rules, or a draft list of them (unsaved rules have no id yet).
 * A saved rule appears once: the engine refuses a set with two rules of one id.
 */
export const DraftRuleSetSchema = z
  .array(RoutingRuleDraftSchema.extend({ id: IdSchema.optional() }))
  .max(5_000)
  .refine(
    (rules) => {
      const ids = rules.flatMap((rule) => (rule.id ? [rule.id] : []));
      return new Set(ids).size === ids.length;
    },
    { message: "Each saved rule may appear once in a rule set." },
  );

export const TryRulesInputSchema = z.strictObject({
  tipId: IdSchema,
  /** Omitted: the saved rules. */
  rules: DraftRuleSetSchema.optional(),
});

export const SimulateRulesInputSchema = z
  .strictObject({
    rules: DraftRuleSetSchema,
    /** The last N tips… */
    lastTips: z.number().int().min(1).max(100_000).optional(),
    /** …or the tips received in a date range. */
    from: TimestampSchema.optional(),
    to: TimestampSchema.optional(),
  })
  .refine((i) => (i.lastTips === undefined) !== (i.from === undefined && i.to === undefined), {
    message: "Choose either a number of recent tips or a date range.",
    path: ["lastTips"],
  })
  .refine((i) => !i.from || !i.to || i.from <= i.to, {
    message: "The range must end after it starts.",
    path: ["to"],
  });

const DecisionSummarySchema = z.object({
  agencies: z.array(z.object({ id: IdSchema, name: z.string() })),
  priority: TipPrioritySchema.nullable(),
  requiresReview: z.boolean(),
});

export const RoutingExplanationViewSchema = z.object({
  ruleId: z.string(),
  ruleName: z.string(),
  version: z.number().int(),
  outcome: z.enum(["matched", "not_matched", "skipped"]),
  text: z.string(),
  conditions: z.array(z.string()),
});

export const RoutingDecisionViewSchema = DecisionSummarySchema.extend({
  explanations: z.array(RoutingExplanationViewSchema),
});
export type RoutingDecisionView = z.infer<typeof RoutingDecisionViewSchema>;

export const SimulationViewSchema = z.object({
  total: z.number().int().min(0),
  perAgency: z.array(
    z.object({
      id: IdSchema,
      name: z.string(),
      before: z.number().int().min(0),
      after: z.number().int().min(0),
    }),
  ),
  changed: z.array(
    z.object({
      tipId: IdSchema,
      objectRef: z.string().nullable(),
      before: DecisionSummarySchema,
      after: DecisionSummarySchema,
    }),
  ),
  /** The list of changed tips is capped; `changedCount` is the full count. */
  changedCount: z.number().int().min(0),
});
export type SimulationView = z.infer<typeof SimulationViewSchema>;
