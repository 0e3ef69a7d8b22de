import { readFile, stat } from "node:fs/promises";
import {
  defaultTreeAdapter,
  html,
  parse,
  serializeOuter,
  type DefaultTreeAdapterMap,
} from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/** What a page puts into the shell: its language and the head tags that describe it. */
export interface ShellFill {
  lang: string;
  /** Serialised HTML, from `headTag` only: every value in it is already escaped. */
  headTags: string;
  /**
   * Tags that go after the build's own scripts and stylesheets at the end of the head (the
   * page's preload hints, ./page-preload.ts), one serialised `headTag` each.
   */
  hints?: readonly string[];
}

/** A built index.html, parsed once, ready to be filled in per request. */
export interface HtmlShell {
  /** The file as built, for answers that change nothing (the staff site). */
  readonly original: string;
  /** Every `src` and `href` of the file's scripts and links (`/assets/index-abc123.js`). */
  readonly linked: ReadonlySet<string>;
  render(fill: ShellFill): string;
}

/**
 * Tags a page describes for itself: the build's own (the site-wide English title and
 * description) are taken out, so that a page never carries two of them.
 */
function isPageMetaTag(element: Element): boolean {
  const attr = (name: string) => element.attrs.find((a) => a.name === name)?.value.toLowerCase();
  switch (element.tagName) {
    case "title":
      return true;
    case "meta": {
      const name = attr("name") ?? "";
      const property = attr("property") ?? "";
      return (
        name === "description" ||
        name === "robots" ||
        name.startsWith("twitter:") ||
        property.startsWith("og:")
      );
    }
    case "link": {
      const rel = attr("rel") ?? "";
      return rel === "canonical" || (rel === "alternate" && attr("hreflang") !== undefined);
    }
    default:
      return false;
  }
}

function childElements(node: Node): Element[] {
  return "childNodes" in node ? node.childNodes.filter(defaultTreeAdapter.isElementNode) : [];
}

/** What the file itself loads: the `src` of its scripts and the `href` of its links. */
function linkedUrls(node: Node, found = new Set<string>()): Set<string> {
  for (const element of childElements(node)) {
    const name = element.tagName === "script" ? "src" : element.tagName === "link" ? "href" : null;
    const value = name && element.attrs.find((a) => a.name === name)?.value;
    if (value) found.add(value);
    linkedUrls(element, found);
  }
  return found;
}

/**
 * Where the page's values go: the `lang` attribute (replacing the build's, or added), the head
 * tags, and the hints after the build's last head element.
 */
type Slot = "lang" | "addedLang" | "head" | "hints";

/**
 * Splits the file into text around two slots, the `lang` attribute of `<html>` and the place of
 * the page's head tags, by the parser's source offsets: everything else stays byte for byte as
 * the build wrote it (script and stylesheet tags, their order, the body).
 */
export function parseShell(text: string): HtmlShell {
  const document = parse(text, { sourceCodeLocationInfo: true });
  const root = childElements(document).find((e) => e.tagName === "html");
  const head = root && childElements(root).find((e) => e.tagName === "head");
  // The parser always makes both, written in the file or not.
  if (!root || !head) return { original: text, linked: new Set(), render: () => text };
  const edits: { start: number; end: number; slot: Slot | null }[] = [];
  const startTag = root.sourceCodeLocation?.startTag;
  const lang = root.sourceCodeLocation?.attrs?.lang;
  // A file without an `<html>` tag has nowhere to say its language: the browser's default stays.
  if (lang) edits.push({ start: lang.startOffset, end: lang.endOffset, slot: "lang" });
  else if (startTag) {
    // `<html` is five characters; the attribute goes right after it.
    const at = startTag.startOffset + "<html".length;
    edits.push({ start: at, end: at, slot: "addedLang" });
  }
  const replaced = childElements(head).filter(isPageMetaTag);
  for (const [i, element] of replaced.entries()) {
    const at = element.sourceCodeLocation;
    if (!at) continue;
    // The indentation before a removed tag goes with it, except the first's: the new tags take it.
    const before = head.childNodes[head.childNodes.indexOf(element) - 1];
    const isIndent =
      i > 0 && before && defaultTreeAdapter.isTextNode(before) && before.value.trim() === "";
    const start = isIndent
      ? (before.sourceCodeLocation?.startOffset ?? at.startOffset)
      : at.startOffset;
    edits.push({ start, end: at.endOffset, slot: null });
  }
  const insertAt =
    replaced[0]?.sourceCodeLocation?.startOffset ??
    head.sourceCodeLocation?.endTag?.startOffset ??
    head.childNodes.at(-1)?.sourceCodeLocation?.endOffset ??
    // No head written in the file: tags right after <html> (or at the start) land in the implied head.
    startTag?.endOffset ??
    0;
  edits.push({ start: insertAt, end: insertAt, slot: "head" });
  // After the build's scripts and stylesheets, so that the page's own chunks are asked for after
  // the entry chunk that every page needs first.
  const hintsAt = childElements(head).at(-1)?.sourceCodeLocation?.endOffset ?? insertAt;
  edits.push({ start: hintsAt, end: hintsAt, slot: "hints" });
  // Insertions before removals at one offset, so the head tags take the first removed tag's place.
  edits.sort((a, b) => a.start - b.start || a.end - b.end);

  const parts: (string | { slot: Slot })[] = [];
  let position = 0;
  for (const edit of edits) {
    parts.push(text.slice(position, edit.start));
    if (edit.slot) parts.push({ slot: edit.slot });
    position = Math.max(position, edit.end);
  }
  parts.push(text.slice(position));
  return {
    original: text,
    linked: linkedUrls(document),
    render: ({ lang: language, headTags, hints = [] }) => {
      const fill: Record<Slot, string> = {
        lang: htmlAttribute("lang", language),
        addedLang: ` ${htmlAttribute("lang", language)}`,
        head: headTags,
        // Indented as the head tags are (share-meta.ts joins them the same way).
        hints: hints.map((tag) => `\n    ${tag}`).join(""),
      };
      return parts.map((part) => (typeof part === "string" ? part : fill[part.slot])).join("");
    },
  };
}

/** One element, serialised by parse5: attribute values and text are escaped by the serialiser. */
export function headTag(tagName: string, attrs: Record<string, string>, text?: string): string {
  const element = defaultTreeAdapter.createElement(
    tagName,
    html.NS.HTML,
    Object.entries(attrs).map(([name, value]) => ({ name, value })),
  );
  if (text !== undefined) defaultTreeAdapter.insertText(element, text);
  return serializeOuter(element);
}

/** `name="value"`, escaped as parse5 escapes attribute values. */
function htmlAttribute(name: string, value: string): string {
  // `<x name="…"></x>` serialised, less its tags: the attribute exactly as the serialiser writes it.
  return headTag("x", { [name]: value }).slice("<x ".length, -"></x>".length);
}

/**
 * The shell of one built site, parsed once and kept in memory. The file's size and modification
 * time are checked on every request (one `stat`), and it is read and parsed again only when they
 * change, so a rebuild (`vite build --watch`, a deploy in place) is served at once without a
 * restart. Null while the site has not been built.
 */
export function createShellLoader(file: string): () => Promise<HtmlShell | null> {
  let cached: { version: string; shell: HtmlShell } | null = null;
  return async () => {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    const version = `${info.size}:${info.mtimeMs}`;
    if (cached?.version !== version) {
      cached = { version, shell: parseShell(await readFile(file, "utf8")) };
    }
    return cached.shell;
  };
}
