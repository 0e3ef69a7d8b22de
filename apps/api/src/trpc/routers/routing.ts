import { z } from "zod";
import {
  IdSchema,
  RoutingDecisionViewSchema,
  RoutingRuleDraftSchema,
  RoutingRuleEnableInputSchema,
  RoutingRuleReorderInputSchema,
  RoutingRuleSchema,
  RoutingRuleUpdateInputSchema,
  RoutingRuleVersionSchema,
  SimulateRulesInputSchema,
  SimulationViewSchema,
  simulateRouting,
  TryRulesInputSchema,
  type RoutingRule,
} from "@trace/domain";
import {
  appendAuditEvent,
  getRoutingTips,
  insertRoutingRule,
  listRoutingRules,
  listRoutingRuleVersions,
  listRoutingTipsForSimulation,
  lockAllRoutingRuleIds,
  lockRoutingRule,
  saveRoutingRuleVersion,
  setRoutingRulePositions,
  type Executor,
  toRoutingFacts,
  type RoutingRuleContent,
} from "@trace/db";
import { appError } from "../errors";
import { router, staffProcedure } from "../init";
import { agencyNames, combinedDecision, routingContext } from "../../services/routing";

/** The most changed tips a simulation lists; the counts cover all of them. */
const SIMULATION_LIST_LIMIT = 200;

type DraftRules = z.infer<typeof SimulateRulesInputSchema>["rules"];

/** A draft rule set in evaluation form: its order is the list's, unsaved rules get a draft id. */
function draftRules(drafts: DraftRules, saved: RoutingRule[]): RoutingRule[] {
  const byId = new Map(saved.map((r) => [r.id, r]));
  return drafts.map((d, position) => ({
    id: d.id ?? `draft-${position + 1}`,
    name: d.name,
    isEnabled: d.isEnabled,
    condition: d.condition,
    actions: d.actions,
    position,
    version: d.id ? (byId.get(d.id)?.version ?? 1) : 1,
    createdAt: new Date(0).toISOString(),
  }));
}

async function changeRule(
  db: Executor,
  input: { id: string; expectedVersion: number },
  actorId: string,
  at: Date,
  change: (rule: RoutingRule) => RoutingRuleContent,
): Promise<RoutingRule> {
  return db.transaction(async (tx) => {
    const rule = await lockRoutingRule(tx, input.id);
    if (!rule) throw appError("routing_rule_not_found");
    if (rule.version !== input.expectedVersion) throw appError("routing_rule_changed");
    const version = rule.version + 1;
    const content = change(rule);
    await saveRoutingRuleVersion(tx, rule.id, version, { ...content, authorId: actorId, at });
    await appendAuditEvent(tx, {
      at,
      actorId,
      action: "routing_rule.changed",
      entityType: "routing_rule",
      entityId: rule.id,
    });
    return { ...rule, ...content, version };
  });
}

/**
 * Routing rules: every analyst sees them and what they suggest; coordinators write, reorder,
 * switch on and off, try and simulate them. Every save is a new version; old ones are kept.
 */
export const routingRouter = router({
  rules: staffProcedure("routing.read")
    .output(z.array(RoutingRuleSchema))
    .query(({ ctx }) => listRoutingRules(ctx.deps.database.db)),

  versions: staffProcedure("routing.read")
    .input(z.strictObject({ id: IdSchema }))
    .output(z.array(RoutingRuleVersionSchema))
    .query(async ({ ctx, input }) => {
      const versions = await listRoutingRuleVersions(ctx.deps.database.db, input.id);
      if (versions.length === 0) throw appError("routing_rule_not_found");
      return versions;
    }),

  create: staffProcedure("routing.manage")
    .input(RoutingRuleDraftSchema)
    .output(RoutingRuleSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const at = ctx.deps.now();
      const id = await db.transaction(async (tx) => {
        const ruleId = await insertRoutingRule(tx, { ...input, authorId: ctx.user.id, at });
        await appendAuditEvent(tx, {
          at,
          actorId: ctx.user.id,
          action: "routing_rule.created",
          entityType: "routing_rule",
          entityId: ruleId,
        });
        return ruleId;
      });
      const rule = (await listRoutingRules(db)).find((r) => r.id === id);
      return rule!;
    }),

  update: staffProcedure("routing.manage")
    .input(RoutingRuleUpdateInputSchema)
    .output(RoutingRuleSchema)
    .mutation(({ ctx, input }) => {
      const { id: _id, expectedVersion: _v, ...content } = input;
      return changeRule(ctx.deps.database.db, input, ctx.user.id, ctx.deps.now(), () => content);
    }),

  setEnabled: staffProcedure("routing.manage")
    .input(RoutingRuleEnableInputSchema)
    .output(RoutingRuleSchema)
    .mutation(({ ctx, input }) =>
      changeRule(ctx.deps.database.db, input, ctx.user.id, ctx.deps.now(), (rule) => ({
        name: rule.name,
        condition: rule.condition,
        actions: rule.actions,
        isEnabled: input.isEnabled,
      })),
    ),

  reorder: staffProcedure("routing.manage")
    .input(RoutingRuleReorderInputSchema)
    .output(z.array(RoutingRuleSchema))
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const at = ctx.deps.now();
      await db.transaction(async (tx) => {
        const all = new Set(await lockAllRoutingRuleIds(tx));
        if (all.size !== input.ids.length || !input.ids.every((id) => all.has(id)))
          throw appError("routing_order_incomplete");
        await setRoutingRulePositions(tx, input.ids);
        await appendAuditEvent(tx, {
          at,
          actorId: ctx.user.id,
          action: "routing_rule.reordered",
          entityType: "routing_rule",
          entityId: null,
        });
      });
      return listRoutingRules(db);
    }),

  /**
   * The decision and its explanations for one tip, under the saved rules or a draft set. Sent as
   * a POST (a mutation that changes nothing) because a draft rule set outgrows a URL.
   */
  tryOnTip: staffProcedure("routing.read")
    .input(TryRulesInputSchema)
    .output(RoutingDecisionViewSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const [rows, saved, context] = await Promise.all([
        getRoutingTips(db, [input.tipId]),
        listRoutingRules(db),
        routingContext(db),
      ]);
      if (rows.length === 0) throw appError("tip_not_found");
      const rules = input.rules ? draftRules(input.rules, saved) : saved;
      return combinedDecision(rows, rules, context);
    }),

  /** What a draft rule set would change, over recent tips, before it is activated (POST, as above). */
  simulate: staffProcedure("routing.manage")
    .input(SimulateRulesInputSchema)
    .output(SimulationViewSchema)
    .mutation(async ({ ctx, input }) => {
      const { db } = ctx.deps.database;
      const [rows, saved, context] = await Promise.all([
        listRoutingTipsForSimulation(db, {
          lastTips: input.lastTips,
          from: input.from ? new Date(input.from) : undefined,
          to: input.to ? new Date(input.to) : undefined,
        }),
        listRoutingRules(db),
        routingContext(db),
      ]);
      const result = simulateRouting(
        saved,
        draftRules(input.rules, saved),
        rows.map((row) => ({ tipId: row.tipId, facts: toRoutingFacts(row) })),
        context,
      );
      const refs = new Map(rows.map((r) => [r.tipId, r.object?.ref ?? null]));
      const agencyIds = [
        ...new Set([...Object.keys(result.countsBefore), ...Object.keys(result.countsAfter)]),
      ];
      const summary = (d: (typeof result.changed)[number]["before"]) => ({
        agencies: agencyNames(context, d.agencyIds),
        priority: d.priority,
        requiresReview: d.requiresReview,
      });
      return {
        total: result.total,
        perAgency: agencyNames(context, agencyIds)
          .map((a) => ({
            ...a,
            before: result.countsBefore[a.id] ?? 0,
            after: result.countsAfter[a.id] ?? 0,
          }))
          .sort((a, b) => b.after - a.after || a.name.localeCompare(b.name)),
        changed: result.changed.slice(0, SIMULATION_LIST_LIMIT).map((c) => ({
          tipId: c.tipId,
          objectRef: refs.get(c.tipId) ?? null,
          before: summary(c.before),
          after: summary(c.after),
        })),
        changedCount: result.changed.length,
      };
    }),
});
