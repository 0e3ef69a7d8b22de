import { createHmac } from "node:crypto";
import { REFERRAL_WEBHOOK_EVENT, WEBHOOK_HEADERS } from "@trace/domain";
import { describeError } from "../logger";
import { OutboxJobError } from "../jobs/outbox-worker";

/** `whsec_` and 256 random bits in base64url. The HMAC key is this whole string, as UTF-8. */
export function generateWebhookSecret(random: (byteCount: number) => Uint8Array): string {
  return `whsec_${Buffer.from(random(32)).toString("base64url")}`;
}

/** `v1=` + hex HMAC-SHA256 of `timestamp + "." + body`: what `Trace-Signature` carries. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export interface WebhookRequest {
  url: string;
  secret: string;
  idempotencyKey: string;
  body: string;
  attempt: number;
  now: Date;
  timeoutMs: number;
  /** The worker's stop signal. */
  signal: AbortSignal;
}

/**
 * One signed POST. Resolves on a 2xx; anything else throws an `OutboxJobError` whose reason is a
 * status or an error class, never the response body (an agency's server may echo the payload,
 * tip text included). Redirects are not followed: the agency's address is the one an admin set.
 */
export async function postWebhook(request: WebhookRequest): Promise<void> {
  const timestamp = Math.floor(request.now.getTime() / 1000);
  const timeout = AbortSignal.timeout(request.timeoutMs);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Trace-Webhooks/1",
        [WEBHOOK_HEADERS.idempotencyKey]: request.idempotencyKey,
        [WEBHOOK_HEADERS.timestamp]: String(timestamp),
        [WEBHOOK_HEADERS.signature]: signWebhook(request.secret, timestamp, request.body),
        [WEBHOOK_HEADERS.event]: REFERRAL_WEBHOOK_EVENT,
        [WEBHOOK_HEADERS.attempt]: String(request.attempt),
      },
      body: request.body,
      signal: AbortSignal.any([timeout, request.signal]),
    });
  } catch (error) {
    if (timeout.aborted) throw new OutboxJobError(`timeout after ${request.timeoutMs} ms`);
    if (request.signal.aborted) throw new OutboxJobError("worker stopping");
    const { code } = describeError(error);
    throw new OutboxJobError(code ? `network error ${code}` : "network error");
  }
  // The body is not read (nor logged): only the status counts.
  await response.body?.cancel().catch(() => {});
  if (response.status < 200 || response.status > 299)
    throw new OutboxJobError(`HTTP ${response.status}`);
}
