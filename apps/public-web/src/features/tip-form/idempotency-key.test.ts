import { describe, expect, it } from "vitest";
import { createIdempotencyKeys, newIdempotencyKey } from "./idempotency-key";

describe("tip idempotency keys", () => {
  it("are 22 characters of base64url (128 random bits), different each time", () => {
    const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("stay the same while the tip is unchanged and change with the tip or after a reset", () => {
    const keys = createIdempotencyKeys();
    const tip = { text: "A market in Liège", photoTokens: ["a"] };
    const first = keys.keyFor(tip);
    expect(keys.keyFor({ ...tip })).toBe(first);
    const edited = keys.keyFor({ ...tip, text: "A shop in Namur" });
    expect(edited).not.toBe(first);
    keys.reset();
    expect(keys.keyFor({ ...tip, text: "A shop in Namur" })).not.toBe(edited);
  });
});
