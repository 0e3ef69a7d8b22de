import {
  CONDITION_DEFINITIONS,
  LeafConditionSchema,
  RoutingConditionSchema,
  type RoutingCondition,
} from "@trace/domain";
import { describe, expect, it } from "vitest";
import {
  addChild,
  changeType,
  defaultLeaf,
  isRemovable,
  newLeaf,
  newRuleCondition,
  nodeAt,
  pathLabel,
  removeAt,
  updateAt,
} from "./condition-tree";

const be = { type: "tip_country", countries: ["BE"] } as const satisfies RoutingCondition;
const fr = { type: "tip_language", languages: ["fr"] } as const satisfies RoutingCondition;
const words = { type: "keywords", keywords: ["adidas"] } as const satisfies RoutingCondition;

const tree: RoutingCondition = {
  type: "all",
  conditions: [be, { type: "any", conditions: [fr, { type: "not", condition: words }] }],
};

describe("newLeaf", () => {
  it.each(CONDITION_DEFINITIONS.map((d) => [d.type, d] as const))(
    "gives %s exactly its registered fields",
    (type, definition) => {
      const leaf = newLeaf(type) as unknown as Record<string, unknown>;
      expect(Object.keys(leaf).sort()).toEqual(
        ["type", ...definition.fields.map((f) => f.name)].sort(),
      );
    },
  );

  it("is valid once its lists are filled", () => {
    // Defaults of scalar kinds must already be valid values of the schema.
    for (const { type, fields } of CONDITION_DEFINITIONS) {
      const leaf = newLeaf(type) as unknown as Record<string, unknown>;
      const filled: Record<string, unknown> = { ...leaf };
      for (const field of fields) {
        if (!Array.isArray(leaf[field.name])) continue;
        filled[field.name] = {
          countries: ["BE"],
          categories: ["toy"],
          languages: ["nl"],
          keywords: ["teddy"],
          object_refs: ["TOA-7K3Q9M"],
        }[field.kind as string];
      }
      expect(LeafConditionSchema.safeParse(filled).success, type).toBe(true);
    }
  });

  it("keeps the fields the replaced leaf shares, by name and kind", () => {
    expect(newLeaf("series_suspected_country", be)).toEqual({
      type: "series_suspected_country",
      countries: ["BE"],
      minConfidence: "likely",
    });
    expect(newLeaf("tip_language", be)).toEqual({ type: "tip_language", languages: [] });
  });

  it("refuses a type nobody registered", () => {
    expect(() => newLeaf("moon_phase")).toThrow(/moon_phase/);
  });
});

describe("newRuleCondition", () => {
  it("is one group holding the first registered type", () => {
    expect(newRuleCondition()).toEqual({ type: "all", conditions: [defaultLeaf()] });
    expect(defaultLeaf().type).toBe(CONDITION_DEFINITIONS[0].type);
  });
});

describe("nodeAt and updateAt", () => {
  it("walk groups by index and a not through its only child", () => {
    expect(nodeAt(tree, [])).toBe(tree);
    expect(nodeAt(tree, [0])).toBe(be);
    expect(nodeAt(tree, [1, 1, 0])).toBe(words);
    expect(nodeAt(tree, [5])).toBeUndefined();
    expect(nodeAt(tree, [0, 0])).toBeUndefined();
  });

  it("replaces one node and shares the untouched branches", () => {
    const next = updateAt(tree, [1, 1, 0], () => be);
    expect(nodeAt(next, [1, 1, 0])).toBe(be);
    expect(nodeAt(next, [0])).toBe(be);
    expect(nodeAt(next, [1, 0])).toBe(fr);
    expect(nodeAt(tree, [1, 1, 0])).toBe(words);
  });

  it("throws on a path that leads nowhere", () => {
    expect(() => updateAt(tree, [3], (n) => n)).toThrow();
    expect(() => updateAt(tree, [1, 1, 1], (n) => n)).toThrow();
    expect(() => updateAt(tree, [0, 0], (n) => n)).toThrow();
  });
});

describe("addChild and removeAt", () => {
  it("appends a default condition to a group", () => {
    const next = addChild(tree, [1]);
    expect(nodeAt(next, [1, 2])).toEqual(defaultLeaf());
    expect(nodeAt(tree, [1, 2])).toBeUndefined();
  });

  it("adds only to all/any groups", () => {
    expect(() => addChild(tree, [1, 1])).toThrow();
    expect(() => addChild(tree, [0])).toThrow();
  });

  it("removes a member, leaving an empty group for validation to report", () => {
    const next = removeAt(removeAt(tree, [1, 0]), [1, 0]);
    expect(nodeAt(next, [1])).toEqual({ type: "any", conditions: [] });
    const result = RoutingConditionSchema.safeParse(next);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["conditions", 1, "conditions"]);
  });

  it("never removes the root or the only child of a not", () => {
    expect(() => removeAt(tree, [])).toThrow();
    expect(() => removeAt(tree, [1, 1, 0])).toThrow();
    expect(isRemovable(tree, [])).toBe(false);
    expect(isRemovable(tree, [1, 1, 0])).toBe(false);
    expect(isRemovable(tree, [1, 1])).toBe(true);
    expect(isRemovable(tree, [0])).toBe(true);
  });
});

describe("changeType", () => {
  const group = { type: "all", conditions: [be, fr] } as const satisfies RoutingCondition;

  it.each<[string, RoutingCondition, RoutingCondition["type"], RoutingCondition]>([
    ["all to any keeps the members", group, "any", { type: "any", conditions: [be, fr] }],
    ["a leaf into a group becomes its member", be, "all", { type: "all", conditions: [be] }],
    ["a leaf into not is what is negated", be, "not", { type: "not", condition: be }],
    ["a group into not is negated whole", group, "not", { type: "not", condition: group }],
    [
      "not into a group keeps what it negated",
      { type: "not", condition: be },
      "any",
      { type: "any", conditions: [be] },
    ],
    ["not into the type it negates unwraps", { type: "not", condition: be }, "tip_country", be],
    [
      "a leaf into another leaf keeps shared fields",
      be,
      "series_suspected_country",
      { type: "series_suspected_country", countries: ["BE"], minConfidence: "likely" },
    ],
    ["a group into a leaf starts it afresh", group, "keywords", { type: "keywords", keywords: [] }],
  ])("%s", (_name, node, type, expected) => {
    expect(changeType(node, type)).toEqual(expected);
  });

  it("leaves a node of the same type as it is", () => {
    expect(changeType(be, "tip_country")).toBe(be);
  });
});

describe("pathLabel", () => {
  it("numbers from one, dotted", () => {
    expect(pathLabel([])).toBe("");
    expect(pathLabel([0])).toBe("1");
    expect(pathLabel([1, 0, 2])).toBe("2.1.3");
  });
});
