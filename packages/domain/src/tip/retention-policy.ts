/**
 * How long Trace keeps what identifies a tipster, in whole days. The privacy page quotes these
 * numbers, so they are configuration (RETENTION_CLOSED_DAYS, RETENTION_SPAM_DAYS), not constants
 * scattered in queries.
 *
 * A file of its own, with no imports: the public site's privacy page and tip form read the
 * defaults without pulling in the tip schemas (and zod) that retention.ts depends on.
 */
export interface RetentionPolicy {
  /** Days after a tip is closed before its contact details and photos are deleted. */
  closedDays: number;
  /** Days after a tip is marked spam before it is deleted entirely. */
  spamDays: number;
}

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = { closedDays: 90, spamDays: 30 };
