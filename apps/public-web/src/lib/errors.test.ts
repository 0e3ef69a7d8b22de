import { describe, expect, it } from "vitest";
import { classifyApiError, minutesToWait, shouldRetryQuery } from "./errors";

const fieldErrors = [
  { path: "answer.country", code: "invalid_value", message: "Choose a country" },
];

describe("classifyApiError", () => {
  it.each([
    ["a network failure (no tRPC data)", new TypeError("Failed to fetch"), { kind: "unavailable" }],
    [
      "a busy server",
      { message: "busy", data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503 } },
      { kind: "unavailable" },
    ],
    [
      "refused input",
      {
        message: "bad",
        data: { code: "BAD_REQUEST", httpStatus: 400, appCode: null, fieldErrors },
      },
      { kind: "validation", fieldErrors },
    ],
    [
      "a reported failure",
      {
        message: "x",
        data: {
          code: "CONFLICT",
          httpStatus: 409,
          appCode: "object_not_accepting_tips",
          fieldErrors: null,
        },
      },
      { kind: "app", appCode: "object_not_accepting_tips" },
    ],
    [
      "an internal error",
      {
        message: "x",
        data: {
          code: "INTERNAL_SERVER_ERROR",
          httpStatus: 500,
          appCode: null,
          fieldErrors: null,
          requestId: "r1",
        },
      },
      { kind: "unexpected", requestId: "r1" },
    ],
    [
      "a bad request without field errors",
      {
        message: "x",
        data: { code: "BAD_REQUEST", httpStatus: 400, appCode: null, fieldErrors: [] },
      },
      { kind: "unexpected", requestId: null },
    ],
  ])("%s", (_name, error, expected) => {
    expect(classifyApiError(error)).toEqual(expected);
  });
});

describe("rate limits", () => {
  const throttled = (retryAfter: string | null) => ({
    message: "slow down",
    data: { code: "TOO_MANY_REQUESTS", httpStatus: 429, appCode: "tips_throttled" },
    meta: {
      response: new Response(null, {
        status: 429,
        headers: retryAfter === null ? {} : { "Retry-After": retryAfter },
      }),
    },
  });

  it("reads the wait from Retry-After and rounds it up to whole minutes", () => {
    const failure = classifyApiError(throttled("61"));
    expect(failure).toEqual({
      kind: "throttled",
      appCode: "tips_throttled",
      retryAfterSeconds: 61,
    });
    expect(minutesToWait(failure as { retryAfterSeconds: number | null })).toBe(2);
  });

  it.each([null, "soon", "0", "1.5"])("treats Retry-After %j as an unknown wait", (header) => {
    const failure = classifyApiError(throttled(header));
    expect(failure).toEqual({
      kind: "throttled",
      appCode: "tips_throttled",
      retryAfterSeconds: null,
    });
    expect(minutesToWait(failure as { retryAfterSeconds: number | null })).toBe(0);
  });

  it("keeps a 429 without a code (a proxy) as worth retrying", () => {
    expect(classifyApiError({ message: "x", data: { httpStatus: 429 } })).toEqual({
      kind: "unavailable",
    });
  });
});

describe("shouldRetryQuery", () => {
  it.each([
    [0, { data: { httpStatus: 404 } }, false],
    [0, { data: { httpStatus: 400 } }, false],
    [0, { data: { httpStatus: 429 } }, true],
    [0, { data: { httpStatus: 503 } }, true],
    [1, new TypeError("Failed to fetch"), true],
    [2, new TypeError("Failed to fetch"), false],
  ])("attempt %i after %j → %s", (count, error, expected) => {
    expect(shouldRetryQuery(count, error)).toBe(expected);
  });
});
