import type { Locale } from "@trace/domain";
import type { compileMessages, MessageFn } from ".";
import type enStatisticsCatalog from "./locales/statistics/en.json";

type Compiled<T> = T extends string ? MessageFn : { [K in keyof T]: Compiled<T[K]> };
/** The statistics page's own messages (locales/statistics/xx.json), downloaded with that page only. */
export type StatisticsMessages = Compiled<typeof enStatisticsCatalog>;

// One chunk per locale, fetched only when the statistics page is opened, so the words of a page
// few visitors open do not weigh on every page's first load (see scripts/check-bundle-size.mjs).
const loaders = import.meta.glob<{ default: unknown }>("./locales/statistics/*.json");

/** One download per locale; a failed one resolves to null and is dropped, so a retry fetches again. */
const downloads = new Map<Locale, Promise<StatisticsMessages | null>>();

/**
 * `compile` is i18n's `compileMessages`, handed in rather than imported: the page's chunk then does
 * not import the i18n module, and the bundler keeps React and i18n in the entry chunk instead of
 * splitting them into a shared chunk that costs every page about 1 kB more (measured).
 */
export function loadStatisticsMessages(
  locale: Locale,
  compile: typeof compileMessages,
): Promise<StatisticsMessages | null> {
  let pending = downloads.get(locale);
  if (!pending) {
    const load = loaders[`./locales/statistics/${locale}.json`];
    pending = load
      ? load().then(
          (module) => compile(module.default, locale) as unknown as StatisticsMessages,
          () => {
            downloads.delete(locale);
            return null;
          },
        )
      : Promise.resolve(null);
    downloads.set(locale, pending);
  }
  return pending;
}
