import {
  CONDITION_DEFINITIONS,
  type LeafCondition,
  type RoutingAction,
  type RoutingCondition,
} from "@trace/domain";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n";
import { newLeaf } from "./condition-tree";
import { createRuleSummaries } from "./rule-summary";
import { summaryWords } from "./use-rule-summaries";

const AGENCY = "0b4c3a9e-2f1d-4e6a-9b7c-1d2e3f4a5b6c";

const { messages: m, format } = createI18n("en");
const summaries = createRuleSummaries(format, summaryWords(m), {
  country: format.countryName,
  language: format.languageName,
  category: (c) => m.labels.objectCategory[c as keyof typeof m.labels.objectCategory](),
  tipConfidence: (c) => m.routing.inline.tipConfidence[c as "guess"](),
  countryConfidence: (c) => m.routing.inline.countryConfidence[c as "likely"](),
  priority: (p) => m.routing.inline.priority[p as "high"](),
  agency: (id) => (id === AGENCY ? "BE-FEDPOL" : id),
});

const be: LeafCondition = { type: "tip_country", countries: ["BE", "NL"] };
const french: LeafCondition = { type: "tip_language", languages: ["fr"] };
const words: LeafCondition = { type: "keywords", keywords: ["in danger", "right now"] };

describe("leaf summaries", () => {
  it.each<[LeafCondition, string]>([
    [be, "Tip country: Belgium or Netherlands"],
    [
      { type: "tip_country", countries: ["BE", "NL", "FR"] },
      "Tip country: Belgium, Netherlands, or France",
    ],
    [
      { type: "series_suspected_country", countries: ["BE"], minConfidence: "likely" },
      "Suspected country of the series: Belgium, at least likely",
    ],
    [{ type: "object_category", categories: ["toy"] }, "Object category: Toy"],
    [french, "Tip language: French"],
    [words, "Keywords in the tip: “in danger” or “right now”"],
    [{ type: "tip_confidence", atLeast: "think_so" }, "How sure the tipster is: at least think so"],
    [{ type: "object_ref", refs: ["TOA-7K3Q9M"] }, "Object: TOA-7K3Q9M"],
    [{ type: "tip_country", countries: [] }, "Tip country: (nothing chosen)"],
  ])("%j", (leaf, text) => {
    expect(summaries.leaf(leaf)).toBe(text);
  });

  it("starts every registered type with its label, whatever its fields", () => {
    for (const definition of CONDITION_DEFINITIONS) {
      expect(summaries.leaf(newLeaf(definition.type)).startsWith(`${definition.label}: `)).toBe(
        true,
      );
    }
  });

  it("names a type this build does not know instead of failing", () => {
    expect(summaries.leaf({ type: "moon_phase" } as unknown as LeafCondition)).toBe("moon_phase");
  });
});

describe("condition summaries", () => {
  it.each<[string, RoutingCondition, string]>([
    ["a lone leaf", be, "Tip country: Belgium or Netherlands"],
    [
      "a one-member group as its member",
      { type: "all", conditions: [be] },
      "Tip country: Belgium or Netherlands",
    ],
    [
      "an all group with AND",
      { type: "all", conditions: [be, french] },
      "Tip country: Belgium or Netherlands AND Tip language: French",
    ],
    [
      "nested groups in brackets",
      { type: "any", conditions: [words, { type: "all", conditions: [be, french] }] },
      "Keywords in the tip: “in danger” or “right now” OR (Tip country: Belgium or Netherlands AND Tip language: French)",
    ],
    [
      "a NOT around what it negates",
      { type: "all", conditions: [be, { type: "not", condition: french }] },
      "Tip country: Belgium or Netherlands AND NOT (Tip language: French)",
    ],
    [
      "a NOT around a group without double brackets",
      { type: "not", condition: { type: "any", conditions: [be, french] } },
      "NOT (Tip country: Belgium or Netherlands OR Tip language: French)",
    ],
    ["an empty group of a draft", { type: "all", conditions: [] }, "(nothing chosen)"],
  ])("%s", (_name, condition, text) => {
    expect(summaries.condition(condition)).toBe(text);
  });
});

describe("action summaries", () => {
  const other = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
  it.each<[RoutingAction[], string]>([
    [[{ type: "refer", agencyIds: [AGENCY] }], "refer to BE-FEDPOL"],
    [[{ type: "refer", agencyIds: [AGENCY, other] }], `refer to BE-FEDPOL and ${other}`],
    [[{ type: "refer", agencyIds: [] }], "refer to (nothing chosen)"],
    [
      [{ type: "set_priority", priority: "urgent" }, { type: "require_human_review" }],
      "priority urgent; human review",
    ],
  ])("%j", (actions, text) => {
    expect(summaries.actions(actions)).toBe(text);
  });
});
