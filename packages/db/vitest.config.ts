import { defineConfig } from "vitest/config";

// PGlite takes a few seconds to start, and the seed renders its images: generous timeouts.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
});
