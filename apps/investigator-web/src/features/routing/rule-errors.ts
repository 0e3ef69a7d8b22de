import type { RoutingCondition, RoutingRuleDraft } from "@trace/domain";
import { definitionOf } from "./condition-tree";

/** A validation issue about a rule draft: from zod on the client or `fieldErrors` from the API. */
export interface DraftIssue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * The controls of the rule form that show errors, named by dotted path: `name`, `isEnabled`,
 * `actions` (its "Add action" button), `actions.2.type`, `actions.2.agencyIds`,
 * `actions.2.priority`, `condition.conditions.0.type` (a condition's type select),
 * `condition.conditions` (a group's "Add condition" button), `condition.conditions.0.countries`
 * (a field of a leaf). `form` collects issues about nothing the form shows.
 */
export type RuleErrors = ReadonlyMap<string, readonly string[]>;

export const FORM_CONTROL = "form";

/** The DOM id of a control of the rule form (there is one rule form per page). */
export function controlId(control: string): string {
  return `rule-${control.replaceAll(".", "-")}`;
}

/** The API reports paths joined with dots ("condition.conditions.0.countries"). */
export function issuesFromServer(
  fieldErrors: readonly { path: string; message: string }[],
): DraftIssue[] {
  return fieldErrors.map((e) => ({
    path: e.path === "" ? [] : e.path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    message: e.message,
  }));
}

interface Located {
  control: string;
  message: string;
}

/**
 * The control an issue belongs to, found by walking the draft along the issue's path: an issue
 * inside a leaf (a bad keyword) lands on that leaf's field, one about a group on its "Add
 * condition" button. An issue about one entry of a list names the entry, since a list is edited
 * as a whole ("“!!”: A keyword needs at least one letter or digit.").
 */
export function locateIssue(
  issue: DraftIssue,
  draft: RoutingRuleDraft,
  quote: (value: string) => string,
): Located {
  const [head, ...rest] = issue.path;
  const { message } = issue;
  switch (head) {
    case "name":
    case "isEnabled":
      return { control: head, message };
    case "condition":
      return locateInCondition(draft.condition, "condition", rest, message, quote);
    case "actions": {
      const index = rest[0];
      const action = typeof index === "number" ? draft.actions[index] : undefined;
      if (action === undefined) return { control: "actions", message };
      const field = rest[1];
      const isField =
        (field === "agencyIds" && action.type === "refer") ||
        (field === "priority" && action.type === "set_priority");
      return { control: `actions.${String(index)}.${isField ? String(field) : "type"}`, message };
    }
    default:
      return { control: FORM_CONTROL, message };
  }
}

function locateInCondition(
  node: RoutingCondition,
  at: string,
  rest: readonly PropertyKey[],
  message: string,
  quote: (value: string) => string,
): Located {
  const typeControl = { control: `${at}.type`, message };
  if (rest.length === 0) return typeControl;
  const [key, index, ...deeper] = rest;
  switch (node.type) {
    case "all":
    case "any": {
      if (key !== "conditions") return typeControl;
      const child = typeof index === "number" ? node.conditions[index] : undefined;
      if (child === undefined) return { control: `${at}.conditions`, message };
      return locateInCondition(child, `${at}.conditions.${String(index)}`, deeper, message, quote);
    }
    case "not":
      if (key !== "condition") return typeControl;
      return locateInCondition(node.condition, `${at}.condition`, rest.slice(1), message, quote);
    default: {
      const field = definitionOf(node.type)?.fields.find((f) => f.name === key);
      if (!field) return typeControl;
      const value = (node as unknown as Record<string, unknown>)[field.name];
      const entry = Array.isArray(value) && typeof index === "number" ? value[index] : undefined;
      return {
        control: `${at}.${field.name}`,
        message: typeof entry === "string" ? `${quote(entry)}: ${message}` : message,
      };
    }
  }
}

/** Every issue on its control, in the order reported, each message once per control. */
export function ruleErrors(
  issues: readonly DraftIssue[],
  draft: RoutingRuleDraft,
  quote: (value: string) => string,
): RuleErrors {
  const errors = new Map<string, string[]>();
  for (const issue of issues) {
    const { control, message } = locateIssue(issue, draft, quote);
    const list = errors.get(control) ?? [];
    if (!list.includes(message)) list.push(message);
    errors.set(control, list);
  }
  return errors;
}

/** Which condition or action a control belongs to, so the error summary can say where it is. */
export type ControlOwner = { condition: number[] } | { action: number } | null;

export function controlOwner(control: string): ControlOwner {
  const parts = control.split(".");
  if (parts[0] === "actions") return parts.length > 2 ? { action: Number(parts[1]) } : null;
  if (parts[0] !== "condition") return null;
  const path: number[] = [];
  for (let i = 1; i < parts.length; i++) {
    const next = parts[i + 1];
    if (parts[i] === "conditions" && next !== undefined && /^\d+$/.test(next)) {
      path.push(Number(next));
      i++;
    } else if (parts[i] === "condition") {
      path.push(0);
    }
  }
  return { condition: path };
}
