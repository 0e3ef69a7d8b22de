import { defineConfig } from "vitest/config";

// Unit tests for the app's pure helpers; the browser is covered by the e2e package.
export default defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
