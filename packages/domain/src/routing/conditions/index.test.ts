import { describe, expect, it } from "vitest";
import { RoutingConditionSchema } from "../rule";
import {
  CONDITION_DEFINITIONS,
  CONDITION_FIELD_KINDS,
  LEAF_CONDITION_TYPES,
  LeafConditionSchema,
  getConditionDefinition,
} from "./index";

describe("the condition registry", () => {
  it("registers each type once, in the list the union is built from", () => {
    const types = CONDITION_DEFINITIONS.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
    expect(LEAF_CONDITION_TYPES).toEqual(types);
    expect(LeafConditionSchema.options.map((o) => o.shape.type.value)).toEqual(types);
  });

  it("keeps the seven original types and their field names (the stored JSON)", () => {
    const shapes = Object.fromEntries(
      CONDITION_DEFINITIONS.map((d) => [d.type, Object.keys(d.schema.shape).sort()]),
    );
    expect(shapes).toMatchObject({
      tip_country: ["countries", "type"],
      series_suspected_country: ["countries", "minConfidence", "type"],
      object_category: ["categories", "type"],
      tip_language: ["languages", "type"],
      keywords: ["keywords", "type"],
      tip_confidence: ["atLeast", "type"],
      object_ref: ["refs", "type"],
    });
  });

  it.each(CONDITION_DEFINITIONS.map((d) => [d.type, d] as const))(
    "%s describes every field of its schema for the editor",
    (type, definition) => {
      expect(definition.label.length).toBeGreaterThan(0);
      const fieldNames = definition.fields.map((f) => f.name).sort();
      const schemaFields = Object.keys(definition.schema.shape)
        .filter((k) => k !== "type")
        .sort();
      expect(fieldNames).toEqual(schemaFields);
      for (const field of definition.fields) {
        expect(CONDITION_FIELD_KINDS).toContain(field.kind);
        expect(field.label.length).toBeGreaterThan(0);
        expect(field.hint.length).toBeGreaterThan(0);
      }
      expect(getConditionDefinition(type)).toBe(definition);
    },
  );

  it("refuses an unknown type when parsing, and throws on it when looked up", () => {
    expect(LeafConditionSchema.safeParse({ type: "tip_colour", colours: ["red"] }).success).toBe(
      false,
    );
    expect(() => getConditionDefinition("tip_colour")).toThrow(
      'Unknown routing condition type "tip_colour".',
    );
  });

  it("parses nested trees and reports errors on the branch their type names", () => {
    const tree = {
      type: "all",
      conditions: [
        { type: "tip_country", countries: ["BE"] },
        { type: "not", condition: { type: "keywords", keywords: ["ikea"] } },
        { type: "any", conditions: [{ type: "tip_confidence", atLeast: "certain" }] },
      ],
    };
    expect(RoutingConditionSchema.parse(tree)).toEqual(tree);
    const bad = RoutingConditionSchema.safeParse({
      type: "all",
      conditions: [{ type: "any", conditions: [] }],
    });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["conditions.0.conditions", "Add at least one condition to the group."],
    ]);
  });
});
