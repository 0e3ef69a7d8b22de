/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";
import { LOCALES, type Locale } from "@trace/domain";
import type { Messages } from "./messages";
import { STYLESHEET_PATH } from "./stylesheet";

/** Where these pages live, under each locale: `/{locale}/basic/…`. */
export const basicPath = (locale: Locale, page = "") => `/${locale}/basic${page ? `/${page}` : ""}`;

export type BasicPage = "start" | "tip" | "check" | "privacy";

/** A language named in itself, as the site's switcher does ("Français", "Polski"). */
function languageName(locale: Locale): string {
  const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

export interface DocumentProps {
  locale: Locale;
  m: Messages;
  /** The page's own title; the document title adds the site's name. */
  title: string;
  /** Which page of the navigation this is, if any. */
  current?: BasicPage | undefined;
  /** The same page in another language: a GET address, so never the answer to a form. */
  languageHref: (locale: Locale) => string;
  children: Child;
}

/**
 * The page around every answer: `lang` on the root, a skip link, the navigation, the language
 * links and a way back to the full site. One stylesheet file, no script, no inline style, so the
 * public listener's Content-Security-Policy holds as it is.
 */
export function Document({ locale, m, title, current, languageHref, children }: DocumentProps) {
  const navLink = (page: BasicPage, label: string) => (
    <li>
      <a
        href={basicPath(locale, page === "start" ? "" : page)}
        aria-current={current === page ? "page" : undefined}
      >
        {label}
      </a>
    </li>
  );
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="color-scheme" content="light" />
        <title>{m.app.documentTitle({ page: title })}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {m.app.skipLink()}
        </a>
        <header class="site-header">
          <p class="brand">
            <a href={basicPath(locale)}>{m.app.siteName()}</a>
          </p>
          <nav aria-label={m.app.navLabel()}>
            <ul>
              {navLink("start", m.app.nav.objects())}
              {navLink("tip", m.tipForm.heading())}
              {navLink("check", m.app.nav.checkTip())}
            </ul>
          </nav>
          <nav aria-label={m.app.languageLabel()}>
            <ul>
              {LOCALES.map((other) => (
                <li>
                  <a
                    href={languageHref(other)}
                    lang={other}
                    hreflang={other}
                    aria-current={other === locale ? "true" : undefined}
                  >
                    {languageName(other)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{m.app.footer()}</p>
          <ul>
            <li>
              <a
                href={basicPath(locale, "privacy")}
                aria-current={current === "privacy" ? "page" : undefined}
              >
                {m.app.footerPrivacy()}
              </a>
            </li>
            <li>
              <a href={`/${locale}/`}>{m.basic.fullSite()}</a>
            </li>
          </ul>
        </footer>
      </body>
    </html>
  );
}

/** A problem no field can fix (the sender must wait, the object is gone), shown at the top. */
export function Alert({ title, children }: { title?: string | undefined; children: Child }) {
  return (
    <div class="alert" role="alert">
      {title && <h2>{title}</h2>}
      {children}
    </div>
  );
}
