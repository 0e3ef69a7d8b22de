/**
 * The tip's idempotency key (ADR 0015): 16 random bytes, base64url. One per tip as filled in:
 * a send repeated after a network failure reuses it, so a tip that did arrive (only the answer
 * was lost) is not stored twice; a changed tip gets a new key, as does the next tip.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** Holds the key for the tip last sent; `keyFor` answers the same key while the tip is unchanged. */
export function createIdempotencyKeys(newKey: () => string = newIdempotencyKey) {
  let current: { key: string; tip: string } | null = null;
  return {
    keyFor(tip: unknown): string {
      const text = JSON.stringify(tip);
      if (current?.tip !== text) current = { key: newKey(), tip: text };
      return current.key;
    },
    /** After a tip was stored (or its key refused): the next send is a new tip. */
    reset(): void {
      current = null;
    },
  };
}
