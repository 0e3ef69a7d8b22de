import { and, asc, desc, eq, gte, inArray, lte, max, sql } from "drizzle-orm";
import type {
  CountryCode,
  ObjectCategory,
  RoutingAction,
  RoutingCondition,
  RoutingFacts,
  RoutingRule,
  RoutingRuleVersion,
  SuspectedCountry,
  TipConfidence,
} from "@trace/domain";
import type { Executor } from "../client";
import {
  routingRules,
  routingRuleVersions,
  series,
  staffUsers,
  tips,
  traceObjects,
} from "../schema";
import { iso } from "./serialize";

type RuleRow = typeof routingRules.$inferSelect;

const toRule = (r: RuleRow): RoutingRule => ({
  id: r.id,
  name: r.name,
  version: r.version,
  position: r.position,
  isEnabled: r.isEnabled,
  condition: r.condition,
  actions: r.actions,
  createdAt: iso(r.createdAt),
});

/** Every rule, current versions, in evaluation order. */
export async function listRoutingRules(db: Executor): Promise<RoutingRule[]> {
  const rows = await db
    .select()
    .from(routingRules)
    .orderBy(asc(routingRules.position), asc(routingRules.id));
  return rows.map(toRule);
}

/** The rule, row-locked until the end of the transaction so that two edits take turns. */
export async function lockRoutingRule(tx: Executor, id: string): Promise<RoutingRule | null> {
  const [row] = await tx.select().from(routingRules).where(eq(routingRules.id, id)).for("update");
  return row ? toRule(row) : null;
}

export interface RoutingRuleContent {
  name: string;
  isEnabled: boolean;
  condition: RoutingCondition;
  actions: RoutingAction[];
}

/** A new rule at the end of the order, with its first version in the history. */
export async function insertRoutingRule(
  tx: Executor,
  rule: RoutingRuleContent & { authorId: string; at: Date },
): Promise<string> {
  const [last] = await tx.select({ position: max(routingRules.position) }).from(routingRules);
  const [row] = await tx
    .insert(routingRules)
    .values({
      ...pick(rule),
      version: 1,
      position: (last?.position ?? -1) + 1,
      createdAt: rule.at,
      updatedAt: rule.at,
      updatedById: rule.authorId,
    })
    .returning({ id: routingRules.id });
  await tx.insert(routingRuleVersions).values({
    ruleId: row!.id,
    version: 1,
    ...pick(rule),
    authorId: rule.authorId,
    createdAt: rule.at,
  });
  return row!.id;
}

/** Saves the next version of a locked rule and keeps it in the history. */
export async function saveRoutingRuleVersion(
  tx: Executor,
  id: string,
  version: number,
  rule: RoutingRuleContent & { authorId: string; at: Date },
): Promise<void> {
  await tx
    .update(routingRules)
    .set({ ...pick(rule), version, updatedAt: rule.at, updatedById: rule.authorId })
    .where(eq(routingRules.id, id));
  await tx.insert(routingRuleVersions).values({
    ruleId: id,
    version,
    ...pick(rule),
    authorId: rule.authorId,
    createdAt: rule.at,
  });
}

const pick = (r: RoutingRuleContent): RoutingRuleContent => ({
  name: r.name,
  isEnabled: r.isEnabled,
  condition: r.condition,
  actions: r.actions,
});

/** The ids of every rule, locked, for a reorder that must name each of them once. */
export async function lockAllRoutingRuleIds(tx: Executor): Promise<string[]> {
  const rows = await tx.select({ id: routingRules.id }).from(routingRules).for("update");
  return rows.map((r) => r.id);
}

export async function setRoutingRulePositions(tx: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const positions = sql.join(
    ids.map((id, i) => sql`(${id}::uuid, ${i}::int)`),
    sql`, `,
  );
  await tx.execute(sql`
    update ${routingRules} set position = v.position
    from (values ${positions}) as v(id, position)
    where ${routingRules.id} = v.id`);
}

export async function listRoutingRuleVersions(
  db: Executor,
  ruleId: string,
): Promise<RoutingRuleVersion[]> {
  const rows = await db
    .select({
      version: routingRuleVersions.version,
      name: routingRuleVersions.name,
      isEnabled: routingRuleVersions.isEnabled,
      condition: routingRuleVersions.condition,
      actions: routingRuleVersions.actions,
      author: staffUsers.displayName,
      createdAt: routingRuleVersions.createdAt,
    })
    .from(routingRuleVersions)
    .leftJoin(staffUsers, eq(staffUsers.id, routingRuleVersions.authorId))
    .where(eq(routingRuleVersions.ruleId, ruleId))
    .orderBy(desc(routingRuleVersions.version));
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) }));
}

/** What routing reads of one tip: the tip, its object and that object's series. */
export interface RoutingTipRow {
  tipId: string;
  receivedAt: Date;
  country: CountryCode | null;
  language: string;
  confidence: TipConfidence;
  text: string | null;
  placeOrShop: string | null;
  brandOrProduct: string | null;
  evidenceLinks: string[];
  object: { id: string; ref: string; category: ObjectCategory } | null;
  suspectedCountries: SuspectedCountry[] | null;
}

const routingTipColumns = {
  tipId: tips.id,
  receivedAt: tips.receivedAt,
  country: tips.country,
  language: tips.language,
  confidence: tips.confidence,
  text: tips.text,
  placeOrShop: tips.placeOrShop,
  brandOrProduct: tips.brandOrProduct,
  evidenceLinks: tips.evidenceLinks,
  objectId: traceObjects.id,
  objectRef: traceObjects.ref,
  category: traceObjects.category,
  suspectedCountries: series.suspectedCountries,
};

type RoutingTipSelect = {
  [K in keyof typeof routingTipColumns]: (typeof routingTipColumns)[K]["_"]["data"] | null;
};

function toRoutingTipRow(r: RoutingTipSelect): RoutingTipRow {
  return {
    tipId: r.tipId!,
    receivedAt: r.receivedAt!,
    country: r.country as CountryCode | null,
    language: r.language!,
    confidence: r.confidence!,
    text: r.text,
    placeOrShop: r.placeOrShop,
    brandOrProduct: r.brandOrProduct,
    evidenceLinks: r.evidenceLinks ?? [],
    object:
      r.objectId && r.objectRef && r.category
        ? { id: r.objectId, ref: r.objectRef, category: r.category }
        : null,
    suspectedCountries: r.suspectedCountries,
  };
}

function routingTipsQuery(db: Executor) {
  return db
    .select(routingTipColumns)
    .from(tips)
    .leftJoin(traceObjects, eq(traceObjects.id, tips.objectId))
    .leftJoin(series, eq(series.id, traceObjects.seriesId));
}

export async function getRoutingTips(db: Executor, tipIds: string[]): Promise<RoutingTipRow[]> {
  if (tipIds.length === 0) return [];
  const rows = await routingTipsQuery(db).where(inArray(tips.id, tipIds));
  return rows.map(toRoutingTipRow);
}

/** The tips a simulation runs over: the last `lastTips` received, or those in a date range. */
export async function listRoutingTipsForSimulation(
  db: Executor,
  range: { lastTips?: number; from?: Date; to?: Date },
): Promise<RoutingTipRow[]> {
  const query = routingTipsQuery(db)
    .where(
      and(
        range.from ? gte(tips.receivedAt, range.from) : undefined,
        range.to ? lte(tips.receivedAt, range.to) : undefined,
      ),
    )
    .orderBy(desc(tips.receivedAt), desc(tips.id));
  const rows = range.lastTips ? await query.limit(range.lastTips) : await query.limit(100_000);
  return rows.map(toRoutingTipRow);
}

/** The engine's facts for one tip. */
export function toRoutingFacts(row: RoutingTipRow): RoutingFacts {
  return {
    tip: {
      id: row.tipId,
      country: row.country,
      language: row.language,
      confidence: row.confidence,
      text: row.text,
      placeOrShop: row.placeOrShop,
      brandOrProduct: row.brandOrProduct,
      evidenceLinks: row.evidenceLinks,
    },
    object: row.object ? { ref: row.object.ref, category: row.object.category } : null,
    // The series' notes are evidence for staff, not routing facts.
    series: row.suspectedCountries
      ? {
          suspectedCountries: row.suspectedCountries.map(({ country, confidence }) => ({
            country,
            confidence,
          })),
        }
      : null,
  };
}

/** Every routed tip, oldest first: the seed refers them to agencies. */
export async function listRoutedTipIds(db: Executor): Promise<{ id: string; at: Date }[]> {
  return db
    .select({ id: tips.id, at: tips.updatedAt })
    .from(tips)
    .where(eq(tips.triageStatus, "routed"))
    .orderBy(asc(tips.updatedAt), asc(tips.id));
}
