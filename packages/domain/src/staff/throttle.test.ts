import { describe, expect, it } from "vitest";
import { LOGIN_THROTTLE, afterFailure, checkThrottle, type ThrottleState } from "./throttle";

const start = Date.parse("2026-05-01T10:00:00.000Z");
const at = (ms: number) => new Date(start + ms).toISOString();

function failures(times: number[]): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (const t of times) state = afterFailure(state, at(t));
  return state;
}

describe("login throttle", () => {
  it.each([
    ["no failures", [], 0, false],
    ["four quick failures", [0, 1, 2, 3], 4, false],
    ["five quick failures", [0, 1, 2, 3, 4], 5, true],
    ["five failures, checked after the lock", [0, 1, 2, 3, 4], 4 + LOGIN_THROTTLE.lockMs, false],
    ["five failures spread over more than a minute", [0, 20e3, 40e3, 60e3, 61e3], 62e3, false],
  ] as const)("%s → locked %s", (_name, times, checkAt, isLocked) => {
    expect(checkThrottle(failures([...times]), at(checkAt)).isLocked).toBe(isLocked);
  });

  it("tells how long the lock lasts", () => {
    const check = checkThrottle(failures([0, 1, 2, 3, 4]), at(10_004));
    expect(check).toEqual({ isLocked: true, retryAfterMs: LOGIN_THROTTLE.lockMs - 10_000 });
  });

  it("starts a new count after a lock is over", () => {
    const state = afterFailure(failures([0, 1, 2, 3, 4]), at(4 + LOGIN_THROTTLE.lockMs));
    expect(state).toEqual({
      failureCount: 1,
      windowStartedAt: at(4 + LOGIN_THROTTLE.lockMs),
      lockedUntil: null,
    });
  });
});
