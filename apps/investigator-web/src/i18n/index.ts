import { createFormatters } from "../lib/format";
import { en, type Messages } from "./en";

/**
 * The app is English-only for now. Components read strings from `t` and format with `format`,
 * so adding a language means a second dictionary of the same `Messages` type and a choice here.
 */
export const locale = "en";
export const t: Messages = en;
export type { Messages };

/** Dates, country and language names in the app's locale. */
export const format = createFormatters(locale);
