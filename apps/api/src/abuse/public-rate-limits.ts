import { createHmac, randomBytes } from "node:crypto";
import type { Context as HonoContext } from "hono";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { clientAddress } from "./client-address";

/** So many actions per window, per bucket (fixed windows: a window starts at a bucket's first action). */
export interface Rate {
  points: number;
  windowSeconds: number;
}

export interface RateLimitConfig {
  /** `tips.submit`, every attempt (including refused ones). */
  tipSubmissions: Rate;
  /** `tips.status` and `tips.reply` together, found or not. */
  receiptLookups: Rate;
  /**
   * Look-ups of a receipt code that matches no tip: the brute-force budget. Tighter than
   * `receiptLookups`, and only failures count, so a tipster checking their own code again and
   * again never runs out while someone guessing codes is slowed to a crawl.
   */
  receiptFailures: Rate;
  /** `POST /public-api/tip-photos` (a tip takes up to three photos). */
  tipPhotoUploads: Rate;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  tipSubmissions: { points: 10, windowSeconds: 10 * 60 },
  receiptLookups: { points: 30, windowSeconds: 10 * 60 },
  receiptFailures: { points: 10, windowSeconds: 60 * 60 },
  tipPhotoUploads: { points: 20, windowSeconds: 10 * 60 },
};

/** The bucket key lives this long; no window may outlast it (its bucket would be cut short). */
export const KEY_ROTATION_MS = 24 * 60 * 60 * 1000;

const RATE_PATTERN = /^(\d+)\s*\/\s*(\d+)\s*(s|m|h)$/;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;

/** Reads a rate written as `<count>/<window>`, e.g. `10/10m`, `30/600s`, `5/1h`. */
export function parseRate(text: string): Rate | null {
  const match = RATE_PATTERN.exec(text.trim());
  if (!match) return null;
  const points = Number(match[1]);
  const windowSeconds = Number(match[2]) * UNIT_SECONDS[match[3] as keyof typeof UNIT_SECONDS];
  if (points < 1 || windowSeconds < 1 || windowSeconds * 1000 > KEY_ROTATION_MS) return null;
  return { points, windowSeconds };
}

export type Throttled = { ok: false; retryAfterSeconds: number };
export type Verdict = { ok: true } | Throttled;

/** A receipt look-up that was let through: say whether the code matched a tip. */
export interface ReceiptLookup {
  ok: true;
  /** The code matched: the look-up does not count against the failure budget. */
  found(): Promise<void>;
}

/** The limits as they apply to one request's sender. */
export interface ClientRateLimits {
  take(action: "tipSubmission" | "tipPhotoUpload"): Promise<Verdict>;
  /**
   * Counts a receipt look-up against both budgets before the code is looked up, so concurrent
   * guesses cannot all pass a check made before any of them failed; `found()` refunds the failure.
   */
  beginReceiptLookup(): Promise<ReceiptLookup | Throttled>;
}

export interface PublicRateLimits {
  /** The sender's limits, from the socket or the trusted proxies' `X-Forwarded-For`. */
  forRequest(c: HonoContext): ClientRateLimits;
  /** The limits of a known address (or `null`, the shared bucket of senders with none). */
  forAddress(address: string | null): ClientRateLimits;
  /** Replaces the key and drops every bucket once the key is a day old; see `startKeyRotation`. */
  rotateIfDue(): void;
}

export interface PublicRateLimitOptions {
  limits: RateLimitConfig;
  /** Proxies in front of the public listener whose `X-Forwarded-For` is believed (0: none). */
  trustedProxies: number;
  /** Milliseconds since the epoch; injected so tests can move the clock past a rotation. */
  now?: () => number;
  /** A fresh key for each day; injected so tests can tell keys apart. */
  newKey?: () => Buffer;
}

type LimiterName = keyof RateLimitConfig;

interface Epoch {
  key: Buffer;
  startedAt: number;
  limiters: Record<LimiterName, RateLimiterMemory>;
}

/** Senders whose address is unknown share one bucket rather than escaping every limit. */
const UNATTRIBUTED = "unattributed";

/**
 * Per-sender limits on the public listener that remember nobody. A sender's bucket is named by
 * HMAC-SHA256(day key, address), truncated to 128 bits; the day key is random, exists only in
 * this process's memory, and is replaced — with every bucket — at start and every 24 hours. No
 * address is kept, and a bucket id cannot be tied to an address once its day is over, not even
 * by this process. docs/adr/0007-privacy-preserving-rate-limits.md says why.
 *
 * Limits are per process: behind a load balancer each instance counts on its own, so the
 * effective limit is at most the configured one times the number of instances.
 */
export function createPublicRateLimits(options: PublicRateLimitOptions): PublicRateLimits {
  const now = options.now ?? Date.now;
  const newKey = options.newKey ?? (() => randomBytes(32));
  const newEpoch = (): Epoch => {
    const limiters = {} as Record<LimiterName, RateLimiterMemory>;
    for (const name of Object.keys(options.limits) as LimiterName[]) {
      const { points, windowSeconds } = options.limits[name];
      limiters[name] = new RateLimiterMemory({ points, duration: windowSeconds });
    }
    return { key: newKey(), startedAt: now(), limiters };
  };
  let epoch = newEpoch();

  const rotateIfDue = () => {
    const elapsed = now() - epoch.startedAt;
    // A clock set back is treated as due too: better a fresh key than one of unknown age.
    if (elapsed >= KEY_ROTATION_MS || elapsed < 0) epoch = newEpoch();
  };

  const forAddress = (address: string | null): ClientRateLimits => {
    const current = () => {
      rotateIfDue();
      const bucket = createHmac("sha256", epoch.key)
        .update(address ?? UNATTRIBUTED)
        .digest("base64url")
        .slice(0, 22);
      return { bucket, limiters: epoch.limiters };
    };
    return {
      async take(action) {
        const { bucket, limiters } = current();
        return consume(
          action === "tipSubmission" ? limiters.tipSubmissions : limiters.tipPhotoUploads,
          bucket,
        );
      },
      async beginReceiptLookup() {
        const { bucket, limiters } = current();
        const lookup = await consume(limiters.receiptLookups, bucket);
        if (!lookup.ok) return lookup;
        const failure = await consume(limiters.receiptFailures, bucket);
        if (!failure.ok) return failure;
        return {
          ok: true,
          async found() {
            // The same limiter object as reserved from, even if the key rotated meanwhile.
            await limiters.receiptFailures.reward(bucket, 1);
          },
        };
      },
    };
  };

  return {
    forAddress,
    forRequest: (c) => forAddress(clientAddress(c, options.trustedProxies)),
    rotateIfDue,
  };
}

async function consume(limiter: RateLimiterMemory, bucket: string): Promise<Verdict> {
  try {
    await limiter.consume(bucket, 1);
    return { ok: true };
  } catch (rejection) {
    // The memory store rejects with the bucket's state when it is over the limit, and with an
    // Error only for a programming mistake.
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
  }
}

/**
 * Rotates the key on time even when no public request comes to do it, so yesterday's key never
 * outlives its day in memory. Returns the function that stops the timer.
 */
export function startKeyRotation(limits: PublicRateLimits, everyMs = 60 * 1000): () => void {
  const timer = setInterval(() => limits.rotateIfDue(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
