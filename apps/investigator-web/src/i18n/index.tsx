import { createContext, useContext, useLayoutEffect, useMemo, type ReactNode } from "react";
import { compileMessages, type Compiled, type MessageFn } from "@trace/ui/i18n";
import { createFormatters, type Formatters } from "../lib/format";
import enCatalog from "./locales/en.json";

/**
 * The staff site's words, as ICU MessageFormat strings in one JSON catalog per language
 * (locales/xx.json), grouped by feature — the public site's approach (docs/adr/0009). English is
 * the reference: its shape is the `Messages` type, and every message is called as a function,
 * `m.inbox.tipCount({ n })`, so a missing key is a compile error. The site is English only for
 * now; catalogs.test.ts checks every catalog against English, so a second language is a JSON file
 * and a line in `CATALOGS` (see the README).
 *
 * Messages are parsed in the browser on first use (intl-messageformat; no eval, so the staff CSP
 * holds). Unlike the public site there is no first-load budget to spare the parser for.
 */
export type Catalog = typeof enCatalog;
export type Messages = Compiled<Catalog>;

/** Every catalog the site ships, by locale. Each must have English's keys and placeholders. */
const CATALOGS = { en: enCatalog } satisfies Record<string, Catalog>;

export type StaffLocale = keyof typeof CATALOGS;
export const STAFF_LOCALES = Object.keys(CATALOGS) as StaffLocale[];
export const DEFAULT_LOCALE: StaffLocale = "en";

export interface I18n {
  locale: StaffLocale;
  messages: Messages;
  /** Dates, numbers, lists, country and language names in `locale`. */
  format: Formatters;
}

/** The messages and formatters of `locale`. */
export function createI18n(locale: StaffLocale): I18n {
  return {
    locale,
    messages: compileMessages<Catalog>(CATALOGS[locale], locale),
    format: createFormatters(locale),
  };
}

// English is the default value, not only a provider's choice: a component rendered on its own
// (a test, a portal) still has its words.
const I18nContext = createContext<I18n>(createI18n(DEFAULT_LOCALE));

/** Chooses the site's language for everything below it, and marks the document with it. */
export function I18nProvider({ locale, children }: { locale: StaffLocale; children: ReactNode }) {
  const value = useMemo(() => createI18n(locale), [locale]);
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

/** Every message of the site, in the active language. */
export function useMessages(): Messages {
  return useContext(I18nContext).messages;
}

/** Locale-aware formatting of dates, numbers, lists and names (../lib/format.ts). */
export function useFormat(): Formatters {
  return useContext(I18nContext).format;
}

export function useLocale(): StaffLocale {
  return useContext(I18nContext).locale;
}

/**
 * The message of `group` named by a key that comes from outside the code (an error code from the
 * API), or undefined when the catalog has none: `(messageFor(m.triage.errors, code) ?? m.triage.errors.generic)()`.
 */
export function messageFor(group: object, key: string | null | undefined): MessageFn | undefined {
  return key && Object.hasOwn(group, key) ? (group as Record<string, MessageFn>)[key] : undefined;
}
