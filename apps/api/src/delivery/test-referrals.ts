import { randomUUID } from "node:crypto";
import { enqueueOutboxJob, schema, type Executor } from "@trace/db";
import { encryptSecret } from "../services/secrets";
import { REFERRAL_DELIVERY_TOPIC } from "./referral-delivery";

/** Words that must reach the agency, and details that must never leave the hub. */
export const TIP_TEXT = "Seen in a market hall in Utrecht, stall with striped curtains";
export const CONTACT_CIPHERTEXT = "v1.contact-ciphertext-that-must-not-travel";

/** An agency that takes referrals by webhook, its secret encrypted as the API stores it. */
export async function insertWebhookAgency(
  db: Executor,
  options: { code: string; url: string | null; secret: string | null; key: Buffer },
): Promise<string> {
  const [agency] = await db
    .insert(schema.agencies)
    .values({
      code: options.code,
      name: `${options.code} — test agency`,
      country: "NL",
      languages: ["nl"],
      deliveryChannel: "webhook",
      webhookUrl: options.url,
      webhookSecretCiphertext: options.secret ? encryptSecret(options.key, options.secret) : null,
    })
    .returning({ id: schema.agencies.id });
  return agency!.id;
}

/**
 * A referral of `tipCount` fresh tips with its delivery job, in one transaction, as the referral
 * procedure writes them (rows inserted directly: the tests need no routing).
 */
export async function insertTestReferral(
  db: Executor,
  options: {
    agencyId: string;
    objectId: string | null;
    createdById: string | null;
    tipCount?: number;
  },
): Promise<{ referralId: string; idempotencyKey: string; tipIds: string[] }> {
  return db.transaction(async (tx) => {
    const tipRows = await tx
      .insert(schema.tips)
      .values(
        Array.from({ length: options.tipCount ?? 1 }, (_, i) => ({
          objectId: options.objectId,
          country: "NL",
          placeOrShop: `Market hall ${i + 1}`,
          brandOrProduct: "KORVA",
          timePeriod: "around 2015",
          evidenceLinks: ["https://example.org/market"],
          confidence: "think_so" as const,
          text: TIP_TEXT,
          language: "en",
          contactCiphertext: CONTACT_CIPHERTEXT,
          triageStatus: "useful" as const,
          receiptHash: `receipt-hash-${randomUUID()}`,
        })),
      )
      .returning({ id: schema.tips.id });
    const idempotencyKey = `referral-${randomUUID()}`;
    const [referral] = await tx
      .insert(schema.referrals)
      .values({
        agencyId: options.agencyId,
        objectId: options.objectId,
        idempotencyKey,
        createdById: options.createdById,
      })
      .returning({ id: schema.referrals.id });
    await tx
      .insert(schema.referralTips)
      .values(tipRows.map((t) => ({ referralId: referral!.id, tipId: t.id })));
    await enqueueOutboxJob(tx, {
      topic: REFERRAL_DELIVERY_TOPIC,
      idempotencyKey,
      payload: { referralId: referral!.id },
    });
    return { referralId: referral!.id, idempotencyKey, tipIds: tipRows.map((t) => t.id) };
  });
}
