import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { insertStaffUser, type Database } from "@trace/db";
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from "@trace/domain";
// The API's own helpers and key derivation, so the account is stored exactly as the API reads
// it (argon2id hash, TOTP secret encrypted with the key derived from CONTACT_ENCRYPTION_KEY).
import { loadEnv } from "../../apps/api/src/env";
import { encryptSecret, hashPassword } from "../../apps/api/src/services/secrets";

export interface BenchStaffUser {
  email: string;
  password: string;
  totpSecret: string;
}

/** An analyst account for the staff scenarios, enrolled with a known TOTP secret. */
export async function createBenchStaffUser(
  database: Database,
  apiEnv: Record<string, string>,
): Promise<BenchStaffUser> {
  const { totpEncryptionKey } = loadEnv(apiEnv);
  const user: BenchStaffUser = {
    email: `bench-${randomBytes(4).toString("hex")}@bench.example`,
    password: randomBytes(18).toString("base64url"),
    totpSecret: new Secret({ size: 20 }).base32,
  };
  await insertStaffUser(database.db, {
    email: user.email,
    displayName: "Load bench analyst",
    role: "analyst",
    agencyId: null,
    passwordHash: await hashPassword(user.password),
    totpSecretCiphertext: encryptSecret(totpEncryptionKey, user.totpSecret),
  });
  return user;
}

async function mutation(staffUrl: string, path: string, input: unknown): Promise<Response> {
  return fetch(`${staffUrl}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  });
}

/** Logs in through the API's real procedures (password, then TOTP) and returns the cookie. */
export async function logIn(staffUrl: string, user: BenchStaffUser): Promise<string> {
  const login = await mutation(staffUrl, "auth.login", {
    email: user.email,
    password: user.password,
  });
  if (login.status !== 200) throw new Error(`auth.login answered ${login.status}`);
  const { challenge } = ((await login.json()) as { result: { data: { challenge: string } } }).result
    .data;
  const code = new TOTP({
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(user.totpSecret),
  }).generate();
  const verified = await mutation(staffUrl, "auth.verifySecondFactor", {
    challenge,
    method: "totp",
    code,
  });
  if (verified.status !== 200) {
    throw new Error(`auth.verifySecondFactor answered ${verified.status}`);
  }
  const cookie = verified.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("the login set no session cookie");
  return cookie;
}
