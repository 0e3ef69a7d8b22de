import { describe, expect, it } from "vitest";
import { REFERRAL_DISPOSITIONS, REFERRAL_STATUSES } from "./referral";
import {
  AcknowledgeReferralInputSchema,
  allowedReferralActions,
  checkReferralRequest,
  DisposeReferralInputSchema,
  REFERRAL_ACTIONS,
  REFERRAL_NOTE_MAX,
  transitionReferral,
  type ReferralAction,
  type ReferralActionType,
  type ReferralTransition,
} from "./rules";

type Status = (typeof REFERRAL_STATUSES)[number];

const ID = "00000000-0000-4000-8000-000000000001";

const actions: Record<ReferralActionType, ReferralAction> = {
  deliver: { type: "deliver" },
  acknowledge: { type: "acknowledge" },
  dispose: { type: "dispose", disposition: "useful_lead" },
};

// Every (status, action) pair: what the step changes, or null when it is illegal.
const expected: Record<Status, Record<ReferralActionType, ReferralTransition | null>> = {
  pending: {
    deliver: { status: "delivered", acknowledges: false, disposition: null, dispositionNote: null },
    acknowledge: null,
    dispose: null,
  },
  delivered: {
    deliver: null,
    acknowledge: {
      status: "acknowledged",
      acknowledges: true,
      disposition: null,
      dispositionNote: null,
    },
    // Recording the outcome of a delivered referral acknowledges it in the same step.
    dispose: {
      status: "disposed",
      acknowledges: true,
      disposition: "useful_lead",
      dispositionNote: null,
    },
  },
  acknowledged: {
    deliver: null,
    acknowledge: null,
    dispose: {
      status: "disposed",
      acknowledges: false,
      disposition: "useful_lead",
      dispositionNote: null,
    },
  },
  disposed: { deliver: null, acknowledge: null, dispose: null },
};

describe("transitionReferral", () => {
  const table = REFERRAL_STATUSES.flatMap((from) =>
    REFERRAL_ACTIONS.map((action) => ({ from, action, to: expected[from][action] })),
  );

  it.each(table)("$from --$action--> $to.status", ({ from, action, to }) => {
    expect(transitionReferral({ status: from }, actions[action])).toEqual(
      to === null ? { ok: false, error: "illegal_transition" } : { ok: true, value: to },
    );
  });

  it("covers every status and action, and disposed is final", () => {
    expect(Object.keys(expected).sort()).toEqual([...REFERRAL_STATUSES].sort());
    expect(allowedReferralActions("disposed")).toEqual([]);
    for (const status of REFERRAL_STATUSES) {
      const legal = REFERRAL_ACTIONS.filter((a) => expected[status][a] !== null);
      expect(allowedReferralActions(status)).toEqual(legal);
    }
  });

  it.each(REFERRAL_DISPOSITIONS.filter((d) => d !== "other"))(
    "records %s with or without a note, trimmed",
    (disposition) => {
      const plain = transitionReferral(
        { status: "acknowledged" },
        { type: "dispose", disposition },
      );
      expect(plain.ok && plain.value.dispositionNote).toBe(null);
      const noted = transitionReferral(
        { status: "acknowledged" },
        { type: "dispose", disposition, note: "  suspect arrested  " },
      );
      expect(noted.ok && noted.value).toMatchObject({
        disposition,
        dispositionNote: "suspect arrested",
      });
    },
  );

  it.each([undefined, null, "", "   "])("refuses “other” without a note (%j)", (note) => {
    expect(
      transitionReferral(
        { status: "acknowledged" },
        { type: "dispose", disposition: "other", note },
      ),
    ).toEqual({ ok: false, error: "note_required" });
  });

  it("accepts “other” with a note, and still refuses it from a status that cannot be disposed", () => {
    const action: ReferralAction = {
      type: "dispose",
      disposition: "other",
      note: "handed to customs",
    };
    expect(transitionReferral({ status: "delivered" }, action)).toEqual({
      ok: true,
      value: {
        status: "disposed",
        acknowledges: true,
        disposition: "other",
        dispositionNote: "handed to customs",
      },
    });
    expect(transitionReferral({ status: "pending" }, { ...action, note: "" })).toEqual({
      ok: false,
      error: "illegal_transition",
    });
  });
});

describe("referral input schemas", () => {
  const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    result.error?.issues.map((i) => [i.path.join("."), i.message]);

  it("acknowledges by referral id only", () => {
    expect(AcknowledgeReferralInputSchema.parse({ referralId: ID })).toEqual({ referralId: ID });
    expect(messages(AcknowledgeReferralInputSchema.safeParse({ referralId: "42" }))).toEqual([
      ["referralId", "This is not a referral id."],
    ]);
    expect(AcknowledgeReferralInputSchema.safeParse({ referralId: ID, status: "x" }).success).toBe(
      false,
    );
  });

  it("disposes with a known disposition and an optional trimmed note", () => {
    expect(
      DisposeReferralInputSchema.parse({ referralId: ID, disposition: "no_result", note: "  " }),
    ).toEqual({ referralId: ID, disposition: "no_result" });
    expect(
      DisposeReferralInputSchema.parse({ referralId: ID, disposition: "other", note: " seized " }),
    ).toEqual({ referralId: ID, disposition: "other", note: "seized" });
    expect(
      messages(DisposeReferralInputSchema.safeParse({ referralId: ID, disposition: "solved" })),
    ).toEqual([
      [
        "disposition",
        "Choose what came of the lead: useful lead, no result, investigation opened, victim identified or other.",
      ],
    ]);
  });

  it("asks for a note with “other”, and bounds its length", () => {
    expect(
      messages(DisposeReferralInputSchema.safeParse({ referralId: ID, disposition: "other" })),
    ).toEqual([["note", "Say in a note what came of the lead when you choose “other”."]]);
    expect(
      messages(
        DisposeReferralInputSchema.safeParse({
          referralId: ID,
          disposition: "useful_lead",
          note: "x".repeat(REFERRAL_NOTE_MAX + 1),
        }),
      ),
    ).toEqual([["note", `At most ${REFERRAL_NOTE_MAX} characters.`]]);
  });
});

describe("checkReferralRequest", () => {
  const base = { agencyId: "be", suggestedAgencyIds: ["be"], tipObjectIds: ["o1", "o1"] };
  it.each([
    [
      "follows the suggestion",
      base,
      { ok: true, value: { objectId: "o1", overridesSuggestion: false, reason: null } },
    ],
    [
      "keeps no reason when following the suggestion",
      { ...base, overrideReason: "because" },
      { ok: true, value: { objectId: "o1", overridesSuggestion: false, reason: null } },
    ],
    [
      "refuses another agency without a reason",
      { ...base, agencyId: "fr" },
      { ok: false, error: "override_reason_required" },
    ],
    [
      "refuses a blank reason",
      { ...base, agencyId: "fr", overrideReason: "   " },
      { ok: false, error: "override_reason_required" },
    ],
    [
      "accepts another agency with a reason",
      { ...base, agencyId: "fr", overrideReason: " French chain " },
      { ok: true, value: { objectId: "o1", overridesSuggestion: true, reason: "French chain" } },
    ],
    [
      "needs no reason when the rules suggest nothing",
      { ...base, agencyId: "fr", suggestedAgencyIds: [] },
      { ok: true, value: { objectId: "o1", overridesSuggestion: false, reason: null } },
    ],
    [
      "refuses tips about two objects",
      { ...base, tipObjectIds: ["o1", "o2"] },
      { ok: false, error: "mixed_objects" },
    ],
    [
      "refuses a general tip beside an object's",
      { ...base, tipObjectIds: [null, "o1"] },
      { ok: false, error: "mixed_objects" },
    ],
    [
      "accepts general tips together",
      { ...base, tipObjectIds: [null, null] },
      { ok: true, value: { objectId: null, overridesSuggestion: false, reason: null } },
    ],
  ] as const)("%s", (_name, request, expected) => {
    expect(checkReferralRequest(request)).toEqual(expected);
  });
});
