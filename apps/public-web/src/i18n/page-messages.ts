import type { Locale } from "@trace/domain";
import type { compileMessages, MessageFn } from ".";
import type enPrivacyCatalog from "./locales/privacy/en.json";
import type enSafeguardingCatalog from "./locales/safeguarding/en.json";
import type enStatisticsCatalog from "./locales/statistics/en.json";

type Compiled<T> = T extends string ? MessageFn : { [K in keyof T]: Compiled<T[K]> };

/**
 * Catalogs of pages with long texts that few visitors open (locales/<page>/xx.json): each is
 * downloaded with its page only, so its words weigh on no other page's first load (see
 * scripts/check-bundle-size.mjs).
 */
export interface PageCatalogs {
  privacy: Compiled<typeof enPrivacyCatalog>;
  safeguarding: Compiled<typeof enSafeguardingCatalog>;
  statistics: Compiled<typeof enStatisticsCatalog>;
}
export type PageCatalogName = keyof PageCatalogs;

const loaders: Record<PageCatalogName, Record<string, () => Promise<{ default: unknown }>>> = {
  privacy: import.meta.glob<{ default: unknown }>("./locales/privacy/*.json"),
  safeguarding: import.meta.glob<{ default: unknown }>("./locales/safeguarding/*.json"),
  statistics: import.meta.glob<{ default: unknown }>("./locales/statistics/*.json"),
};

/** One download per page and locale; a failed one resolves to null and is dropped, to retry. */
const downloads = new Map<string, Promise<unknown>>();

/**
 * The messages of `page` in `locale`, or null when they could not be downloaded. The promise is
 * the same on every call until it settles (React's `use` needs that); after a failure the next
 * call starts a new download.
 *
 * `compile` is i18n's `compileMessages`, handed in rather than imported: the page's chunk then does
 * not import the i18n module, and the bundler keeps React and i18n in the entry chunk instead of
 * splitting them into a shared chunk that costs every page about 1 kB more (measured).
 */
export function loadPageMessages<P extends PageCatalogName>(
  page: P,
  locale: Locale,
  compile: typeof compileMessages,
): Promise<PageCatalogs[P] | null> {
  const key = `${page}/${locale}`;
  let pending = downloads.get(key) as Promise<PageCatalogs[P] | null> | undefined;
  if (!pending) {
    const load = loaders[page][`./locales/${page}/${locale}.json`];
    pending = load
      ? load().then(
          (module) => compile(module.default, locale) as unknown as PageCatalogs[P],
          () => {
            downloads.delete(key);
            return null;
          },
        )
      : Promise.resolve(null);
    downloads.set(key, pending);
  }
  return pending;
}
