import { Redirect, Route, Switch, useLocation, useSearch } from "wouter";
import { isLocale, preferredLocale } from "../i18n/locales";
import { LocalizedSite } from "./localized-site";
import { Providers } from "./providers";

/**
 * An address without a locale (an old link, or "/" when the server did not redirect it) goes to
 * the same page in the browser's preferred language.
 */
function ToPreferredLocale() {
  const [location] = useLocation();
  const search = useSearch();
  const locale = preferredLocale(navigator.languages);
  const path = location === "/" ? "/" : location;
  return <Redirect to={`/${locale}${path}${search ? `?${search}` : ""}`} replace />;
}

export function App() {
  return (
    <Providers>
      <Switch>
        {/* nest: routes and links below are relative to /{locale}, so every link keeps it. */}
        <Route path="/:locale" nest>
          {({ locale }) =>
            isLocale(locale) ? <LocalizedSite locale={locale} /> : <ToPreferredLocale />
          }
        </Route>
        <Route>
          <ToPreferredLocale />
        </Route>
      </Switch>
    </Providers>
  );
}
