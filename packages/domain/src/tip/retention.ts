import type { RetentionPolicy } from "./retention-policy";
import { publicTipStatus } from "./rules";
import { TRIAGE_STATUSES, type TriageStatus } from "./tip";

export { DEFAULT_RETENTION_POLICY, type RetentionPolicy } from "./retention-policy";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A **closed tip** is one whose tipster sees the status "closed": triage ended it as not useful,
 * a duplicate, or spam (`publicTipStatus`). It is closed from the time of its latest triage
 * decision (its latest status history entry), so a correction between closed verdicts, or a
 * reopening, restarts the clock — the rule errs on the side of keeping a tip that staff are
 * still working on.
 *
 * A routed tip is *not* closed, even when every agency has recorded what came of its referral:
 * the lead lives on in the agency's investigation ("investigation opened", a prosecution that
 * needs a witness), it may still be referred to another agency, the hub is the agency's only way
 * back to the tipster, and the tipster keeps seeing "passed on". Its contact details and photos
 * are kept until a person decides otherwise.
 */
export const CLOSED_TRIAGE_STATUSES: readonly TriageStatus[] = TRIAGE_STATUSES.filter(
  (s) => publicTipStatus(s) === "closed",
);

export function isClosedTip(triageStatus: TriageStatus): boolean {
  return CLOSED_TRIAGE_STATUSES.includes(triageStatus);
}

/** What the retention rule looks at: the tip's state, never its content. */
export interface TipRetentionFacts {
  triageStatus: TriageStatus;
  /** ISO time of the tip's latest triage decision (when it entered its current status). */
  statusChangedAt: string;
  hasContact: boolean;
  /** Photos the tipster attached (each with its variants and perceptual hash). */
  photoCount: number;
  /** The tip is part of at least one referral to an agency. */
  isReferred: boolean;
}

export type RetentionAction =
  | { type: "keep" }
  /** Delete the contact details and the photos; the tip's words, answer and history stay. */
  | { type: "erase_contact_and_photos" }
  /** Delete the tip with its history, messages and photos. */
  | { type: "delete_tip" };

/**
 * The latest status change a tip may have had and still be due, per rule: a query can select
 * candidates with these, and `retentionAction` decides on each one.
 */
export function retentionCutoffs(
  now: string,
  policy: RetentionPolicy,
): { closedBefore: string; spamBefore: string } {
  const t = Date.parse(now);
  return {
    closedBefore: new Date(t - policy.closedDays * DAY_MS).toISOString(),
    spamBefore: new Date(t - policy.spamDays * DAY_MS).toISOString(),
  };
}

/**
 * The retention rule for one tip at `now`. A period counts whole 24-hour days from the status
 * change: with 90 days, a tip closed at 10:00 on day 0 is due at 10:00 on day 90.
 *
 * - Spam, `spamDays` after it was marked: deleted entirely. A tip that is part of a referral is
 *   never deleted (the triage rules do not let a routed tip become spam, so this only guards
 *   against a state written by hand): an agency's lead package must not lose its tips.
 * - Closed, `closedDays` after closure, with contact details or photos left: those are erased.
 * - Everything else is kept, and a tip with nothing left to erase is simply kept (idempotent).
 */
export function retentionAction(
  tip: TipRetentionFacts,
  now: string,
  policy: RetentionPolicy,
): RetentionAction {
  if (!isClosedTip(tip.triageStatus)) return { type: "keep" };
  const { closedBefore, spamBefore } = retentionCutoffs(now, policy);
  const changed = Date.parse(tip.statusChangedAt);
  if (tip.triageStatus === "spam" && !tip.isReferred && changed <= Date.parse(spamBefore)) {
    return { type: "delete_tip" };
  }
  const hasPersonalData = tip.hasContact || tip.photoCount > 0;
  if (hasPersonalData && changed <= Date.parse(closedBefore)) {
    return { type: "erase_contact_and_photos" };
  }
  return { type: "keep" };
}
