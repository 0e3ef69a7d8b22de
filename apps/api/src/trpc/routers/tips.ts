import { z } from "zod";
import {
  acceptsTips,
  generateReceiptCode,
  initialTipPriority,
  publicTipStatus,
  ReceiptCodeSchema,
  TipReceiptSchema,
  TipStatusViewSchema,
  TipSubmissionSchema,
} from "@trace/domain";
import { appendAuditEvent, findObjectByRef, getTipStatusByReceiptHash, insertTip } from "@trace/db";
import { encryptContact, hashReceipt } from "../../services/secrets";
import { appError } from "../errors";
import { publicProcedure, router } from "../init";

export const tipsRouter = router({
  /**
   * validate → load the object → decide → persist tip, history and audit in one transaction →
   * only then return the receipt: an acknowledged tip is never lost.
   */
  submit: publicProcedure
    .input(TipSubmissionSchema)
    .output(TipReceiptSchema)
    .mutation(async ({ ctx, input }) => {
      const { database, receiptHashKey, contactEncryptionKey } = ctx.deps;
      let objectId: string | null = null;
      if (input.objectRef) {
        const object = await findObjectByRef(database.db, input.objectRef);
        if (!object || (object.status !== "published" && object.status !== "origin_found")) {
          throw appError("object_not_found");
        }
        if (!acceptsTips(object.status)) throw appError("object_not_accepting_tips");
        objectId = object.id;
      }
      const receiptCode = generateReceiptCode(ctx.deps.random);
      const now = ctx.deps.now();
      await database.db.transaction(async (tx) => {
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
          receivedAt: now,
        });
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
    }),

  /** A query sent as POST by the public client, so the receipt code never sits in a URL. */
  status: publicProcedure
    .input(z.strictObject({ receiptCode: ReceiptCodeSchema }))
    .output(TipStatusViewSchema)
    .query(async ({ ctx, input }) => {
      const view = await getTipStatusByReceiptHash(
        ctx.deps.database.db,
        hashReceipt(ctx.deps.receiptHashKey, input.receiptCode),
      );
      if (!view) throw appError("receipt_not_found");
      return view;
    }),
});
