import { err, ok, type Result } from "../shared/result";
import { randomBase32, type RandomSource } from "../shared/random";
import type { ObjectStatus, PublicObjectStatus } from "./object";

export function generateObjectRef(random: RandomSource): string {
  return `TOA-${randomBase32(random, 6)}`;
}

export type ObjectAction =
  | { type: "submit_for_review" }
  | { type: "return_to_draft" }
  | { type: "approve"; by: string; publishAt: string | null }
  | { type: "publish" }
  | { type: "mark_origin_found" }
  | { type: "withdraw"; reason: string };

export type ObjectTransitionError =
  "illegal_transition" | "self_approval" | "reason_required" | "not_yet_due";

export interface ObjectState {
  status: ObjectStatus;
  authorId: string;
  approvedById: string | null;
  publishAt: string | null;
  withdrawnReason: string | null;
}

const FROM: Record<ObjectAction["type"], readonly ObjectStatus[]> = {
  submit_for_review: ["draft"],
  return_to_draft: ["in_review"],
  approve: ["in_review"],
  publish: ["approved"],
  mark_origin_found: ["published"],
  // Withdrawal is possible at any time before it is final: it removes every public trace.
  withdraw: ["draft", "in_review", "approved", "published", "origin_found"],
};

/**
 * The object lifecycle: draft → in_review → approved → published → origin_found | withdrawn.
 * Four-eyes: the approver is never the author. `now` is passed in (no clock in the domain).
 */
export function transitionObject(
  object: ObjectState,
  action: ObjectAction,
  now: string,
): Result<ObjectState, ObjectTransitionError> {
  if (!FROM[action.type].includes(object.status)) return err("illegal_transition");
  switch (action.type) {
    case "submit_for_review":
      return ok({ ...object, status: "in_review" });
    case "return_to_draft":
      return ok({ ...object, status: "draft" });
    case "approve":
      if (action.by === object.authorId) return err("self_approval");
      return ok({
        ...object,
        status: "approved",
        approvedById: action.by,
        publishAt: action.publishAt,
      });
    case "publish":
      if (object.publishAt !== null && Date.parse(object.publishAt) > Date.parse(now)) {
        return err("not_yet_due");
      }
      return ok({ ...object, status: "published" });
    case "mark_origin_found":
      return ok({ ...object, status: "origin_found" });
    case "withdraw":
      if (action.reason.trim().length === 0) return err("reason_required");
      return ok({ ...object, status: "withdrawn", withdrawnReason: action.reason.trim() });
  }
}

/** Only published and origin-found objects exist publicly; everything else is invisible. */
export function publicObjectStatus(status: ObjectStatus): PublicObjectStatus | null {
  if (status === "published") return "open";
  if (status === "origin_found") return "origin_found";
  return null;
}

/** Tips are accepted only on objects the public can see and that still need an answer. */
export function acceptsTips(status: ObjectStatus): boolean {
  return status === "published";
}
