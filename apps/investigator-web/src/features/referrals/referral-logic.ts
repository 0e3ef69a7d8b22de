import type { TriageStatus } from "@trace/domain";

/**
 * Tips that may go into a referral: triaged as useful or urgent, or already routed (a routed tip
 * can still be sent to a further agency). The API applies the same rule.
 */
const REFERABLE: readonly TriageStatus[] = ["useful", "urgent_safeguarding", "routed"];

export function isReferable(status: TriageStatus): boolean {
  return REFERABLE.includes(status);
}

/**
 * The agency the form refers to: the one the user chose, or else the rules' first suggestion
 * (so the select follows the suggestion as tips are added, until the user picks an agency).
 */
export function chosenAgencyId(choice: string | null, suggestedIds: readonly string[]): string {
  return choice ?? suggestedIds[0] ?? "";
}

/**
 * Referring elsewhere than the rules suggest needs a reason, which is audited. When the rules
 * suggest nobody, any agency is a judgement call the rules did not make: no reason needed.
 */
export function needsOverrideReason(suggestedIds: readonly string[], agencyId: string): boolean {
  return agencyId !== "" && suggestedIds.length > 0 && !suggestedIds.includes(agencyId);
}

/** Other tips about the same object that could go into the same referral. */
export function companionTips<T extends { id: string; triageStatus: TriageStatus }>(
  rows: readonly T[],
  tipId: string,
): T[] {
  return rows.filter((row) => row.id !== tipId && isReferable(row.triageStatus));
}

/** The tips to refer: this one first, then the chosen companions in the order they are listed. */
export function tipIdsToRefer(
  tipId: string,
  companions: readonly { id: string }[],
  checked: ReadonlySet<string>,
): string[] {
  return [tipId, ...companions.filter((c) => checked.has(c.id)).map((c) => c.id)];
}

export interface Elapsed {
  days: number;
  hours: number;
  minutes: number;
}

/** Whole days, hours and minutes from one instant to a later one; null if out of order. */
export function elapsed(fromIso: string, toIso: string): Elapsed | null {
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (!Number.isFinite(ms) || ms < 0) return null;
  const totalMinutes = Math.floor(ms / 60_000);
  return {
    days: Math.floor(totalMinutes / 1_440),
    hours: Math.floor((totalMinutes % 1_440) / 60),
    minutes: totalMinutes % 60,
  };
}

interface ReferralTimes {
  createdAt: string;
  deliveredAt: string | null;
  acknowledgedAt: string | null;
  disposedAt: string | null;
}

/**
 * How long the agency took to acknowledge, counted from delivery (when the lead reached it), not
 * from the hub's sending; null until acknowledged.
 */
export function timeToAcknowledge(referral: ReferralTimes): Elapsed | null {
  if (!referral.acknowledgedAt) return null;
  return elapsed(referral.deliveredAt ?? referral.createdAt, referral.acknowledgedAt);
}

export type TimelineStep = "sent" | "delivered" | "acknowledged" | "disposed";

/**
 * The lifecycle as a list of steps, done (with when) or still to come. A disposition recorded
 * straight after delivery acknowledges in the same step, so both then carry the same time.
 */
export function referralTimeline(
  referral: ReferralTimes,
): { step: TimelineStep; at: string | null }[] {
  return [
    { step: "sent", at: referral.createdAt },
    { step: "delivered", at: referral.deliveredAt },
    { step: "acknowledged", at: referral.acknowledgedAt },
    { step: "disposed", at: referral.disposedAt },
  ];
}

/** How often a view with a referral still pending delivery looks again. */
export const PENDING_POLL_MS = 5_000;
