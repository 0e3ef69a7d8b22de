import { DEFAULT_LOCALE, LOCALES, type Locale } from "@trace/domain";

/** Each language named in itself, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  fr: "Français",
  de: "Deutsch",
  nl: "Nederlands",
  es: "Español",
  it: "Italiano",
  pt: "Português",
  pl: "Polski",
};

/** Writing direction per locale; all eight are left to right, the table keeps it explicit. */
export const LOCALE_DIRECTIONS: Record<Locale, "ltr" | "rtl"> = {
  en: "ltr",
  fr: "ltr",
  de: "ltr",
  nl: "ltr",
  es: "ltr",
  it: "ltr",
  pt: "ltr",
  pl: "ltr",
};

export function isLocale(value: string | undefined): value is Locale {
  return value !== undefined && (LOCALES as readonly string[]).includes(value);
}

/**
 * The browser's preferred supported language, for an address without a locale that reached the
 * browser anyway (the server normally redirects those from Accept-Language first).
 */
export function preferredLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}
