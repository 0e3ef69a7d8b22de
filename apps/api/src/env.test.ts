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
  ])("refuses bad configuration %j with a readable list", (env, message) => {
    expect(() => loadEnv({ DATA_DIR: dataDir(), ...env })).toThrow(message);
  });

  it("never seeds demo data in production and treats empty variables as unset", () => {
    const env = loadEnv({ NODE_ENV: "production", ...keys, DATA_DIR: dataDir(), DATABASE_URL: "" });
    expect(env.seedDemoData).toBe(false);
    expect(env.databaseUrl).toBeUndefined();
  });
});
