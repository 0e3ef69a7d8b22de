import { TRPCError } from "@trpc/server";

/**
 * Every failure the API reports on purpose, mapped once to a tRPC code (and so an HTTP status).
 * Domain rules return these as values; procedures throw them with `appError`.
 */
const APP_ERRORS = {
  object_not_found: ["NOT_FOUND", "No public object has this reference."],
  object_not_accepting_tips: [
    "CONFLICT",
    "This object no longer takes tips: its origin has been found.",
  ],
  idempotency_key_reused: [
    "CONFLICT",
    "This send was already used for a different tip. Please send your tip again.",
  ],
  receipt_not_found: ["NOT_FOUND", "No tip matches this receipt code. Check it and try again."],
  tips_throttled: [
    "TOO_MANY_REQUESTS",
    "Many tips have come from your connection in a short time. Please wait a few minutes and send your tip again.",
  ],
  receipt_checks_throttled: [
    "TOO_MANY_REQUESTS",
    "Too many receipt codes have been checked from your connection. Please wait a while and try again.",
  ],
  tip_photos_throttled: [
    "TOO_MANY_REQUESTS",
    "Many photos have come from your connection in a short time. Please wait a few minutes and try again.",
  ],
  tip_not_found: ["NOT_FOUND", "No tip has this id."],
  tip_illegal_transition: [
    "CONFLICT",
    "This tip cannot take that triage outcome from its current status.",
  ],
  duplicate_of_self: ["BAD_REQUEST", "A tip cannot be a duplicate of itself."],
  duplicate_of_required: ["BAD_REQUEST", "Give the tip this one duplicates."],
  duplicate_original_not_found: ["BAD_REQUEST", "No tip has the id given as the original."],
  already_assigned_to_you: ["CONFLICT", "This tip is already assigned to you."],
  not_assigned_to_you: ["CONFLICT", "This tip is not assigned to you."],
  tip_routed: ["CONFLICT", "This tip has been routed; its assignment can no longer change."],
  no_contact: ["NOT_FOUND", "The tipster gave no contact details."],
  no_question_to_answer: [
    "CONFLICT",
    "There is no question to answer yet. The investigators will write here if they need to.",
  ],
  too_many_messages: ["CONFLICT", "This conversation is full. Please send a new tip instead."],
  invalid_credentials: ["UNAUTHORIZED", "The email address or password is not correct."],
  unauthenticated: ["UNAUTHORIZED", "Please log in."],
  forbidden: ["FORBIDDEN", "Your role does not allow this."],
  login_throttled: ["TOO_MANY_REQUESTS", "Too many attempts. Try again in a minute."],
  login_challenge_invalid: ["UNAUTHORIZED", "Your login has expired. Please log in again."],
  second_factor_invalid: ["UNAUTHORIZED", "The code is not correct or has already been used."],
  staff_account_not_found: ["NOT_FOUND", "No staff account has this id."],
  staff_email_taken: ["CONFLICT", "A staff account with this email address already exists."],
  agency_not_found: ["BAD_REQUEST", "No agency has this id."],
  delivery_not_found: ["NOT_FOUND", "No delivery job has this id."],
  delivery_not_dead: [
    "CONFLICT",
    "Only a delivery that ran out of attempts can be redelivered; this one is done or on its way.",
  ],
  routing_rule_not_found: ["NOT_FOUND", "No routing rule has this id."],
  routing_rule_changed: [
    "CONFLICT",
    "Someone saved a newer version of this rule. Reload it and make your change again.",
  ],
  routing_order_incomplete: ["BAD_REQUEST", "Give the new order of every rule, each once."],
  referral_not_found: ["NOT_FOUND", "No referral has this id."],
  referral_tips_not_found: ["BAD_REQUEST", "One or more of these tips do not exist."],
  referral_tips_mixed_objects: ["BAD_REQUEST", "A referral holds tips about one object only."],
  referral_tip_not_triaged: [
    "CONFLICT",
    "Only tips triaged as useful or urgent can be referred to an agency.",
  ],
  referral_already_sent: [
    "CONFLICT",
    "One or more of these tips were already referred to this agency.",
  ],
  referral_override_reason_required: [
    "BAD_REQUEST",
    "The rules suggest another agency. Say why you refer these tips elsewhere.",
  ],
  referral_agency_inactive: ["CONFLICT", "This agency no longer receives referrals."],
  referral_illegal_transition: [
    "CONFLICT",
    "This referral cannot take that step from its current status.",
  ],
  referral_note_required: [
    "BAD_REQUEST",
    "Describe the outcome in a note when you choose “other”.",
  ],
  own_account: ["CONFLICT", "You cannot disable, demote or reset your own account."],
  staff_object_not_found: ["NOT_FOUND", "No object has this id."],
  image_not_found: ["NOT_FOUND", "This object has no image with this id."],
  series_not_found: ["NOT_FOUND", "No series has this id."],
  case_not_found: ["NOT_FOUND", "No case has this id."],
  illegal_transition: ["CONFLICT", "The object is not in a state that allows this."],
  self_approval: ["FORBIDDEN", "You cannot approve an object you wrote: ask another coordinator."],
  reason_required: ["BAD_REQUEST", "Give the reason for withdrawing the object."],
  not_yet_due: ["CONFLICT", "The object is scheduled for later."],
  object_not_editable: [
    "CONFLICT",
    "Only a draft can be changed: return the object to draft first.",
  ],
  object_has_no_images: ["CONFLICT", "Add at least one image before submitting for review."],
  image_order_mismatch: ["BAD_REQUEST", "List every image of the object exactly once."],
  too_many_images: ["CONFLICT", "This object already has as many images as it may have."],
  unsupported_image: [
    "BAD_REQUEST",
    "This file is not a JPEG, PNG, WebP or AVIF image. Choose a photo in one of these formats.",
  ],
  image_too_large: ["PAYLOAD_TOO_LARGE", "The image file is too large. Choose a smaller file."],
  image_empty: ["BAD_REQUEST", "The file is empty. Choose the image again."],
  image_too_many_pixels: [
    "PAYLOAD_TOO_LARGE",
    "The image has too many pixels. Reduce its dimensions and try again.",
  ],
  image_unreadable: [
    "BAD_REQUEST",
    "The image is damaged or incomplete and cannot be read. Choose another copy.",
  ],
  image_busy: [
    "SERVICE_UNAVAILABLE",
    "Many images are being uploaded right now. Please try again in a minute.",
  ],
  tip_photo_invalid: [
    "BAD_REQUEST",
    "A photo you attached has expired or was already sent. Remove it and attach it again.",
  ],
  case_reference_taken: ["CONFLICT", "Another case already has this reference."],
  series_code_taken: ["CONFLICT", "Another series already has this code."],
  illegal_series_transition: [
    "CONFLICT",
    "A series cannot move to this status from its current one.",
  ],
} as const satisfies Record<string, [TRPCError["code"], string]>;

export type AppErrorCode = keyof typeof APP_ERRORS;

export function appError(code: AppErrorCode): TRPCError {
  const [trpcCode, message] = APP_ERRORS[code];
  return new TRPCError({ code: trpcCode, message, cause: new AppErrorCause(code) });
}

/** Carries the stable error code to the client (`error.data.appCode`) for translation. */
export class AppErrorCause extends Error {
  constructor(readonly appCode: AppErrorCode) {
    super(appCode);
  }
}

/** What a client waits before it tries again while the database is unavailable (Retry-After). */
export const RETRY_AFTER_SECONDS = 5;
export const UNAVAILABLE_MESSAGE =
  "The service is temporarily unavailable. Please try again in a few seconds.";

/**
 * The answer to a database that is unavailable, for a tRPC call: 503 (SERVICE_UNAVAILABLE) and
 * a Retry-After header. The site's form keeps its idempotency key and sends the same tip again.
 */
export function serviceUnavailable(resHeaders: Headers): TRPCError {
  resHeaders.set("Retry-After", String(RETRY_AFTER_SECONDS));
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: UNAVAILABLE_MESSAGE });
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);

/**
 * Is this a failure of the database (unreachable, shutting down, out of resources) rather than
 * of our code? Such failures are answered with 503 and a retry hint.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (
      typeof code === "string" &&
      (CONNECTION_CODES.has(code) || /^(08|53|57)[0-9A-Z]{3}$/.test(code))
    ) {
      return true;
    }
    // node-postgres's own errors carry no code: a connection cut (or cut earlier, in the middle
    // of a transaction), and a pool that found no connection in time.
    if (
      /Connection terminated|connect ECONNREFUSED|is not queryable|timeout exceeded when trying to connect|PGlite is closed|database system is (starting|shutting)/i.test(
        e.message,
      )
    ) {
      return true;
    }
  }
  return false;
}
