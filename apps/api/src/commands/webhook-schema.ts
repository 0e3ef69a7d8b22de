import { writeFileSync } from "node:fs";
import { referralWebhookJsonSchema, WEBHOOK_SCHEMA_FILE } from "../delivery/webhook-schema";

/**
 * Writes docs/webhooks/referral-delivered.schema.json from the domain's zod schema. Run it after
 * changing packages/domain/src/referral/webhook.ts; a test fails while the file is out of date.
 */
writeFileSync(WEBHOOK_SCHEMA_FILE, `${JSON.stringify(referralWebhookJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${WEBHOOK_SCHEMA_FILE}\n`);
