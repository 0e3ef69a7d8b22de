import { describe, expect, it } from "vitest";
import { BUDGET_BYTES, measureRoutes, staticClosure } from "./check-bundle-size.mjs";

/** A manifest shaped like Vite's: one entry, three lazy pages, a shared chunk and two catalogs. */
const manifest = {
  "index.html": {
    file: "assets/index.js",
    isEntry: true,
    imports: ["_react.js"],
    dynamicImports: ["src/features/home/home-page.tsx"],
  },
  "_react.js": { file: "assets/react.js" },
  "_shared.js": { file: "assets/shared.js", imports: ["index.html"] },
  "src/features/home/home-page.tsx": { file: "assets/home.js", imports: ["_shared.js"] },
  "src/features/gallery/gallery-page.tsx": { file: "assets/gallery.js", imports: ["index.html"] },
  "src/features/object/object-page.tsx": {
    file: "assets/object.js",
    imports: ["_shared.js"],
    dynamicImports: ["src/features/tip-form/tip-form.tsx"],
  },
  "src/features/tip-form/tip-form.tsx": { file: "assets/tip-form.js" },
  "src/i18n/locales/en.json": { file: "assets/en.js" },
  "src/i18n/locales/pl.json": { file: "assets/pl.js" },
};

describe("staticClosure", () => {
  it("follows static imports once each and never dynamic ones", () => {
    expect([...staticClosure(manifest, "src/features/object/object-page.tsx")].sort()).toEqual([
      "assets/index.js",
      "assets/object.js",
      "assets/react.js",
      "assets/shared.js",
    ]);
  });

  it("fails on a key the manifest does not have", () => {
    expect(() => staticClosure(manifest, "src/nope.tsx")).toThrow(/no entry for src\/nope.tsx/);
  });
});

describe("measureRoutes", () => {
  const sizes = {
    "assets/index.js": 60_000,
    "assets/react.js": 30_000,
    "assets/shared.js": 3_000,
    "assets/home.js": 1_000,
    "assets/gallery.js": 2_000,
    "assets/object.js": 8_000,
    "assets/tip-form.js": 50_000,
    "assets/en.js": 4_000,
    "assets/pl.js": 5_000,
  };
  const rows = measureRoutes(manifest, (file) => sizes[file]);
  const byRoute = Object.fromEntries(rows.map((row) => [row.route, row]));

  it("adds the entry, the page, their static imports and the largest catalog", () => {
    expect(byRoute.home.bytes).toBe(60_000 + 30_000 + 3_000 + 1_000 + 5_000);
    expect(byRoute.gallery.bytes).toBe(60_000 + 30_000 + 2_000 + 5_000);
    expect(byRoute.home.catalog).toBe("src/i18n/locales/pl.json");
  });

  it("flags a page above the budget and leaves lazily loaded chunks out", () => {
    // 106 kB: over, although the 50 kB tip form it loads on demand is not counted.
    expect(byRoute.object.bytes).toBe(106_000);
    expect(byRoute.object.isOver).toBe(true);
    expect(byRoute.gallery.isOver).toBe(false);
    expect(BUDGET_BYTES).toBe(100_000);
  });
});
