import { describe, expect, it } from "vitest";
import { BUSY, createLimiter } from "./limiter";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe("createLimiter", () => {
  it("runs at most maxRunning at once, queues maxWaiting, refuses the rest", async () => {
    const limiter = createLimiter(2, 1);
    let active = 0;
    let peak = 0;
    const gates = [deferred(), deferred(), deferred()];
    const task = (i: number) => async () => {
      active++;
      peak = Math.max(peak, active);
      await gates[i]!.promise;
      active--;
      return i;
    };
    const runs = [0, 1, 2].map((i) => limiter.run(task(i)));
    expect(await limiter.run(async () => "late")).toBe(BUSY);
    gates.forEach((g) => g.resolve());
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(peak).toBe(2);
    // Every slot was given back: new work runs again.
    expect(await limiter.run(async () => "again")).toBe("again");
  });

  it("frees the slot when a task throws", async () => {
    const limiter = createLimiter(1, 0);
    await expect(limiter.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await limiter.run(async () => 1)).toBe(1);
  });
});
