import { and, asc, eq, inArray } from "drizzle-orm";
import type {
  AgencyDeliveryView,
  CountryCode,
  DELIVERY_CHANNELS,
  ObjectCategory,
  ReferralWebhookTip,
  TipConfidence,
} from "@trace/domain";
import type { Executor } from "../client";
import { agencies, referrals, referralTips, tips, traceObjects } from "../schema";
import { iso } from "./serialize";

type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** What the delivery worker needs to know about a referral and where it goes. */
export interface ReferralDeliveryTarget {
  referral: {
    id: string;
    status: "pending" | "delivered" | "acknowledged" | "disposed";
    idempotencyKey: string;
    objectId: string | null;
    createdAt: Date;
  };
  agency: {
    id: string;
    code: string;
    deliveryChannel: DeliveryChannel;
    webhookUrl: string | null;
    webhookSecretCiphertext: string | null;
  };
}

export async function findReferralDeliveryTarget(
  db: Executor,
  referralId: string,
): Promise<ReferralDeliveryTarget | null> {
  const [row] = await db
    .select({
      referral: {
        id: referrals.id,
        status: referrals.status,
        idempotencyKey: referrals.idempotencyKey,
        objectId: referrals.objectId,
        createdAt: referrals.createdAt,
      },
      agency: {
        id: agencies.id,
        code: agencies.code,
        deliveryChannel: agencies.deliveryChannel,
        webhookUrl: agencies.webhookUrl,
        webhookSecretCiphertext: agencies.webhookSecretCiphertext,
      },
    })
    .from(referrals)
    .innerJoin(agencies, eq(agencies.id, referrals.agencyId))
    .where(eq(referrals.id, referralId));
  return row ?? null;
}

/**
 * The object and tips of a referral, as the webhook contract shows them. Selected column by
 * column: the tipster's contact ciphertext and receipt hash are never read here.
 */
export async function loadReferralContent(
  db: Executor,
  referral: { id: string; objectId: string | null },
): Promise<{
  object: { ref: string; category: ObjectCategory; title: string } | null;
  tips: ReferralWebhookTip[];
}> {
  const [objectRow] = referral.objectId
    ? await db
        .select({
          ref: traceObjects.ref,
          category: traceObjects.category,
          title: traceObjects.title,
        })
        .from(traceObjects)
        .where(eq(traceObjects.id, referral.objectId))
    : [];
  const tipRows = await db
    .select({
      id: tips.id,
      receivedAt: tips.receivedAt,
      country: tips.country,
      language: tips.language,
      confidence: tips.confidence,
      placeOrShop: tips.placeOrShop,
      brandOrProduct: tips.brandOrProduct,
      timePeriod: tips.timePeriod,
      evidenceLinks: tips.evidenceLinks,
      text: tips.text,
    })
    .from(referralTips)
    .innerJoin(tips, eq(tips.id, referralTips.tipId))
    .where(eq(referralTips.referralId, referral.id))
    .orderBy(asc(tips.receivedAt), asc(tips.id));
  return {
    object: objectRow
      ? { ref: objectRow.ref, category: objectRow.category, title: objectRow.title.en }
      : null,
    tips: tipRows.map((t) => ({
      ...t,
      receivedAt: iso(t.receivedAt),
      country: t.country as CountryCode | null,
      confidence: t.confidence as TipConfidence,
    })),
  };
}

/** pending → delivered, once: false when the referral had already moved on. */
export async function markReferralDelivered(
  tx: Executor,
  referralId: string,
  at: Date,
): Promise<boolean> {
  const rows = await tx
    .update(referrals)
    .set({ status: "delivered", deliveredAt: at })
    .where(and(eq(referrals.id, referralId), eq(referrals.status, "pending")))
    .returning({ id: referrals.id });
  return rows.length > 0;
}

/** Referral ids and their agencies, for labelling dead letters. */
export async function findReferralAgencies(
  db: Executor,
  referralIds: string[],
): Promise<Map<string, { id: string; code: string; name: string }>> {
  if (referralIds.length === 0) return new Map();
  const rows = await db
    .select({
      referralId: referrals.id,
      agency: { id: agencies.id, code: agencies.code, name: agencies.name },
    })
    .from(referrals)
    .innerJoin(agencies, eq(agencies.id, referrals.agencyId))
    .where(inArray(referrals.id, referralIds));
  return new Map(rows.map((r) => [r.referralId, r.agency]));
}

const agencyDeliveryColumns = {
  id: agencies.id,
  code: agencies.code,
  name: agencies.name,
  country: agencies.country,
  deliveryChannel: agencies.deliveryChannel,
  isActive: agencies.isActive,
  webhookUrl: agencies.webhookUrl,
  webhookSecretCiphertext: agencies.webhookSecretCiphertext,
};
type AgencyDeliveryRow = {
  [K in keyof typeof agencyDeliveryColumns]: (typeof agencies.$inferSelect)[K];
};

/** The admin's view; the secret's ciphertext never leaves this function, only whether it exists. */
function toView(row: AgencyDeliveryRow, withWebhook: boolean): AgencyDeliveryView {
  const view: AgencyDeliveryView = {
    id: row.id,
    code: row.code,
    name: row.name,
    country: row.country as CountryCode | null,
    deliveryChannel: row.deliveryChannel,
    isActive: row.isActive,
  };
  if (withWebhook) {
    view.webhookUrl = row.webhookUrl;
    view.hasWebhookSecret = row.webhookSecretCiphertext !== null;
  }
  return view;
}

/** Every agency by code; the webhook address and secret presence only when `withWebhook`. */
export async function listAgencyDelivery(
  db: Executor,
  { withWebhook }: { withWebhook: boolean },
): Promise<AgencyDeliveryView[]> {
  const rows = await db.select(agencyDeliveryColumns).from(agencies).orderBy(asc(agencies.code));
  return rows.map((r) => toView(r, withWebhook));
}

/** The agency row locked until the transaction ends, so two admins' changes take turns. */
export async function lockAgencyDelivery(
  tx: Executor,
  id: string,
): Promise<{ view: AgencyDeliveryView; hasWebhookSecret: boolean } | null> {
  const [row] = await tx
    .select(agencyDeliveryColumns)
    .from(agencies)
    .where(eq(agencies.id, id))
    .for("update");
  return row
    ? { view: toView(row, true), hasWebhookSecret: row.webhookSecretCiphertext !== null }
    : null;
}

export async function setAgencyDelivery(
  tx: Executor,
  id: string,
  values: {
    deliveryChannel: DeliveryChannel;
    webhookUrl: string | null;
    /** Left as it is when undefined. */
    webhookSecretCiphertext?: string;
  },
): Promise<AgencyDeliveryView | null> {
  const [row] = await tx
    .update(agencies)
    .set(values)
    .where(eq(agencies.id, id))
    .returning(agencyDeliveryColumns);
  return row ? toView(row, true) : null;
}

export async function setAgencyWebhookSecret(
  tx: Executor,
  id: string,
  webhookSecretCiphertext: string,
): Promise<boolean> {
  const rows = await tx
    .update(agencies)
    .set({ webhookSecretCiphertext })
    .where(eq(agencies.id, id))
    .returning({ id: agencies.id });
  return rows.length > 0;
}

/** By code, for the demo seed and tools. */
export async function findAgencyIdByCode(db: Executor, code: string): Promise<string | null> {
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
  return row?.id ?? null;
}
