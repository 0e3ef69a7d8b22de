export const BUSY = Symbol("busy");

export interface Limiter {
  /** Runs the task when a slot is free; `BUSY` at once when too many are already waiting. */
  run<T>(task: () => Promise<T>): Promise<T | typeof BUSY>;
}

/**
 * At most `maxRunning` tasks at a time, and at most `maxWaiting` queued behind them. Decoding an
 * image takes up to a few hundred megabytes for a short while; a burst of uploads waits its turn,
 * and one beyond the queue is told to come back rather than exhausting the process's memory.
 */
export function createLimiter(maxRunning: number, maxWaiting: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(task) {
      if (running >= maxRunning) {
        if (waiting.length >= maxWaiting) return BUSY;
        // The slot is handed over by the finishing task, so `running` stays counted.
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running++;
      }
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
  };
}
