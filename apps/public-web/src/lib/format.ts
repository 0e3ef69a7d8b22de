import { COUNTRY_CODES, type CountryCode, type Locale, type ServedText } from "@trace/domain";

const numberFormats = new Map<Locale, Intl.NumberFormat>();
export function formatNumber(locale: Locale, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}

export function formatDate(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(new Date(iso));
}

export function formatDateTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short" }).format(
    new Date(iso),
  );
}

/**
 * `lang` for a text served by the API: set only when it is not in the page's language (an English
 * fallback on a translated page), so screen readers switch voice for it.
 */
export function langOf(text: ServedText, locale: Locale): string | undefined {
  return text.locale !== locale ? text.locale : undefined;
}

export interface CountryOption {
  value: CountryCode;
  label: string;
}

const countryLists = new Map<Locale, CountryOption[]>();

/** Every ISO country, named in the page's language and sorted the way that language sorts. */
export function countryOptions(locale: Locale): CountryOption[] {
  const cached = countryLists.get(locale);
  if (cached) return cached;
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const collator = new Intl.Collator(locale);
  const options = COUNTRY_CODES.map((code) => ({
    value: code,
    label: names.of(code) ?? code,
  })).sort((a, b) => collator.compare(a.label, b.label));
  countryLists.set(locale, options);
  return options;
}
