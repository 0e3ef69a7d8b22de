import { describe, expect, it } from "vitest";
import { OBJECT_STATUSES, ObjectRefSchema, type ObjectStatus } from "./object";
import {
  acceptsTips,
  generateObjectRef,
  publicObjectStatus,
  transitionObject,
  type ObjectAction,
  type ObjectState,
} from "./rules";

const NOW = "2026-06-01T12:00:00.000Z";
const AUTHOR = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";

const state = (status: ObjectStatus, extra: Partial<ObjectState> = {}): ObjectState => ({
  status,
  authorId: AUTHOR,
  approvedById: null,
  publishAt: null,
  withdrawnReason: null,
  ...extra,
});

const actions: Record<ObjectAction["type"], ObjectAction> = {
  submit_for_review: { type: "submit_for_review" },
  return_to_draft: { type: "return_to_draft" },
  approve: { type: "approve", by: OTHER, publishAt: null },
  publish: { type: "publish" },
  mark_origin_found: { type: "mark_origin_found" },
  withdraw: { type: "withdraw", reason: "image no longer needed" },
};

// Every (status, action) pair: the expected target status, or null when illegal.
const legal: Record<ObjectStatus, Partial<Record<ObjectAction["type"], ObjectStatus>>> = {
  draft: { submit_for_review: "in_review", withdraw: "withdrawn" },
  in_review: { return_to_draft: "draft", approve: "approved", withdraw: "withdrawn" },
  approved: { publish: "published", withdraw: "withdrawn" },
  published: { mark_origin_found: "origin_found", withdraw: "withdrawn" },
  origin_found: { withdraw: "withdrawn" },
  withdrawn: {},
};

describe("transitionObject", () => {
  const table = OBJECT_STATUSES.flatMap((from) =>
    (Object.keys(actions) as ObjectAction["type"][]).map((action) => ({
      from,
      action,
      to: legal[from][action] ?? null,
    })),
  );

  it.each(table)("$from --$action--> $to", ({ from, action, to }) => {
    const result = transitionObject(state(from), actions[action], NOW);
    if (to === null) {
      expect(result).toEqual({ ok: false, error: "illegal_transition" });
    } else {
      expect(result.ok && result.value.status).toBe(to);
    }
  });

  it("refuses approval by the author (four eyes)", () => {
    const result = transitionObject(
      state("in_review"),
      { type: "approve", by: AUTHOR, publishAt: null },
      NOW,
    );
    expect(result).toEqual({ ok: false, error: "self_approval" });
  });

  it("records the approver and the scheduled time", () => {
    const at = "2026-07-01T08:00:00.000Z";
    const result = transitionObject(
      state("in_review"),
      { type: "approve", by: OTHER, publishAt: at },
      NOW,
    );
    expect(result.ok && result.value).toMatchObject({ approvedById: OTHER, publishAt: at });
  });

  it.each([
    { publishAt: "2026-06-01T12:00:01.000Z", expected: { ok: false, error: "not_yet_due" } },
    { publishAt: "2026-06-01T12:00:00.000Z", expected: { ok: true } },
    { publishAt: null, expected: { ok: true } },
  ])("publishes only when due (publishAt $publishAt)", ({ publishAt, expected }) => {
    const result = transitionObject(state("approved", { publishAt }), { type: "publish" }, NOW);
    expect(result).toMatchObject(expected);
  });

  it.each(["", "   "])("requires a reason to withdraw (%j)", (reason) => {
    const result = transitionObject(state("published"), { type: "withdraw", reason }, NOW);
    expect(result).toEqual({ ok: false, error: "reason_required" });
  });
});

describe("public visibility", () => {
  it.each([
    ["draft", null, false],
    ["in_review", null, false],
    ["approved", null, false],
    ["published", "open", true],
    ["origin_found", "origin_found", false],
    ["withdrawn", null, false],
  ] as const)("%s → public %s, accepts tips %s", (status, publicStatus, tips) => {
    expect(publicObjectStatus(status)).toBe(publicStatus);
    expect(acceptsTips(status)).toBe(tips);
  });
});

describe("generateObjectRef", () => {
  it("matches the reference format and uses the random source", () => {
    const zeros = generateObjectRef((n) => new Uint8Array(n));
    const ones = generateObjectRef((n) => new Uint8Array(n).fill(31));
    expect(zeros).toBe("TOA-000000");
    expect(ones).toBe("TOA-ZZZZZZ");
    expect(ObjectRefSchema.safeParse(zeros).success).toBe(true);
  });

  it("accepts a lower-case reference typed by a person", () => {
    expect(ObjectRefSchema.parse(" toa-7k3q9m ")).toBe("TOA-7K3Q9M");
  });
});
