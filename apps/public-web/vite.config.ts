import { readFile } from "node:fs/promises";
import { parse } from "@formatjs/icu-messageformat-parser";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

// In development the API runs separately (pnpm --filter @trace/api dev); in production it serves dist/.
const API = "http://127.0.0.1:3000";

// The site catalogs (locales/xx.json) and the forms catalogs (locales/forms/xx.json).
const CATALOG = /\/src\/i18n\/locales\/(forms\/)?[a-z]{2}\.json$/;

function precompileTree(node: unknown): unknown {
  if (typeof node === "string") return parse(node);
  if (Array.isArray(node)) return node.map(precompileTree);
  if (typeof node === "object" && node !== null)
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, precompileTree(v)]));
  return node;
}

/**
 * Parses every ICU message of the catalogs at build time, so the browser gets syntax trees and
 * intl-messageformat runs without its parser (aliased away below): a syntax error fails the build.
 */
function icuPrecompile(): Plugin {
  return {
    name: "trace-icu-precompile",
    enforce: "pre",
    async load(id) {
      if (!CATALOG.test(id)) return null;
      const catalog: unknown = JSON.parse(await readFile(id, "utf8"));
      return JSON.stringify(precompileTree(catalog));
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [react(), icuPrecompile()],
  resolve: {
    alias:
      command === "build"
        ? [
            {
              find: /^@formatjs\/icu-messageformat-parser$/,
              replacement: "@formatjs/icu-messageformat-parser/no-parser.js",
            },
          ]
        : [],
  },
  server: {
    port: 5173,
    proxy: { "/trpc": API, "/media": API },
  },
  build: {
    outDir: "dist",
    // dist/.vite/manifest.json: what scripts/check-bundle-size.mjs measures.
    manifest: true,
    rolldownOptions: {
      treeshake: {
        // tRPC's packages do not declare themselves side-effect free, so its unused links (the
        // WebSocket one, streaming) would stay in the entry chunk; they have no side effects.
        moduleSideEffects: [{ test: /[\\/]node_modules[\\/]@trpc[\\/]/, sideEffects: false }],
      },
    },
  },
}));
