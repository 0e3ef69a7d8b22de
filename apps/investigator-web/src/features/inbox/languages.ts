import { LOCALES } from "@trace/domain";

/** Languages tipsters often write in besides the public site's own (ISO 639-1). */
const OTHER_LANGUAGES = [
  "ar", "bg", "cs", "da", "el", "et", "fi", "ga", "hr", "hu", "id", "ja", "ko", "lt",
  "lv", "mt", "no", "ro", "ru", "sk", "sl", "sv", "th", "tl", "tr", "uk", "vi", "zh",
]; // prettier-ignore

/**
 * Languages offered by the inbox's language filter. Tips may be written in any language; a code
 * outside this list still works from a bookmarked URL, the filter adds it to the choices.
 */
export const FILTER_LANGUAGES: readonly string[] = [...LOCALES, ...OTHER_LANGUAGES];
