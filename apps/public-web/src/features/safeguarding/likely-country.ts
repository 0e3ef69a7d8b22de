import { SAFEGUARDING_CONTACTS, type Locale } from "@trace/domain";

/** The country most readers of a language version live in; none for English, read everywhere. */
const LOCALE_COUNTRIES: Record<Locale, string | null> = {
  en: null,
  fr: "FR",
  de: "DE",
  nl: "NL",
  es: "ES",
  it: "IT",
  pt: "PT",
  pl: "PL",
};

function regionOf(tag: string): { language: string; region: string | undefined } | null {
  try {
    const parsed = new Intl.Locale(tag);
    return { language: parsed.language, region: parsed.region };
  } catch {
    return null;
  }
}

/**
 * The visitor's likely country, for the safeguarding page to show first: the region of the
 * browser's first preferred language that matches the page's language ("de-AT" on the German
 * page), else the page language's main country. Only what the browser already says about its
 * languages, never a location or an address lookup. Null when nothing points anywhere.
 */
export function likelyCountry(locale: Locale, browserLanguages: readonly string[]): string | null {
  const listed = new Set<string>(SAFEGUARDING_CONTACTS.map((entry) => entry.country));
  for (const tag of browserLanguages) {
    const parsed = regionOf(tag);
    if (parsed?.language === locale && parsed.region && listed.has(parsed.region))
      return parsed.region;
  }
  return LOCALE_COUNTRIES[locale];
}
