import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // A fresh PGlite takes a few seconds to start; PostgreSQL databases are created per file.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default", "./src/test/engine-reporter.ts"],
  },
});
