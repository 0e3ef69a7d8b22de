import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import {
  LOCALES,
  OBJECT_CATEGORIES,
  PUBLIC_OBJECT_STATUSES,
  PUBLIC_TIP_STATUSES,
  SAFEGUARDING_LINE_KINDS,
  TIP_CONFIDENCES,
} from "@trace/domain";
import { compileMessages } from ".";

const LOCALES_DIR = join(import.meta.dirname, "locales");
const SRC_DIR = join(import.meta.dirname, "..");

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

/** The catalogs beside the site's own (locales/<name>/xx.json), each loaded with its pages. */
const OTHER_CATALOGS = ["forms", "statistics", "privacy", "safeguarding"];

/**
 * A locale's messages: its site catalog, its forms catalog (see ./index.ts) and the single
 * pages' (./page-messages.ts) together.
 */
function readCatalog(locale: string): Record<string, unknown> {
  const site = readJson(join(LOCALES_DIR, `${locale}.json`));
  const others = OTHER_CATALOGS.map((name) => readJson(join(LOCALES_DIR, name, `${locale}.json`)));
  const keys = [...Object.keys(site), ...others.flatMap((catalog) => Object.keys(catalog))];
  const shared = keys.filter((key, index) => keys.indexOf(key) !== index);
  if (shared.length > 0) throw new Error(`${locale}: in two catalogs: ${shared.join(", ")}`);
  return Object.assign({}, site, ...others) as Record<string, unknown>;
}

/** Every message as "path.to.key" → ICU source; array items get their index as a segment. */
function flatten(node: unknown, prefix = "", out = new Map<string, string>()) {
  if (typeof node === "string") out.set(prefix, node);
  else if (Array.isArray(node)) node.forEach((child, i) => flatten(child, `${prefix}.${i}`, out));
  else if (typeof node === "object" && node !== null)
    for (const [key, child] of Object.entries(node))
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
  else throw new Error(`${prefix}: a catalog holds strings, arrays and objects only`);
  return out;
}

/** The placeholder names of a message, with their kind (plain, number, date, plural, …). */
function placeholders(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    if (e.type === TYPE.tag) {
      placeholders(e.children, out);
      continue;
    }
    out.add(`${e.value}:${TYPE[e.type]}`);
    if (e.type === TYPE.plural || e.type === TYPE.select)
      for (const option of Object.values(e.options)) placeholders(option.value, out);
  }
  return out;
}

const english = flatten(readCatalog("en"));

describe("message catalogs", () => {
  it.each([LOCALES_DIR, ...OTHER_CATALOGS.map((name) => join(LOCALES_DIR, name))])(
    "exist for exactly the site's locales in %s",
    (dir) => {
      const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
      expect(files.map((f) => f.replace(/\.json$/, "")).sort()).toEqual([...LOCALES].sort());
    },
  );

  it("split the same groups of messages in every locale", () => {
    const groups = (locale: string) => Object.keys(readJson(join(LOCALES_DIR, `${locale}.json`)));
    for (const locale of LOCALES) expect(groups(locale), locale).toEqual(groups("en"));
  });

  describe.each(LOCALES.filter((l) => l !== "en"))("%s", (locale) => {
    const catalog = flatten(readCatalog(locale));

    it("has exactly the English keys", () => {
      expect([...catalog.keys()].filter((k) => !english.has(k))).toEqual([]);
      expect([...english.keys()].filter((k) => !catalog.has(k))).toEqual([]);
    });

    it("has the same placeholders as English in every message, and no empty one", () => {
      const mismatches: string[] = [];
      for (const [key, source] of catalog) {
        const wanted = english.get(key);
        if (wanted === undefined) continue;
        const got = [...placeholders(parse(source))].sort();
        const expected = [...placeholders(parse(wanted))].sort();
        if (source.trim() === "" || got.join() !== expected.join()) mismatches.push(key);
      }
      expect(mismatches).toEqual([]);
    });

    it("formats every message without error", () => {
      const messages = compileMessages(readCatalog(locale), locale);
      const values = {
        page: "p",
        id: "r",
        hint: "h",
        link: "l",
        label: "x",
        first: "f",
        last: "l",
        peak: "k",
        number: "112",
      };
      const numbers = {
        total: 3,
        used: 2,
        limit: 5000,
        max: 10,
        n: 1,
        value: 0.5,
        pageCount: 4,
        minutes: 2,
        published: 3,
        found: 1,
        days: 90,
        closedDays: 90,
        spamDays: 30,
      };
      for (const key of catalog.keys()) {
        const fn = key
          .split(".")
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        expect(typeof fn, key).toBe("function");
        const text = (fn as (v: object) => string)({ ...values, ...numbers, date: new Date() });
        expect(text.length, key).toBeGreaterThan(0);
      }
    });
  });

  it("parses every English message", () => {
    for (const [key, source] of english) expect(() => parse(source), key).not.toThrow();
  });

  it("formats plurals, numbers and dates per locale", () => {
    const fr = compileMessages(readCatalog("fr"), "fr");
    const pl = compileMessages(readCatalog("pl"), "pl");
    const de = compileMessages(readCatalog("de"), "de");
    expect(fr.gallery.resultCount({ total: 1 })).toBe("1 objet");
    expect(fr.gallery.resultCount({ total: 1200 })).toBe("1\u202f200 objets");
    expect(pl.gallery.resultCount({ total: 1 })).toBe("1 przedmiot");
    expect(pl.gallery.resultCount({ total: 3 })).toBe("3 przedmioty");
    expect(pl.gallery.resultCount({ total: 5 })).toBe("5 przedmiotów");
    expect(de.checkTip.receivedOn({ date: new Date("2026-03-04T12:00:00Z") })).toBe(
      "Eingegangen am 4. März 2026",
    );
  });
});

/**
 * Keys used only through an index (`m.categories[category]()`): each must match its domain list
 * exactly, so a missing or stray one is caught here rather than by the source scan.
 */
const INDEXED: Record<string, readonly string[] | null> = {
  categories: OBJECT_CATEGORIES,
  objectStatuses: PUBLIC_OBJECT_STATUSES,
  confidences: TIP_CONFIDENCES,
  tipStatuses: PUBLIC_TIP_STATUSES,
  "home.figures": [
    "openObjects",
    "originsFound",
    "tipsReceived",
    "countriesNarrowed",
    "victimsIdentified",
  ],
  "home.steps": null,
  "privacy.table.rows": null,
  "safeguarding.lines": SAFEGUARDING_LINE_KINDS,
  // The API's image and photo rate-limit error codes (appCode), and "failed" for any other failure.
  "tipForm.photos.errors": [
    "tip_photos_throttled",
    "unsupported_image",
    "image_too_large",
    "image_empty",
    "image_too_many_pixels",
    "image_unreadable",
    "image_busy",
    "failed",
  ],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("message usage", () => {
  const source = sourceFiles(SRC_DIR)
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");

  it("indexed groups match their domain lists", () => {
    const catalog = readCatalog("en");
    for (const [group, keys] of Object.entries(INDEXED)) {
      if (!keys) continue;
      const node = group
        .split(".")
        .reduce<unknown>((n, part) => (n as Record<string, unknown>)[part], catalog);
      expect(Object.keys(node as object).sort(), group).toEqual([...keys].sort());
    }
  });

  it("uses every key in the source (`m.path.to.key(`, `.rich(` or an indexed group)", () => {
    const unused = [...english.keys()].filter((key) => {
      const group = Object.keys(INDEXED).find((g) => key.startsWith(`${g}.`));
      if (group) return !source.includes(`.${group}[`) && !source.includes(`.${group}.map(`);
      const escaped = key.replace(/\./g, "\\.");
      return !new RegExp(`\\.${escaped}(\\.rich)?\\(`).test(source);
    });
    expect(unused).toEqual([]);
  });
});
