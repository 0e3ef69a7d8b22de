import { alias } from "drizzle-orm/pg-core";
import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type {
  ReferralDetail,
  ReferralDisposition,
  ReferralListInput,
  ReferralMessageSide,
  ReferralStatus,
  ReferralSummary,
} from "@trace/domain";
import type { Executor } from "../client";
import {
  agencies,
  referralMessages,
  referrals,
  referralTips,
  staffUsers,
  tips,
  traceObjects,
} from "../schema";
import { iso, isoOrNull } from "./serialize";

/** The outbox topic of a referral's delivery: written with the referral, run by the worker. */
export const REFERRAL_DELIVERY_TOPIC = "referral.deliver";

export interface NewReferral {
  agencyId: string;
  objectId: string | null;
  tipIds: string[];
  idempotencyKey: string;
  createdById: string;
  suggestedAgencyIds: string[];
  overrideReason: string | null;
  at: Date;
}

/** The referral and its tips. Call inside the transaction that also enqueues its delivery. */
export async function insertReferral(tx: Executor, r: NewReferral): Promise<string> {
  const [row] = await tx
    .insert(referrals)
    .values({
      agencyId: r.agencyId,
      objectId: r.objectId,
      idempotencyKey: r.idempotencyKey,
      createdById: r.createdById,
      suggestedAgencyIds: r.suggestedAgencyIds,
      overrideReason: r.overrideReason,
      createdAt: r.at,
    })
    .returning({ id: referrals.id });
  await tx.insert(referralTips).values(r.tipIds.map((tipId) => ({ referralId: row!.id, tipId })));
  return row!.id;
}

/** Tips among `tipIds` already referred to the agency. */
export async function tipsAlreadyReferred(
  db: Executor,
  agencyId: string,
  tipIds: string[],
): Promise<string[]> {
  const rows = await db
    .select({ tipId: referralTips.tipId })
    .from(referralTips)
    .innerJoin(referrals, eq(referrals.id, referralTips.referralId))
    .where(and(eq(referrals.agencyId, agencyId), inArray(referralTips.tipId, tipIds)));
  return rows.map((r) => r.tipId);
}

/**
 * Which referrals a reader may see. The hub sees all; an agency sees only its own, and only once
 * delivered: a pending referral has not reached it yet.
 */
export type ReferralScope = { kind: "hub" } | { kind: "agency"; agencyId: string };

function scopeWhere(scope: ReferralScope): SQL | undefined {
  return scope.kind === "hub"
    ? undefined
    : and(eq(referrals.agencyId, scope.agencyId), ne(referrals.status, "pending"));
}

/** True when the last message on the referral came from the other side. */
function awaitingReplyFrom(side: ReferralMessageSide) {
  return sql<boolean>`coalesce((
    select ${referralMessages.side} <> ${side}
    from ${referralMessages}
    where ${referralMessages.referralId} = ${referrals.id}
    order by ${referralMessages.createdAt} desc, ${referralMessages.id} desc
    limit 1), false)`;
}

const summaryColumns = (readerSide: ReferralMessageSide) => ({
  id: referrals.id,
  agencyId: agencies.id,
  agencyCode: agencies.code,
  agencyName: agencies.name,
  objectRef: traceObjects.ref,
  objectTitle: sql<string | null>`${traceObjects.title}->>'en'`,
  objectCategory: traceObjects.category,
  tipCount: sql<number>`(select count(*)::int from ${referralTips} where ${referralTips.referralId} = ${referrals.id})`,
  status: referrals.status,
  disposition: referrals.disposition,
  dispositionNote: referrals.dispositionNote,
  createdAt: referrals.createdAt,
  deliveredAt: referrals.deliveredAt,
  acknowledgedAt: referrals.acknowledgedAt,
  disposedAt: referrals.disposedAt,
  awaitingReply: awaitingReplyFrom(readerSide),
  createdById: referrals.createdById,
  suggestedAgencyIds: referrals.suggestedAgencyIds,
  overrideReason: referrals.overrideReason,
});

type SummaryRow = {
  id: string;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  objectRef: string | null;
  objectTitle: string | null;
  tipCount: number;
  status: ReferralStatus;
  disposition: ReferralDisposition | null;
  createdAt: Date;
  deliveredAt: Date | null;
  acknowledgedAt: Date | null;
  disposedAt: Date | null;
  awaitingReply: boolean;
};

const toSummary = (r: SummaryRow): ReferralSummary => ({
  id: r.id,
  agency: { id: r.agencyId, code: r.agencyCode, name: r.agencyName },
  object: r.objectRef ? { ref: r.objectRef, title: r.objectTitle ?? r.objectRef } : null,
  tipCount: r.tipCount,
  status: r.status,
  disposition: r.disposition,
  createdAt: iso(r.createdAt),
  deliveredAt: isoOrNull(r.deliveredAt),
  acknowledgedAt: isoOrNull(r.acknowledgedAt),
  disposedAt: isoOrNull(r.disposedAt),
  awaitingReply: r.awaitingReply,
});

function summaryQuery(db: Executor, scope: ReferralScope) {
  return db
    .select(summaryColumns(scope.kind === "hub" ? "hub" : "agency"))
    .from(referrals)
    .innerJoin(agencies, eq(agencies.id, referrals.agencyId))
    .leftJoin(traceObjects, eq(traceObjects.id, referrals.objectId));
}

export async function listReferrals(
  db: Executor,
  scope: ReferralScope,
  input: ReferralListInput,
): Promise<{ items: ReferralSummary[]; total: number }> {
  const where = and(
    scopeWhere(scope),
    input.status ? eq(referrals.status, input.status) : undefined,
    input.agencyId ? eq(referrals.agencyId, input.agencyId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    summaryQuery(db, scope)
      .where(where)
      .orderBy(desc(referrals.createdAt), desc(referrals.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(referrals).where(where),
  ]);
  return { items: rows.map(toSummary), total: total?.n ?? 0 };
}

/** The referrals that contain a tip, for the hub's tip page. */
export async function listReferralsForTip(db: Executor, tipId: string): Promise<ReferralSummary[]> {
  const rows = await summaryQuery(db, { kind: "hub" })
    .where(
      inArray(
        referrals.id,
        db
          .select({ id: referralTips.referralId })
          .from(referralTips)
          .where(eq(referralTips.tipId, tipId)),
      ),
    )
    .orderBy(asc(referrals.createdAt));
  return rows.map(toSummary);
}

const authors = alias(staffUsers, "referral_creators");

/** One referral as its reader may see it, or null when it is not theirs to see. */
export async function getReferralDetail(
  db: Executor,
  id: string,
  scope: ReferralScope,
): Promise<ReferralDetail | null> {
  const [row] = await summaryQuery(db, scope).where(and(eq(referrals.id, id), scopeWhere(scope)));
  if (!row) return null;
  const [tipRows, messageRows, hub] = await Promise.all([
    db
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
      .where(eq(referralTips.referralId, id))
      .orderBy(asc(tips.receivedAt), asc(tips.id)),
    db
      .select({
        id: referralMessages.id,
        side: referralMessages.side,
        author: staffUsers.displayName,
        body: referralMessages.body,
        createdAt: referralMessages.createdAt,
      })
      .from(referralMessages)
      .innerJoin(staffUsers, eq(staffUsers.id, referralMessages.authorId))
      .where(eq(referralMessages.referralId, id))
      .orderBy(asc(referralMessages.createdAt), asc(referralMessages.id)),
    scope.kind === "hub" ? hubDetail(db, row) : Promise.resolve(null),
  ]);
  return {
    ...toSummary(row),
    object:
      row.objectRef && row.objectCategory
        ? {
            ref: row.objectRef,
            title: row.objectTitle ?? row.objectRef,
            category: row.objectCategory,
          }
        : null,
    dispositionNote: row.dispositionNote,
    tips: tipRows.map((t) => ({
      ...t,
      country: t.country as ReferralDetail["tips"][number]["country"],
      receivedAt: iso(t.receivedAt),
    })),
    messages: messageRows.map((m) => ({ ...m, createdAt: iso(m.createdAt) })),
    hub,
  };
}

async function hubDetail(
  db: Executor,
  row: { createdById: string | null; suggestedAgencyIds: string[]; overrideReason: string | null },
): Promise<ReferralDetail["hub"]> {
  const [creator] = row.createdById
    ? await db
        .select({ name: authors.displayName })
        .from(authors)
        .where(eq(authors.id, row.createdById))
    : [];
  const suggested =
    row.suggestedAgencyIds.length > 0
      ? await db
          .select({ id: agencies.id, code: agencies.code, name: agencies.name })
          .from(agencies)
          .where(inArray(agencies.id, row.suggestedAgencyIds))
      : [];
  return {
    createdBy: creator?.name ?? null,
    suggestedAgencies: suggested,
    overrideReason: row.overrideReason,
  };
}

export interface LockedReferral {
  id: string;
  agencyId: string;
  status: ReferralStatus;
  disposition: ReferralDisposition | null;
}

/** The referral's state, row-locked until the end of the transaction, if the reader may see it. */
export async function lockReferral(
  tx: Executor,
  id: string,
  scope: ReferralScope,
): Promise<LockedReferral | null> {
  const [row] = await tx
    .select({
      id: referrals.id,
      agencyId: referrals.agencyId,
      status: referrals.status,
      disposition: referrals.disposition,
    })
    .from(referrals)
    .where(and(eq(referrals.id, id), scopeWhere(scope)))
    .for("update");
  return row ?? null;
}

export async function recordReferralAcknowledged(
  tx: Executor,
  id: string,
  by: { actorId: string; at: Date },
): Promise<void> {
  await tx
    .update(referrals)
    .set({ status: "acknowledged", acknowledgedAt: by.at, acknowledgedById: by.actorId })
    .where(eq(referrals.id, id));
}

export async function recordReferralDisposition(
  tx: Executor,
  id: string,
  d: {
    disposition: ReferralDisposition;
    note: string | null;
    actorId: string;
    at: Date;
    /** Set when the disposition also acknowledges the referral. */
    acknowledge: boolean;
  },
): Promise<void> {
  await tx
    .update(referrals)
    .set({
      status: "disposed",
      disposition: d.disposition,
      dispositionNote: d.note,
      disposedAt: d.at,
      disposedById: d.actorId,
      ...(d.acknowledge ? { acknowledgedAt: d.at, acknowledgedById: d.actorId } : {}),
    })
    .where(eq(referrals.id, id));
}

export async function insertReferralMessage(
  tx: Executor,
  m: { referralId: string; side: ReferralMessageSide; authorId: string; body: string; at: Date },
): Promise<void> {
  await tx.insert(referralMessages).values({
    referralId: m.referralId,
    side: m.side,
    authorId: m.authorId,
    body: m.body,
    createdAt: m.at,
  });
}

/** Whether the agency exists and still takes referrals; null when it does not exist. */
export async function agencyAcceptsReferrals(db: Executor, id: string): Promise<boolean | null> {
  const [row] = await db
    .select({ isActive: agencies.isActive })
    .from(agencies)
    .where(eq(agencies.id, id));
  return row ? row.isActive : null;
}
