import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadEnv } from "../env";
import { DEFAULT_SUBMISSION_TRUST } from "./submission-trust";

const keys = { RECEIPT_HASH_KEY: "a".repeat(64), CONTACT_ENCRYPTION_KEY: "b".repeat(64) };
const dataDir = () => mkdtempSync(join(tmpdir(), "trace-env-"));

describe("tip abuse settings", () => {
  it("default to a 3 s fill time and a proof of work of 1,000 iterations, up to 5,000 attempts", () => {
    const env = loadEnv({ ...keys, DATA_DIR: dataDir() });
    expect(env.submissionTrust).toEqual(DEFAULT_SUBMISSION_TRUST);
    expect(env.submissionTrust.policy.minFillMs).toBe(3_000);
    expect(env.submissionTrust.proofOfWork).toMatchObject({ cost: 1_000, maxCounter: 5_000 });
  });

  it("are taken from the environment, with a cheap setting for tests", () => {
    const env = loadEnv({
      ...keys,
      DATA_DIR: dataDir(),
      TIP_MIN_FILL_SECONDS: "0",
      TIP_PROOF_OF_WORK_COST: "10",
      TIP_PROOF_OF_WORK_MAX_COUNTER: "200",
    });
    expect(env.submissionTrust.policy.minFillMs).toBe(0);
    expect(env.submissionTrust.proofOfWork).toMatchObject({ cost: 10, maxCounter: 200 });
  });

  it("derive a proof-of-work key of their own from the receipt key, the same at every start", () => {
    const first = loadEnv({ ...keys, DATA_DIR: dataDir() });
    const second = loadEnv({ ...keys, DATA_DIR: dataDir() });
    expect(first.proofOfWorkKey).toHaveLength(32);
    expect(first.proofOfWorkKey.equals(first.receiptHashKey)).toBe(false);
    expect(first.proofOfWorkKey.equals(first.formTicketKey)).toBe(false);
    expect(first.proofOfWorkKey.equals(second.proofOfWorkKey)).toBe(true);
  });

  it.each([
    [{ TIP_MIN_FILL_SECONDS: "-1" }, /TIP_MIN_FILL_SECONDS/],
    [{ TIP_MIN_FILL_SECONDS: "soon" }, /TIP_MIN_FILL_SECONDS/],
    [{ TIP_PROOF_OF_WORK_COST: "0" }, /TIP_PROOF_OF_WORK_COST/],
    [{ TIP_PROOF_OF_WORK_MAX_COUNTER: "1.5" }, /TIP_PROOF_OF_WORK_MAX_COUNTER/],
  ])("refuse %o at boot", (vars, message) => {
    expect(() => loadEnv({ ...keys, DATA_DIR: dataDir(), ...vars })).toThrow(message);
  });
});
