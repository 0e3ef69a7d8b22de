import { IntlMessageFormat, type PrimitiveType } from "intl-messageformat";
import type { Locale } from "@trace/domain";
// The public site's own catalogs, read from its source so every word is translated once. They are
// imported by path, not as a package: @trace/public-web already depends on @trace/api (for the
// router's types), and turbo refuses a cycle between workspaces.
import deSite from "../../../public-web/src/i18n/locales/de.json";
import enSite from "../../../public-web/src/i18n/locales/en.json";
import esSite from "../../../public-web/src/i18n/locales/es.json";
import frSite from "../../../public-web/src/i18n/locales/fr.json";
import itSite from "../../../public-web/src/i18n/locales/it.json";
import nlSite from "../../../public-web/src/i18n/locales/nl.json";
import plSite from "../../../public-web/src/i18n/locales/pl.json";
import ptSite from "../../../public-web/src/i18n/locales/pt.json";
import deForms from "../../../public-web/src/i18n/locales/forms/de.json";
import enForms from "../../../public-web/src/i18n/locales/forms/en.json";
import esForms from "../../../public-web/src/i18n/locales/forms/es.json";
import frForms from "../../../public-web/src/i18n/locales/forms/fr.json";
import itForms from "../../../public-web/src/i18n/locales/forms/it.json";
import nlForms from "../../../public-web/src/i18n/locales/forms/nl.json";
import plForms from "../../../public-web/src/i18n/locales/forms/pl.json";
import ptForms from "../../../public-web/src/i18n/locales/forms/pt.json";
// The few words only these pages need (see messages.test.ts for their completeness check).
import deBasic from "./locales/de.json";
import enBasic from "./locales/en.json";
import esBasic from "./locales/es.json";
import frBasic from "./locales/fr.json";
import itBasic from "./locales/it.json";
import nlBasic from "./locales/nl.json";
import plBasic from "./locales/pl.json";
import ptBasic from "./locales/pt.json";

/** Every catalog has the English one's shape (the public site's catalogs.test.ts and ours check). */
type Catalog = typeof enSite & typeof enForms & typeof enBasic;

const CATALOGS: Record<Locale, readonly [unknown, unknown, unknown]> = {
  en: [enSite, enForms, enBasic],
  fr: [frSite, frForms, frBasic],
  de: [deSite, deForms, deBasic],
  nl: [nlSite, nlForms, nlBasic],
  es: [esSite, esForms, esBasic],
  it: [itSite, itForms, itBasic],
  pt: [ptSite, ptForms, ptBasic],
  pl: [plSite, plForms, plBasic],
};

export type MessageValues = Record<string, PrimitiveType>;
/** One message: call it with the values its placeholders name. */
export type MessageFn = (values?: MessageValues) => string;
/** A catalog with each message compiled to a function (arrays stay arrays). */
export type Compiled<T> = T extends string
  ? MessageFn
  : T extends readonly (infer Item)[]
    ? Compiled<Item>[]
    : { [K in keyof T]: Compiled<T[K]> };
/** The messages of the public site (site and forms catalogs) and of these pages, in one locale. */
export type Messages = Compiled<Catalog>;

function compileNode(node: unknown, locale: Locale): unknown {
  if (typeof node === "string") {
    // Parsed on first use, then kept: a message is formatted many times.
    let format: IntlMessageFormat | undefined;
    return (values?: MessageValues) =>
      String((format ??= new IntlMessageFormat(node, locale)).format(values));
  }
  if (Array.isArray(node)) return node.map((child) => compileNode(child, locale));
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>).map(([key, child]) => [
      key,
      compileNode(child, locale),
    ]),
  );
}

/** Any catalog of the site's, compiled for `locale`: each message is parsed on first use. */
export function compileCatalog<T>(catalog: T, locale: Locale): Compiled<T> {
  return compileNode(catalog, locale) as Compiled<T>;
}

const compiled = new Map<Locale, Messages>();

/** Every message of `locale`, compiled once per process. */
export function messagesFor(locale: Locale): Messages {
  let messages = compiled.get(locale);
  if (!messages) {
    const [site, forms, basic] = CATALOGS[locale];
    messages = compileNode(
      { ...(site as object), ...(forms as object), ...(basic as object) },
      locale,
    ) as Messages;
    compiled.set(locale, messages);
  }
  return messages;
}
