import { err, ok, type Result } from "../shared/result";
import type { PublicTipStatus, TipPriority, TriageStatus } from "./tip";

export const TRIAGE_OUTCOMES = [
  "useful",
  "not_useful",
  "spam",
  "duplicate",
  "urgent_safeguarding",
] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];

export type TipAction =
  | { type: "triage"; outcome: Exclude<TriageOutcome, "duplicate"> }
  | { type: "triage"; outcome: "duplicate"; duplicateOfId: string }
  | { type: "route" };

export type TipTransitionError =
  "illegal_transition" | "duplicate_of_self" | "duplicate_of_required";

export interface TipState {
  id: string;
  triageStatus: TriageStatus;
  priority: TipPriority;
  duplicateOfId: string | null;
}

const TRIAGED: readonly TriageStatus[] = TRIAGE_OUTCOMES;

/**
 * Triage: new → useful | not_useful | spam | duplicate | urgent_safeguarding, then routed.
 * A triage outcome may be corrected until the tip is routed; a routed tip stays routed.
 * Only useful and urgent tips can be routed.
 */
export function transitionTip(
  tip: TipState,
  action: TipAction,
): Result<TipState, TipTransitionError> {
  if (action.type === "route") {
    if (tip.triageStatus !== "useful" && tip.triageStatus !== "urgent_safeguarding") {
      return err("illegal_transition");
    }
    return ok({ ...tip, triageStatus: "routed" });
  }
  if (tip.triageStatus !== "new" && !TRIAGED.includes(tip.triageStatus))
    return err("illegal_transition");
  if (tip.triageStatus === action.outcome) return err("illegal_transition");
  if (action.outcome === "duplicate") {
    if (!action.duplicateOfId) return err("duplicate_of_required");
    if (action.duplicateOfId === tip.id) return err("duplicate_of_self");
    return ok({ ...tip, triageStatus: "duplicate", duplicateOfId: action.duplicateOfId });
  }
  return ok({
    ...tip,
    triageStatus: action.outcome,
    duplicateOfId: null,
    priority: action.outcome === "urgent_safeguarding" ? "urgent" : tip.priority,
  });
}

/** The tipster's view of a triage status: it never reveals the internal verdict. */
export function publicTipStatus(status: TriageStatus): PublicTipStatus {
  switch (status) {
    case "new":
      return "received";
    case "useful":
    case "urgent_safeguarding":
      return "under_review";
    case "routed":
      return "passed_on";
    case "not_useful":
    case "spam":
    case "duplicate":
      return "closed";
  }
}

/** Reports of abuse unrelated to an object go to the top of the queue. */
export function initialTipPriority(concernsOtherAbuse: boolean): TipPriority {
  return concernsOtherAbuse ? "urgent" : "normal";
}
