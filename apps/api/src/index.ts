import { serve, type ServerType } from "@hono/node-server";
import { createDb, createFsMediaStore } from "@trace/db";
import { DEMO_ACCOUNTS, DEMO_RECEIPT_CODE, DEMO_WEBHOOK, seedDemoData } from "@trace/db/seed";
import { join } from "node:path";
import { createPublicRateLimits, startKeyRotation } from "./abuse/public-rate-limits";
import { createApp } from "./app";
import { startPublicReadCache } from "./http/public-read-cache";
import { createDemoReceiver, DEMO_RECEIVER_PATH } from "./delivery/demo-receiver";
import { createConfiguredOutboxWorker } from "./jobs/configured-worker";
import { startExpireTipPhotoUploads } from "./images/expire-tip-photos";
import { perceptualHash } from "./images/perceptual-hash";
import { startPublishDueObjects } from "./jobs/publish-due-objects";
import { startRetentionSweep } from "./jobs/retention-sweep";
import { loadEnv } from "./env";
import { createLogger, describeError } from "./logger";
import {
  cryptoRandom,
  encryptContact,
  encryptSecret,
  hashPassword,
  hashReceipt,
} from "./services/secrets";
import { demoLoginLines } from "./services/demo-logins";
import type { Deps } from "./trpc/context";

const env = loadEnv();
const logger = createLogger(env.logLevel);

const database = await createDb({
  url: env.databaseUrl,
  dataDir: join(env.dataDir, "pglite"),
  // Once per outage; each request that fails meanwhile logs its own "database unavailable".
  onConnectionLost: (error) =>
    logger.warn({ err: describeError(error) }, "database connection lost"),
  onConnectionRestored: () => logger.info("database connection restored"),
});
await database.migrate();

const media = createFsMediaStore(join(env.dataDir, "media"));
const deps: Deps = {
  database,
  media,
  logger,
  receiptHashKey: env.receiptHashKey,
  contactEncryptionKey: env.contactEncryptionKey,
  totpEncryptionKey: env.totpEncryptionKey,
  webhookEncryptionKey: env.webhookEncryptionKey,
  idempotencyEncryptionKey: env.idempotencyEncryptionKey,
  formTicketKey: env.formTicketKey,
  proofOfWorkKey: env.proofOfWorkKey,
  submissionTrust: env.submissionTrust,
  now: () => new Date(),
  random: cryptoRandom,
  imageLimits: env.imageLimits,
  rateLimits: createPublicRateLimits({
    limits: env.rateLimits,
    trustedProxies: env.trustedProxies,
  }),
  publicReadCache: await startPublicReadCache(database, logger),
};
const stopKeyRotation = startKeyRotation(deps.rateLimits);

// The demo webhook agency delivers here. Loopback only; a busy port (another Trace running) is
// reported and the deliveries to that agency wait and retry.
const demoReceiverUrl = `http://127.0.0.1:${env.demoWebhookReceiver.port}${DEMO_RECEIVER_PATH}`;
let demoReceiver: ReturnType<typeof createDemoReceiver> | null = null;
if (env.demoWebhookReceiver.enabled) {
  const receiver = createDemoReceiver({
    secret: DEMO_WEBHOOK.secret,
    logger,
    ledgerFile: join(env.dataDir, "demo-webhook-receiver.keys"),
  });
  try {
    await receiver.listen(env.demoWebhookReceiver.port, "127.0.0.1");
    demoReceiver = receiver;
  } catch (error) {
    logger.warn(
      { port: env.demoWebhookReceiver.port, code: (error as { code?: string }).code ?? null },
      "demo webhook receiver not started",
    );
  }
}

if (env.seedDemoData) {
  const result = await seedDemoData(database, {
    media,
    hashPassword,
    hashReceipt: (code) => hashReceipt(env.receiptHashKey, code),
    encryptContact: (plain) => encryptContact(env.contactEncryptionKey, plain),
    encryptSecret: (plain) => encryptSecret(env.totpEncryptionKey, plain),
    random: cryptoRandom,
    now: new Date(),
    perceptualHash,
    demoWebhook: {
      url: demoReceiverUrl,
      secretCiphertext: encryptSecret(env.webhookEncryptionKey, DEMO_WEBHOOK.secret),
    },
  });
  logger.info(
    { seeded: result.seeded },
    result.seeded ? "demo data seeded" : "demo data already present",
  );
}

function listen(app: ReturnType<typeof createApp>, port: number): Promise<ServerType> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: env.host, port }, () => resolve(server));
  });
}

const publicServer = await listen(
  createApp(deps, {
    surface: "public",
    webDist: env.publicWebDist,
    publicOrigin: env.publicOrigin,
  }),
  env.publicPort,
);
const staffServer = await listen(
  createApp(deps, { surface: "staff", webDist: env.staffWebDist }),
  env.staffPort,
);

const stopPublishing = startPublishDueObjects(deps);
const stopExpiringTipPhotos = startExpireTipPhotoUploads(deps);
const stopRetention = startRetentionSweep(
  deps,
  env.retention.policy,
  env.retention.sweepIntervalMs,
);
const outboxWorker = env.outbox.runInApi
  ? createConfiguredOutboxWorker(env, database, logger, media)
  : null;
outboxWorker?.start();

const shown = env.host === "0.0.0.0" ? "localhost" : env.host;
const lines = [
  "",
  `Trace is running on ${database.engine === "pglite" ? "embedded PGlite" : "PostgreSQL"}.`,
  `  Public site:       http://${shown}:${env.publicPort}`,
  `  Investigator site: http://${shown}:${env.staffPort}`,
];
if (env.seedDemoData) {
  lines.push("", ...demoLoginLines(DEMO_ACCOUNTS, new Date()));
  lines.push("", `Demo receipt code for "Check my tip": ${DEMO_RECEIPT_CODE}`);
  if (demoReceiver)
    lines.push(`Demo webhook receiver (${DEMO_WEBHOOK.agencyCode} referrals): ${demoReceiverUrl}`);
}
lines.push("", "Press Ctrl+C to stop.", "");
process.stdout.write(lines.join("\n"));

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  stopPublishing();
  stopExpiringTipPhotos();
  stopRetention();
  stopKeyRotation();
  // Deliveries in flight finish (or are given back to the queue) before the database closes.
  await outboxWorker?.stop({ graceMs: 15_000 });
  await demoReceiver?.close();
  await Promise.all([publicServer, staffServer].map((s) => new Promise((r) => s.close(r))));
  await deps.publicReadCache?.stop();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
