import type {
  ConditionFieldKind,
  LeafCondition,
  RoutingAction,
  RoutingCondition,
} from "@trace/domain";
import type { Formatters } from "../../lib/format";
import { definitionOf } from "./condition-tree";

/** How a summary names the values a rule mentions (country names, labels, agency codes). */
export interface SummaryNames {
  country: (code: string) => string;
  language: (code: string) => string;
  category: (category: string) => string;
  tipConfidence: (confidence: string) => string;
  countryConfidence: (confidence: string) => string;
  priority: (priority: string) => string;
  agency: (id: string) => string;
}

/** The words a summary is made of, from the app's dictionary. */
export interface SummaryWords {
  and: string;
  or: string;
  not: (condition: string) => string;
  /** A list field left empty in a draft. */
  nothingChosen: string;
  quoted: (text: string) => string;
  refer: (agencies: string) => string;
  setPriority: (priority: string) => string;
  requireReview: string;
}

export interface RuleSummaries {
  /** The whole condition tree on one line. */
  condition: (condition: RoutingCondition) => string;
  /** One leaf: "Tip country: Belgium or Netherlands". */
  leaf: (leaf: LeafCondition) => string;
  /** The actions on one line: "refer to BE-FEDPOL; set priority to High". */
  actions: (actions: readonly RoutingAction[]) => string;
  action: (action: RoutingAction) => string;
}

/**
 * One-line summaries of a rule, written from the condition registry: a leaf reads as its type's
 * label followed by its fields, so a newly registered condition type is summarised without any
 * change here. List fields read as "A, B or C"; single values as "<field label> <value>"
 * ("at least likely").
 */
export function createRuleSummaries(
  format: Pick<Formatters, "list" | "lowerCase">,
  words: SummaryWords,
  names: SummaryNames,
): RuleSummaries {
  const valueName = (kind: ConditionFieldKind, value: string): string => {
    switch (kind) {
      case "countries":
        return names.country(value);
      case "languages":
        return names.language(value);
      case "categories":
        return names.category(value);
      case "keywords":
        return words.quoted(value);
      case "tip_confidence":
        return names.tipConfidence(value);
      case "country_confidence":
        return names.countryConfidence(value);
      case "object_refs":
        return value;
      default: {
        // Fails to compile when a new kind is added without words here; at run time (a newer
        // domain than this build) the value shows as stored.
        const _unhandled: never = kind;
        return value;
      }
    }
  };

  const leaf = (condition: LeafCondition): string => {
    const definition = definitionOf(condition.type);
    // A type this build does not know (a newer server): say what it is rather than fail.
    if (!definition) return condition.type;
    const values = condition as unknown as Record<string, unknown>;
    const parts = definition.fields.map((field) => {
      const value = values[field.name];
      if (Array.isArray(value)) {
        if (value.length === 0) return words.nothingChosen;
        return format.list(
          value.map((v) => valueName(field.kind, String(v))),
          "disjunction",
        );
      }
      return `${format.lowerCase(field.label)} ${valueName(field.kind, String(value))}`;
    });
    return `${definition.label}: ${parts.join(", ")}`;
  };

  const condition = (node: RoutingCondition, isNested = false): string => {
    switch (node.type) {
      case "all":
      case "any": {
        if (node.conditions.length === 0) return words.nothingChosen;
        if (node.conditions.length === 1) return condition(node.conditions[0]!, isNested);
        const joiner = ` ${node.type === "all" ? words.and : words.or} `;
        const text = node.conditions.map((c) => condition(c, true)).join(joiner);
        return isNested ? `(${text})` : text;
      }
      case "not":
        return words.not(condition(node.condition, false));
      default:
        return leaf(node);
    }
  };

  const action = (a: RoutingAction): string => {
    switch (a.type) {
      case "refer":
        return words.refer(
          a.agencyIds.length === 0
            ? words.nothingChosen
            : format.list(a.agencyIds.map(names.agency), "conjunction"),
        );
      case "set_priority":
        return words.setPriority(names.priority(a.priority));
      case "require_human_review":
        return words.requireReview;
      default: {
        // An action type this build does not know (a newer server): name it rather than fail.
        const unknown: never = a;
        return String((unknown as { type: string }).type);
      }
    }
  };

  return {
    condition: (node) => condition(node),
    leaf,
    actions: (actions) => actions.map(action).join("; "),
    action,
  };
}
