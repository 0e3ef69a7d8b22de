import { z } from "zod";
import { normaliseBase32, randomBase32, type RandomSource } from "../shared/random";

/**
 * 20 Crockford base32 symbols = 100 random bits, written as five groups of four.
 * At that entropy a fast keyed hash is enough: nobody can enumerate the space, and a slow
 * password hash would cap intake at a few tips per second.
 */
export const RECEIPT_CODE_SYMBOLS = 20;
export const RECEIPT_CODE_BITS = RECEIPT_CODE_SYMBOLS * 5;

export function generateReceiptCode(random: RandomSource): string {
  const raw = randomBase32(random, RECEIPT_CODE_SYMBOLS);
  return raw.match(/.{4}/g)!.join("-");
}

/** Accepts what a person types (any case, spaces, dashes, O for 0) and yields the canonical code. */
export const ReceiptCodeSchema = z
  .string()
  .max(64, "A receipt code has 20 characters.")
  .transform(normaliseBase32)
  .pipe(
    z
      .string()
      .regex(
        /^[0-9A-HJKMNP-TV-Z]{20}$/,
        "A receipt code has 20 letters and digits, like ABCD-EFGH-JKMN-PQRS-TVWX.",
      )
      .transform((code) => code.match(/.{4}/g)!.join("-")),
  );
