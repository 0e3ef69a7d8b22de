import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { dirname } from "node:path";
import { ReferralWebhookPayloadSchema, WEBHOOK_HEADERS } from "@trace/domain";
// The receivers' published example, used as is: the demo exercises what the docs tell agencies to do.
import { verifyTraceSignature } from "../../../../docs/webhooks/verify-signature.mjs";
import type { Logger } from "../logger";

export const DEMO_RECEIVER_PATH = "/trace-webhook";
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface DemoReceiverOptions {
  secret: string;
  logger: Logger;
  /** Idempotency keys already processed, one per line, kept across restarts when given. */
  ledgerFile?: string | undefined;
}

export interface DemoReceiver {
  server: Server;
  /** Resolves with the port listened on (useful with port 0). */
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
  /** Idempotency keys processed so far. */
  processed: ReadonlySet<string>;
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * What an agency's endpoint does, at its smallest: verify the signature on the raw body, check
 * the payload against the contract, process each idempotency key once (a retry of something
 * already processed is acknowledged, not processed again), and answer 2xx only once the
 * referral is safely recorded. It logs ids only, never tip content.
 */
export function createDemoReceiver(options: DemoReceiverOptions): DemoReceiver {
  const { secret, logger, ledgerFile } = options;
  const processed = new Set<string>();
  const inProgress = new Set<string>();
  if (ledgerFile && existsSync(ledgerFile)) {
    for (const key of readFileSync(ledgerFile, "utf8").split("\n")) if (key) processed.add(key);
  }
  const log = logger.child({ component: "demo-webhook-receiver" });

  const server = createServer(async (req, res) => {
    const answer = (status: number, result: string) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ result }));
    };
    if (req.method !== "POST" || req.url !== DEMO_RECEIVER_PATH) return answer(404, "not_found");
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      return answer(error instanceof BodyTooLarge ? 413 : 400, "unreadable_body");
    }
    const header = (name: string) => {
      const value = req.headers[name.toLowerCase()];
      return typeof value === "string" ? value : undefined;
    };
    const verified = verifyTraceSignature({
      secret,
      body,
      timestamp: header(WEBHOOK_HEADERS.timestamp),
      signature: header(WEBHOOK_HEADERS.signature),
    });
    if (!verified) {
      log.warn("delivery refused: bad or stale signature");
      return answer(401, "bad_signature");
    }
    const key = header(WEBHOOK_HEADERS.idempotencyKey);
    if (!key) return answer(400, "missing_idempotency_key");
    if (processed.has(key)) {
      log.info({ idempotencyKey: key }, "delivery already processed; acknowledged again");
      return answer(200, "duplicate");
    }
    // The same key arriving twice at once: let the sender retry the second one later.
    if (inProgress.has(key)) return answer(409, "in_progress");
    let payload;
    try {
      payload = ReferralWebhookPayloadSchema.parse(JSON.parse(body.toString("utf8")));
    } catch {
      return answer(422, "payload_violates_contract");
    }
    inProgress.add(key);
    try {
      // "Processing": a real receiver stores the referral (with the key, in one transaction).
      if (ledgerFile) {
        mkdirSync(dirname(ledgerFile), { recursive: true });
        appendFileSync(ledgerFile, `${key}\n`);
      }
      processed.add(key);
      log.info(
        {
          idempotencyKey: key,
          referralId: payload.referral.id,
          agencyCode: payload.referral.agencyCode,
          objectRef: payload.object?.ref ?? null,
          tipIds: payload.tips.map((t) => t.id),
        },
        "referral received",
      );
      answer(200, "processed");
    } finally {
      inProgress.delete(key);
    }
  });

  return {
    server,
    processed,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve((server.address() as { port: number }).port);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
