import {
  appendAuditEvent,
  getStaffObject,
  lockObjectState,
  saveObjectState,
  type Executor,
} from "@trace/db";
import {
  transitionObject,
  type AuditAction,
  type ObjectAction,
  type ObjectState,
  type StaffObject,
} from "@trace/domain";
import { appError } from "../trpc/errors";
import type { Deps } from "../trpc/context";

const AUDIT_ACTION: Record<ObjectAction["type"], AuditAction> = {
  submit_for_review: "object.submitted",
  return_to_draft: "object.returned_to_draft",
  approve: "object.approved",
  publish: "object.published",
  mark_origin_found: "object.origin_found",
  withdraw: "object.withdrawn",
};

/**
 * Applies lifecycle steps to one object in one transaction: lock the row, let the domain decide
 * each step, save, and append one audit event per step (with the reason where there is one).
 * Any refusal rolls everything back, so nothing is written.
 */
export async function applyObjectActions(
  deps: Deps,
  actorId: string,
  objectId: string,
  steps: (current: ObjectState, now: Date) => ObjectAction[],
  check?: (current: ObjectState & { imageIds: string[] }) => void,
): Promise<StaffObject> {
  const { db } = deps.database;
  const now = deps.now();
  await db.transaction(async (tx) => {
    const locked = await lockObjectState(tx, objectId);
    if (!locked) throw appError("staff_object_not_found");
    check?.(locked);
    let state: ObjectState = locked;
    for (const action of steps(state, now)) {
      const result = transitionObject(state, action, now.toISOString());
      if (!result.ok) throw appError(result.error);
      state = result.value;
      await saveObjectState(tx, objectId, state, now);
      await appendAuditEvent(tx, {
        at: now,
        actorId,
        action: AUDIT_ACTION[action.type],
        entityType: "object",
        entityId: objectId,
        reason: action.type === "withdraw" ? state.withdrawnReason : null,
      });
    }
  });
  return loadStaffObject(db, objectId);
}

export async function loadStaffObject(db: Executor, id: string): Promise<StaffObject> {
  const object = await getStaffObject(db, id);
  if (!object) throw appError("staff_object_not_found");
  return object;
}
