import { eq } from "drizzle-orm";
import type { PublicTipStatus, TipEventKind, TipState, TriageStatus } from "@trace/domain";
import type { Executor } from "../client";
import { tipEvents, tips } from "../schema";

export interface LockedTip extends TipState {
  assigneeId: string | null;
  publicStatus: PublicTipStatus;
}

/**
 * The triage state of one tip, row-locked until the end of the transaction so that two analysts
 * triaging the same tip take turns and each decision sees the other's result.
 */
export async function lockTipForTriage(tx: Executor, id: string): Promise<LockedTip | null> {
  const [row] = await tx
    .select({
      id: tips.id,
      triageStatus: tips.triageStatus,
      publicStatus: tips.publicStatus,
      priority: tips.priority,
      duplicateOfId: tips.duplicateOfId,
      assigneeId: tips.assigneeId,
    })
    .from(tips)
    .where(eq(tips.id, id))
    .for("update");
  return row ?? null;
}

export async function tipExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: tips.id }).from(tips).where(eq(tips.id, id));
  return row !== undefined;
}

export interface TipAssignmentRecord {
  tipId: string;
  assigneeId: string | null;
  kind: Extract<TipEventKind, "assigned" | "unassigned">;
  triageStatus: TriageStatus;
  publicStatus: PublicTipStatus;
  actorId: string;
  at: Date;
}

/** Stores an assignment decided by `assignTip` and adds it to the history. Call inside its transaction. */
export async function recordTipAssignment(db: Executor, a: TipAssignmentRecord): Promise<void> {
  await db
    .update(tips)
    .set({ assigneeId: a.assigneeId, updatedAt: a.at })
    .where(eq(tips.id, a.tipId));
  await db.insert(tipEvents).values({
    tipId: a.tipId,
    at: a.at,
    actorId: a.actorId,
    kind: a.kind,
    triageStatus: a.triageStatus,
    publicStatus: a.publicStatus,
  });
}

/** The encrypted contact of a tip: `undefined` when the tip does not exist, null when none was given. */
export async function getTipContactCiphertext(
  db: Executor,
  id: string,
): Promise<string | null | undefined> {
  const [row] = await db
    .select({ contactCiphertext: tips.contactCiphertext })
    .from(tips)
    .where(eq(tips.id, id));
  return row === undefined ? undefined : row.contactCiphertext;
}

/** The id of the tip a receipt code opens (by its keyed hash), or null. */
export async function findTipIdByReceiptHash(
  db: Executor,
  receiptHash: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: tips.id })
    .from(tips)
    .where(eq(tips.receiptHash, receiptHash));
  return row?.id ?? null;
}
