import { Fragment, createElement, type ReactElement, type ReactNode } from "react";
import { IntlMessageFormat, type PrimitiveType } from "intl-messageformat";

/**
 * The generic core of both sites' translations (docs/adr/0009-public-site-languages.md): a
 * catalog is a JSON tree of ICU MessageFormat strings, and each app calls its messages as typed
 * functions, `m.inbox.tipCount({ n })`, so a missing key is a compile error. Which catalogs exist,
 * how they are loaded and which locale is active stay with each app.
 */

/** A message as the catalog holds it: ICU source, or its syntax tree parsed at build time. */
export type MessageSource = ConstructorParameters<typeof IntlMessageFormat>[0];

export type MessageValues = Record<string, PrimitiveType>;

/**
 * One message: call it, with the values its placeholders name, to get the text; `rich` takes
 * elements as values too (a text with its own `lang` inside a sentence).
 */
export type MessageFn = ((values?: MessageValues) => string) & {
  rich: (values: Record<string, PrimitiveType | ReactElement>) => ReactNode;
};

/** A catalog's shape (the type of its English JSON) with every message made a `MessageFn`. */
export type Compiled<T> = T extends string ? MessageFn : { [K in keyof T]: Compiled<T[K]> };

function isLeaf(node: unknown): node is MessageSource {
  if (typeof node === "string") return true;
  // A parsed message is an array of elements with a numeric `type`; an array of messages or of
  // groups (the public home page's steps) is not.
  return (
    Array.isArray(node) &&
    node.length > 0 &&
    node.every((e) => typeof (e as { type?: unknown }).type === "number")
  );
}

function messageFn(source: MessageSource, locale: string): MessageFn {
  // Parsed and set up on first use: a page formats a small part of its catalog.
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

function compileNode(node: unknown, locale: string): unknown {
  if (isLeaf(node)) return messageFn(node, locale);
  if (Array.isArray(node)) return node.map((child) => compileNode(child, locale));
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>).map(([key, child]) => [
      key,
      compileNode(child, locale),
    ]),
  );
}

/**
 * Turns a catalog (ICU strings, or syntax trees) into callable messages for `locale`. `T` is the
 * shape of the reference catalog, usually `typeof import("./locales/en.json")`.
 */
export function compileMessages<T>(catalog: unknown, locale: string): Compiled<T> {
  return compileNode(catalog, locale) as Compiled<T>;
}
