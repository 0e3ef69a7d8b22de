import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/**
 * Receipt codes carry 100 random bits, so a keyed fast hash is enough (a slow password hash
 * would cap tip intake at a few per second). The key means a database dump alone cannot
 * confirm a guessed code.
 */
export function hashReceipt(key: Buffer, code: string): string {
  return createHmac("sha256", key).update(code).digest("hex");
}

/**
 * AES-256-GCM, stored as `v1.<iv>.<tag>.<ciphertext>` in base64url. One helper for every secret
 * kept at rest: a tipster's contact details, a staff member's TOTP secret.
 */
export function encryptSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function decryptSecret(key: Buffer, stored: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("unknown ciphertext format");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(data, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}

export const encryptContact = encryptSecret;
export const decryptContact = decryptSecret;

/**
 * Recovery codes carry 80 random bits: like receipts, a keyed fast hash is enough. The label
 * keeps these hashes apart from receipt hashes made with the same key.
 */
export function hashRecoveryCode(key: Buffer, code: string): string {
  return createHmac("sha256", key).update(`staff-recovery-code\n${code}`).digest("hex");
}

/** Session tokens: 256 random bits in the cookie, only their SHA-256 in the database. */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
/** Login challenges are made and stored exactly like session tokens. */
export const newLoginChallenge = newSessionToken;
export const hashLoginChallenge = hashSessionToken;

/** Argon2id (algorithm 2; the package's enum is a const enum) with OWASP's minimum parameters. */
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Verified against a fixed hash when the account does not exist, so timing reveals nothing. */
let dummyHash: Promise<string> | undefined;
export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  const target = storedHash ?? (await dummyHash);
  const matches = await verify(target, password).catch(() => false);
  return storedHash !== null && matches;
}

export const cryptoRandom = (n: number): Uint8Array => new Uint8Array(randomBytes(n));
