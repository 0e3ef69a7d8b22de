import type { FieldError } from "@trace/api/trpc";

/** The parts of a tRPC client error this app looks at (see `errorFormatter` in the API). */
interface ApiErrorData {
  code?: string;
  httpStatus?: number;
  appCode?: string | null;
  fieldErrors?: readonly FieldError[] | null;
  requestId?: string | null;
}

export type ApiFailure =
  /** The input was refused; each issue names the input path it is about. */
  | { kind: "validation"; fieldErrors: readonly FieldError[] }
  /** A failure the API reports on purpose, with a stable code to translate. */
  | { kind: "app"; appCode: string }
  /**
   * Rate limited on purpose (429 with a stable code): trying again at once will not help, so the
   * page says to wait, for `retryAfterSeconds` (from `Retry-After`) when the answer said.
   */
  | { kind: "throttled"; appCode: string; retryAfterSeconds: number | null }
  /** Network down, server busy (503) or rate limited by a proxy: worth trying again as is. */
  | { kind: "unavailable" }
  | { kind: "unexpected"; requestId: string | null };

function errorData(error: unknown): ApiErrorData | null {
  if (typeof error !== "object" || error === null || !("data" in error)) return null;
  const data = (error as { data: unknown }).data;
  return typeof data === "object" && data !== null ? (data as ApiErrorData) : null;
}

/** `Retry-After` in seconds, from the HTTP response the tRPC client keeps on its errors. */
function retryAfterSeconds(error: unknown): number | null {
  const meta = (error as { meta?: { response?: unknown } }).meta;
  const response = meta?.response;
  if (typeof Response === "undefined" || !(response instanceof Response)) return null;
  const seconds = Number(response.headers.get("Retry-After"));
  return Number.isInteger(seconds) && seconds > 0 ? seconds : null;
}

/** Whole minutes to wait, for messages; 0 when the wait is unknown. */
export function minutesToWait(failure: { retryAfterSeconds: number | null }): number {
  return failure.retryAfterSeconds === null ? 0 : Math.ceil(failure.retryAfterSeconds / 60);
}

/**
 * Sorts any error thrown by the tRPC client into what the page should do about it. An error
 * without tRPC data never reached a tRPC procedure: the network or a proxy failed.
 */
export function classifyApiError(error: unknown): ApiFailure {
  const data = errorData(error);
  if (!data) return { kind: "unavailable" };
  if (data.httpStatus === 429 && data.appCode) {
    return {
      kind: "throttled",
      appCode: data.appCode,
      retryAfterSeconds: retryAfterSeconds(error),
    };
  }
  if (
    data.httpStatus === 503 ||
    data.httpStatus === 429 ||
    data.httpStatus === 502 ||
    data.httpStatus === 504
  ) {
    return { kind: "unavailable" };
  }
  if (data.fieldErrors && data.fieldErrors.length > 0)
    return { kind: "validation", fieldErrors: data.fieldErrors };
  if (data.appCode) return { kind: "app", appCode: data.appCode };
  return { kind: "unexpected", requestId: data.requestId ?? null };
}

/** Client errors (4xx) will fail the same way again; everything else gets two more tries. */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  const status = errorData(error)?.httpStatus;
  if (status !== undefined && status >= 400 && status < 500 && status !== 429) return false;
  return failureCount < 2;
}
