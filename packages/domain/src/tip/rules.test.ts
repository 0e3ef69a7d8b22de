import { describe, expect, it } from "vitest";
import { TRIAGE_STATUSES, TipSubmissionSchema, type TriageStatus } from "./tip";
import {
  initialTipPriority,
  publicTipStatus,
  transitionTip,
  type TipAction,
  type TipState,
} from "./rules";
import { generateReceiptCode, ReceiptCodeSchema, RECEIPT_CODE_BITS } from "./receipt-code";

const ID = "00000000-0000-4000-8000-00000000000a";
const OTHER = "00000000-0000-4000-8000-00000000000b";
const tip = (triageStatus: TriageStatus): TipState => ({
  id: ID,
  triageStatus,
  priority: "normal",
  duplicateOfId: null,
});

const actions = {
  useful: { type: "triage", outcome: "useful" },
  not_useful: { type: "triage", outcome: "not_useful" },
  spam: { type: "triage", outcome: "spam" },
  duplicate: { type: "triage", outcome: "duplicate", duplicateOfId: OTHER },
  urgent_safeguarding: { type: "triage", outcome: "urgent_safeguarding" },
  route: { type: "route" },
} satisfies Record<string, TipAction>;
type ActionName = keyof typeof actions;

const triaged = ["useful", "not_useful", "spam", "duplicate", "urgent_safeguarding"] as const;
// Expected target per (from, action); absent means illegal.
const legal: Record<TriageStatus, Partial<Record<ActionName, TriageStatus>>> = {
  new: Object.fromEntries(triaged.map((o) => [o, o])),
  ...Object.fromEntries(
    triaged.map((from) => [
      from,
      {
        ...Object.fromEntries(triaged.filter((o) => o !== from).map((o) => [o, o])),
        ...(from === "useful" || from === "urgent_safeguarding" ? { route: "routed" } : {}),
      },
    ]),
  ),
  routed: {},
} as Record<TriageStatus, Partial<Record<ActionName, TriageStatus>>>;

describe("transitionTip", () => {
  const table = TRIAGE_STATUSES.flatMap((from) =>
    (Object.keys(actions) as ActionName[]).map((action) => ({
      from,
      action,
      to: legal[from][action] ?? null,
    })),
  );

  it.each(table)("$from --$action--> $to", ({ from, action, to }) => {
    const result = transitionTip(tip(from), actions[action]);
    if (to === null) expect(result).toEqual({ ok: false, error: "illegal_transition" });
    else expect(result.ok && result.value.triageStatus).toBe(to);
  });

  it("refuses a tip marked duplicate of itself", () => {
    expect(
      transitionTip(tip("new"), { type: "triage", outcome: "duplicate", duplicateOfId: ID }),
    ).toEqual({
      ok: false,
      error: "duplicate_of_self",
    });
  });

  it("refuses a duplicate without the original", () => {
    expect(
      transitionTip(tip("new"), { type: "triage", outcome: "duplicate", duplicateOfId: "" }),
    ).toEqual({
      ok: false,
      error: "duplicate_of_required",
    });
  });

  it("records the original of a duplicate and clears it when corrected", () => {
    const dup = transitionTip(tip("new"), actions.duplicate);
    expect(dup.ok && dup.value.duplicateOfId).toBe(OTHER);
    const fixed = dup.ok ? transitionTip(dup.value, actions.useful) : dup;
    expect(fixed.ok && fixed.value.duplicateOfId).toBeNull();
  });

  it("raises urgent safeguarding tips to urgent priority", () => {
    const result = transitionTip(tip("new"), actions.urgent_safeguarding);
    expect(result.ok && result.value.priority).toBe("urgent");
  });
});

describe("publicTipStatus", () => {
  it.each([
    ["new", "received"],
    ["useful", "under_review"],
    ["urgent_safeguarding", "under_review"],
    ["routed", "passed_on"],
    ["not_useful", "closed"],
    ["spam", "closed"],
    ["duplicate", "closed"],
  ] as const)("%s is shown as %s", (triage, shown) => {
    expect(publicTipStatus(triage)).toBe(shown);
  });
});

describe("initialTipPriority", () => {
  it("puts reports of other abuse at the top", () => {
    expect(initialTipPriority(true)).toBe("urgent");
    expect(initialTipPriority(false)).toBe("normal");
  });
});

describe("receipt codes", () => {
  it("carry at least 80 bits in five typable groups", () => {
    expect(RECEIPT_CODE_BITS).toBeGreaterThanOrEqual(80);
    let i = 0;
    const code = generateReceiptCode((n) => Uint8Array.from({ length: n }, () => i++));
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(code).toBe("0123-4567-89AB-CDEF-GHJK");
  });

  it.each([
    ["0123-4567-89ab-cdef-ghjk", "0123-4567-89AB-CDEF-GHJK"],
    [" 0123 4567 89AB CDEF GHJK ", "0123-4567-89AB-CDEF-GHJK"],
    ["O123-4567-89AB-CDEF-GHJK", "0123-4567-89AB-CDEF-GHJK"],
  ])("reads %j as typed by a person", (typed, canonical) => {
    expect(ReceiptCodeSchema.parse(typed)).toBe(canonical);
  });

  it.each(["", "0123-4567", "0123-4567-89AB-CDEF-GHJU", "x".repeat(100)])("refuses %j", (typed) => {
    expect(ReceiptCodeSchema.safeParse(typed).success).toBe(false);
  });
});

describe("TipSubmissionSchema", () => {
  const base = { answer: { confidence: "guess" }, language: "en" };

  it("needs at least one piece of information", () => {
    expect(TipSubmissionSchema.safeParse(base).success).toBe(false);
    expect(
      TipSubmissionSchema.safeParse({ ...base, answer: { confidence: "guess", country: "BE" } })
        .success,
    ).toBe(true);
    expect(
      TipSubmissionSchema.safeParse({ ...base, text: "Sold in a chain of shops in Lyon" }).success,
    ).toBe(true);
  });

  it.each([
    ["unknown field", { ...base, text: "x", ip: "1.2.3.4" }],
    ["unknown country", { ...base, answer: { confidence: "guess", country: "XX" } }],
    ["over-long text", { ...base, text: "a".repeat(5001) }],
    [
      "non-http link",
      { ...base, answer: { confidence: "guess", evidenceLinks: ["javascript:alert(1)"] } },
    ],
    ["bad language", { ...base, language: "english", text: "x" }],
    ["wrong type", { ...base, text: 42 }],
  ])("refuses %s", (_name, input) => {
    expect(TipSubmissionSchema.safeParse(input).success).toBe(false);
  });

  it("treats blank optional fields as absent", () => {
    const parsed = TipSubmissionSchema.parse({
      ...base,
      text: "hello",
      contact: "  ",
      answer: { confidence: "guess", placeOrShop: "" },
    });
    expect(parsed.contact).toBeUndefined();
    expect(parsed.answer.placeOrShop).toBeUndefined();
  });
});
