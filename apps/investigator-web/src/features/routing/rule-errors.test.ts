import { RoutingRuleDraftSchema, type RoutingRuleDraft } from "@trace/domain";
import { describe, expect, it } from "vitest";
import {
  controlId,
  controlOwner,
  FORM_CONTROL,
  issuesFromServer,
  locateIssue,
  ruleErrors,
  type DraftIssue,
} from "./rule-errors";

const quote = (s: string) => `“${s}”`;
const AGENCY = "0b4c3a9e-2f1d-4e6a-9b7c-1d2e3f4a5b6c";

const draft: RoutingRuleDraft = {
  name: "Belgium",
  isEnabled: true,
  condition: {
    type: "all",
    conditions: [
      { type: "tip_country", countries: ["BE"] },
      {
        type: "any",
        conditions: [
          { type: "not", condition: { type: "keywords", keywords: ["ok", "!!"] } },
          { type: "tip_confidence", atLeast: "guess" },
        ],
      },
    ],
  },
  actions: [
    { type: "refer", agencyIds: [AGENCY] },
    { type: "set_priority", priority: "high" },
  ],
};

const at = (path: DraftIssue["path"]) => locateIssue({ path, message: "Bad." }, draft, quote);

describe("locateIssue", () => {
  it.each<[DraftIssue["path"], string]>([
    [["name"], "name"],
    [["isEnabled"], "isEnabled"],
    [["condition"], "condition.type"],
    [["condition", "conditions"], "condition.conditions"],
    [["condition", "conditions", 0, "countries"], "condition.conditions.0.countries"],
    [["condition", "conditions", 0, "countries", 0], "condition.conditions.0.countries"],
    [["condition", "conditions", 0, "type"], "condition.conditions.0.type"],
    [["condition", "conditions", 0, "somethingElse"], "condition.conditions.0.type"],
    [["condition", "conditions", 1, "conditions"], "condition.conditions.1.conditions"],
    [
      ["condition", "conditions", 1, "conditions", 0, "condition", "keywords"],
      "condition.conditions.1.conditions.0.condition.keywords",
    ],
    [
      ["condition", "conditions", 1, "conditions", 1, "atLeast"],
      "condition.conditions.1.conditions.1.atLeast",
    ],
    // A member the draft no longer has: its group.
    [["condition", "conditions", 7, "countries"], "condition.conditions"],
    [["actions"], "actions"],
    [["actions", 0, "agencyIds"], "actions.0.agencyIds"],
    [["actions", 0, "agencyIds", 0], "actions.0.agencyIds"],
    [["actions", 1, "priority"], "actions.1.priority"],
    // A field of another action type than the one in the draft: the action's type select.
    [["actions", 1, "agencyIds"], "actions.1.type"],
    [["actions", 9], "actions"],
    [["expectedVersion"], FORM_CONTROL],
    [[], FORM_CONTROL],
  ])("%j → %s", (path, control) => {
    expect(at(path).control).toBe(control);
  });

  it("names the entry of a list an issue is about", () => {
    expect(
      at(["condition", "conditions", 1, "conditions", 0, "condition", "keywords", 1]).message,
    ).toBe("“!!”: Bad.");
    expect(at(["condition", "conditions", 0, "countries"]).message).toBe("Bad.");
  });
});

describe("ruleErrors", () => {
  it("places every issue the domain schema finds on its control", () => {
    const bad: RoutingRuleDraft = {
      name: "  ",
      isEnabled: false,
      condition: {
        type: "all",
        conditions: [
          { type: "tip_country", countries: [] },
          { type: "any", conditions: [] },
          { type: "keywords", keywords: ["fine", "?!"] },
        ],
      },
      actions: [{ type: "refer", agencyIds: [] }],
    };
    const result = RoutingRuleDraftSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const errors = ruleErrors(result.error!.issues, bad, quote);
    expect([...errors.keys()]).toEqual([
      "name",
      "condition.conditions.0.countries",
      "condition.conditions.1.conditions",
      "condition.conditions.2.keywords",
      "actions.0.agencyIds",
    ]);
    expect(errors.get("name")).toEqual(["Give the rule a name."]);
    expect(errors.get("condition.conditions.0.countries")).toEqual([
      "Choose at least one country.",
    ]);
    expect(errors.get("condition.conditions.1.conditions")).toEqual([
      "Add at least one condition to the group.",
    ]);
    expect(errors.get("condition.conditions.2.keywords")).toEqual([
      "“?!”: A keyword needs at least one letter or digit.",
    ]);
    expect(errors.get("actions.0.agencyIds")).toEqual(["Choose at least one agency."]);
  });

  it("says an action is missing on the Add action button", () => {
    const none = { ...draft, actions: [] };
    const errors = ruleErrors(RoutingRuleDraftSchema.safeParse(none).error!.issues, none, quote);
    expect(errors.get("actions")).toEqual(["Add at least one action."]);
  });

  it("lists a message once per control", () => {
    const issue = { path: ["name"], message: "Too long." };
    expect(ruleErrors([issue, issue], draft, quote).get("name")).toEqual(["Too long."]);
  });
});

describe("issuesFromServer", () => {
  it("turns the API's dotted paths back into paths with indexes", () => {
    const issues = issuesFromServer([
      { path: "condition.conditions.0.countries", message: "Choose at least one country." },
      { path: "", message: "Bad input." },
    ]);
    expect(issues).toEqual([
      {
        path: ["condition", "conditions", 0, "countries"],
        message: "Choose at least one country.",
      },
      { path: [], message: "Bad input." },
    ]);
    expect(ruleErrors(issues, draft, quote).get("condition.conditions.0.countries")).toEqual([
      "Choose at least one country.",
    ]);
  });
});

describe("controlId", () => {
  it("makes a DOM id of a control's path", () => {
    expect(controlId("condition.conditions.0.type")).toBe("rule-condition-conditions-0-type");
    expect(controlId("name")).toBe("rule-name");
  });
});

describe("controlOwner", () => {
  it.each<[string, ReturnType<typeof controlOwner>]>([
    ["name", null],
    ["actions", null],
    ["actions.2.agencyIds", { action: 2 }],
    ["condition.type", { condition: [] }],
    ["condition.conditions", { condition: [] }],
    ["condition.conditions.0.countries", { condition: [0] }],
    ["condition.conditions.1.conditions", { condition: [1] }],
    ["condition.conditions.1.conditions.0.condition.keywords", { condition: [1, 0, 0] }],
    ["condition.condition.type", { condition: [0] }],
  ])("%s", (control, owner) => {
    expect(controlOwner(control)).toEqual(owner);
  });
});
