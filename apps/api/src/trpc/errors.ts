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
  receipt_not_found: ["NOT_FOUND", "No tip matches this receipt code. Check it and try again."],
  tip_not_found: ["NOT_FOUND", "No tip has this id."],
  invalid_credentials: ["UNAUTHORIZED", "The email address or password is not correct."],
  unauthenticated: ["UNAUTHORIZED", "Please log in."],
  forbidden: ["FORBIDDEN", "Your role does not allow this."],
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
    if (
      /Connection terminated|connect ECONNREFUSED|PGlite is closed|database system is (starting|shutting)/i.test(
        e.message,
      )
    ) {
      return true;
    }
  }
  return false;
}
