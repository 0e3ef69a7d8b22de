#!/usr/bin/env node
// The public site's JavaScript budget (issue 6, "Speed"): the home, gallery and object pages
// must start with at most 100 kB of gzipped JavaScript. Runs after `vite build` (see the
// package's build script, which CI runs before the browser tests) and fails the build above it.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

/** kB as Vite prints them: 1000 bytes. */
export const BUDGET_BYTES = 100_000;

/** The pages under budget, by the source file of their lazily loaded route component. */
export const BUDGETED_ROUTES = {
  home: "src/features/home/home-page.tsx",
  gallery: "src/features/gallery/gallery-page.tsx",
  object: "src/features/object/object-page.tsx",
};

// The site catalogs; the forms catalogs (locales/forms/xx.json) load only with a form.
const CATALOG = /^src\/i18n\/locales\/[a-z]{2}\.json$/;

/**
 * Every chunk a browser must fetch before `key` can run: the chunk and, recursively, its static
 * imports. Dynamic imports (other routes, the tip form) are loaded on demand and not counted.
 * @param {Record<string, {file: string, imports?: string[]}>} manifest Vite's build manifest
 * @param {string} key
 * @param {Set<string>} [files]
 * @returns {Set<string>} output files
 */
export function staticClosure(manifest, key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`The build manifest has no entry for ${key}`);
  if (files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, files);
  return files;
}

/**
 * The initial JavaScript of each budgeted route: the entry chunk, the route's chunk, their static
 * imports and a locale catalog. Catalogs differ in size, so each route is measured with the
 * largest one; `gzipSize` maps an output file to its gzipped size in bytes.
 * @param {Record<string, {file: string, isEntry?: boolean, imports?: string[]}>} manifest
 * @param {(file: string) => number} gzipSize
 */
export function measureRoutes(manifest, gzipSize) {
  const entries = Object.keys(manifest).filter(
    (key) => manifest[key].isEntry && manifest[key].file.endsWith(".js"),
  );
  if (entries.length !== 1)
    throw new Error(`Expected one JavaScript entry, found ${entries.length}`);
  const catalogs = Object.keys(manifest).filter((key) => CATALOG.test(key));
  if (catalogs.length === 0) throw new Error("The build manifest lists no locale catalogs");
  const catalog = catalogs
    .map((key) => ({ key, bytes: gzipSize(manifest[key].file) }))
    .reduce((a, b) => (b.bytes > a.bytes ? b : a));

  return Object.entries(BUDGETED_ROUTES).map(([route, key]) => {
    const files = staticClosure(manifest, key, staticClosure(manifest, entries[0]));
    const codeBytes = [...files].reduce((sum, file) => sum + gzipSize(file), 0);
    const bytes = codeBytes + catalog.bytes;
    return {
      route,
      files: files.size + 1,
      catalog: catalog.key,
      bytes,
      isOver: bytes > BUDGET_BYTES,
    };
  });
}

function main() {
  const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
  const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));
  const gzipSize = (file) => gzipSync(readFileSync(join(dist, file))).length;
  const rows = measureRoutes(manifest, gzipSize);
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  const table = [
    ["page", "files", "gzip", "catalog", "verdict"],
    ...rows.map((row) => [
      row.route,
      String(row.files),
      kB(row.bytes),
      row.catalog.replace(/^.*\//, ""),
      row.isOver ? "OVER BUDGET" : "ok",
    ]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((cells) => cells[i].length)));
  const lines = table.map((cells) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join("  ")
      .trimEnd(),
  );
  process.stdout.write(
    `Initial JavaScript per page (gzip; budget ${kB(BUDGET_BYTES)}):\n${lines.join("\n")}\n`,
  );
  const over = rows.filter((row) => row.isOver);
  if (over.length > 0) {
    console.error(`Over the ${kB(BUDGET_BYTES)} budget: ${over.map((r) => r.route).join(", ")}`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
