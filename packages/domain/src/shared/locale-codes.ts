// Plain values, apart from the zod schemas built on them: the package has no side effects, so
// the public site's page chunks import these without pulling in zod (see its bundle budget).

/** Languages of the public site; English is the fallback for every translated text. */
export const LOCALES = ["en", "fr", "de", "nl", "es", "it", "pt", "pl"] as const;
export const DEFAULT_LOCALE: (typeof LOCALES)[number] = "en";
