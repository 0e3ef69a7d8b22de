import { readFile } from "node:fs/promises";
import { parse } from "@formatjs/icu-messageformat-parser";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { compression } from "vite-plugin-compression2";

// In development the API runs separately (pnpm --filter @trace/api dev); in production it serves dist/.
const API = "http://127.0.0.1:3000";

// The site catalogs (locales/xx.json), the forms catalogs (locales/forms/xx.json) and the
// catalogs of single pages (locales/statistics/xx.json, locales/privacy/xx.json, …).
const CATALOG =
  /\/src\/i18n\/locales\/(forms\/|statistics\/|privacy\/|safeguarding\/)?[a-z]{2}\.json$/;

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
  // dist/**/*.{js,css,…}.br and .gz beside each file, served by the API when the browser accepts
  // them (docs/adr/0010-precompressed-static-files.md). index.html is served by the API itself.
  plugins: [react(), icuPrecompile(), compression({ exclude: /\.html$/ })],
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
    // Every browser the site supports knows <link rel="modulepreload">; one without it only loads
    // chunks a moment later, so the polyfill is not worth its bytes in every first load.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // The small modules the home, gallery and object pages share (React's query hooks, a few
        // ui parts, domain constants, formatting) in one chunk: left to itself the bundler cuts
        // them into many tiny chunks shared with the other pages, each costing its own request
        // and compressing worse (half a kilobyte gzip of the gallery's first load, measured).
        codeSplitting: {
          groups: [
            {
              name: "common",
              test: (id: string) =>
                /[\\/]node_modules[\\/]\.pnpm[\\/](react|@tanstack)[@+]/.test(id) ||
                /[\\/]packages[\\/]ui[\\/]src[\\/](class-names|badge|field)\.tsx?$/.test(id) ||
                /[\\/]packages[\\/]domain[\\/]src[\\/](shared[\\/](country|locale)-codes|object[\\/]object-constants|image[\\/]image-constants)\.ts$/.test(
                  id,
                ) ||
                /[\\/]public-web[\\/]src[\\/]lib[\\/](format|served-text|use-document-title|images)\.tsx?$/.test(
                  id,
                ),
            },
          ],
        },
      },
      treeshake: {
        // tRPC's packages do not declare themselves side-effect free, so its unused links (the
        // WebSocket one, streaming) would stay in the entry chunk; they have no side effects.
        moduleSideEffects: [{ test: /[\\/]node_modules[\\/]@trpc[\\/]/, sideEffects: false }],
      },
    },
  },
}));
