import { alias } from "drizzle-orm/pg-core";
import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  inArray,
  lt,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import {
  TIP_COUNT_CAP,
  type PublicTipStatus,
  type TipTrustAssessment,
  type TipDetail,
  type TipListInput,
  type TipListItem,
  type TipPage,
  type TipPriority,
  type TipStatusView,
  type TipSubmission,
  type TriageStatus,
} from "@trace/domain";
import type { Executor } from "../client";
import { listTipPhotos } from "./images";
import {
  messages,
  objectImages,
  spentProofsOfWork,
  staffUsers,
  tipEvents,
  tips,
  traceObjects,
} from "../schema";
import { iso } from "./serialize";
import { listStaffThread } from "./messages";

export interface NewTip {
  submission: TipSubmission;
  objectId: string | null;
  receiptHash: string;
  contactCiphertext: string | null;
  triageStatus: TriageStatus;
  publicStatus: PublicTipStatus;
  priority: TipPriority;
  /** The abuse heuristics' verdict; normal when absent (seeded demo tips). */
  trust?: TipTrustAssessment;
  receivedAt: Date;
}

/** Inserts the tip and its first history entry. Call inside the submission transaction. */
export async function insertTip(db: Executor, tip: NewTip): Promise<{ id: string }> {
  const { submission: s } = tip;
  const [row] = await db
    .insert(tips)
    .values({
      objectId: tip.objectId,
      country: s.answer.country ?? null,
      placeOrShop: s.answer.placeOrShop ?? null,
      brandOrProduct: s.answer.brandOrProduct ?? null,
      timePeriod: s.answer.timePeriod ?? null,
      evidenceLinks: s.answer.evidenceLinks,
      confidence: s.answer.confidence,
      text: s.text ?? null,
      language: s.language,
      contactCiphertext: tip.contactCiphertext,
      concernsOtherAbuse: s.concernsOtherAbuse,
      triageStatus: tip.triageStatus,
      publicStatus: tip.publicStatus,
      priority: tip.priority,
      trust: tip.trust?.trust ?? "normal",
      trustReasons: tip.trust?.reasons ?? [],
      receiptHash: tip.receiptHash,
      receivedAt: tip.receivedAt,
      updatedAt: tip.receivedAt,
    })
    .returning({ id: tips.id });
  await db.insert(tipEvents).values({
    tipId: row!.id,
    at: tip.receivedAt,
    triageStatus: tip.triageStatus,
    publicStatus: tip.publicStatus,
  });
  return row!;
}

export interface TipTransitionRecord {
  tipId: string;
  triageStatus: TriageStatus;
  publicStatus: PublicTipStatus;
  priority: TipPriority;
  duplicateOfId: string | null;
  actorId: string;
  at: Date;
  note?: string | null;
}

/**
 * Stores a triage step already decided by `transitionTip` and appends it to the tip's history.
 * Call inside the transaction of the change.
 */
export async function recordTipTransition(db: Executor, t: TipTransitionRecord): Promise<void> {
  await db
    .update(tips)
    .set({
      triageStatus: t.triageStatus,
      publicStatus: t.publicStatus,
      priority: t.priority,
      duplicateOfId: t.duplicateOfId,
      updatedAt: t.at,
    })
    .where(eq(tips.id, t.tipId));
  await db.insert(tipEvents).values({
    tipId: t.tipId,
    at: t.at,
    actorId: t.actorId,
    triageStatus: t.triageStatus,
    publicStatus: t.publicStatus,
    note: t.note ?? null,
  });
}

/**
 * The tipster's view of a tip. `isNew` marks staff messages the tipster has not seen; the caller
 * marks exactly those (`unseenIds`) read once it has shown them.
 */
export async function getTipStatusByReceiptHash(
  db: Executor,
  receiptHash: string,
): Promise<(TipStatusView & { tipId: string; unseenIds: string[] }) | null> {
  const [row] = await db
    .select({
      id: tips.id,
      status: tips.publicStatus,
      receivedAt: tips.receivedAt,
      objectRef: traceObjects.ref,
    })
    .from(tips)
    .leftJoin(traceObjects, eq(traceObjects.id, tips.objectId))
    .where(eq(tips.receiptHash, receiptHash));
  if (!row) return null;
  const thread = await db
    .select({
      id: messages.id,
      author: messages.author,
      body: messages.body,
      createdAt: messages.createdAt,
      readAt: messages.readAt,
    })
    .from(messages)
    .where(eq(messages.tipId, row.id))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const isNew = (m: (typeof thread)[number]) => m.author === "staff" && m.readAt === null;
  return {
    tipId: row.id,
    unseenIds: thread.filter(isNew).map((m) => m.id),
    status: row.status,
    receivedAt: iso(row.receivedAt),
    objectRef: row.objectRef,
    messages: thread.map((m) => ({
      author: m.author,
      body: m.body,
      createdAt: iso(m.createdAt),
      isNew: isNew(m),
    })),
  };
}

const EXCERPT_LENGTH = 140;

/** Tipster replies no staff member has seen yet, per tip row of the outer query. */
const unreadReplies = sql<number>`(select count(*)::int from ${messages} where ${messages.tipId} = ${tips.id} and ${messages.author} = 'tipster' and ${messages.readAt} is null)`;

const assignees = alias(staffUsers, "assignees");

/** Closed or passed-on tips leave the urgent queue even if their priority stays urgent. */
const OPEN_TRIAGE: TriageStatus[] = ["new", "useful", "urgent_safeguarding"];

/**
 * Untriaged low-trust tips wait in their own queue, out of the main pile; once a person has
 * triaged one it is an ordinary tip of the inbox again. Written as a negation of the one thing
 * hidden so it reads as a row filter while the inbox walks its sort index (listTips).
 */
const inMainPile = sql`not (${tips.trust} = 'low' and ${tips.triageStatus} = 'new')`;

/**
 * The inbox. Each order has an index to walk (tips_inbox_priority_idx, tips_inbox_received_idx),
 * so a page reads about as many rows as it shows unless the filters are rare, where the
 * filter's own index (or the search index) wins instead; and the count stops at TIP_COUNT_CAP.
 * `viewerId` is the staff member asking: the "mine" queue is their assigned tips.
 */
export async function listTips(
  db: Executor,
  input: TipListInput,
  viewerId: string | null = null,
): Promise<TipPage> {
  const queue = input.queue ?? "all";
  const objectRef = input.objectRef;
  // The object's id is looked up first so the planner sees the real value and its statistics:
  // one object may have a tenth of all tips, or a handful.
  const [object] = objectRef
    ? await db
        .select({ id: traceObjects.id })
        .from(traceObjects)
        .where(eq(traceObjects.ref, objectRef))
    : [];
  const objectId = object?.id;
  const where = and(
    queue === "all" || queue === "new" ? inMainPile : undefined,
    queue === "low_trust" ? eq(tips.trust, "low") : undefined,
    queue === "new" ? eq(tips.triageStatus, "new") : undefined,
    queue === "urgent"
      ? and(
          or(eq(tips.priority, "urgent"), eq(tips.triageStatus, "urgent_safeguarding")),
          inArray(tips.triageStatus, OPEN_TRIAGE),
        )
      : undefined,
    queue === "mine" ? (viewerId ? eq(tips.assigneeId, viewerId) : sql`false`) : undefined,
    input.triageStatus ? eq(tips.triageStatus, input.triageStatus) : undefined,
    objectRef === undefined ? undefined : objectId ? eq(tips.objectId, objectId) : sql`false`,
    input.country ? eq(tips.country, input.country) : undefined,
    input.language ? eq(tips.language, input.language) : undefined,
    input.search
      ? sql`${tips.searchVector} @@ websearch_to_tsquery('tip_search', ${input.search})`
      : undefined,
  );
  // In the urgent queue, safeguarding cases come before every other order.
  const safeguardingFirst: SQL[] =
    queue === "urgent"
      ? [desc(sql`(${tips.triageStatus} = 'urgent_safeguarding' or ${tips.concernsOtherAbuse})`)]
      : [];
  // A search keeps the chosen order (no relevance ranking): triage works by priority and age.
  const order: SQL[] =
    input.sort === "oldest"
      ? [asc(tips.receivedAt), asc(tips.id)]
      : input.sort === "newest"
        ? [desc(tips.receivedAt), desc(tips.id)]
        : [desc(tips.priority), asc(tips.receivedAt), asc(tips.id)];
  const counted = db
    .select({ one: sql`1` })
    .from(tips)
    .where(where)
    .limit(TIP_COUNT_CAP + 1)
    .as("counted");
  // The page's ids first, from tips alone: rows skipped by the offset then cost an index step,
  // not a join and an unread-replies count each.
  const page = db
    .select({ id: tips.id })
    .from(tips)
    .where(where)
    .orderBy(...safeguardingFirst, ...order)
    .limit(input.limit)
    .offset(input.offset)
    .as("page");
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({
        id: tips.id,
        objectRef: traceObjects.ref,
        objectTitle: sql<string | null>`${traceObjects.title}->>'en'`,
        country: tips.country,
        language: tips.language,
        confidence: tips.confidence,
        triageStatus: tips.triageStatus,
        priority: tips.priority,
        concernsOtherAbuse: tips.concernsOtherAbuse,
        trust: tips.trust,
        excerpt: sql<string>`left(coalesce(${tips.text}, concat_ws(' · ', ${tips.brandOrProduct}, ${tips.placeOrShop}), ''), ${EXCERPT_LENGTH})`,
        receivedAt: tips.receivedAt,
        assigneeName: assignees.displayName,
        unreadReplies,
      })
      .from(page)
      .innerJoin(tips, eq(tips.id, page.id))
      .leftJoin(traceObjects, eq(traceObjects.id, tips.objectId))
      .leftJoin(assignees, eq(assignees.id, tips.assigneeId))
      .orderBy(...safeguardingFirst, ...order),
    db.select({ total: count() }).from(counted),
  ]);
  const total = totalRow?.total ?? 0;
  return {
    items: rows.map((r) => ({
      ...r,
      country: r.country as TipListItem["country"],
      receivedAt: iso(r.receivedAt),
    })),
    total: Math.min(total, TIP_COUNT_CAP),
    isTotalCapped: total > TIP_COUNT_CAP,
  };
}

/** Every column of a tip but its search vector, which only the inbox's search reads. */
const { searchVector: _searchVector, ...tipColumns } = getTableColumns(tips);

export async function getTipDetail(db: Executor, id: string): Promise<TipDetail | null> {
  const [row] = await db.select(tipColumns).from(tips).where(eq(tips.id, id));
  if (!row) return null;
  const [object] = row.objectId
    ? await db
        .select({
          id: traceObjects.id,
          ref: traceObjects.ref,
          title: sql<string>`${traceObjects.title}->>'en'`,
          category: traceObjects.category,
          status: traceObjects.status,
          coverImageId: objectImages.id,
        })
        .from(traceObjects)
        .leftJoin(
          objectImages,
          and(eq(objectImages.objectId, traceObjects.id), eq(objectImages.position, 0)),
        )
        .where(eq(traceObjects.id, row.objectId))
    : [];
  const history = await db
    .select({
      kind: tipEvents.kind,
      at: tipEvents.at,
      actorName: staffUsers.displayName,
      triageStatus: tipEvents.triageStatus,
      publicStatus: tipEvents.publicStatus,
      note: tipEvents.note,
    })
    .from(tipEvents)
    .leftJoin(staffUsers, eq(staffUsers.id, tipEvents.actorId))
    .where(eq(tipEvents.tipId, id))
    .orderBy(asc(tipEvents.at), asc(tipEvents.id));
  const [assignee] = row.assigneeId
    ? await db
        .select({ id: staffUsers.id, displayName: staffUsers.displayName })
        .from(staffUsers)
        .where(eq(staffUsers.id, row.assigneeId))
    : [];
  const thread = await listStaffThread(db, id);
  const photos = await listTipPhotos(db, id);
  return {
    id: row.id,
    answer: {
      country: (row.country ?? undefined) as TipDetail["answer"]["country"],
      placeOrShop: row.placeOrShop ?? undefined,
      brandOrProduct: row.brandOrProduct ?? undefined,
      timePeriod: row.timePeriod ?? undefined,
      evidenceLinks: row.evidenceLinks,
      confidence: row.confidence,
    },
    text: row.text,
    language: row.language,
    hasContact: row.contactCiphertext !== null,
    concernsOtherAbuse: row.concernsOtherAbuse,
    triageStatus: row.triageStatus,
    publicStatus: row.publicStatus,
    priority: row.priority,
    duplicateOfId: row.duplicateOfId,
    trust: row.trust,
    trustReasons: row.trustReasons,
    receivedAt: iso(row.receivedAt),
    object: object ?? null,
    history: history.map((h) => ({ ...h, at: iso(h.at) })),
    assignee: assignee ?? null,
    messages: thread,
    photos,
  };
}

/**
 * Marks a proof-of-work challenge as spent, inside the submission's transaction; false when it
 * was spent before (a replay). Concurrent spends of one challenge serialise on the primary key:
 * the second waits for the first to commit, then finds it.
 */
export async function spendProofOfWork(
  db: Executor,
  challengeDigest: string,
  expiresAt: Date,
): Promise<boolean> {
  const inserted = await db
    .insert(spentProofsOfWork)
    .values({ challengeDigest, expiresAt })
    .onConflictDoNothing()
    .returning({ challengeDigest: spentProofsOfWork.challengeDigest });
  return inserted.length === 1;
}

/**
 * Forgets spent challenges past their expiry (a replay of one fails on its expiry anyway). Run
 * on its own, outside a submission's transaction, so it never holds up a tip.
 */
export async function deleteExpiredProofsOfWork(db: Executor, now: Date): Promise<number> {
  const deleted = await db
    .delete(spentProofsOfWork)
    .where(lt(spentProofsOfWork.expiresAt, now))
    .returning({ challengeDigest: spentProofsOfWork.challengeDigest });
  return deleted.length;
}
