import { defineConfig } from "vitest/config";

// Own config: a package-level run must not walk up to a root config (see TOOLCHAIN.md).
export default defineConfig({
  test: { environment: "node", include: ["src/**/*.test.ts", "scripts/**/*.test.mjs"] },
});
