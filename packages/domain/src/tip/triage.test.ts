import { describe, expect, it } from "vitest";
import { assignTip, BulkTriageInputSchema, TriageTipInputSchema, triageAction } from "./triage";

const ME = "00000000-0000-4000-8000-00000000000a";
const OTHER = "00000000-0000-4000-8000-00000000000b";

describe("assignTip", () => {
  it.each([
    [null, "new", "assign", { ok: true, value: { assigneeId: ME } }],
    [OTHER, "useful", "assign", { ok: true, value: { assigneeId: ME } }],
    [ME, "new", "assign", { ok: false, error: "already_assigned_to_you" }],
    [ME, "spam", "unassign", { ok: true, value: { assigneeId: null } }],
    [OTHER, "new", "unassign", { ok: false, error: "not_assigned_to_you" }],
    [null, "new", "unassign", { ok: false, error: "not_assigned_to_you" }],
    [null, "routed", "assign", { ok: false, error: "tip_routed" }],
    [ME, "routed", "unassign", { ok: false, error: "tip_routed" }],
  ] as const)("assignee %s, %s, %s", (assigneeId, triageStatus, action, expected) => {
    expect(assignTip({ assigneeId, triageStatus }, ME, action)).toEqual(expected);
  });
});

describe("triage input", () => {
  it.each([
    [{ id: ME, outcome: "useful" }, true],
    [{ id: ME, outcome: "useful", note: "  " }, true],
    [{ id: ME, outcome: "duplicate", duplicateOfId: OTHER }, true],
    [{ id: ME, outcome: "duplicate" }, false],
    [{ id: ME, outcome: "routed" }, false],
    [{ id: ME, outcome: "useful", note: "x".repeat(2001) }, false],
    [{ id: ME, outcome: "useful", extra: 1 }, false],
  ])("%j valid: %s", (input, valid) => {
    expect(TriageTipInputSchema.safeParse(input).success).toBe(valid);
  });

  it.each([
    [{ ids: [ME, OTHER], outcome: "spam" }, true],
    [{ ids: [], outcome: "spam" }, false],
    [{ ids: [ME, ME], outcome: "spam" }, false],
    [{ ids: Array.from({ length: 101 }, () => ME), outcome: "spam" }, false],
  ])("bulk %#", (input, valid) => {
    expect(BulkTriageInputSchema.safeParse(input).success).toBe(valid);
  });

  it("turns a request into the domain action", () => {
    expect(triageAction({ outcome: "duplicate", duplicateOfId: OTHER })).toEqual({
      type: "triage",
      outcome: "duplicate",
      duplicateOfId: OTHER,
    });
    expect(triageAction({ outcome: "spam" })).toEqual({ type: "triage", outcome: "spam" });
  });
});
