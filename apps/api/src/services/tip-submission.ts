import {
  acceptsTips,
  generateReceiptCode,
  initialTipPriority,
  publicTipStatus,
  type TipReceipt,
  type TipSubmission,
} from "@trace/domain";
import { appendAuditEvent, deleteExpiredProofsOfWork, findObjectByRef, insertTip } from "@trace/db";
import {
  assessSubmission,
  checkProofOfWork,
  type SubmissionSignals,
} from "../abuse/submission-trust";
import { attachTipPhotos } from "../images/tip-photos";
import { describeError } from "../logger";
import type { Deps } from "../trpc/context";
import { appError } from "../trpc/errors";
import { encryptContact, hashReceipt } from "./secrets";

/**
 * Sends one tip, for the site (tRPC) and for the form without JavaScript alike: load the object →
 * decide → persist tip, photos and audit in one transaction → only then return the receipt, so
 * an acknowledged tip is never lost. Refusals are `appError`s (object_not_found,
 * object_not_accepting_tips) and change nothing.
 *
 * `signals` never refuse a tip: they decide its trust (abuse/submission-trust.ts). A low-trust
 * tip gets the same receipt and the same answer; it only waits in the inbox's low-trust queue.
 */
export async function submitTip(
  deps: Deps,
  input: TipSubmission,
  signals: SubmissionSignals,
): Promise<TipReceipt> {
  const { database, receiptHashKey, contactEncryptionKey } = deps;
  let objectId: string | null = null;
  if (input.objectRef) {
    const object = await findObjectByRef(database.db, input.objectRef);
    if (!object || (object.status !== "published" && object.status !== "origin_found")) {
      throw appError("object_not_found");
    }
    if (!acceptsTips(object.status)) throw appError("object_not_accepting_tips");
    objectId = object.id;
  }
  const receiptCode = generateReceiptCode(deps.random);
  const now = deps.now();
  // Checked outside the transaction (no database work); spent inside it, with the tip.
  const proofOfWork =
    signals.channel === "app"
      ? await checkProofOfWork(deps.proofOfWorkKey, signals.proofOfWork, now)
      : ({ verdict: "missing" } as const);
  await database.db.transaction(async (tx) => {
    const trust = await assessSubmission(
      tx,
      { formTicketKey: deps.formTicketKey, policy: deps.submissionTrust.policy },
      signals,
      proofOfWork,
      now,
    );
    const tip = await insertTip(tx, {
      submission: input,
      objectId,
      receiptHash: hashReceipt(receiptHashKey, receiptCode),
      contactCiphertext: input.contact ? encryptContact(contactEncryptionKey, input.contact) : null,
      triageStatus: "new",
      publicStatus: publicTipStatus("new"),
      priority: initialTipPriority(input.concernsOtherAbuse),
      trust,
      receivedAt: now,
    });
    // In the tip's transaction: the tip exists with all its photos, or not at all.
    await attachTipPhotos(tx, tip.id, input.photoTokens, now);
    await appendAuditEvent(tx, {
      at: now,
      actorId: null,
      action: "tip.submitted",
      entityType: "tip",
      entityId: tip.id,
    });
  });
  if (proofOfWork.verdict === "valid") {
    // Housekeeping, after the commit and never at the tip's expense.
    await deleteExpiredProofsOfWork(database.db, now).catch((error: unknown) =>
      deps.logger.warn({ err: describeError(error) }, "could not clear spent proofs of work"),
    );
  }
  return {
    receiptCode,
    status: publicTipStatus("new"),
    showHotlineGuidance: input.concernsOtherAbuse,
  };
}
