import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints how many tests ran on each database engine, so a skipped PostgreSQL leg is visible:
 * test names carry the engine as `[pglite]` or `[postgres]`.
 */
export default class EngineReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = new Map<string, { passed: number; failed: number }>();
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const engine = /\['?(pglite|postgres)'?\]/.exec(test.fullName)?.[1] ?? "engine-independent";
        const entry = counts.get(engine) ?? { passed: 0, failed: 0 };
        const state = test.result().state;
        if (state === "passed") entry.passed++;
        if (state === "failed") entry.failed++;
        counts.set(engine, entry);
      }
    }
    const lines = ["pglite", "postgres", "engine-independent"].map((engine) => {
      const c = counts.get(engine);
      return `  ${engine}: ${c ? `${c.passed} passed, ${c.failed} failed` : "0 tests (not run)"}`;
    });
    process.stdout.write(`\nAPI tests per database engine:\n${lines.join("\n")}\n`);
  }
}
