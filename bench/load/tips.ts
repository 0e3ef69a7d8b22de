import { randomBytes } from "node:crypto";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { and, count, like, sql } from "drizzle-orm";
import { schema, type Database } from "@trace/db";

interface ChallengeAnswer {
  result: { data: { challenge: Challenge; formTicket: string; expiresInSeconds: number } };
}

const COUNTRIES = ["BE", "NL", "FR", "DE", "PL", "ES", "IT", "PT"] as const;
const LANGUAGES = ["en", "fr", "nl", "de", "pl", "es", "it", "pt"] as const;
const CONFIDENCES = ["guess", "think_so", "certain"] as const;

export interface TipPool {
  bodies: string[];
  /** The text every tip of this pool starts with, to count them in the database afterwards. */
  marker: string;
  /** When the last challenge was handed out (its form ticket's time). */
  lastIssuedAt: number;
  /** Seconds the server gives a challenge before it expires. */
  challengeTtlSeconds: number;
  prepareSeconds: number;
}

/**
 * Tip bodies as the site's form sends them, each with its own challenge fetched from
 * `tips.challenge` and solved (altcha-lib, as the form's worker does), its form ticket, an empty
 * honeypot and an idempotency key; prepared before the timed phase so that it measures the
 * server, not the solver. About published objects that accept tips, when there are any.
 */
export async function prepareTipPool(options: {
  publicUrl: string;
  size: number;
  objectRefs: string[];
  concurrency?: number;
}): Promise<TipPool> {
  const started = performance.now();
  const marker = `Load test tip ${randomBytes(4).toString("hex")}`;
  const bodies: string[] = new Array(options.size);
  let next = 0;
  let lastIssuedAt = 0;
  let ttl = 0;
  const lane = async () => {
    while (next < options.size) {
      const i = next++;
      const res = await fetch(`${options.publicUrl}/trpc/tips.challenge`);
      if (res.status !== 200) throw new Error(`tips.challenge answered ${res.status}`);
      const { challenge, formTicket, expiresInSeconds } = ((await res.json()) as ChallengeAnswer)
        .result.data;
      lastIssuedAt = Date.now();
      ttl = expiresInSeconds;
      const solution = await solveChallenge({ challenge, deriveKey });
      if (!solution) throw new Error("a proof-of-work challenge could not be solved");
      const proofOfWork = Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
      const objectRef = options.objectRefs.length
        ? options.objectRefs[i % options.objectRefs.length]
        : undefined;
      bodies[i] = JSON.stringify({
        ...(objectRef ? { objectRef } : {}),
        answer: {
          country: COUNTRIES[i % COUNTRIES.length],
          confidence: CONFIDENCES[i % CONFIDENCES.length],
        },
        text: `${marker} #${i}: I think I saw this pattern in a shop window.`,
        language: LANGUAGES[i % LANGUAGES.length],
        honeypot: "",
        formTicket,
        proofOfWork,
        idempotencyKey: randomBytes(24).toString("base64url"),
      });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 16 }, lane));
  return {
    bodies,
    marker,
    lastIssuedAt,
    challengeTtlSeconds: ttl,
    prepareSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/** Hands out each prepared body once; null when they are used up. */
export function poolFeeder(pool: TipPool): { next: () => string | null; used: () => number } {
  let i = 0;
  return {
    next: () => (i < pool.bodies.length ? pool.bodies[i++]! : null),
    used: () => i,
  };
}

/** How this pool's tips were stored, by trust and trust reasons. */
export async function countPoolTips(
  database: Database,
  marker: string,
): Promise<{ total: number; byTrust: Record<string, number>; lowTrustReasons: string[] }> {
  const rows = await database.db
    .select({ trust: schema.tips.trust, n: count() })
    .from(schema.tips)
    .where(like(schema.tips.text, `${marker} #%`))
    .groupBy(schema.tips.trust);
  const reasons = await database.db
    .selectDistinct({ reason: sql<string>`unnest(${schema.tips.trustReasons})::text` })
    .from(schema.tips)
    .where(and(like(schema.tips.text, `${marker} #%`), sql`${schema.tips.trust} = 'low'`));
  const byTrust = Object.fromEntries(rows.map((r) => [r.trust, r.n]));
  return {
    total: rows.reduce((sum, r) => sum + r.n, 0),
    byTrust,
    lowTrustReasons: reasons.map((r) => r.reason),
  };
}
