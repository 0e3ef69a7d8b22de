import { join } from "node:path";
import { DEMO_WEBHOOK } from "@trace/db/seed";
import { createDemoReceiver, DEMO_RECEIVER_PATH } from "../delivery/demo-receiver";
import { loadEnv } from "../env";
import { createLogger } from "../logger";

/**
 * The demo agency's webhook receiver on its own (`pnpm --filter @trace/api demo-receiver`). The
 * API starts it by itself next to the demo data; run this one with DEMO_WEBHOOK_RECEIVER=false on
 * the API to watch deliveries in a terminal of their own. Demo only: its secret is published.
 */
const env = loadEnv();
if (env.nodeEnv === "production") {
  process.stderr.write("demo-receiver: refused in production (its secret is published).\n");
  process.exit(1);
}
const logger = createLogger(env.logLevel);
const receiver = createDemoReceiver({
  secret: DEMO_WEBHOOK.secret,
  logger,
  ledgerFile: join(env.dataDir, "demo-webhook-receiver.keys"),
});
const port = await receiver.listen(env.demoWebhookReceiver.port, "127.0.0.1");
process.stdout.write(`Demo webhook receiver on http://127.0.0.1:${port}${DEMO_RECEIVER_PATH}\n`);

const stop = () => void receiver.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
