import {
  acceptsTips,
  generateReceiptCode,
  initialTipPriority,
  publicTipStatus,
  type TipReceipt,
  type TipSubmission,
} from "@trace/domain";
import { appendAuditEvent, findObjectByRef, insertTip } from "@trace/db";
import { attachTipPhotos } from "../images/tip-photos";
import type { Deps } from "../trpc/context";
import { appError } from "../trpc/errors";
import { encryptContact, hashReceipt } from "./secrets";

/**
 * Sends one tip, for the site (tRPC) and for the form without JavaScript alike: load the object →
 * decide → persist tip, photos and audit in one transaction → only then return the receipt, so
 * an acknowledged tip is never lost. Refusals are `appError`s (object_not_found,
 * object_not_accepting_tips) and change nothing.
 */
export async function submitTip(deps: Deps, input: TipSubmission): Promise<TipReceipt> {
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
  await database.db.transaction(async (tx) => {
    const tip = await insertTip(tx, {
      submission: input,
      objectId,
      receiptHash: hashReceipt(receiptHashKey, receiptCode),
      contactCiphertext: input.contact ? encryptContact(contactEncryptionKey, input.contact) : null,
      triageStatus: "new",
      publicStatus: publicTipStatus("new"),
      priority: initialTipPriority(input.concernsOtherAbuse),
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
  return {
    receiptCode,
    status: publicTipStatus("new"),
    showHotlineGuidance: input.concernsOtherAbuse,
  };
}
