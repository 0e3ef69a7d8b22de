import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    // The smoke run starts the API several times and fills a database.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
