/**
 * Randomness is passed in so the domain stays pure: the API hands over
 * `crypto.getRandomValues`, tests hand over a seeded or fixed source.
 */
export type RandomSource = (byteCount: number) => Uint8Array;

/** Crockford base32: no I, L, O, U, so codes survive being read aloud and retyped. */
export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Draws `length` base32 symbols, 5 random bits each (one byte per symbol, low 5 bits: unbiased). */
export function randomBase32(random: RandomSource, length: number): string {
  const bytes = random(length);
  if (bytes.length < length) throw new Error("random source returned too few bytes");
  let out = "";
  for (let i = 0; i < length; i++) out += CROCKFORD_ALPHABET[bytes[i]! & 31];
  return out;
}

/** Reads what a person typed: case-insensitive, O→0, I/L→1, separators and spaces ignored. */
export function normaliseBase32(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}
