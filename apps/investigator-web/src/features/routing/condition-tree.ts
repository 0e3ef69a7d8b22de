import {
  CONDITION_DEFINITIONS,
  type ConditionDefinition,
  type ConditionFieldKind,
  type LeafCondition,
  type RoutingCondition,
} from "@trace/domain";

/** The combinators a condition tree is built with, besides the registered leaf types. */
export const GROUP_TYPES = ["all", "any", "not"] as const;
export type GroupType = (typeof GROUP_TYPES)[number];
export type ConditionNodeType = RoutingCondition["type"];

/**
 * Where a node sits in the tree: the index of each child on the way down from the root (a `not`
 * has one child, index 0). The root is the empty path.
 */
export type NodePath = readonly number[];

export function isGroupType(type: string): type is GroupType {
  return (GROUP_TYPES as readonly string[]).includes(type);
}

/** The registered definition of a leaf type, or undefined for a type this build does not know. */
export function definitionOf(type: string): ConditionDefinition | undefined {
  return (CONDITION_DEFINITIONS as readonly ConditionDefinition[]).find((d) => d.type === type);
}

/**
 * What a field starts as in a new condition. The editor has one input per kind, so a default per
 * kind is all a new condition type needs. Lists start empty (validation asks to fill them);
 * "at least" scales start in the middle, the choice that surprises least.
 */
const FIELD_DEFAULTS: Record<ConditionFieldKind, () => unknown> = {
  countries: () => [],
  categories: () => [],
  languages: () => [],
  keywords: () => [],
  object_refs: () => [],
  tip_confidence: () => "think_so",
  country_confidence: () => "likely",
};

/**
 * A new leaf of a registered type with default fields; values of `carry` (the leaf it replaces)
 * are kept where a field of the same name and kind exists, so switching "tip country" to
 * "suspected country of the series" keeps the countries.
 */
export function newLeaf(type: string, carry?: RoutingCondition): LeafCondition {
  const definition = definitionOf(type);
  if (!definition) throw new Error(`Unknown routing condition type "${type}".`);
  const carried = carry ? definitionOf(carry.type) : undefined;
  const leaf: Record<string, unknown> = { type };
  for (const field of definition.fields) {
    const same = carried?.fields.find((f) => f.name === field.name && f.kind === field.kind);
    leaf[field.name] = same
      ? (carry as unknown as Record<string, unknown>)[field.name]
      : FIELD_DEFAULTS[field.kind]();
  }
  // Built from the definition's own field list, so it has the shape of that type's schema.
  return leaf as unknown as LeafCondition;
}

/** The first registered type: what "Add condition" adds. */
export function defaultLeaf(): LeafCondition {
  return newLeaf(CONDITION_DEFINITIONS[0].type);
}

/** A new rule's condition: one group, ready for more conditions. */
export function newRuleCondition(): RoutingCondition {
  return { type: "all", conditions: [defaultLeaf()] };
}

export function childrenOf(node: RoutingCondition): readonly RoutingCondition[] {
  switch (node.type) {
    case "all":
    case "any":
      return node.conditions;
    case "not":
      return [node.condition];
    default:
      return [];
  }
}

export function nodeAt(root: RoutingCondition, path: NodePath): RoutingCondition | undefined {
  let node: RoutingCondition | undefined = root;
  for (const index of path) {
    if (node === undefined) return undefined;
    node = childrenOf(node)[index];
  }
  return node;
}

/** A copy of the tree with the node at `path` replaced by `change(node)`; other nodes are shared. */
export function updateAt(
  root: RoutingCondition,
  path: NodePath,
  change: (node: RoutingCondition) => RoutingCondition,
): RoutingCondition {
  if (path.length === 0) return change(root);
  const [index, ...rest] = path as [number, ...number[]];
  switch (root.type) {
    case "all":
    case "any": {
      const child = root.conditions[index];
      if (child === undefined) throw new Error(`No condition at ${path.join(".")}.`);
      const conditions = [...root.conditions];
      conditions[index] = updateAt(child, rest, change);
      return { ...root, conditions };
    }
    case "not":
      if (index !== 0) throw new Error(`No condition at ${path.join(".")}.`);
      return { ...root, condition: updateAt(root.condition, rest, change) };
    default:
      throw new Error(`A ${root.type} condition has no children.`);
  }
}

/** Appends a new condition to the all/any group at `path`. */
export function addChild(
  root: RoutingCondition,
  path: NodePath,
  child: RoutingCondition = defaultLeaf(),
): RoutingCondition {
  return updateAt(root, path, (node) => {
    if (node.type !== "all" && node.type !== "any") {
      throw new Error(`Conditions are added to all/any groups, not to ${node.type}.`);
    }
    return { ...node, conditions: [...node.conditions, child] };
  });
}

/**
 * Removes the node at `path` from its all/any group. The group may end up empty: validation then
 * says so, rather than the editor removing the group behind the user's back.
 */
export function removeAt(root: RoutingCondition, path: NodePath): RoutingCondition {
  if (path.length === 0) throw new Error("The rule's condition itself cannot be removed.");
  const index = path[path.length - 1]!;
  return updateAt(root, path.slice(0, -1), (parent) => {
    if (parent.type !== "all" && parent.type !== "any") {
      throw new Error(`Only conditions of an all/any group can be removed, not of ${parent.type}.`);
    }
    return { ...parent, conditions: parent.conditions.filter((_, i) => i !== index) };
  });
}

/** Whether the node at `path` can be removed: it is a member of an all/any group. */
export function isRemovable(root: RoutingCondition, path: NodePath): boolean {
  if (path.length === 0) return false;
  const parent = nodeAt(root, path.slice(0, -1));
  return parent?.type === "all" || parent?.type === "any";
}

/**
 * The node turned into another type, keeping what the user built where the change allows it:
 * all ↔ any keep their conditions; a condition turned into a group becomes its first member;
 * turned into "not", it becomes what is negated; a "not" turned into a group or into the type of
 * what it negates gives that back; a leaf turned into another leaf keeps the fields both share.
 */
export function changeType(node: RoutingCondition, type: ConditionNodeType): RoutingCondition {
  if (node.type === type) return node;
  switch (type) {
    case "all":
    case "any":
      if (node.type === "all" || node.type === "any") return { type, conditions: node.conditions };
      if (node.type === "not") return { type, conditions: [node.condition] };
      return { type, conditions: [node] };
    case "not":
      return { type: "not", condition: node };
    default:
      if (node.type === "not" && node.condition.type === type) return node.condition;
      return newLeaf(type, node);
  }
}

/** "1.2" for the path [0, 1]: how the editor names a condition (the root has no number). */
export function pathLabel(path: NodePath): string {
  return path.map((i) => i + 1).join(".");
}
