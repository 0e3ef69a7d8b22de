import { readFile, stat } from "node:fs/promises";
import { z } from "zod";
import type { Locale } from "@trace/domain";
import { describeError, type Logger } from "../logger";
import { headTag } from "./html-shell";
import { matchPage, type Page } from "./share-meta";

/*
 * Preload hints for the page a public-site URL names. Without them the browser finds the page's
 * code one step at a time: the HTML, the entry chunk, then the locale's catalog (the site renders
 * nothing before its words), then the page's own chunk, then the catalog some pages wait for. With
 * `<link rel="modulepreload">` in the HTML they all start together with the entry chunk. Which
 * file holds which module is read from Vite's manifest (`dist/.vite/manifest.json`), the build's
 * own record of its chunks; the manifest itself is never served (app.ts blocks dotfiles).
 */

/** What the hints need of Vite's manifest: each module's output file and what it imports. */
const ManifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    imports: z.array(z.string()).optional(),
    css: z.array(z.string()).optional(),
  }),
);
export type Manifest = z.infer<typeof ManifestSchema>;

type Catalog = "forms" | "statistics" | "privacy" | "safeguarding";

/**
 * Each page's module (the lazy import of apps/public-web/src/app/routes.tsx) and the catalog of
 * its own it waits for before it shows anything (the forms catalog of `WithFormMessages`, a page
 * catalog of `loadPageMessages`). Pages not here (an unknown path, the not-found page) get no
 * hints. The object page's tip form is left out on purpose: the page loads it after it has shown
 * the object, and it must not compete with the object's picture.
 */
const PAGE_MODULES: Record<
  Exclude<Page["kind"], "other">,
  { module: string; catalog?: Catalog }
> = {
  home: { module: "src/features/home/home-page.tsx" },
  gallery: { module: "src/features/gallery/gallery-page.tsx" },
  object: { module: "src/features/object/object-page.tsx" },
  check: { module: "src/features/check-tip/check-tip-page.tsx", catalog: "forms" },
  receipt: { module: "src/features/receipt/receipt-page.tsx", catalog: "forms" },
  statistics: { module: "src/features/statistics/statistics-page.tsx", catalog: "statistics" },
  privacy: { module: "src/features/privacy/privacy-page.tsx", catalog: "privacy" },
  safeguarding: {
    module: "src/features/safeguarding/safeguarding-page.tsx",
    catalog: "safeguarding",
  },
};

/** Every module the public site's pages are known by here, for a test that they still exist. */
export const PRELOADED_MODULES: readonly string[] = Object.values(PAGE_MODULES).map(
  (p) => p.module,
);

/** The manifest keys (source paths) whose chunks a page needs first, in the order they help. */
function pageModules(locale: Locale, page: Page): string[] {
  if (page.kind === "other") return [];
  const { module, catalog } = PAGE_MODULES[page.kind];
  // The site catalog comes first: the site shows nothing, not even a page's spinner, without it.
  const modules = [`src/i18n/locales/${locale}.json`, module];
  if (catalog) modules.push(`src/i18n/locales/${catalog}/${locale}.json`);
  return modules;
}

/**
 * The hint tags for `modules` and every chunk they import statically (what Vite's own loader
 * would fetch next): each chunk once, none that the HTML already loads (`linked`), and a module
 * the manifest does not know is skipped. A chunk's stylesheet is preloaded as a style rather than
 * linked, so it blocks nothing: the page links it itself when its chunk runs.
 */
export function preloadTags(
  manifest: Manifest,
  modules: readonly string[],
  linked: ReadonlySet<string>,
): string[] {
  const visited = new Set<string>();
  const hinted = new Set(linked);
  const tags: string[] = [];
  const hint = (file: string, attrs: Record<string, string>) => {
    const href = `/${file}`;
    if (hinted.has(href)) return;
    hinted.add(href);
    // crossorigin as Vite writes it, so the browser reuses the preloaded response.
    tags.push(headTag("link", { ...attrs, crossorigin: "", href }));
  };
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || visited.has(key)) return;
    visited.add(key);
    hint(chunk.file, { rel: "modulepreload" });
    for (const css of chunk.css ?? []) hint(css, { rel: "preload", as: "style" });
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const module of modules) visit(module);
  return tags;
}

/**
 * Reads the manifest when its size or modification time changes (one `stat` per request, as the
 * shell). A missing or unreadable manifest is warned about once per state of the file and then
 * means no hints: the site works without them, one request chain slower.
 */
function createManifestLoader(file: string, logger: Logger): () => Promise<Manifest | null> {
  let cached: { version: string; manifest: Manifest | null } | null = null;
  return async () => {
    const info = await stat(file).catch(() => null);
    const version = info?.isFile() ? `${info.size}:${info.mtimeMs}` : "missing";
    if (cached?.version === version) return cached.manifest;
    let manifest: Manifest | null = null;
    try {
      if (version === "missing") throw new Error("no such file");
      manifest = ManifestSchema.parse(JSON.parse(await readFile(file, "utf8")));
    } catch (error) {
      logger.warn(
        { file, err: describeError(error) },
        "page preload: build manifest not read, pages served without preload hints",
      );
    }
    cached = { version, manifest };
    return manifest;
  };
}

/**
 * The preload hints of a public-site path, from the manifest at `manifestFile`: none where the
 * path names no known page, and none while the manifest cannot be read. The tags of a page are
 * kept until the manifest or the shell (`linked`) changes.
 */
export function createPagePreloads(
  manifestFile: string,
  logger: Logger,
): (path: string, linked: ReadonlySet<string>) => Promise<string[]> {
  const loadManifest = createManifestLoader(manifestFile, logger);
  let memo: {
    manifest: Manifest;
    linked: ReadonlySet<string>;
    tags: Map<string, string[]>;
  } | null = null;
  return async (path, linked) => {
    const matched = matchPage(path);
    if (!matched || matched.page.kind === "other") return [];
    const manifest = await loadManifest();
    if (!manifest) return [];
    if (memo?.manifest !== manifest || memo.linked !== linked) {
      memo = { manifest, linked, tags: new Map() };
    }
    const key = `${matched.locale}/${matched.page.kind}`;
    let tags = memo.tags.get(key);
    if (!tags) {
      tags = preloadTags(manifest, pageModules(matched.locale, matched.page), linked);
      memo.tags.set(key, tags);
    }
    return tags;
  };
}
