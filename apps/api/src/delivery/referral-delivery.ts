import { z } from "zod";
import {
  REFERRAL_WEBHOOK_EVENT,
  REFERRAL_WEBHOOK_VERSION,
  ReferralWebhookPayloadSchema,
  type ReferralWebhookPayload,
} from "@trace/domain";
import {
  appendAuditEvent,
  findReferralDeliveryTarget,
  loadReferralContent,
  markReferralDelivered,
  type Database,
  type Executor,
} from "@trace/db";
import { decryptSecret } from "../services/secrets";
import { OutboxJobError, type OutboxCompletion, type OutboxHandler } from "../jobs/outbox-worker";
import { postWebhook } from "./webhook";

export { REFERRAL_DELIVERY_TOPIC } from "@trace/db";

const PayloadSchema = z.object({ referralId: z.uuid() });

export interface ReferralDeliveryDeps {
  database: Database;
  webhookEncryptionKey: Buffer;
  webhookTimeoutMs: number;
}

/** The webhook body for a referral: its object and tips, never anything about the tipster. */
export async function buildReferralWebhookPayload(
  db: Executor,
  target: {
    referral: { id: string; objectId: string | null; createdAt: Date };
    agencyCode: string;
  },
): Promise<ReferralWebhookPayload> {
  const content = await loadReferralContent(db, target.referral);
  const parsed = ReferralWebhookPayloadSchema.safeParse({
    event: REFERRAL_WEBHOOK_EVENT,
    version: REFERRAL_WEBHOOK_VERSION,
    referral: {
      id: target.referral.id,
      createdAt: target.referral.createdAt.toISOString(),
      agencyCode: target.agencyCode,
    },
    object: content.object,
    tips: content.tips,
  });
  // Stored data that breaks the published contract will not mend itself by retrying.
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".")))].slice(0, 5);
    throw new OutboxJobError(`payload violates the contract at ${fields.join(", ")}`, {
      permanent: true,
    });
  }
  return parsed.data;
}

/** pending → delivered with its audit event, in the transaction that marks the job done. */
function markDelivered(referralId: string, how: string): OutboxCompletion {
  return async (tx, at) => {
    if (await markReferralDelivered(tx, referralId, at)) {
      await appendAuditEvent(tx, {
        at,
        actorId: null,
        action: "referral.delivered",
        entityType: "referral",
        entityId: referralId,
        reason: how,
      });
    }
  };
}

/**
 * Delivers one referral. The portal channel needs no transfer: the referral becomes visible to
 * the agency's liaison when it is marked delivered. The webhook channel POSTs the signed payload
 * and counts only a 2xx as delivered. A referral already past "pending" is not sent again.
 */
export function createReferralDeliveryHandler(deps: ReferralDeliveryDeps): OutboxHandler {
  return async (job, { signal, now }) => {
    const payload = PayloadSchema.safeParse(job.payload);
    if (!payload.success) throw new OutboxJobError("malformed job payload", { permanent: true });
    const { db } = deps.database;
    const target = await findReferralDeliveryTarget(db, payload.data.referralId);
    if (!target) throw new OutboxJobError("referral not found", { permanent: true });
    if (target.referral.status !== "pending") return;
    const { referral, agency } = target;

    if (agency.deliveryChannel === "portal") return markDelivered(referral.id, "portal");

    if (!agency.webhookUrl || !agency.webhookSecretCiphertext)
      throw new OutboxJobError("webhook not configured (address or secret missing)");
    let secret: string;
    try {
      secret = decryptSecret(deps.webhookEncryptionKey, agency.webhookSecretCiphertext);
    } catch {
      throw new OutboxJobError("webhook secret unreadable (rotate it)");
    }
    const body = JSON.stringify(
      await buildReferralWebhookPayload(db, { referral, agencyCode: agency.code }),
    );
    await postWebhook({
      url: agency.webhookUrl,
      secret,
      idempotencyKey: referral.idempotencyKey,
      body,
      attempt: job.attempts,
      now: now(),
      timeoutMs: deps.webhookTimeoutMs,
      signal,
    });
    return markDelivered(referral.id, `webhook, attempt ${job.attempts}`);
  };
}
