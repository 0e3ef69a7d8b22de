import { describe, expect, it } from "vitest";
import {
  decryptContact,
  encryptContact,
  hashReceipt,
  hashPassword,
  verifyPassword,
} from "./secrets";

const key = Buffer.alloc(32, 1);

describe("contact encryption", () => {
  it("round-trips and never stores the plain text", () => {
    const stored = encryptContact(key, "signal: tipster-handle");
    expect(stored).not.toContain("tipster-handle");
    expect(decryptContact(key, stored)).toBe("signal: tipster-handle");
  });

  it("uses a fresh IV every time", () => {
    expect(encryptContact(key, "same")).not.toBe(encryptContact(key, "same"));
  });

  it("refuses a tampered ciphertext or the wrong key", () => {
    const stored = encryptContact(key, "contact");
    const parts = stored.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptContact(key, parts.join("."))).toThrow();
    expect(() => decryptContact(Buffer.alloc(32, 2), stored)).toThrow();
  });
});

describe("receipt hash", () => {
  it("depends on the key", () => {
    const code = "0123-4567-89AB-CDEF-GHJK";
    expect(hashReceipt(key, code)).toBe(hashReceipt(key, code));
    expect(hashReceipt(key, code)).not.toBe(hashReceipt(Buffer.alloc(32, 2), code));
  });
});

describe("passwords", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, "correct horse battery")).toBe(true);
    expect(await verifyPassword(stored, "wrong")).toBe(false);
    expect(await verifyPassword(null, "anything")).toBe(false);
  });
});
