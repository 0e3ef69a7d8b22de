import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WEBHOOK_HEADERS } from "@trace/domain";
import { verifyTraceSignature } from "../../../../docs/webhooks/verify-signature.mjs";

/** What the receiver does with one request: its status, and how long it takes to answer. */
export interface ReceiverAnswer {
  status: number;
  delayMs?: number;
}

export interface ReceivedDelivery {
  idempotencyKey: string;
  attempt: string | undefined;
  isVerified: boolean;
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * An agency's endpoint for tests, on a real port: checks signatures with the documented example,
 * processes a key when it answers 2xx (before a delay, like a server that commits then is slow to
 * answer) and acknowledges a processed key again without processing it twice. It records every
 * request, and any key that arrived while the same key was still being handled.
 */
export class TestReceiver {
  readonly requests: ReceivedDelivery[] = [];
  /** Times each key was processed; a correct receiver keeps every count at 1. */
  readonly processed = new Map<string, number>();
  readonly concurrentDuplicates: string[] = [];
  /** Decides the answer; by default 200 at once. */
  answer: (delivery: { idempotencyKey: string; seen: number }) => ReceiverAnswer = () => ({
    status: 200,
  });
  private readonly inFlight = new Set<string>();
  private server: Server | null = null;
  port = 0;

  constructor(private readonly secret: string) {}

  /** Requests being handled right now (received, not yet answered). */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  get inFlightKeys(): ReadonlySet<string> {
    return this.inFlight;
  }

  get isListening(): boolean {
    return this.server !== null;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async start(port = this.port): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => void this.handle(Buffer.concat(chunks).toString("utf8"), req, res));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  requestsFor(key: string): ReceivedDelivery[] {
    return this.requests.filter((r) => r.idempotencyKey === key);
  }

  private async handle(body: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const header = (name: string) => {
      const value = req.headers[name.toLowerCase()];
      return typeof value === "string" ? value : undefined;
    };
    const key = header(WEBHOOK_HEADERS.idempotencyKey) ?? "";
    const isVerified = verifyTraceSignature({
      secret: this.secret,
      body,
      timestamp: header(WEBHOOK_HEADERS.timestamp),
      signature: header(WEBHOOK_HEADERS.signature),
    });
    if (this.inFlight.has(key)) this.concurrentDuplicates.push(key);
    this.inFlight.add(key);
    const seen = this.requestsFor(key).length;
    const { status, delayMs = 0 } = isVerified
      ? this.answer({ idempotencyKey: key, seen })
      : { status: 401 };
    this.requests.push({
      idempotencyKey: key,
      attempt: header(WEBHOOK_HEADERS.attempt),
      isVerified,
      status,
      body,
      headers: req.headers,
    });
    if (status >= 200 && status < 300 && !this.processed.has(key)) this.processed.set(key, 1);
    try {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ echoed: body.slice(0, 50) }));
    } catch {
      // The worker went away (killed, or timed out): nothing to answer.
    } finally {
      this.inFlight.delete(key);
    }
  }
}
