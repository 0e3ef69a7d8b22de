import { z } from "zod";
import { OBJECT_CATEGORIES, OBJECT_REF_PATTERN } from "../object/object";
import { TIP_CONFIDENCES } from "../tip/tip";

/**
 * The contract of the signed webhook that delivers a referral to an agency. It is published as
 * `docs/webhooks/referral-delivered.schema.json` (generated from this schema, checked by a test),
 * so every change here is a change to a public contract: add fields (receivers ignore the ones
 * they do not know), never rename or remove one without raising `version`.
 *
 * It carries what an agency needs to act on the lead and nothing that identifies the tipster:
 * never contact details, never the receipt code, never triage notes.
 */
export const REFERRAL_WEBHOOK_EVENT = "referral.delivered";
export const REFERRAL_WEBHOOK_VERSION = 1;

/** Header names, sent on every delivery; receivers read them case-insensitively. */
export const WEBHOOK_HEADERS = {
  /** The referral's idempotency key: the same on every retry of the same referral. */
  idempotencyKey: "Idempotency-Key",
  /** Unix time in seconds when this attempt was signed. */
  timestamp: "Trace-Timestamp",
  /** `v1=` and the lowercase hex HMAC-SHA256 of `timestamp + "." + body` under the agency's secret. */
  signature: "Trace-Signature",
  event: "Trace-Event",
  /** 1 for the first attempt; informative only, not signed. */
  attempt: "Trace-Delivery-Attempt",
} as const;

const instant = z.iso
  .datetime({ offset: true })
  .describe("An instant, ISO 8601 with a UTC offset (RFC 3339).");
const nullableText = (description: string) => z.string().nullable().describe(description);

export const ReferralWebhookTipSchema = z
  .object({
    id: z.uuid().describe("The tip's id at the hub; quote it when asking the hub about the tip."),
    receivedAt: instant.describe("When the hub received the tip."),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable()
      .describe("The country the tipster named (ISO 3166-1 alpha-2), if any."),
    language: z
      .string()
      .regex(/^[a-z]{2}$/)
      .describe("The language the tip is written in (ISO 639-1)."),
    confidence: z.enum(TIP_CONFIDENCES).describe("How sure the tipster said they were."),
    placeOrShop: nullableText("A place or shop the tipster named."),
    brandOrProduct: nullableText("A brand or product the tipster named."),
    timePeriod: nullableText("When, in the tipster's words (free text)."),
    evidenceLinks: z
      .array(z.url())
      .describe("Web addresses the tipster gave as evidence; not checked by the hub."),
    text: nullableText("The tipster's own words, as written."),
  })
  .describe("One tip in the referral. Never carries contact details or the receipt code.");
export type ReferralWebhookTip = z.infer<typeof ReferralWebhookTipSchema>;

export const ReferralWebhookPayloadSchema = z
  .object({
    event: z.literal(REFERRAL_WEBHOOK_EVENT),
    version: z.literal(REFERRAL_WEBHOOK_VERSION),
    referral: z.object({
      id: z.uuid().describe("The referral's id at the hub."),
      createdAt: instant.describe("When the hub made the referral."),
      agencyCode: z.string().describe("The receiving agency's code at the hub, e.g. NL-NP."),
    }),
    object: z
      .object({
        ref: z
          .string()
          .regex(OBJECT_REF_PATTERN)
          .describe("The object's public reference, as shown on the public site."),
        category: z.enum(OBJECT_CATEGORIES),
        title: z.string().describe("The object's public title in English."),
      })
      .nullable()
      .describe("The object the tips are about; null for tips that concern no single object."),
    tips: z.array(ReferralWebhookTipSchema).min(1),
  })
  .meta({
    title: "Trace referral delivered",
    description:
      "POSTed to an agency's webhook when a referral is delivered. The same body is sent on every retry; the Idempotency-Key header identifies the referral. Receivers must ignore properties they do not know: new ones may be added without a new version.",
  });
export type ReferralWebhookPayload = z.infer<typeof ReferralWebhookPayloadSchema>;
