import { z } from "zod";
import { LOCALES } from "./locale-codes";
export { DEFAULT_LOCALE, LOCALES } from "./locale-codes";

export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** Languages a tip may be written in: any ISO 639-1 code, not only the site's locales. */
export const LanguageCodeSchema = z
  .string()
  .regex(/^[a-z]{2}$/, "Use a two-letter language code (ISO 639-1).");

/** A text per locale; English is required, the others optional. */
export const LocalizedTextSchema = z.object({
  en: z.string().trim().min(1).max(500),
  ...Object.fromEntries(
    LOCALES.filter((l) => l !== "en").map((l) => [l, z.string().trim().min(1).max(500).optional()]),
  ),
}) as z.ZodType<LocalizedText>;
export type LocalizedText = { en: string } & Partial<Record<Exclude<Locale, "en">, string>>;

/** The text in the wanted locale, or English marked as a fallback. */
export function pickLocalized(
  text: LocalizedText,
  locale: Locale,
): { text: string; locale: Locale; isFallback: boolean } {
  const wanted = text[locale];
  return wanted
    ? { text: wanted, locale, isFallback: false }
    : { text: text.en, locale: "en", isFallback: locale !== "en" };
}
