import { IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "@trace/domain";
// Pages with a catalog of their own (public-web's locales/<page>/xx.json, downloaded with the page
// only). Imported by path for the reason given in ../nojs/messages.ts.
import deStatistics from "../../../public-web/src/i18n/locales/statistics/de.json";
import enStatistics from "../../../public-web/src/i18n/locales/statistics/en.json";
import esStatistics from "../../../public-web/src/i18n/locales/statistics/es.json";
import frStatistics from "../../../public-web/src/i18n/locales/statistics/fr.json";
import itStatistics from "../../../public-web/src/i18n/locales/statistics/it.json";
import nlStatistics from "../../../public-web/src/i18n/locales/statistics/nl.json";
import plStatistics from "../../../public-web/src/i18n/locales/statistics/pl.json";
import ptStatistics from "../../../public-web/src/i18n/locales/statistics/pt.json";
import dePrivacy from "../../../public-web/src/i18n/locales/privacy/de.json";
import enPrivacy from "../../../public-web/src/i18n/locales/privacy/en.json";
import esPrivacy from "../../../public-web/src/i18n/locales/privacy/es.json";
import frPrivacy from "../../../public-web/src/i18n/locales/privacy/fr.json";
import itPrivacy from "../../../public-web/src/i18n/locales/privacy/it.json";
import nlPrivacy from "../../../public-web/src/i18n/locales/privacy/nl.json";
import plPrivacy from "../../../public-web/src/i18n/locales/privacy/pl.json";
import ptPrivacy from "../../../public-web/src/i18n/locales/privacy/pt.json";
import deSafeguarding from "../../../public-web/src/i18n/locales/safeguarding/de.json";
import enSafeguarding from "../../../public-web/src/i18n/locales/safeguarding/en.json";
import esSafeguarding from "../../../public-web/src/i18n/locales/safeguarding/es.json";
import frSafeguarding from "../../../public-web/src/i18n/locales/safeguarding/fr.json";
import itSafeguarding from "../../../public-web/src/i18n/locales/safeguarding/it.json";
import nlSafeguarding from "../../../public-web/src/i18n/locales/safeguarding/nl.json";
import plSafeguarding from "../../../public-web/src/i18n/locales/safeguarding/pl.json";
import ptSafeguarding from "../../../public-web/src/i18n/locales/safeguarding/pt.json";

/** What the head of such a page says: its name and its introduction, in the page's language. */
export interface PageWords {
  documentTitle: string;
  intro: string;
}

const STATISTICS: Record<Locale, typeof enStatistics> = {
  en: enStatistics,
  fr: frStatistics,
  de: deStatistics,
  nl: nlStatistics,
  es: esStatistics,
  it: itStatistics,
  pt: ptStatistics,
  pl: plStatistics,
};
const PRIVACY: Record<Locale, typeof enPrivacy> = {
  en: enPrivacy,
  fr: frPrivacy,
  de: dePrivacy,
  nl: nlPrivacy,
  es: esPrivacy,
  it: itPrivacy,
  pt: ptPrivacy,
  pl: plPrivacy,
};
const SAFEGUARDING: Record<Locale, typeof enSafeguarding> = {
  en: enSafeguarding,
  fr: frSafeguarding,
  de: deSafeguarding,
  nl: nlSafeguarding,
  es: esSafeguarding,
  it: itSafeguarding,
  pt: ptSafeguarding,
  pl: plSafeguarding,
};

const CATALOGS = { statistics: STATISTICS, privacy: PRIVACY, safeguarding: SAFEGUARDING };

/** A page's whole catalog in `locale`, as the site's source holds it (not formatted). */
export function pageCatalog<P extends keyof typeof CATALOGS>(
  page: P,
  locale: Locale,
): (typeof CATALOGS)[P][Locale] {
  return CATALOGS[page][locale];
}

const WORDS = {
  statistics: (locale: Locale): PageWords => STATISTICS[locale].statistics,
  privacy: (locale: Locale): PageWords => PRIVACY[locale].privacy,
  safeguarding: (locale: Locale): PageWords => SAFEGUARDING[locale].safeguarding,
};

export type OwnCatalogPage = keyof typeof WORDS;

const formatted = new Map<string, PageWords>();

/** The page's title word and introduction, formatted once per process. */
export function pageWords(page: OwnCatalogPage, locale: Locale): PageWords {
  const key = `${page}/${locale}`;
  let words = formatted.get(key);
  if (!words) {
    const source = WORDS[page](locale);
    const format = (message: string) => String(new IntlMessageFormat(message, locale).format());
    words = { documentTitle: format(source.documentTitle), intro: format(source.intro) };
    formatted.set(key, words);
  }
  return words;
}
