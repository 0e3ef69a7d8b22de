import { getPublicObjectByRef } from "@trace/db";
import { LOCALES, ObjectRefSchema, type Locale, type PublicObject } from "@trace/domain";
import { describeError, type Logger } from "../logger";
import { messagesFor } from "../nojs/messages";
import type { Deps } from "../trpc/context";
import { headTag, type ShellFill } from "./html-shell";
import { pageWords, type OwnCatalogPage } from "./page-catalogs";

/*
 * The head of the public site's index.html, per page and locale: what crawlers and link previews
 * read, since they run no script (docs/adr/0014-page-meta-in-the-html-shell.md).
 */

/**
 * Where absolute URLs (canonical, hreflang, og:url, og:image) point: the configured
 * PUBLIC_ORIGIN, the request's own origin (outside production only), or nowhere — in production
 * without PUBLIC_ORIGIN those tags are left out rather than built from a Host header that anyone
 * sending the request chooses.
 */
export type PublicOrigin = { from: "config"; origin: string } | { from: "request" } | null;

/** og:locale wants language_TERRITORY; each locale's home country stands for it. */
const OG_LOCALES: Record<Locale, string> = {
  en: "en_GB",
  fr: "fr_FR",
  de: "de_DE",
  nl: "nl_NL",
  es: "es_ES",
  it: "it_IT",
  pt: "pt_PT",
  pl: "pl_PL",
};

/** Share images are JPEG (what every crawler reads), the widest variant up to this. */
const SHARE_IMAGE_MAX_WIDTH = 1280;

export type Page =
  | { kind: "home" | "gallery" | "check" | "receipt" | "other" }
  | { kind: OwnCatalogPage }
  | { kind: "object"; ref: string };

/** The site's pages by their path below the locale (apps/public-web/src/app/routes.tsx). */
const SECTIONS: Record<string, Exclude<Page["kind"], "object">> = {
  check: "check",
  receipt: "receipt",
  statistics: "statistics",
  privacy: "privacy",
  "report-abuse": "safeguarding",
};
/** Each page's path below the locale, for canonical and hreflang links. */
const PATHS = Object.fromEntries(
  Object.entries(SECTIONS).map(([path, kind]) => [kind, `/${path}`]),
);

/** The locale and page of a public-site path (`/de/objects/TOA-7K3Q9M`); null without a locale. */
export function matchPage(path: string): { locale: Locale; page: Page } | null {
  const [, first, ...rest] = path.replace(/\/$/, "").split("/");
  const locale = LOCALES.find((l) => l === first);
  if (!locale) return null;
  const [section, ref, ...more] = rest;
  if (more.length > 0) return { locale, page: { kind: "other" } };
  if (section === undefined) return { locale, page: { kind: "home" } };
  if (section === "objects") {
    return { locale, page: ref === undefined ? { kind: "gallery" } : { kind: "object", ref } };
  }
  const kind =
    ref === undefined && Object.hasOwn(SECTIONS, section) ? SECTIONS[section] : undefined;
  return { locale, page: { kind: kind ?? "other" } };
}

/** What the head tags say about one page, before any URL is made absolute. */
export interface PageMeta {
  locale: Locale;
  /** The document's `<title>`. */
  title: string;
  /** og:title: the page's own name, without the site's (og:site_name says it). */
  shareTitle: string;
  description: string;
  /** The page's path without its locale (`/objects/TOA-7K3Q9M`); null: no canonical, no hreflang. */
  path: string | null;
  /** False for pages a search engine should drop: a missing or withdrawn object, a receipt. */
  isIndexable: boolean;
  image: { path: string; width: number; height: number; alt: string } | null;
}

/** The site-wide description: the home page's, for any page without its own. */
function generic(locale: Locale): PageMeta {
  const m = messagesFor(locale);
  return {
    locale,
    title: m.home.documentTitle(),
    shareTitle: m.home.documentTitle(),
    description: m.home.intro(),
    path: null,
    isIndexable: true,
    image: null,
  };
}

function staticPage(locale: Locale, page: Exclude<Page, { kind: "object" }>): PageMeta {
  const m = messagesFor(locale);
  const titled = (name: string, description: string, path: string): PageMeta => ({
    ...generic(locale),
    title: m.app.documentTitle({ page: name }),
    shareTitle: name,
    description,
    path,
  });
  switch (page.kind) {
    case "home":
      return { ...generic(locale), path: "/" };
    case "gallery":
      return titled(m.gallery.heading(), m.gallery.intro(), "/objects");
    case "check":
      return titled(m.checkTip.heading(), m.checkTip.intro(), "/check");
    case "statistics":
    case "privacy":
    case "safeguarding": {
      const { documentTitle, intro } = pageWords(page.kind, locale);
      return titled(documentTitle, intro, PATHS[page.kind]!);
    }
    case "receipt":
      // A tipster's own page: nothing in it is for a search engine.
      return {
        ...titled(m.receipt.documentTitle(), m.home.intro(), "/receipt"),
        path: null,
        isIndexable: false,
      };
    case "other":
      return generic(locale);
  }
}

/** The widest JPEG variant up to SHARE_IMAGE_MAX_WIDTH of the first image that has one. */
function shareImage(object: PublicObject): PageMeta["image"] {
  for (const image of object.images) {
    const jpeg = image.variants
      .filter((v) => v.format === "jpeg" && v.width <= SHARE_IMAGE_MAX_WIDTH)
      .sort((a, b) => b.width - a.width)[0];
    if (jpeg) {
      return { path: jpeg.url, width: jpeg.width, height: jpeg.height, alt: image.alt.text };
    }
  }
  return null;
}

function objectPage(locale: Locale, object: PublicObject | null): PageMeta {
  // Unknown, draft, in review, withdrawn: exactly what any other page says, nothing of the object.
  if (!object) return { ...generic(locale), isIndexable: false };
  const m = messagesFor(locale);
  return {
    locale,
    title: m.app.documentTitle({ page: object.title.text }),
    shareTitle: object.title.text,
    description: object.question.text,
    path: `/objects/${object.ref}`,
    isIndexable: true,
    image: shareImage(object),
  };
}

/**
 * The meta of one page. An object is read with the same query as `objects.byRef`, so the share
 * tags show exactly what the page will (public objects only, English fallback). The shell must
 * load even when the database cannot answer: then the page gets the generic meta, and the site
 * itself says what went wrong.
 */
export async function describePage(
  deps: Pick<Deps, "database">,
  log: { logger: Logger; requestId: string },
  locale: Locale,
  page: Page,
): Promise<PageMeta> {
  if (page.kind !== "object") return staticPage(locale, page);
  // Hono has already decoded the path.
  const ref = ObjectRefSchema.safeParse(page.ref);
  if (!ref.success) return objectPage(locale, null);
  try {
    return objectPage(locale, await getPublicObjectByRef(deps.database.db, ref.data, locale));
  } catch (error) {
    log.logger.warn(
      { requestId: log.requestId, err: describeError(error) },
      "share meta: object not read, generic meta served",
    );
    return objectPage(locale, null);
  }
}

/**
 * The head tags of a page. `origin` (scheme, host and port) makes the URLs absolute; without
 * one, every tag that needs an absolute URL is left out. Every value is escaped by the HTML
 * serialiser, so no object text can become markup.
 */
export function renderHeadTags(meta: PageMeta, origin: string | null): string {
  const tags: string[] = [
    headTag("title", {}, meta.title),
    headTag("meta", { name: "description", content: meta.description }),
  ];
  if (!meta.isIndexable) tags.push(headTag("meta", { name: "robots", content: "noindex" }));
  const canonical = origin && meta.path ? localized(origin, meta.locale, meta.path) : null;
  if (origin && meta.path) {
    tags.push(headTag("link", { rel: "canonical", href: canonical! }));
    for (const locale of LOCALES) {
      const href = localized(origin, locale, meta.path);
      tags.push(headTag("link", { rel: "alternate", hreflang: locale, href }));
    }
    // Without a locale, every page path redirects by Accept-Language (locale-redirect.ts).
    tags.push(
      headTag("link", { rel: "alternate", hreflang: "x-default", href: `${origin}${meta.path}` }),
    );
  }
  const og = (property: string, content: string) => headTag("meta", { property, content });
  tags.push(
    og("og:type", "website"),
    og("og:site_name", messagesFor(meta.locale).app.siteName()),
    og("og:title", meta.shareTitle),
    og("og:description", meta.description),
    og("og:locale", OG_LOCALES[meta.locale]),
  );
  if (canonical) {
    for (const locale of LOCALES) {
      if (locale !== meta.locale) tags.push(og("og:locale:alternate", OG_LOCALES[locale]));
    }
    tags.push(og("og:url", canonical));
  }
  const image = origin ? meta.image : null;
  if (image) {
    tags.push(
      og("og:image", `${origin}${image.path}`),
      og("og:image:type", "image/jpeg"),
      og("og:image:width", String(image.width)),
      og("og:image:height", String(image.height)),
      og("og:image:alt", image.alt),
    );
  }
  tags.push(
    headTag("meta", { name: "twitter:card", content: image ? "summary_large_image" : "summary" }),
  );
  if (image) tags.push(headTag("meta", { name: "twitter:image:alt", content: image.alt }));
  return tags.join("\n    ");
}

function localized(origin: string, locale: Locale, path: string): string {
  return `${origin}/${locale}${path === "/" ? "/" : path}`;
}

/** The origin absolute URLs are made with, for one request. */
export function resolveOrigin(publicOrigin: PublicOrigin, requestUrl: string): string | null {
  if (!publicOrigin) return null;
  return publicOrigin.from === "config" ? publicOrigin.origin : new URL(requestUrl).origin;
}

/**
 * What the public site's shell says for one request: the page's language and head tags; null
 * outside the localised site (the shell is then served as built).
 */
export async function shareMetaFill(
  deps: Pick<Deps, "database" | "logger">,
  request: { path: string; url: string; requestId: string },
  publicOrigin: PublicOrigin,
): Promise<ShellFill | null> {
  const matched = matchPage(request.path);
  if (!matched) return null;
  const meta = await describePage(
    deps,
    { logger: deps.logger, requestId: request.requestId },
    matched.locale,
    matched.page,
  );
  return {
    lang: matched.locale,
    headTags: renderHeadTags(meta, resolveOrigin(publicOrigin, request.url)),
  };
}
