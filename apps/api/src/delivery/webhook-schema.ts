import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ReferralWebhookPayloadSchema } from "@trace/domain";

/** The committed contract, generated from the domain schema by `pnpm --filter @trace/api webhook-schema`. */
export const WEBHOOK_SCHEMA_FILE = fileURLToPath(
  new URL("../../../../docs/webhooks/referral-delivered.schema.json", import.meta.url),
);

/**
 * The schema of what receivers get. Input mode: objects stay open (no `additionalProperties:
 * false`), so a receiver validating with it keeps working when a field is added.
 */
export function referralWebhookJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReferralWebhookPayloadSchema, { target: "draft-2020-12", io: "input" });
}
