import { describe, expect, it } from "vitest";
import {
  CLOSED_TRIAGE_STATUSES,
  DEFAULT_RETENTION_POLICY,
  retentionAction,
  retentionCutoffs,
  type RetentionAction,
  type TipRetentionFacts,
} from "./retention";
import { TRIAGE_STATUSES, type TriageStatus } from "./tip";

const CLOSED_AT = "2026-01-01T10:00:00.000Z";
const DAY = 24 * 60 * 60 * 1000;
/** `days` after the status change, plus `ms`. */
const after = (days: number, ms = 0) =>
  new Date(Date.parse(CLOSED_AT) + days * DAY + ms).toISOString();

const facts = (
  triageStatus: TriageStatus,
  more: Partial<TipRetentionFacts> = {},
): TipRetentionFacts => ({
  triageStatus,
  statusChangedAt: CLOSED_AT,
  hasContact: true,
  photoCount: 1,
  isReferred: false,
  ...more,
});

const KEEP: RetentionAction = { type: "keep" };
const ERASE: RetentionAction = { type: "erase_contact_and_photos" };
const DELETE: RetentionAction = { type: "delete_tip" };

describe("closed tips", () => {
  it("are exactly the tips the tipster sees as closed", () => {
    expect([...CLOSED_TRIAGE_STATUSES].sort()).toEqual(["duplicate", "not_useful", "spam"]);
  });
});

describe("retentionAction with the default policy (90 days closed, 30 days spam)", () => {
  const table: { name: string; tip: TipRetentionFacts; now: string; expected: RetentionAction }[] =
    [
      // Closed tips lose contact and photos at 90 days, not a millisecond before.
      { name: "not useful, day 89", tip: facts("not_useful"), now: after(89), expected: KEEP },
      {
        name: "not useful, 1 ms before day 90",
        tip: facts("not_useful"),
        now: after(90, -1),
        expected: KEEP,
      },
      { name: "not useful, day 90", tip: facts("not_useful"), now: after(90), expected: ERASE },
      { name: "duplicate, day 400", tip: facts("duplicate"), now: after(400), expected: ERASE },
      {
        name: "closed with contact only",
        tip: facts("not_useful", { photoCount: 0 }),
        now: after(90),
        expected: ERASE,
      },
      {
        name: "closed with photos only",
        tip: facts("duplicate", { hasContact: false, photoCount: 3 }),
        now: after(90),
        expected: ERASE,
      },
      {
        name: "closed with nothing left to erase (a second sweep)",
        tip: facts("not_useful", { hasContact: false, photoCount: 0 }),
        now: after(500),
        expected: KEEP,
      },
      // Spam is deleted at 30 days, whether or not it holds contact details.
      { name: "spam, day 29", tip: facts("spam"), now: after(29), expected: KEEP },
      { name: "spam, 1 ms before day 30", tip: facts("spam"), now: after(30, -1), expected: KEEP },
      { name: "spam, day 30", tip: facts("spam"), now: after(30), expected: DELETE },
      {
        name: "spam with nothing personal, day 30",
        tip: facts("spam", { hasContact: false, photoCount: 0 }),
        now: after(30),
        expected: DELETE,
      },
      { name: "spam, day 90", tip: facts("spam"), now: after(90), expected: DELETE },
      // A referred tip is never deleted, even in a state the triage rules cannot reach.
      {
        name: "referred spam, day 30",
        tip: facts("spam", { isReferred: true }),
        now: after(30),
        expected: KEEP,
      },
      {
        name: "referred spam, day 90: its contact and photos still go",
        tip: facts("spam", { isReferred: true }),
        now: after(90),
        expected: ERASE,
      },
      // The clock starts at the status change, not before: a fresh verdict waits its full time.
      {
        name: "marked spam yesterday",
        tip: facts("spam", { statusChangedAt: after(99) }),
        now: after(100),
        expected: KEEP,
      },
    ];

  it.each(table)("$name → $expected.type", ({ tip, now, expected }) => {
    expect(retentionAction(tip, now, DEFAULT_RETENTION_POLICY)).toEqual(expected);
  });

  const open = TRIAGE_STATUSES.filter((s) => !CLOSED_TRIAGE_STATUSES.includes(s));
  it.each(open)("never touches a %s tip, however old", (status) => {
    for (const isReferred of [false, true]) {
      expect(
        retentionAction(facts(status, { isReferred }), after(10_000), DEFAULT_RETENTION_POLICY),
      ).toEqual(KEEP);
    }
  });
});

describe("retentionAction with other periods", () => {
  it("follows the configured days", () => {
    const policy = { closedDays: 7, spamDays: 2 };
    expect(retentionAction(facts("duplicate"), after(6), policy)).toEqual(KEEP);
    expect(retentionAction(facts("duplicate"), after(7), policy)).toEqual(ERASE);
    expect(retentionAction(facts("spam"), after(1), policy)).toEqual(KEEP);
    expect(retentionAction(facts("spam"), after(2), policy)).toEqual(DELETE);
  });

  it("erases a spam tip's contact first when the closed period is the shorter one", () => {
    const policy = { closedDays: 10, spamDays: 60 };
    expect(retentionAction(facts("spam"), after(10), policy)).toEqual(ERASE);
    expect(
      retentionAction(facts("spam", { hasContact: false, photoCount: 0 }), after(10), policy),
    ).toEqual(KEEP);
    expect(retentionAction(facts("spam"), after(60), policy)).toEqual(DELETE);
  });
});

describe("retentionCutoffs", () => {
  it("answers the latest status change still due under each rule", () => {
    expect(retentionCutoffs(after(100), DEFAULT_RETENTION_POLICY)).toEqual({
      closedBefore: after(10),
      spamBefore: after(70),
    });
  });

  it("agrees with retentionAction at the boundary", () => {
    const now = after(123, 456);
    const { closedBefore, spamBefore } = retentionCutoffs(now, DEFAULT_RETENTION_POLICY);
    const at = (statusChangedAt: string, triageStatus: TriageStatus) =>
      retentionAction(facts(triageStatus, { statusChangedAt }), now, DEFAULT_RETENTION_POLICY);
    expect(at(closedBefore, "not_useful")).toEqual(ERASE);
    expect(at(new Date(Date.parse(closedBefore) + 1).toISOString(), "not_useful")).toEqual(KEEP);
    expect(at(spamBefore, "spam")).toEqual(DELETE);
    expect(at(new Date(Date.parse(spamBefore) + 1).toISOString(), "spam")).toEqual(KEEP);
  });
});
