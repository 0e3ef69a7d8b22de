import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { outbox } from "../schema";

export interface OutboxJob {
  topic: string;
  /** Unique per job: enqueueing the same key twice keeps the first job. */
  idempotencyKey: string;
  payload: Record<string, unknown>;
}

/**
 * Writes a job in the caller's transaction, so the job exists if and only if the change it
 * announces was committed. The worker picks it up from there.
 */
export async function enqueueOutboxJob(db: Executor, job: OutboxJob): Promise<void> {
  await db.insert(outbox).values(job).onConflictDoNothing({ target: outbox.idempotencyKey });
}

/** A job as a worker holds it: `attempts` already counts the attempt being made. */
export interface ClaimedOutboxJob {
  id: number;
  topic: string;
  idempotencyKey: string;
  payload: Record<string, unknown>;
  attempts: number;
  lockedUntil: Date;
  createdAt: Date;
}

/**
 * Takes up to `limit` jobs that are due, in one statement: not done, not dead, available, and
 * either unlocked or held by a worker whose lease ran out (it died). `FOR UPDATE SKIP LOCKED`
 * lets concurrent workers take disjoint sets without waiting on each other; PostgreSQL rechecks
 * the conditions on the locked row, so a job another worker has just claimed is not taken again.
 * Each claim counts as an attempt, so a job that kills its worker every time still runs out.
 */
export async function claimOutboxJobs(
  db: Executor,
  options: {
    topics: readonly string[];
    workerId: string;
    now: Date;
    leaseMs: number;
    limit: number;
  },
): Promise<ClaimedOutboxJob[]> {
  if (options.topics.length === 0 || options.limit < 1) return [];
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        isNull(outbox.processedAt),
        isNull(outbox.deadAt),
        lte(outbox.availableAt, options.now),
        inArray(outbox.topic, [...options.topics]),
        or(isNull(outbox.lockedUntil), lte(outbox.lockedUntil, options.now)),
      ),
    )
    .orderBy(asc(outbox.availableAt), asc(outbox.id))
    .limit(options.limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      lockedBy: options.workerId,
      lockedUntil: new Date(options.now.getTime() + options.leaseMs),
    })
    .where(inArray(outbox.id, due))
    .returning();
  return rows
    .map((r) => ({
      id: r.id,
      topic: r.topic,
      idempotencyKey: r.idempotencyKey,
      payload: r.payload as Record<string, unknown>,
      attempts: r.attempts,
      lockedUntil: r.lockedUntil!,
      createdAt: r.createdAt,
    }))
    .sort((a, b) => a.id - b.id);
}

const heldBy = (id: number, workerId: string) =>
  and(eq(outbox.id, id), eq(outbox.lockedBy, workerId), isNull(outbox.processedAt));

/** Keeps a long job's lease alive. False when the worker no longer holds the job. */
export async function extendOutboxLease(
  db: Executor,
  id: number,
  workerId: string,
  until: Date,
): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ lockedUntil: until })
    .where(heldBy(id, workerId))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/**
 * Marks the job done. Whoever finishes first wins, even a worker whose lease has run out: the work
 * is done, and a second worker running the same job (at-least-once) finds it done and stops.
 * False when it was already done.
 */
export async function completeOutboxJob(db: Executor, id: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ processedAt: at, deadAt: null, lockedBy: null, lockedUntil: null })
    .where(and(eq(outbox.id, id), isNull(outbox.processedAt)))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/**
 * Records a failed attempt: the job becomes available again at `retryAt`, or is dead-lettered
 * when `retryAt` is null. Only the worker still holding the job may do this; after its lease ran
 * out another worker owns the job. `lastError` must be a class or a status, never content.
 */
export async function failOutboxJob(
  db: Executor,
  options: { id: number; workerId: string; at: Date; retryAt: Date | null; lastError: string },
): Promise<"retry" | "dead" | "lost"> {
  const rows = await db
    .update(outbox)
    .set({
      lastError: options.lastError.slice(0, 500),
      lockedBy: null,
      lockedUntil: null,
      ...(options.retryAt ? { availableAt: options.retryAt } : { deadAt: options.at }),
    })
    .where(heldBy(options.id, options.workerId))
    .returning({ id: outbox.id });
  if (rows.length === 0) return "lost";
  return options.retryAt ? "retry" : "dead";
}

/**
 * Gives a job back without counting the attempt (the worker is stopping, not the job failing):
 * it is available again at once.
 */
export async function releaseOutboxJob(
  db: Executor,
  id: number,
  workerId: string,
  at: Date,
): Promise<void> {
  await db
    .update(outbox)
    .set({
      attempts: sql`greatest(${outbox.attempts} - 1, 0)`,
      lockedBy: null,
      lockedUntil: null,
      availableAt: at,
    })
    .where(heldBy(id, workerId));
}

export interface DeadOutboxJob {
  id: number;
  topic: string;
  payload: Record<string, unknown>;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deadAt: Date;
}

/** Dead letters, most recent first. */
export async function listDeadOutboxJobs(
  db: Executor,
  page: { limit: number; offset: number },
): Promise<{ items: DeadOutboxJob[]; total: number }> {
  const dead = and(isNotNull(outbox.deadAt), isNull(outbox.processedAt));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: outbox.id,
        topic: outbox.topic,
        payload: outbox.payload,
        attempts: outbox.attempts,
        lastError: outbox.lastError,
        createdAt: outbox.createdAt,
        deadAt: outbox.deadAt,
      })
      .from(outbox)
      .where(dead)
      .orderBy(desc(outbox.deadAt), desc(outbox.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(outbox).where(dead),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      payload: r.payload as Record<string, unknown>,
      deadAt: r.deadAt!,
    })),
    total: total!.n,
  };
}

/**
 * Puts a dead letter back in the queue with a fresh set of attempts. Only a dead job can be
 * redelivered: a pending one is already on its way, a done one needs nothing.
 */
export async function redeliverOutboxJob(
  db: Executor,
  id: number,
  at: Date,
): Promise<{ id: number; topic: string; availableAt: Date } | "not_found" | "not_dead"> {
  const rows = await db
    .update(outbox)
    .set({ deadAt: null, attempts: 0, availableAt: at, lockedBy: null, lockedUntil: null })
    .where(and(eq(outbox.id, id), isNotNull(outbox.deadAt), isNull(outbox.processedAt)))
    .returning({ id: outbox.id, topic: outbox.topic, availableAt: outbox.availableAt });
  if (rows[0]) return rows[0];
  const [exists] = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.id, id));
  return exists ? "not_dead" : "not_found";
}

/** Jobs not yet done, per topic: waiting (first try or retry) and dead. */
export async function summarizeOutbox(db: Executor): Promise<
  {
    topic: string;
    pending: number;
    retrying: number;
    dead: number;
    oldestPendingAt: Date | null;
  }[]
> {
  const isPending = sql`${outbox.deadAt} is null`;
  const rows = await db
    .select({
      topic: outbox.topic,
      pending: sql<number>`count(*) filter (where ${isPending})`.mapWith(Number),
      retrying:
        sql<number>`count(*) filter (where ${isPending} and ${outbox.lastError} is not null)`.mapWith(
          Number,
        ),
      dead: sql<number>`count(*) filter (where ${outbox.deadAt} is not null)`.mapWith(Number),
      oldestPendingAt:
        sql<Date | null>`min(${outbox.createdAt}) filter (where ${isPending})`.mapWith(
          outbox.createdAt,
        ),
    })
    .from(outbox)
    .where(isNull(outbox.processedAt))
    .groupBy(outbox.topic)
    .orderBy(asc(outbox.topic));
  return rows;
}

/** One job as stored, for tests and tools. */
export async function findOutboxJob(db: Executor, idempotencyKey: string) {
  const [row] = await db.select().from(outbox).where(eq(outbox.idempotencyKey, idempotencyKey));
  return row ?? null;
}
