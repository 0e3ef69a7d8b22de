import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadEnv } from "./env";

const keys = { RECEIPT_HASH_KEY: "a".repeat(64), CONTACT_ENCRYPTION_KEY: "b".repeat(64) };
const dataDir = () => mkdtempSync(join(tmpdir(), "trace-env-"));

describe("loadEnv", () => {
  it("derives a TOTP key of its own from the contact key, the same at every start", () => {
    const first = loadEnv({ ...keys, DATA_DIR: dataDir() });
    const second = loadEnv({ ...keys, DATA_DIR: dataDir() });
    expect(first.totpEncryptionKey).toHaveLength(32);
    expect(first.totpEncryptionKey.equals(first.contactEncryptionKey)).toBe(false);
    expect(first.totpEncryptionKey.equals(second.totpEncryptionKey)).toBe(true);
  });

  it("keeps generated development keys across restarts", () => {
    const dir = dataDir();
    const first = loadEnv({ DATA_DIR: dir });
    expect(loadEnv({ DATA_DIR: dir }).receiptHashKey.equals(first.receiptHashKey)).toBe(true);
  });

  it.each([
    [{ NODE_ENV: "production" }, /RECEIPT_HASH_KEY: required in production/],
    [{ NODE_ENV: "production", ...keys, SEED_DEMO_DATA: "true" }, /SEED_DEMO_DATA/],
    [{ PUBLIC_PORT: "not-a-port" }, /PUBLIC_PORT/],
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL/],
    [{ CONTACT_ENCRYPTION_KEY: "short" }, /CONTACT_ENCRYPTION_KEY/],
    [{ IMAGE_MAX_UPLOAD_BYTES: "15MB" }, /IMAGE_MAX_UPLOAD_BYTES/],
    [{ IMAGE_MAX_PIXELS: "0" }, /IMAGE_MAX_PIXELS/],
    [{ RATE_LIMIT_TIP_SUBMISSIONS: "10 per minute" }, /RATE_LIMIT_TIP_SUBMISSIONS: must be/],
    [{ RATE_LIMIT_RECEIPT_FAILURES: "10/2d" }, /RATE_LIMIT_RECEIPT_FAILURES/],
    [{ TRUSTED_PROXY_COUNT: "-1" }, /TRUSTED_PROXY_COUNT/],
    [{ PUBLIC_ORIGIN: "trace.example.org" }, /PUBLIC_ORIGIN: must be an origin/],
    [{ PUBLIC_ORIGIN: "https://trace.example.org/en/" }, /PUBLIC_ORIGIN: must be an origin/],
    [{ PUBLIC_ORIGIN: "ftp://trace.example.org" }, /PUBLIC_ORIGIN: must be an origin/],
  ])("refuses bad configuration %j with a readable list", (env, message) => {
    expect(() => loadEnv({ DATA_DIR: dataDir(), ...env })).toThrow(message);
  });

  it("points share links at PUBLIC_ORIGIN; without it, at the request outside production only", () => {
    const base = { ...keys, DATA_DIR: dataDir() };
    expect(loadEnv({ ...base, PUBLIC_ORIGIN: "https://Trace.Example.org/" }).publicOrigin).toEqual({
      from: "config",
      origin: "https://trace.example.org",
    });
    expect(loadEnv(base).publicOrigin).toEqual({ from: "request" });
    expect(loadEnv({ ...base, NODE_ENV: "production" }).publicOrigin).toBeNull();
    expect(
      loadEnv({ ...base, NODE_ENV: "production", PUBLIC_ORIGIN: "https://trace.example.org" })
        .publicOrigin,
    ).toEqual({ from: "config", origin: "https://trace.example.org" });
  });

  it("takes the per-sender limits from the environment, and trusts no proxy by default", () => {
    const defaults = loadEnv({ ...keys, DATA_DIR: dataDir() });
    expect(defaults.rateLimits).toEqual({
      tipSubmissions: { points: 10, windowSeconds: 600 },
      receiptLookups: { points: 30, windowSeconds: 600 },
      receiptFailures: { points: 10, windowSeconds: 3600 },
      tipPhotoUploads: { points: 20, windowSeconds: 600 },
    });
    expect(defaults.trustedProxies).toBe(0);
    const env = loadEnv({
      ...keys,
      DATA_DIR: dataDir(),
      RATE_LIMIT_TIP_SUBMISSIONS: "5/1h",
      RATE_LIMIT_TIP_PHOTOS: "100/90s",
      TRUSTED_PROXY_COUNT: "2",
    });
    expect(env.rateLimits.tipSubmissions).toEqual({ points: 5, windowSeconds: 3600 });
    expect(env.rateLimits.tipPhotoUploads).toEqual({ points: 100, windowSeconds: 90 });
    expect(env.trustedProxies).toBe(2);
  });

  it("takes the image upload limits from the environment, 15 MB and 50 MP by default", () => {
    expect(loadEnv({ ...keys, DATA_DIR: dataDir() }).imageLimits).toEqual({
      maxUploadBytes: 15 * 1024 * 1024,
      maxPixels: 50_000_000,
    });
    const env = loadEnv({
      ...keys,
      DATA_DIR: dataDir(),
      IMAGE_MAX_UPLOAD_BYTES: "5242880",
      IMAGE_MAX_PIXELS: "24000000",
    });
    expect(env.imageLimits).toEqual({ maxUploadBytes: 5_242_880, maxPixels: 24_000_000 });
  });

  it("never seeds demo data in production and treats empty variables as unset", () => {
    const env = loadEnv({ NODE_ENV: "production", ...keys, DATA_DIR: dataDir(), DATABASE_URL: "" });
    expect(env.seedDemoData).toBe(false);
    expect(env.databaseUrl).toBeUndefined();
  });

  it("derives a webhook-secret key of its own, and configures the outbox worker", () => {
    const env = loadEnv({ ...keys, DATA_DIR: dataDir() });
    expect(env.webhookEncryptionKey).toHaveLength(32);
    expect(env.webhookEncryptionKey.equals(env.totpEncryptionKey)).toBe(false);
    expect(env.webhookEncryptionKey.equals(env.contactEncryptionKey)).toBe(false);
    expect(env.outbox).toEqual({
      runInApi: true,
      concurrency: 4,
      pollIntervalMs: 1_000,
      leaseMs: 60_000,
      maxAttempts: 8,
      backoffBaseMs: 30_000,
      backoffMaxMs: 3_600_000,
    });
    expect(env.webhookTimeoutMs).toBe(10_000);
    expect(env.demoWebhookReceiver).toEqual({ enabled: true, port: 3002 });
    const off = loadEnv({
      ...keys,
      DATA_DIR: dataDir(),
      OUTBOX_WORKER: "false",
      SEED_DEMO_DATA: "false",
    });
    expect(off.outbox.runInApi).toBe(false);
    expect(off.demoWebhookReceiver.enabled).toBe(false);
  });

  it.each([
    [{ OUTBOX_LEASE_MS: "15000" }, /OUTBOX_LEASE_MS: must be at least twice WEBHOOK_TIMEOUT_MS/],
    [{ OUTBOX_BACKOFF_BASE_MS: "5000", OUTBOX_BACKOFF_MAX_MS: "1000" }, /OUTBOX_BACKOFF_MAX_MS/],
    [{ OUTBOX_MAX_ATTEMPTS: "0" }, /OUTBOX_MAX_ATTEMPTS/],
    [{ OUTBOX_WORKER: "yes" }, /OUTBOX_WORKER/],
    [{ NODE_ENV: "production", ...keys, DEMO_WEBHOOK_RECEIVER: "true" }, /DEMO_WEBHOOK_RECEIVER/],
  ])("refuses outbox configuration %j", (env, message) => {
    expect(() => loadEnv({ DATA_DIR: dataDir(), ...env })).toThrow(message);
  });

  it("keeps closed tips' contact and photos 90 days and spam 30 days by default, sweeping hourly", () => {
    expect(loadEnv({ ...keys, DATA_DIR: dataDir() }).retention).toEqual({
      policy: { closedDays: 90, spamDays: 30 },
      sweepIntervalMs: 3_600_000,
    });
    const env = loadEnv({
      ...keys,
      DATA_DIR: dataDir(),
      RETENTION_CLOSED_DAYS: "180",
      RETENTION_SPAM_DAYS: "7",
      RETENTION_SWEEP_INTERVAL_MS: "600000",
    });
    expect(env.retention).toEqual({
      policy: { closedDays: 180, spamDays: 7 },
      sweepIntervalMs: 600_000,
    });
  });

  it.each([
    [{ RETENTION_CLOSED_DAYS: "0" }, /RETENTION_CLOSED_DAYS/],
    [{ RETENTION_SPAM_DAYS: "2.5" }, /RETENTION_SPAM_DAYS/],
    [{ RETENTION_SPAM_DAYS: "thirty" }, /RETENTION_SPAM_DAYS/],
    [{ RETENTION_SWEEP_INTERVAL_MS: "1000" }, /RETENTION_SWEEP_INTERVAL_MS/],
  ])("refuses retention configuration %j", (env, message) => {
    expect(() => loadEnv({ ...keys, DATA_DIR: dataDir(), ...env })).toThrow(message);
  });
});
