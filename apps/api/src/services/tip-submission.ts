import {
  acceptsTips,
  generateReceiptCode,
  initialTipPriority,
  publicTipStatus,
  type TipReceipt,
  type TipSubmission,
} from "@trace/domain";
import { appendAuditEvent, claimTipIdempotencyKey, findObjectByRef, insertTip } from "@trace/db";
import {
  assessSubmission,
  checkProofOfWork,
  type SubmissionSignals,
} from "../abuse/submission-trust";
import { attachTipPhotos } from "../images/tip-photos";
import type { Deps } from "../trpc/context";
import { appError } from "../trpc/errors";
import { encryptContact, encryptSecret, hashReceipt } from "./secrets";
import { replayTipReceipt, tipIdempotency } from "./tip-idempotency";

/** Thrown inside the tip's transaction to roll it back: another send claimed the key first. */
class IdempotencyKeyTaken extends Error {}

/**
 * Sends one tip, for the site (tRPC) and for the form without JavaScript alike: load the object →
 * decide → persist tip, photos and audit in one transaction → only then return the receipt, so
 * an acknowledged tip is never lost. Refusals are `appError`s (object_not_found,
 * object_not_accepting_tips) and change nothing.
 *
 * `signals` never refuse a tip: they decide its trust (abuse/submission-trust.ts). A low-trust
 * tip gets the same receipt and the same answer; it only waits in the inbox's low-trust queue.
 *
 * With an `idempotencyKey` (ADR 0015), a send repeated after a lost answer gets the first
 * send's receipt and makes nothing new; the same key with a different tip is refused
 * (idempotency_key_reused). A concurrent send with the same key waits on the key's unique
 * index until the first commits, rolls back its own tip and answers with the first's receipt.
 */
export async function submitTip(
  deps: Deps,
  input: TipSubmission,
  signals: SubmissionSignals,
  idempotencyKey?: string,
): Promise<TipReceipt> {
  const { database, receiptHashKey, contactEncryptionKey } = deps;
  const idempotency = idempotencyKey ? tipIdempotency(receiptHashKey, idempotencyKey, input) : null;
  const replay = () =>
    replayTipReceipt(database.db, deps.idempotencyEncryptionKey, idempotency!, input, deps.now());
  // Before anything else: the first send's answer stands even if the object has closed since.
  if (idempotency) {
    const earlier = await replay();
    if (earlier) return earlier;
  }
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
  try {
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
        contactCiphertext: input.contact
          ? encryptContact(contactEncryptionKey, input.contact)
          : null,
        triageStatus: "new",
        publicStatus: publicTipStatus("new"),
        priority: initialTipPriority(input.concernsOtherAbuse),
        trust,
        receivedAt: now,
      });
      // Claimed before photos and audit: a concurrent duplicate stops here and rolls back.
      if (idempotency) {
        const claimed = await claimTipIdempotencyKey(tx, {
          ...idempotency,
          tipId: tip.id,
          receiptCiphertext: encryptSecret(deps.idempotencyEncryptionKey, receiptCode),
          createdAt: now,
        });
        if (!claimed) throw new IdempotencyKeyTaken();
      }
      // In the tip's transaction: the tip exists with all its photos, or not at all.
      await attachTipPhotos(tx, tip.id, input.photoTokens, now);
      // Last: from here to the commit every other append, every other tip, waits its turn.
      await appendAuditEvent(tx, {
        at: now,
        actorId: null,
        action: "tip.submitted",
        entityType: "tip",
        entityId: tip.id,
      });
    });
  } catch (error) {
    if (!(error instanceof IdempotencyKeyTaken)) throw error;
    // The other send has committed (its claim made ours wait): answer with its receipt.
    const earlier = await replay();
    if (!earlier) throw error;
    return earlier;
  }
  return {
    receiptCode,
    status: publicTipStatus("new"),
    showHotlineGuidance: input.concernsOtherAbuse,
  };
}
