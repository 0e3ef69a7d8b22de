import { COUNTRY_CODES, type CountryCode } from "@trace/domain";

/**
 * Names and dates come from `Intl`, in the app's locale: no hand-kept country or language lists
 * to translate. Formatters are created once per locale, they are not cheap.
 */
export function createFormatters(locale: string) {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const regions = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  const languages = new Intl.DisplayNames([locale], { type: "language", fallback: "code" });
  const collator = new Intl.Collator(locale);

  const countryName = (code: string): string => regions.of(code) ?? code;
  const languageName = (code: string): string => languages.of(code) ?? code;

  return {
    /** An ISO timestamp as a date and time in the viewer's time zone. */
    dateTime: (iso: string): string => dateTime.format(new Date(iso)),
    countryName,
    languageName,
    /** Every country code with its name, sorted by name as a reader of `locale` expects. */
    countryOptions: (): Array<{ value: CountryCode; label: string }> =>
      COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code) })).sort((a, b) =>
        collator.compare(a.label, b.label),
      ),
    /** Language codes with their names, sorted by name. */
    languageOptions: (codes: readonly string[]): Array<{ value: string; label: string }> =>
      codes
        .map((code) => ({ value: code, label: languageName(code) }))
        .sort((a, b) => collator.compare(a.label, b.label)),
  };
}

export type Formatters = ReturnType<typeof createFormatters>;
