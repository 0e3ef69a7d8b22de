import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import {
  appendAuditEvent,
  claimOutboxJobs,
  completeOutboxJob,
  extendOutboxLease,
  failOutboxJob,
  releaseOutboxJob,
  type ClaimedOutboxJob,
  type Database,
  type Executor,
} from "@trace/db";
import { describeError, type Logger } from "../logger";

export type { ClaimedOutboxJob };

/**
 * Work to commit together with marking the job done (e.g. "referral delivered" and its audit
 * event), in one transaction. Must use `tx`, never the database directly: on embedded PGlite a
 * query outside the transaction would wait for it forever.
 */
export type OutboxCompletion = (tx: Executor, at: Date) => Promise<void>;

export interface OutboxJobContext {
  /** Aborted when the worker stops before the job is done; pass it to fetch and the like. */
  signal: AbortSignal;
  now(): Date;
  logger: Logger;
}

/**
 * Runs one job. Resolves when the work is done (optionally with a completion to commit with
 * it); throws to have the job retried. Jobs are delivered at least once: a handler must be
 * idempotent (the job's idempotency key is the tool for that).
 */
export type OutboxHandler = (
  job: ClaimedOutboxJob,
  context: OutboxJobContext,
) => Promise<OutboxCompletion | void>;

/**
 * A failure a handler reports on purpose. `reason` is stored as the job's last error and shown to
 * coordinators: a class or a status ("HTTP 503", "timeout"), never content. A permanent failure
 * (the referral no longer exists) is dead-lettered at once instead of retried.
 */
export class OutboxJobError extends Error {
  readonly permanent: boolean;
  constructor(
    readonly reason: string,
    options: { permanent?: boolean } = {},
  ) {
    super(reason);
    this.name = "OutboxJobError";
    this.permanent = options.permanent ?? false;
  }
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/**
 * "Full jitter": a uniformly random delay up to base × 2^(attempt − 1), capped. Spreads the retries
 * of many jobs that failed together (an agency's server was down) instead of bunching them.
 */
export function retryDelayMs(attempt: number, backoff: BackoffOptions, random: () => number) {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(attempt - 1, 52));
  return Math.floor(random() * ceiling);
}

export interface OutboxWorkerOptions {
  database: Database;
  handlers: Readonly<Record<string, OutboxHandler>>;
  logger: Logger;
  now?: () => Date;
  /** Uniform in [0, 1), for jitter. */
  random?: () => number;
  /** Names this worker in `outbox.locked_by`; unique per process. */
  workerId?: string;
  /** Jobs run at the same time by this worker (and claimed per round). */
  concurrency: number;
  leaseMs: number;
  maxAttempts: number;
  backoff: BackoffOptions;
  /** Pause between polls when there is nothing to do. */
  pollIntervalMs: number;
}

export type JobOutcome = "done" | "retry" | "dead" | "lost" | "released";

export interface OutboxWorker {
  readonly workerId: string;
  /** Polls until stopped. */
  start(): void;
  /**
   * Stops claiming, and waits for the jobs in flight. After `graceMs` they are aborted and given
   * back to the queue, uncounted. Resolves when nothing is running any more.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
  /** One round: claims up to `concurrency` due jobs and runs them to the end. For tests and tools. */
  runOnce(): Promise<{ id: number; topic: string; outcome: JobOutcome }[]>;
  /** Polls now rather than at the next interval (a job was just enqueued). */
  wake(): void;
}

export function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { database, handlers, logger } = options;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const workerId = options.workerId ?? defaultWorkerId();
  const topics = Object.keys(handlers);
  const log = logger.child({ worker: workerId });

  const inFlight = new Map<number, Promise<JobOutcome>>();
  const stopController = new AbortController();
  let loop: Promise<void> | null = null;
  let stopping = false;
  // Wakes the polling loop early; a wake-up while the loop is busy is remembered for its next pause.
  let wakeUp: (() => void) | null = null;
  let wokenEarly = false;
  const wake = () => {
    if (wakeUp) wakeUp();
    else wokenEarly = true;
  };

  const claim = (limit: number) =>
    claimOutboxJobs(database.db, { topics, workerId, now: now(), leaseMs: options.leaseMs, limit });

  async function fail(job: ClaimedOutboxJob, error: unknown): Promise<JobOutcome> {
    const at = now();
    const permanent = error instanceof OutboxJobError && error.permanent;
    const lastError = errorReason(error);
    const exhausted = permanent || job.attempts >= options.maxAttempts;
    const retryAt = exhausted
      ? null
      : new Date(at.getTime() + retryDelayMs(job.attempts, options.backoff, random));
    const outcome = await database.db.transaction(async (tx) => {
      const result = await failOutboxJob(tx, { id: job.id, workerId, at, retryAt, lastError });
      if (result === "dead") {
        await appendAuditEvent(tx, {
          at,
          actorId: null,
          action: "delivery.dead_lettered",
          entityType: "delivery",
          entityId: String(job.id),
          reason: `${job.topic}: ${lastError} (attempt ${job.attempts})`,
        });
      }
      return result;
    });
    const fields = { jobId: job.id, topic: job.topic, attempt: job.attempts, error: lastError };
    if (outcome === "dead") log.error(fields, "job dead-lettered");
    else if (outcome === "retry") log.warn({ ...fields, retryAt }, "job failed, will retry");
    else log.warn(fields, "job failed after its lease was taken over");
    return outcome;
  }

  async function run(job: ClaimedOutboxJob): Promise<JobOutcome> {
    const handler = handlers[job.topic];
    // A job whose earlier attempts all killed their worker (or outlived their lease) has no
    // attempt left: dead-letter it without running it once more.
    if (!handler || job.attempts > options.maxAttempts) {
      return fail(
        job,
        new OutboxJobError(handler ? "ran out of attempts (worker lost)" : "no handler", {
          permanent: true,
        }),
      );
    }
    // Keeps the lease alive while a long job runs, so no other worker takes it over.
    const heartbeat = setInterval(
      () => {
        const until = new Date(now().getTime() + options.leaseMs);
        extendOutboxLease(database.db, job.id, workerId, until).catch((error) =>
          log.warn({ jobId: job.id, err: describeError(error) }, "lease extension failed"),
        );
      },
      Math.max(50, Math.floor(options.leaseMs / 3)),
    );
    heartbeat.unref();
    try {
      const completion = await handler(job, { signal: stopController.signal, now, logger: log });
      const at = now();
      await database.db.transaction(async (tx) => {
        // Only the first finisher commits the completion: a second run of the same job (its
        // first worker's lease ran out) finds it done and changes nothing.
        if ((await completeOutboxJob(tx, job.id, at)) && completion) await completion(tx, at);
      });
      log.info({ jobId: job.id, topic: job.topic, attempt: job.attempts }, "job done");
      return "done";
    } catch (error) {
      if (stopController.signal.aborted) {
        await releaseOutboxJob(database.db, job.id, workerId, now());
        log.info({ jobId: job.id, topic: job.topic }, "job given back: worker stopping");
        return "released";
      }
      return fail(job, error);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Runs a job and never rejects: a database failure here is logged and the lease runs out. */
  function launch(job: ClaimedOutboxJob): Promise<JobOutcome> {
    const promise = run(job)
      .catch((error) => {
        log.error({ jobId: job.id, err: describeError(error) }, "job bookkeeping failed");
        return "lost" as const;
      })
      .finally(() => {
        inFlight.delete(job.id);
        wake();
      });
    inFlight.set(job.id, promise);
    return promise;
  }

  function pause(ms: number): Promise<void> {
    if (wokenEarly) {
      wokenEarly = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function poll(): Promise<void> {
    while (!stopping) {
      const free = options.concurrency - inFlight.size;
      let claimed = 0;
      if (free > 0) {
        try {
          const jobs = await claim(free);
          claimed = jobs.length;
          for (const job of jobs) void launch(job);
        } catch (error) {
          log.warn({ err: describeError(error) }, "claiming jobs failed");
        }
      }
      // A full batch means there may be more waiting: claim again at once (or when a slot frees).
      if (free > 0 && claimed === free && inFlight.size < options.concurrency) continue;
      if (stopping) break;
      await pause(options.pollIntervalMs);
    }
  }

  return {
    workerId,
    start() {
      if (loop || stopping) return;
      log.info({ topics, concurrency: options.concurrency }, "outbox worker started");
      loop = poll();
    },
    async stop({ graceMs = options.leaseMs } = {}) {
      if (stopping) {
        await loop;
        return;
      }
      stopping = true;
      wake();
      await loop;
      const running = [...inFlight.values()];
      if (running.length) {
        const graceOver = new Promise<"timeout">((resolve) => {
          const timer = setTimeout(() => resolve("timeout"), graceMs);
          timer.unref();
        });
        const result = await Promise.race([Promise.all(running), graceOver]);
        if (result === "timeout") {
          stopController.abort();
          await Promise.all([...inFlight.values()]);
        }
      }
      if (loop) log.info("outbox worker stopped");
    },
    async runOnce() {
      const jobs = await claim(options.concurrency);
      const outcomes = await Promise.all(jobs.map(launch));
      return jobs.map((job, i) => ({ id: job.id, topic: job.topic, outcome: outcomes[i]! }));
    },
    wake,
  };
}

/** What is stored and shown of a failure: the handler's own reason, or a class and a code. */
export function errorReason(error: unknown): string {
  if (error instanceof OutboxJobError) return error.reason;
  const { type, code } = describeError(error);
  return code ? `${type} ${code}` : type;
}
