import { z } from "zod";
import { ReceiptCodeSchema } from "@trace/domain";
import { hashReceipt } from "../services/secrets";
import type { Context } from "../trpc/context";
import { appError, type AppErrorCode } from "../trpc/errors";
import type { ReceiptLookup, Throttled } from "./public-rate-limits";

/** 429 with `Retry-After` and the stable code the public site translates. */
export function throttledError(
  ctx: Pick<Context, "resHeaders">,
  verdict: Throttled,
  code: AppErrorCode,
) {
  ctx.resHeaders.set("Retry-After", String(verdict.retryAfterSeconds));
  return appError(code);
}

/** Counts a tip submission against the sender's bucket; throws 429 past the limit. */
export async function takeTipSubmission(ctx: Context): Promise<void> {
  const verdict = await ctx.rateLimit.take("tipSubmission");
  if (!verdict.ok) throw throttledError(ctx, verdict, "tips_throttled");
}

/** Counts a receipt look-up (see `ClientRateLimits.beginReceiptLookup`); throws 429 past a limit. */
export async function beginReceiptLookup(ctx: Context): Promise<ReceiptLookup> {
  const lookup = await ctx.rateLimit.beginReceiptLookup();
  if (!lookup.ok) throw throttledError(ctx, lookup, "receipt_checks_throttled");
  return lookup;
}

/**
 * What a receipt look-up accepts: any string. A malformed code is not refused as bad input
 * (400, which would tell a guesser which codes are worth trying): it is answered exactly like a
 * well-formed code that matches no tip.
 */
export const ReceiptLookupCodeSchema = z.string();

/** A value that is never a receipt code, so its hash matches no stored one. */
const NOT_A_RECEIPT_CODE = "not-a-receipt-code";

/**
 * The keyed hash to look a receipt up by. A malformed code is hashed too (as a stand-in no tip
 * has) and then looked up like any other, so it takes the same path — HMAC, then one query — as
 * a well-formed unknown code, with no early answer that a stopwatch could tell apart.
 */
export function receiptLookupHash(key: Buffer, typed: string): string {
  const parsed = ReceiptCodeSchema.safeParse(typed);
  return hashReceipt(key, parsed.success ? parsed.data : NOT_A_RECEIPT_CODE);
}
