import {
  Fragment,
  createContext,
  createElement,
  useContext,
  type ReactElement,
  type ReactNode,
} from "react";
import { IntlMessageFormat, type PrimitiveType } from "intl-messageformat";
import type { MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import type { Locale } from "@trace/domain";
import type enCatalog from "./locales/en.json";

/**
 * The English catalog's shape is every catalog's shape. In the build, each ICU string is already
 * parsed into its syntax tree (see icuPrecompile in vite.config.ts), so the browser ships no ICU
 * parser; in tests the strings are parsed at run time.
 */
export type Catalog = typeof enCatalog;
type CatalogLeaf = string | MessageFormatElement[];

export type MessageValues = Record<string, PrimitiveType>;
/**
 * One message: call it, with the values its placeholders name, to get the text; `rich` takes
 * elements as values too (a text with its own `lang` inside a sentence).
 */
export type MessageFn = ((values?: MessageValues) => string) & {
  rich: (values: Record<string, PrimitiveType | ReactElement>) => ReactNode;
};

type Compiled<T> = T extends string ? MessageFn : { [K in keyof T]: Compiled<T[K]> };
/** Every message of the site, in one locale, by the same paths as the catalog. */
export type Messages = Compiled<Catalog>;

function isLeaf(node: unknown): node is CatalogLeaf {
  if (typeof node === "string") return true;
  // A parsed message is an array of elements with a numeric `type`; home.steps is an array of
  // objects without one.
  return (
    Array.isArray(node) &&
    node.length > 0 &&
    node.every((e) => typeof (e as { type?: unknown }).type === "number")
  );
}

function messageFn(source: CatalogLeaf, locale: Locale): MessageFn {
  let format: IntlMessageFormat | undefined;
  const formatter = () => (format ??= new IntlMessageFormat(source, locale));
  const fn = (values?: MessageValues) => formatter().format<string>(values) as string;
  fn.rich = (values: Record<string, PrimitiveType | ReactElement>): ReactNode => {
    const parts = formatter().format<ReactElement>(values);
    if (!Array.isArray(parts)) return parts;
    return parts.map((part, index) => createElement(Fragment, { key: index }, part));
  };
  return fn;
}

function compileNode(node: unknown, locale: Locale): unknown {
  if (isLeaf(node)) return messageFn(node, locale);
  if (Array.isArray(node)) return node.map((child) => compileNode(child, locale));
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>).map(([key, child]) => [
      key,
      compileNode(child, locale),
    ]),
  );
}

/** Turns a catalog (strings or parsed messages) into callable messages for `locale`. */
export function compileMessages(catalog: unknown, locale: Locale): Messages {
  return compileNode(catalog, locale) as Messages;
}

// One chunk per locale: only the language being shown is downloaded.
const loaders = import.meta.glob<{ default: unknown }>("./locales/*.json");

const loaded = new Map<Locale, Messages>();

/** The messages of `locale`, when already downloaded. */
export function loadedMessages(locale: Locale): Messages | undefined {
  return loaded.get(locale);
}

export async function loadMessages(locale: Locale): Promise<Messages> {
  const cached = loaded.get(locale);
  if (cached) return cached;
  const load = loaders[`./locales/${locale}.json`];
  if (!load) throw new Error(`no catalog for locale ${locale}`);
  const messages = compileMessages((await load()).default, locale);
  loaded.set(locale, messages);
  return messages;
}

export interface I18n {
  locale: Locale;
  messages: Messages;
}

export const I18nContext = createContext<I18n | null>(null);

function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useMessages must be used inside <I18nContext>");
  return value;
}

export function useMessages(): Messages {
  return useI18n().messages;
}

/** The locale of the page being shown (from its URL). */
export function useLocale(): Locale {
  return useI18n().locale;
}
