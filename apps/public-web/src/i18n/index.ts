import type { Locale } from "@trace/domain";
import { en, type Messages } from "./en";

export type { Messages };

/** The one locale shipped today; the language switcher will make these two values dynamic. */
export const LOCALE: Locale = "en";
const MESSAGES: Messages = en;

/** Components read strings through this hook so a locale context can replace it later. */
export function useMessages(): Messages {
  return MESSAGES;
}
