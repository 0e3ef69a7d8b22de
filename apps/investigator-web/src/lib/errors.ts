import type { StaffRouter } from "@trace/api/trpc";
import { TRPCClientError } from "@trpc/client";

export type StaffError = TRPCClientError<StaffRouter>;

/** The API's error, or null for anything else (a bug in the app, a thrown non-error). */
export function asStaffError(error: unknown): StaffError | null {
  return error instanceof TRPCClientError ? (error as StaffError) : null;
}

/** The tRPC code ("NOT_FOUND", "FORBIDDEN", …); null when the server was not reached. */
export function errorCode(error: unknown) {
  return asStaffError(error)?.data?.code ?? null;
}

/** The API's stable application code (`invalid_credentials`, `tip_not_found`, …). */
export function appCode(error: unknown) {
  return asStaffError(error)?.data?.appCode ?? null;
}

/** Shown with unexpected errors so support can find the request in the server's logs. */
export function requestId(error: unknown): string | null {
  return asStaffError(error)?.data?.requestId ?? null;
}

/** The session cookie is missing or has expired (not a failed login, which is `invalid_credentials`). */
export function isSessionEnded(error: unknown): boolean {
  return appCode(error) === "unauthenticated";
}

/** 4xx answers will not change on retry; network failures and 5xx may. */
export function isWorthRetrying(error: unknown): boolean {
  const status = asStaffError(error)?.data?.httpStatus;
  return status === undefined || status >= 500;
}
