import { hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DEFAULT_RETENTION_POLICY, type RetentionPolicy } from "@trace/domain";
import {
  DEFAULT_RATE_LIMITS,
  parseRate,
  type Rate,
  type RateLimitConfig,
} from "./abuse/public-rate-limits";
import type { PublicOrigin } from "./http/share-meta";
import { DEFAULT_IMAGE_LIMITS, type ImageLimits } from "./images/limits";
import { DEFAULT_SUBMISSION_TRUST, type SubmissionTrustConfig } from "./abuse/submission-trust";

/** The only reader of process.env. Bad configuration fails at boot with a readable list. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const key = z
  .string()
  .regex(
    /^[0-9a-f]{64}$/i,
    "must be 64 hex characters (32 bytes), e.g. from `openssl rand -hex 32`",
  );

const flag = z.enum(["true", "false"]);
const formatRate = ({ points, windowSeconds }: Rate) => `${points}/${windowSeconds}s`;
/** `<count>/<window>` with the window in s, m or h, at most a day: `10/10m`. */
const rate = (fallback: Rate) =>
  z
    .string()
    .default(formatRate(fallback))
    .transform((text, ctx) => {
      const parsed = parseRate(text);
      if (!parsed) {
        ctx.addIssue({
          code: "custom",
          message: "must be <count>/<window>, the window in s, m or h and at most 24h, e.g. 10/10m",
        });
        return z.NEVER;
      }
      return parsed;
    });
const ms = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PUBLIC_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  STAFF_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave unset for embedded PGlite)")
    .optional(),
  DATA_DIR: z.string().default(join(REPO_ROOT, ".data")),
  /** Keys for the receipt-code HMAC and contact encryption. Required in production. */
  RECEIPT_HASH_KEY: key.optional(),
  CONTACT_ENCRYPTION_KEY: key.optional(),
  SEED_DEMO_DATA: z.enum(["true", "false"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PUBLIC_WEB_DIST: z.string().default(join(REPO_ROOT, "apps/public-web/dist")),
  STAFF_WEB_DIST: z.string().default(join(REPO_ROOT, "apps/investigator-web/dist")),
  /** The outbox worker (referral deliveries, background jobs); see the README. */
  OUTBOX_WORKER: flag.default("true"),
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  OUTBOX_POLL_INTERVAL_MS: ms(10, 60_000).default(1_000),
  OUTBOX_LEASE_MS: ms(1_000, 3_600_000).default(60_000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  OUTBOX_BACKOFF_BASE_MS: ms(1, 3_600_000).default(30_000),
  OUTBOX_BACKOFF_MAX_MS: ms(1, 86_400_000).default(3_600_000),
  WEBHOOK_TIMEOUT_MS: ms(100, 600_000).default(10_000),
  DEMO_WEBHOOK_RECEIVER: flag.optional(),
  DEMO_WEBHOOK_RECEIVER_PORT: z.coerce.number().int().min(1).max(65535).default(3002),
  /** Retention of tipsters' data (docs/ARCHITECTURE.md, "What is kept, and for how long"). */
  RETENTION_CLOSED_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3650)
    .default(DEFAULT_RETENTION_POLICY.closedDays),
  RETENTION_SPAM_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3650)
    .default(DEFAULT_RETENTION_POLICY.spamDays),
  RETENTION_SWEEP_INTERVAL_MS: ms(60_000, 86_400_000).default(3_600_000),
  /** Image uploads (staff object images and tipster photos): largest file, most pixels. */
  IMAGE_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(DEFAULT_IMAGE_LIMITS.maxUploadBytes),
  IMAGE_MAX_PIXELS: z.coerce
    .number()
    .int()
    .min(1_000_000)
    .max(268_000_000)
    .default(DEFAULT_IMAGE_LIMITS.maxPixels),
  /** Proxies in front of the public listener whose X-Forwarded-For is believed; 0 = ignore it. */
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
  /** The public site's address as visitors see it, for canonical and share links. */
  PUBLIC_ORIGIN: z
    .string()
    .transform((text, ctx) => {
      const url = URL.canParse(text) ? new URL(text) : null;
      const isOrigin =
        url !== null &&
        (url.protocol === "https:" || url.protocol === "http:") &&
        url.pathname === "/" &&
        !url.search &&
        !url.hash &&
        !url.username &&
        !url.password;
      if (!isOrigin) {
        ctx.addIssue({
          code: "custom",
          message: "must be an origin (scheme and host, no path), e.g. https://trace.example.org",
        });
        return z.NEVER;
      }
      return url.origin;
    })
    .optional(),
  /** Per-sender limits of the public listener (docs/adr/0007-privacy-preserving-rate-limits.md). */
  RATE_LIMIT_TIP_SUBMISSIONS: rate(DEFAULT_RATE_LIMITS.tipSubmissions),
  RATE_LIMIT_RECEIPT_LOOKUPS: rate(DEFAULT_RATE_LIMITS.receiptLookups),
  RATE_LIMIT_RECEIPT_FAILURES: rate(DEFAULT_RATE_LIMITS.receiptFailures),
  RATE_LIMIT_TIP_PHOTOS: rate(DEFAULT_RATE_LIMITS.tipPhotoUploads),
  /** Tip abuse heuristics (docs/adr/0012-tip-abuse-resistance.md); 0 turns the fill time off. */
  TIP_MIN_FILL_SECONDS: z.coerce
    .number()
    .min(0)
    .max(600)
    .default(DEFAULT_SUBMISSION_TRUST.policy.minFillMs / 1000),
  /** PBKDF2 iterations per proof-of-work attempt. */
  TIP_PROOF_OF_WORK_COST: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(DEFAULT_SUBMISSION_TRUST.proofOfWork.cost),
  /** The solution's counter is drawn between half this and this: the attempts a solver needs. */
  TIP_PROOF_OF_WORK_MAX_COUNTER: z.coerce
    .number()
    .int()
    .min(2)
    .max(10_000_000)
    .default(DEFAULT_SUBMISSION_TRUST.proofOfWork.maxCounter),
});

export interface Env {
  nodeEnv: "development" | "production" | "test";
  host: string;
  publicPort: number;
  staffPort: number;
  databaseUrl: string | undefined;
  dataDir: string;
  receiptHashKey: Buffer;
  contactEncryptionKey: Buffer;
  /** Encrypts staff TOTP secrets; derived from the contact key so that neither decrypts the other's data. */
  totpEncryptionKey: Buffer;
  /** Signs agency webhooks: encrypts their secrets at rest, derived from the contact key. */
  webhookEncryptionKey: Buffer;
  /** Encrypts the receipt codes kept for tip idempotency keys (24 h); derived from the contact key. */
  idempotencyEncryptionKey: Buffer;
  /** Signs the tip forms' tickets (when a form was handed out); derived from the receipt key. */
  formTicketKey: Buffer;
  /** Signs the tip form's proof-of-work challenges; derived from the receipt key. */
  proofOfWorkKey: Buffer;
  /** Minimum fill time and proof-of-work cost of tip submissions. */
  submissionTrust: SubmissionTrustConfig;
  seedDemoData: boolean;
  logLevel: string;
  publicWebDist: string;
  staffWebDist: string;
  outbox: OutboxConfig;
  /** Abandon a webhook delivery attempt (and retry later) after this long. */
  webhookTimeoutMs: number;
  /** The demo agency's webhook receiver, started by the API next to the demo data. */
  demoWebhookReceiver: { enabled: boolean; port: number };
  /** How long tipsters' contact details, photos and spam tips are kept, and how often to sweep. */
  retention: { policy: RetentionPolicy; sweepIntervalMs: number };
  imageLimits: ImageLimits;
  /** Per-sender limits of the public listener. */
  rateLimits: RateLimitConfig;
  /** Proxies in front of the public listener whose `X-Forwarded-For` is believed. */
  trustedProxies: number;
  /**
   * Where canonical and share links point: PUBLIC_ORIGIN; without it, the request's own origin
   * outside production, and no absolute link at all in production (a Host header is the
   * sender's to choose).
   */
  publicOrigin: PublicOrigin;
}

export interface OutboxConfig {
  /** Run the worker inside the API process; off when workers run on their own (`pnpm worker`). */
  runInApi: boolean;
  concurrency: number;
  pollIntervalMs: number;
  /** How long a worker holds a job before another may take it over (the first one died). */
  leaseMs: number;
  /** Attempts before a job becomes a dead letter. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

/**
 * Outside production, missing keys are generated once and kept in the data directory, so a
 * newcomer needs no set-up and receipts stay valid across restarts.
 */
function devSecrets(dataDir: string): { receiptHashKey: string; contactEncryptionKey: string } {
  const file = join(dataDir, "dev-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const secrets = {
    receiptHashKey: randomBytes(32).toString("hex"),
    contactEncryptionKey: randomBytes(32).toString("hex"),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/** A subkey for one purpose (HKDF-SHA256), so one configured key never serves two uses. */
function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), purpose, 32));
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // An empty variable counts as unset, as in most shells' `VAR= command`.
  const parsed = EnvSchema.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === "production";
  if (isProduction) {
    const missing = (["RECEIPT_HASH_KEY", "CONTACT_ENCRYPTION_KEY"] as const).filter((k) => !e[k]);
    if (missing.length) {
      throw new Error(
        `Invalid configuration:\n${missing.map((k) => `  ${k}: required in production`).join("\n")}`,
      );
    }
  }
  // Demo accounts have published passwords and TOTP secrets: never in production.
  if (isProduction && e.SEED_DEMO_DATA === "true") {
    throw new Error(
      "Invalid configuration:\n  SEED_DEMO_DATA: demo data (with its published staff logins) is refused in production",
    );
  }
  const problems: string[] = [];
  // A lease shorter than a webhook attempt would let a second worker take a job still in flight.
  if (e.OUTBOX_LEASE_MS < 2 * e.WEBHOOK_TIMEOUT_MS)
    problems.push("  OUTBOX_LEASE_MS: must be at least twice WEBHOOK_TIMEOUT_MS");
  if (e.OUTBOX_BACKOFF_MAX_MS < e.OUTBOX_BACKOFF_BASE_MS)
    problems.push("  OUTBOX_BACKOFF_MAX_MS: must not be less than OUTBOX_BACKOFF_BASE_MS");
  if (isProduction && e.DEMO_WEBHOOK_RECEIVER === "true")
    problems.push(
      "  DEMO_WEBHOOK_RECEIVER: the demo receiver (published secret) is refused in production",
    );
  if (problems.length) throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  const seedDemoData = e.SEED_DEMO_DATA ? e.SEED_DEMO_DATA === "true" : !isProduction;
  const dataDir = resolve(e.DATA_DIR);
  const dev = e.RECEIPT_HASH_KEY && e.CONTACT_ENCRYPTION_KEY ? null : devSecrets(dataDir);
  const receiptHashKey = Buffer.from(e.RECEIPT_HASH_KEY ?? dev!.receiptHashKey, "hex");
  const contactEncryptionKey = Buffer.from(
    e.CONTACT_ENCRYPTION_KEY ?? dev!.contactEncryptionKey,
    "hex",
  );
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    publicPort: e.PUBLIC_PORT,
    staffPort: e.STAFF_PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    receiptHashKey,
    contactEncryptionKey,
    totpEncryptionKey: deriveKey(contactEncryptionKey, "trace/totp-secrets"),
    webhookEncryptionKey: deriveKey(contactEncryptionKey, "trace/webhook-secrets"),
    idempotencyEncryptionKey: deriveKey(contactEncryptionKey, "trace/tip-idempotency"),
    formTicketKey: deriveKey(receiptHashKey, "trace/form-tickets"),
    proofOfWorkKey: deriveKey(receiptHashKey, "trace/proof-of-work"),
    submissionTrust: {
      policy: {
        ...DEFAULT_SUBMISSION_TRUST.policy,
        minFillMs: Math.round(e.TIP_MIN_FILL_SECONDS * 1000),
      },
      proofOfWork: {
        ...DEFAULT_SUBMISSION_TRUST.proofOfWork,
        cost: e.TIP_PROOF_OF_WORK_COST,
        maxCounter: e.TIP_PROOF_OF_WORK_MAX_COUNTER,
      },
    },
    seedDemoData,
    logLevel: e.LOG_LEVEL,
    publicWebDist: resolve(e.PUBLIC_WEB_DIST),
    staffWebDist: resolve(e.STAFF_WEB_DIST),
    outbox: {
      runInApi: e.OUTBOX_WORKER === "true",
      concurrency: e.OUTBOX_CONCURRENCY,
      pollIntervalMs: e.OUTBOX_POLL_INTERVAL_MS,
      leaseMs: e.OUTBOX_LEASE_MS,
      maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
      backoffBaseMs: e.OUTBOX_BACKOFF_BASE_MS,
      backoffMaxMs: e.OUTBOX_BACKOFF_MAX_MS,
    },
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
    demoWebhookReceiver: {
      // With the demo data by default: it is where the demo webhook agency delivers.
      enabled: e.DEMO_WEBHOOK_RECEIVER ? e.DEMO_WEBHOOK_RECEIVER === "true" : seedDemoData,
      port: e.DEMO_WEBHOOK_RECEIVER_PORT,
    },
    imageLimits: { maxUploadBytes: e.IMAGE_MAX_UPLOAD_BYTES, maxPixels: e.IMAGE_MAX_PIXELS },
    retention: {
      policy: { closedDays: e.RETENTION_CLOSED_DAYS, spamDays: e.RETENTION_SPAM_DAYS },
      sweepIntervalMs: e.RETENTION_SWEEP_INTERVAL_MS,
    },
    rateLimits: {
      tipSubmissions: e.RATE_LIMIT_TIP_SUBMISSIONS,
      receiptLookups: e.RATE_LIMIT_RECEIPT_LOOKUPS,
      receiptFailures: e.RATE_LIMIT_RECEIPT_FAILURES,
      tipPhotoUploads: e.RATE_LIMIT_TIP_PHOTOS,
    },
    trustedProxies: e.TRUSTED_PROXY_COUNT,
    publicOrigin: e.PUBLIC_ORIGIN
      ? { from: "config", origin: e.PUBLIC_ORIGIN }
      : isProduction
        ? null
        : { from: "request" },
  };
}
