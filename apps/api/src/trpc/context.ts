import type { Database, MediaStore } from "@trace/db";
import type { StaffUser } from "@trace/domain";
import type { ClientRateLimits, PublicRateLimits } from "../abuse/public-rate-limits";
import type { SubmissionTrustConfig } from "../abuse/submission-trust";
import type { PublicReadCache } from "../http/public-read-cache";
import type { ImageLimits } from "../images/limits";
import type { Logger } from "../logger";

/** What a request handler may use; created once at boot, shared by both listeners. */
export interface Deps {
  database: Database;
  media: MediaStore;
  logger: Logger;
  receiptHashKey: Buffer;
  contactEncryptionKey: Buffer;
  totpEncryptionKey: Buffer;
  /** Encrypts agency webhook signing secrets at rest. */
  webhookEncryptionKey: Buffer;
  /** Encrypts the receipt codes kept for tip idempotency keys (services/tip-idempotency.ts). */
  idempotencyEncryptionKey: Buffer;
  /** Signs the tip forms' tickets (abuse/form-ticket.ts). */
  formTicketKey: Buffer;
  /** Signs the proof-of-work challenges of the tip form (abuse/submission-trust.ts). */
  proofOfWorkKey: Buffer;
  /** Minimum fill time and proof-of-work cost of tip submissions. */
  submissionTrust: SubmissionTrustConfig;
  /** Injected so tests can move the clock. */
  now(): Date;
  random(byteCount: number): Uint8Array;
  /** Upload limits for every image route. */
  imageLimits: ImageLimits;
  /** Per-sender limits of the public listener, keyed by a daily HMAC of the address. */
  rateLimits: PublicRateLimits;
  /** The public object queries kept in memory (http/public-read-cache.ts); none in most tests. */
  publicReadCache?: PublicReadCache | undefined;
}

export type Context = {
  deps: Deps;
  requestId: string;
  log: Logger;
  /** Response headers the procedure may add to (Set-Cookie). */
  resHeaders: Headers;
  /** Set on the staff surface when the request carries a valid session. */
  session: { tokenHash: string; user: StaffUser } | null;
  isSecure: boolean;
  /** The sender's rate limits; the address itself is not in the context. */
  rateLimit: ClientRateLimits;
};
