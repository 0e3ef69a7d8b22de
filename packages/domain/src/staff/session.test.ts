import { describe, expect, it } from "vitest";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionState } from "./session";

const start = Date.parse("2026-03-01T08:00:00.000Z");
const at = (ms: number) => new Date(start + ms).toISOString();

describe("sessionState", () => {
  it.each([
    ["fresh", { createdAt: at(0), lastSeenAt: at(0), revokedAt: null }, at(1000), "active"],
    [
      "just before idle timeout",
      { createdAt: at(0), lastSeenAt: at(0), revokedAt: null },
      at(SESSION_IDLE_MS - 1),
      "active",
    ],
    [
      "idle",
      { createdAt: at(0), lastSeenAt: at(0), revokedAt: null },
      at(SESSION_IDLE_MS),
      "idle_expired",
    ],
    [
      "busy but too old",
      { createdAt: at(0), lastSeenAt: at(SESSION_ABSOLUTE_MS - 1000), revokedAt: null },
      at(SESSION_ABSOLUTE_MS),
      "absolute_expired",
    ],
    ["revoked", { createdAt: at(0), lastSeenAt: at(0), revokedAt: at(10) }, at(20), "revoked"],
  ] as const)("%s", (_name, session, now, expected) => {
    expect(sessionState(session, now)).toBe(expected);
  });
});
