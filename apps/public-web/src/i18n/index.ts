import { createContext, useContext } from "react";
import type { Locale } from "@trace/domain";
import { compileMessages as compileCatalog, type Compiled } from "@trace/ui/i18n";
import type enSiteCatalog from "./locales/en.json";
import type enFormsCatalog from "./locales/forms/en.json";

/**
 * The English catalogs' shapes are every locale's. Each locale has two: locales/xx.json for the
 * pages everyone sees, and locales/forms/xx.json for the tip form, the receipt and the tip check,
 * downloaded only with those (about 60 % of the words; see the budget in
 * scripts/check-bundle-size.mjs). In the build, each ICU string is already parsed into its syntax
 * tree (see icuPrecompile in vite.config.ts), so the browser ships no ICU parser; in tests the
 * strings are parsed at run time.
 */
export type SiteCatalog = typeof enSiteCatalog;
export type FormsCatalog = typeof enFormsCatalog;
/** Both catalogs of a locale together: every message of the site. */
export type Catalog = SiteCatalog & FormsCatalog;
// The message functions themselves are shared with the staff site (@trace/ui/i18n).
export type { MessageFn, MessageValues } from "@trace/ui/i18n";

/** Every message of the site, in one locale, by the same paths as the catalogs. */
export type Messages = Compiled<Catalog>;
/** The messages of the pages everyone sees (the site catalog alone). */
export type SiteMessages = Compiled<SiteCatalog>;

/** Turns a catalog (strings or parsed messages) into callable messages for `locale`. */
export function compileMessages(catalog: unknown, locale: Locale): Messages {
  return compileCatalog<Catalog>(catalog, locale);
}

// One chunk per locale and catalog: only the language being shown is downloaded, and the forms'
// words only when a form is shown.
const siteLoaders = import.meta.glob<{ default: unknown }>("./locales/*.json");
const formsLoaders = import.meta.glob<{ default: unknown }>("./locales/forms/*.json");

const loadedSite = new Map<Locale, SiteMessages>();
/** Every message (site and forms) of the locales whose forms catalog has been downloaded. */
const loadedAll = new Map<Locale, Messages>();

async function loadSiteMessages(locale: Locale): Promise<SiteMessages> {
  const cached = loadedSite.get(locale);
  if (cached) return cached;
  const load = siteLoaders[`./locales/${locale}.json`];
  if (!load) throw new Error(`no catalog for locale ${locale}`);
  const messages = compileCatalog<SiteCatalog>((await load()).default, locale);
  loadedSite.set(locale, messages);
  return messages;
}

/** Every message of `locale`: its site catalog and its forms catalog. */
export async function loadFormMessages(locale: Locale): Promise<Messages> {
  const cached = loadedAll.get(locale);
  if (cached) return cached;
  const load = formsLoaders[`./locales/forms/${locale}.json`];
  if (!load) throw new Error(`no forms catalog for locale ${locale}`);
  const [site, forms] = await Promise.all([loadSiteMessages(locale), load()]);
  const messages: Messages = { ...site, ...compileCatalog<FormsCatalog>(forms.default, locale) };
  loadedAll.set(locale, messages);
  return messages;
}

export interface I18n {
  locale: Locale;
  messages: SiteMessages;
  /** Every message, once the forms catalog is loaded (see form-messages.tsx); else null. */
  formMessages: Messages | null;
}

/**
 * The messages of `locale`, when already downloaded. Once a form has been shown, that includes
 * the forms catalog, so a language switch never takes a form off the screen while it loads.
 */
export function loadedI18n(locale: Locale): I18n | undefined {
  const messages = loadedSite.get(locale);
  const formMessages = loadedAll.get(locale) ?? null;
  if (!messages || (loadedAll.size > 0 && !formMessages)) return undefined;
  return { locale, messages, formMessages };
}

/** Downloads what `loadedI18n` needs for `locale`. */
export async function loadI18n(locale: Locale): Promise<I18n> {
  const [messages, formMessages] = await Promise.all([
    loadSiteMessages(locale),
    loadedAll.size > 0 ? loadFormMessages(locale) : null,
  ]);
  return { locale, messages, formMessages };
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useMessages must be used inside <I18nContext>");
  return value;
}

/** The messages of the pages everyone sees. */
export function useMessages(): SiteMessages {
  return useI18n().messages;
}

/** Every message, the forms' too: only inside <WithFormMessages> (form-messages.tsx). */
export function useFormMessages(): Messages {
  const messages = useI18n().formMessages;
  if (!messages) throw new Error("useFormMessages must be used inside <WithFormMessages>");
  return messages;
}

/** The locale of the page being shown (from its URL). */
export function useLocale(): Locale {
  return useI18n().locale;
}
