import { COUNTRY_CODES, type CountryCode } from "@trace/domain";

/**
 * The one place the staff site formats for a locale (components reach it through `useFormat()`;
 * numbers inside sentences are formatted by the messages themselves, `{n, number}`).
 * Names and dates come from `Intl`, in the app's locale: no hand-kept country or language lists
 * to translate. Formatters are created once per locale, they are not cheap.
 */
export function createFormatters(locale: string) {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const regions = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  const languages = new Intl.DisplayNames([locale], { type: "language", fallback: "code" });
  const collator = new Intl.Collator(locale);
  const number = new Intl.NumberFormat(locale);
  const signedNumber = new Intl.NumberFormat(locale, { signDisplay: "exceptZero" });
  const lists = {
    conjunction: new Intl.ListFormat(locale, { type: "conjunction" }),
    disjunction: new Intl.ListFormat(locale, { type: "disjunction" }),
  };

  const countryName = (code: string): string => regions.of(code) ?? code;
  const languageName = (code: string): string => languages.of(code) ?? code;
  // Sorted once, on first use: forms ask for it on every render.
  let countryOptions: Array<{ value: CountryCode; label: string }> | undefined;

  return {
    /** An ISO timestamp as a date and time in the viewer's time zone. */
    dateTime: (iso: string): string => dateTime.format(new Date(iso)),
    /** 1,234 */
    number: (value: number): string => number.format(value),
    /** +3, −2, 0: a change. */
    signedNumber: (value: number): string => signedNumber.format(value),
    /** "A, B and C" (conjunction) or "A, B or C" (disjunction). */
    list: (items: readonly string[], type: keyof typeof lists): string => lists[type].format(items),
    /** A label lower-cased for use inside a sentence ("tip country"). */
    lowerCase: (text: string): string => text.toLocaleLowerCase(locale),
    countryName,
    languageName,
    /** Every country code with its name, sorted by name as a reader of `locale` expects. */
    countryOptions: (): Array<{ value: CountryCode; label: string }> =>
      (countryOptions ??= COUNTRY_CODES.map((code) => ({
        value: code,
        label: countryName(code),
      })).sort((a, b) => collator.compare(a.label, b.label))),
    /** Language codes with their names, sorted by name. */
    languageOptions: (codes: readonly string[]): Array<{ value: string; label: string }> =>
      codes
        .map((code) => ({ value: code, label: languageName(code) }))
        .sort((a, b) => collator.compare(a.label, b.label)),
  };
}

export type Formatters = ReturnType<typeof createFormatters>;
