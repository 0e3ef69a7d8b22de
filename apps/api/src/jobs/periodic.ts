import { describeError, type Logger } from "../logger";

/**
 * Runs `task` once now and then every `intervalMs`, never two runs at once; a failure is logged
 * (class and code only) and the next run tries again. Returns a function that stops it.
 */
export function startPeriodic(
  name: string,
  logger: Logger,
  intervalMs: number,
  task: () => Promise<void>,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await task();
    } catch (error) {
      logger.warn({ err: describeError(error) }, `${name} failed`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
