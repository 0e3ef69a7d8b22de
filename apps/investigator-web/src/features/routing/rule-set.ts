import type { RoutingRule, RoutingRuleDraft } from "@trace/domain";

/** A rule of a draft set as `routing.tryOnTip` and `routing.simulate` take it. */
export type DraftRuleSetEntry = RoutingRuleDraft & { id?: string };

/** The saved rules in evaluation order (the API sorts them too; this keeps the UI honest). */
export function inEvaluationOrder<T extends Pick<RoutingRule, "id" | "position">>(
  rules: readonly T[],
): T[] {
  return [...rules].sort(
    (a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * The rule set as it would be with the draft saved: the saved rules in order, with the rule being
 * edited replaced by the draft, or the draft added last (where a new rule is created).
 */
export function draftRuleSet(
  saved: readonly RoutingRule[],
  draft: RoutingRuleDraft,
  editingId: string | null,
): DraftRuleSetEntry[] {
  const entry = (rule: RoutingRule): DraftRuleSetEntry => ({
    id: rule.id,
    name: rule.name,
    isEnabled: rule.isEnabled,
    condition: rule.condition,
    actions: rule.actions,
  });
  const rules = inEvaluationOrder(saved);
  const isSaved = editingId !== null && rules.some((r) => r.id === editingId);
  const set = rules.map((rule) =>
    rule.id === editingId ? { ...draft, id: rule.id } : entry(rule),
  );
  return isSaved ? set : [...set, { ...draft }];
}

/** The ids with the one at `from` moved to `to` (both within bounds), for `routing.reorder`. */
export function moveId(ids: readonly string[], from: number, to: number): string[] {
  if (from < 0 || from >= ids.length || to < 0 || to >= ids.length) {
    throw new RangeError(`Cannot move position ${from} to ${to} of ${ids.length}.`);
  }
  const next = [...ids];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/**
 * A date range picked as calendar days ("2025-03-01" to "2025-03-31", either may be empty) as
 * the instants a simulation takes: from the start of the first day to the end of the last one, in
 * the user's time zone. Null when a day is not a real date.
 */
export function dayRange(
  fromDay: string,
  toDay: string,
): { from: string | undefined; to: string | undefined } | null {
  const from = fromDay === "" ? undefined : startOfDay(fromDay);
  const to = toDay === "" ? undefined : startOfDay(toDay, 1);
  if (from === null || to === null) return null;
  return {
    from: from?.toISOString(),
    to: to ? new Date(to.getTime() - 1).toISOString() : undefined,
  };
}

/** Local midnight of a "YYYY-MM-DD" day (plus `addDays`), or null if it is no real date. */
function startOfDay(day: string, addDays = 0): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const at = new Date(year, month, date);
  // new Date rolls 31 February over into March; a day that moved was not a real date.
  if (at.getFullYear() !== year || at.getMonth() !== month || at.getDate() !== date) return null;
  at.setDate(at.getDate() + addDays);
  return at;
}

/**
 * A key for a JSON value that does not depend on the order of object keys (rules come back from
 * the database with their keys reordered), to tell whether two drafts say the same thing.
 */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
