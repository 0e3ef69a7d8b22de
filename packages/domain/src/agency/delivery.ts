import { z } from "zod";
import { CountryCodeSchema } from "../shared/country";
import { IdSchema, TimestampSchema } from "../shared/ids";
import { DeliveryChannelSchema } from "./agency";

/** A webhook address: http or https, no credentials in it, no fragment. */
export const WebhookUrlSchema = z
  .url({ protocol: /^https?$/, error: "Enter a web address starting with http:// or https://." })
  .max(2000, "At most 2000 characters.")
  // The domain has no URL class (no I/O, no platform): a user part sits before the first "/"
  // after the scheme.
  .refine(
    (url) => !/^[a-z]+:\/\/[^/?#]*@/i.test(url) && !url.includes("#"),
    "The address may not contain a user name, a password or a #fragment.",
  );

/**
 * An agency as staff see it. The webhook address and whether a signing secret is set are for
 * admins only (absent for other roles); the secret itself is never readable after it is made.
 */
export const AgencyDeliveryViewSchema = z.object({
  id: IdSchema,
  code: z.string(),
  name: z.string(),
  country: CountryCodeSchema.nullable(),
  deliveryChannel: DeliveryChannelSchema,
  isActive: z.boolean(),
  webhookUrl: z.string().nullable().optional(),
  hasWebhookSecret: z.boolean().optional(),
});
export type AgencyDeliveryView = z.infer<typeof AgencyDeliveryViewSchema>;

export const UpdateAgencyDeliveryInputSchema = z
  .strictObject({
    agencyId: IdSchema,
    channel: DeliveryChannelSchema,
    /** Required for the webhook channel; kept (or cleared with null) for the portal. */
    webhookUrl: WebhookUrlSchema.nullable().optional(),
  })
  .refine((input) => input.channel !== "webhook" || input.webhookUrl, {
    message: "A webhook needs the address to deliver to.",
    path: ["webhookUrl"],
  });
export type UpdateAgencyDeliveryInput = z.infer<typeof UpdateAgencyDeliveryInputSchema>;

export const UpdatedAgencyDeliverySchema = z.object({
  agency: AgencyDeliveryViewSchema,
  /**
   * Set only when switching to the webhook channel made a signing secret (the agency had none):
   * shown this once, never again.
   */
  webhookSecret: z.string().nullable(),
});

export const AgencyIdInputSchema = z.strictObject({ agencyId: IdSchema });

/** A new signing secret, shown once. */
export const RotatedWebhookSecretSchema = z.object({
  agencyId: IdSchema,
  webhookSecret: z.string(),
});

/** A background job that ran out of attempts. */
export const DeadLetterSchema = z.object({
  id: z.number().int().positive(),
  topic: z.string(),
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  createdAt: TimestampSchema,
  deadAt: TimestampSchema,
  /** For referral deliveries: the referral and the agency it was going to. */
  referral: z
    .object({
      id: IdSchema,
      agency: z.object({ id: IdSchema, code: z.string(), name: z.string() }),
    })
    .nullable(),
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;

export const DeadLetterListInputSchema = z
  .strictObject({
    limit: z.number().int().min(1).max(100).default(50),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  })
  .default({ limit: 50, offset: 0 });

export const RedeliverInputSchema = z.strictObject({ jobId: z.number().int().positive() });

export const RedeliveredSchema = z.object({ id: z.number().int(), availableAt: TimestampSchema });

/** Work waiting in the outbox, per topic. */
export const DeliverySummarySchema = z.array(
  z.object({
    topic: z.string(),
    /** Waiting for a first attempt or for their next retry. */
    pending: z.number().int().min(0),
    /** Among the pending, those that have failed at least once. */
    retrying: z.number().int().min(0),
    dead: z.number().int().min(0),
    oldestPendingAt: TimestampSchema.nullable(),
  }),
);
export type DeliverySummary = z.infer<typeof DeliverySummarySchema>;
