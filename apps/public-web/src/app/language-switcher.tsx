import { Link, useLocation, useSearch } from "wouter";
import { LOCALES } from "@trace/domain";
import { useLocale, useMessages } from "../i18n";
import { LOCALE_NAMES } from "../i18n/locales";

/**
 * Links to this same page (path and query) in each language, each named in its own language
 * and marked with it, so a screen reader pronounces "Deutsch" in German.
 */
export function LanguageSwitcher() {
  const m = useMessages();
  const current = useLocale();
  // Relative to the locale: "/objects/TOA-1" on /fr/objects/TOA-1.
  const [location] = useLocation();
  const search = useSearch();
  const rest = `${location === "/" ? "/" : location}${search ? `?${search}` : ""}`;
  return (
    <nav aria-label={m.app.languageLabel()} className="app-languages">
      <ul>
        {LOCALES.map((locale) => (
          <li key={locale}>
            <Link
              // "~": absolute, outside the current locale's routes.
              href={`~/${locale}${rest}`}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
            >
              {LOCALE_NAMES[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
