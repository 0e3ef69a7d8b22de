import type { Env, Hono } from "hono";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "@trace/domain";

/** Pages of the public site; under these paths an address without a locale is redirected. */
const PAGE_PATH = /^\/(?:objects(?:\/[^/]*)?|check|receipt|statistics|privacy|report-abuse)?\/?$/;

/** The best of the site's locales for an Accept-Language header (q-values honoured), or English. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  const negotiator = new Negotiator({ headers: { "accept-language": acceptLanguage ?? "" } });
  return (negotiator.language([...LOCALES]) as Locale | undefined) ?? DEFAULT_LOCALE;
}

/**
 * The public site lives under /{locale}/…. A first visit to "/" (or an old link without a locale)
 * is sent to the same page in the visitor's language, chosen from Accept-Language only: no
 * cookie is read or set, so the choice is never remembered about anyone.
 */
export function mountLocaleRedirect<E extends Env>(app: Hono<E>): void {
  app.on(["GET", "HEAD"], "*", async (c, next) => {
    if (!PAGE_PATH.test(c.req.path)) return next();
    const locale = negotiateLocale(c.req.header("Accept-Language"));
    const url = new URL(c.req.url);
    const path = c.req.path === "/" ? "/" : c.req.path;
    c.header("Vary", "Accept-Language");
    c.header("Cache-Control", "no-cache");
    return c.redirect(`/${locale}${path}${url.search}`, 302);
  });
}
