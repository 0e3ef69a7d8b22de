import { describe, expect, it } from "vitest";
import {
  RECOVERY_CODE_COUNT,
  RecoveryCodeSchema,
  TotpCodeSchema,
  acceptTotpStep,
  generateRecoveryCodes,
} from "./second-factor";

describe("acceptTotpStep", () => {
  it.each([
    ["first use", null, 100, { ok: true, value: 100 }],
    ["a later step", 100, 101, { ok: true, value: 101 }],
    ["the same step again", 100, 100, { ok: false, error: "code_replayed" }],
    ["an earlier step", 100, 99, { ok: false, error: "code_replayed" }],
    ["no match", 100, null, { ok: false, error: "code_invalid" }],
    ["no match, never used", null, null, { ok: false, error: "code_invalid" }],
  ] as const)("%s", (_name, last, matched, expected) => {
    expect(acceptTotpStep(last, matched)).toEqual(expected);
  });
});

describe("recovery codes", () => {
  it("draws ten distinct codes that the schema reads back", () => {
    let n = 1;
    // A small linear congruential generator: deterministic, and no two codes alike.
    const random = (count: number) =>
      Uint8Array.from(
        { length: count },
        () => (n = (Math.imul(n, 1103515245) + 12345) >>> 0) >>> 24,
      );
    const codes = generateRecoveryCodes(random);
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(RecoveryCodeSchema.parse(code)).toBe(code);
  });

  it.each([
    ["abcd efgh jkmn pqrs", "ABCD-EFGH-JKMN-PQRS"],
    ["ABCD-EFGH-JKMN-PQRO", "ABCD-EFGH-JKMN-PQR0"],
  ])("reads %s as %s", (typed, canonical) => {
    expect(RecoveryCodeSchema.parse(typed)).toBe(canonical);
  });

  it.each(["", "ABCD-EFGH", "ABCD-EFGH-JKMN-PQRS-TVWX"])("refuses %j", (typed) => {
    expect(RecoveryCodeSchema.safeParse(typed).success).toBe(false);
  });
});

describe("TotpCodeSchema", () => {
  it.each([
    ["123456", true],
    ["123 456", true],
    ["12345", false],
    ["abcdef", false],
  ])("%s → %s", (typed, isValid) => {
    expect(TotpCodeSchema.safeParse(typed).success).toBe(isValid);
  });
});
