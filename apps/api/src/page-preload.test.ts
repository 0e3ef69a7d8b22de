import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap } from "parse5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabases } from "@trace/db/testing";
import { LOCALES, type Locale } from "@trace/domain";
import { createApp } from "./app";
import { PRELOADED_MODULES } from "./http/page-preload";
import { createHarness, type Harness } from "./test/harness";

const engines = await createTestDatabases();

/** A shell as Vite builds it: the entry script, the chunks it imports, its stylesheet. */
const SHELL = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Trace — the build's title</title>
    <meta name="description" content="The build's description." />
    <script type="module" crossorigin src="/assets/index-e1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/runtime-r1.js">
    <link rel="modulepreload" crossorigin href="/assets/common-c1.js">
    <link rel="stylesheet" crossorigin href="/assets/index-e1.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

/** Per locale, the chunk file of each of its catalogs. */
const catalogFile = (catalog: string, locale: Locale) => `assets/${locale}-${catalog}-x1.js`;
const catalogEntries = (catalog: string, dir: string) =>
  Object.fromEntries(
    LOCALES.map((l) => [`src/i18n/locales/${dir}${l}.json`, { file: catalogFile(catalog, l) }]),
  );
const page = (name: string, imports: string[], extra: object = {}) => ({
  file: `assets/${name}-p1.js`,
  name,
  isDynamicEntry: true,
  imports: ["_runtime-r1.js", "_common-c1.js", "index.html", ...imports],
  ...extra,
});

/** A small manifest shaped like the public site's (dist/.vite/manifest.json). */
const MANIFEST = {
  "index.html": {
    file: "assets/index-e1.js",
    isEntry: true,
    imports: ["_runtime-r1.js", "_common-c1.js"],
    css: ["assets/index-e1.css"],
  },
  "_runtime-r1.js": { file: "assets/runtime-r1.js" },
  "_common-c1.js": { file: "assets/common-c1.js", imports: ["_runtime-r1.js"] },
  "_aspect-image-a1.js": { file: "assets/aspect-image-a1.js", imports: ["_common-c1.js"] },
  "_data-table-d1.js": { file: "assets/data-table-d1.js", imports: ["_common-c1.js"] },
  "_form-messages-f1.js": {
    file: "assets/form-messages-f1.js",
    imports: ["_common-c1.js", "index.html"],
  },
  "_page-messages-m1.js": { file: "assets/page-messages-m1.js", imports: ["_common-c1.js"] },
  "src/features/home/home-page.tsx": page("home-page", []),
  "src/features/gallery/gallery-page.tsx": page("gallery-page", ["_aspect-image-a1.js"]),
  "src/features/object/object-page.tsx": page("object-page", ["_aspect-image-a1.js"], {
    dynamicImports: ["src/features/tip-form/tip-form.tsx"],
  }),
  "src/features/check-tip/check-tip-page.tsx": page("check-tip-page", ["_form-messages-f1.js"]),
  "src/features/receipt/receipt-page.tsx": page("receipt-page", ["_form-messages-f1.js"]),
  "src/features/statistics/statistics-page.tsx": page("statistics-page", ["_data-table-d1.js"], {
    css: ["assets/statistics-page-p1.css"],
  }),
  "src/features/privacy/privacy-page.tsx": page("privacy-page", [
    "_data-table-d1.js",
    "_page-messages-m1.js",
  ]),
  "src/features/safeguarding/safeguarding-page.tsx": page("safeguarding-page", [
    "_page-messages-m1.js",
  ]),
  "src/features/not-found/not-found-page.tsx": page("not-found-page", []),
  "src/features/tip-form/tip-form.tsx": page("tip-form", ["_form-messages-f1.js"]),
  ...catalogEntries("site", ""),
  ...catalogEntries("forms", "forms/"),
  ...catalogEntries("statistics", "statistics/"),
  ...catalogEntries("privacy", "privacy/"),
  ...catalogEntries("safeguarding", "safeguarding/"),
};

type Element = DefaultTreeAdapterMap["element"];
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;

function elements(node: DefaultTreeAdapterMap["parentNode"]): Element[] {
  return node.childNodes
    .filter(defaultTreeAdapter.isElementNode)
    .flatMap((child) => [child, ...elements(child)]);
}

/** What a page's HTML hints: each preload link of the head, in order, as `rel[/as] href`. */
function readHints(html: string): string[] {
  const head = elements(parse(html)).find((e) => e.tagName === "head")!;
  const links = elements(head).filter(
    (e) => e.tagName === "link" && /preload/.test(attr(e, "rel") ?? ""),
  );
  const loaded = elements(parse(html)).flatMap((e) => attr(e, "href") ?? attr(e, "src") ?? []);
  // Each file once in the whole page, whatever loads it.
  expect(new Set(loaded).size, html).toBe(loaded.length);
  for (const link of links) expect(attr(link, "crossorigin"), attr(link, "href")).toBe("");
  return links
    .filter((e) => !SHELL.includes(`href="${attr(e, "href")}"`))
    .map((e) => {
      const as = attr(e, "as");
      return `${attr(e, "rel")}${as ? `/${as}` : ""} ${attr(e, "href")}`;
    });
}

const js = (file: string) => `modulepreload /${file}`;

/** What each page must hint in `locale`, in order: its catalogs and chunks, and nothing else. */
function expectedHints(locale: Locale): Record<string, string[]> {
  const site = js(catalogFile("site", locale));
  const own = (catalog: string) => js(catalogFile(catalog, locale));
  return {
    "/": [site, js("assets/home-page-p1.js")],
    "/objects": [site, js("assets/gallery-page-p1.js"), js("assets/aspect-image-a1.js")],
    // The tip form loads after the object is on screen: not hinted.
    "/objects/TOA-7K3Q9M": [site, js("assets/object-page-p1.js"), js("assets/aspect-image-a1.js")],
    "/check": [
      site,
      js("assets/check-tip-page-p1.js"),
      js("assets/form-messages-f1.js"),
      own("forms"),
    ],
    "/receipt": [
      site,
      js("assets/receipt-page-p1.js"),
      js("assets/form-messages-f1.js"),
      own("forms"),
    ],
    "/statistics": [
      site,
      js("assets/statistics-page-p1.js"),
      "preload/style /assets/statistics-page-p1.css",
      js("assets/data-table-d1.js"),
      own("statistics"),
    ],
    "/privacy": [
      site,
      js("assets/privacy-page-p1.js"),
      js("assets/data-table-d1.js"),
      js("assets/page-messages-m1.js"),
      own("privacy"),
    ],
    "/report-abuse": [
      site,
      js("assets/safeguarding-page-p1.js"),
      js("assets/page-messages-m1.js"),
      own("safeguarding"),
    ],
  };
}

const warnings = (h: Harness) =>
  h.logs.filter((line) => line.includes("page preload: build manifest not read")).length;

describe.each(engines)("preload hints in the public site's index.html [$name]", (engine) => {
  let h: Harness;
  let dist: string;
  let publicApp: ReturnType<typeof createApp>;
  let staffApp: ReturnType<typeof createApp>;
  const manifestFile = () => join(dist, ".vite", "manifest.json");

  beforeAll(async () => {
    h = await createHarness(await engine.open());
    dist = await mkdtemp(join(tmpdir(), "trace-preload-"));
    await writeFile(join(dist, "index.html"), SHELL);
    await mkdir(join(dist, ".vite"));
    await writeFile(manifestFile(), JSON.stringify(MANIFEST));
    publicApp = createApp(h.deps, { surface: "public", webDist: dist, publicOrigin: null });
    staffApp = createApp(h.deps, { surface: "staff", webDist: dist });
  });
  afterAll(async () => {
    await engine.dispose();
    await rm(dist, { recursive: true, force: true });
  });

  const html = async (app: ReturnType<typeof createApp>, path: string) => {
    const res = await app.request(path);
    expect(res.status, path).toBe(200);
    expect(res.headers.get("Content-Type"), path).toMatch(/^text\/html/);
    return res.text();
  };

  it.each(LOCALES)(
    "hints each page's chunks and the catalogs it waits for, in %s",
    async (locale) => {
      for (const [path, expected] of Object.entries(expectedHints(locale))) {
        expect(readHints(await html(publicApp, `/${locale}${path}`)), path).toEqual(expected);
      }
    },
  );

  it("hints a published object's page and an unknown reference's alike, by the address alone", async () => {
    const published = readHints(await html(publicApp, `/fr/objects/${h.fixtures.published.ref}`));
    expect(published).toEqual(expectedHints("fr")["/objects/TOA-7K3Q9M"]);
  });

  it("puts the hints after the build's own scripts and stylesheet, inside the head", async () => {
    const served = await html(publicApp, "/de/statistics");
    const head = elements(parse(served)).find((e) => e.tagName === "head")!;
    const hrefs = elements(head).flatMap((e) => attr(e, "href") ?? attr(e, "src") ?? []);
    expect(hrefs.indexOf("/assets/index-e1.css")).toBeLessThan(
      hrefs.indexOf("/assets/statistics-page-p1.js"),
    );
    expect(served).toContain(
      `<link rel="stylesheet" crossorigin href="/assets/index-e1.css">\n    <link rel="modulepreload"`,
    );
  });

  it("hints nothing where the address names no page", async () => {
    for (const path of ["/en/nowhere", "/pl/objects/TOA-7K3Q9M/more", "/nl/check/now"]) {
      expect(readHints(await html(publicApp, path)), path).toEqual([]);
    }
    // Without a locale, the shell is served as built.
    expect(await html(publicApp, "/somewhere/else")).toBe(SHELL);
  });

  it("leaves the staff site's shell as built", async () => {
    for (const path of ["/en/", "/en/objects", "/en/statistics", "/review"]) {
      expect(await html(staffApp, path), path).toBe(SHELL);
    }
  });

  it("never serves the manifest it reads", async () => {
    for (const path of ["/.vite/manifest.json", "/.vite/manifest.json.gz", "/.vite/"]) {
      expect((await publicApp.request(path)).status, path).toBe(404);
    }
  });

  it("serves pages without hints, warning once, while the manifest is broken, and hints again once rebuilt", async () => {
    try {
      for (const broken of [
        "{ not json",
        JSON.stringify({ "index.html": { file: 7 } }),
        JSON.stringify(["assets/index-e1.js"]),
      ]) {
        await writeFile(manifestFile(), broken);
        const before = warnings(h);
        for (const path of ["/en/", "/en/objects", "/it/statistics"]) {
          const served = await html(publicApp, path);
          expect(readHints(served), path).toEqual([]);
          expect(served).toContain('<html lang="');
        }
        expect(warnings(h), broken).toBe(before + 1);
      }
      await rm(manifestFile());
      const before = warnings(h);
      expect(readHints(await html(publicApp, "/en/"))).toEqual([]);
      expect(readHints(await html(publicApp, "/en/objects"))).toEqual([]);
      expect(warnings(h)).toBe(before + 1);
    } finally {
      await writeFile(manifestFile(), JSON.stringify(MANIFEST));
    }
    expect(readHints(await html(publicApp, "/en/"))).toEqual(expectedHints("en")["/"]);
  });

  it("reads the manifest again when a rebuild changes it", async () => {
    const rebuilt = JSON.stringify(MANIFEST).replaceAll("home-page-p1", "home-page-p2");
    await writeFile(manifestFile(), rebuilt);
    try {
      expect(readHints(await html(publicApp, "/pt/"))).toEqual([
        js(catalogFile("site", "pt")),
        js("assets/home-page-p2.js"),
      ]);
    } finally {
      await writeFile(manifestFile(), JSON.stringify(MANIFEST));
    }
    expect(readHints(await html(publicApp, "/pt/"))).toEqual(expectedHints("pt")["/"]);
  });
});

describe("the pages the hints name", () => {
  const web = join(import.meta.dirname, "../../public-web");
  it("are the modules the public site's routes load lazily", () => {
    const routes = readFileSync(join(web, "src/app/routes.tsx"), "utf8");
    expect(PRELOADED_MODULES.length).toBeGreaterThan(0);
    for (const module of PRELOADED_MODULES) {
      expect(existsSync(join(web, module)), module).toBe(true);
      // src/features/home/home-page.tsx → import("../features/home/home-page")
      const specifier = module.replace(/^src\//, "../").replace(/\.tsx$/, "");
      expect(routes, module).toContain(`import("${specifier}")`);
    }
  });
});
