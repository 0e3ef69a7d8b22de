import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@trace/domain";
import { messagesFor } from "./messages";

/**
 * The words only these pages need live in ./locales (the public site's catalogs.test.ts counts a
 * key as used only in the site's own source, so they could not go there). This is their
 * completeness check, as strict as the site's: the same keys and placeholders in every locale,
 * nothing empty, and every key used here.
 */
const LOCALES_DIR = join(import.meta.dirname, "locales");

function flatten(node: unknown, prefix = "", out = new Map<string, string>()) {
  if (typeof node === "string") out.set(prefix, node);
  else if (typeof node === "object" && node !== null)
    for (const [key, child] of Object.entries(node))
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
  else throw new Error(`${prefix}: the catalog holds strings and objects only`);
  return out;
}

const read = (locale: string) =>
  flatten(JSON.parse(readFileSync(join(LOCALES_DIR, `${locale}.json`), "utf8")));

/** The placeholder names of a message with their kind (argument, number, plural, …). */
function placeholders(source: string, locale: string): string[] {
  const found = new Set<string>();
  const walk = (elements: unknown[]) => {
    for (const e of elements as { type: number; value?: unknown; options?: object }[]) {
      if (typeof e.value === "string" && e.type !== 0) found.add(`${e.value}:${e.type}`);
      for (const option of Object.values(e.options ?? {}) as { value: unknown[] }[])
        walk(option.value);
    }
  };
  walk(new IntlMessageFormat(source, locale).getAst());
  return [...found].sort();
}

const english = read("en");

describe("the no-JavaScript pages' catalog", () => {
  it("exists for exactly the site's locales", () => {
    const files = readdirSync(LOCALES_DIR).map((f) => f.replace(/\.json$/, ""));
    expect(files.sort()).toEqual([...LOCALES].sort());
  });

  describe.each(LOCALES.filter((l) => l !== "en"))("%s", (locale) => {
    const catalog = read(locale);

    it("has exactly the English keys, with the same placeholders, none empty", () => {
      expect([...catalog.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, source] of catalog) {
        expect(source.trim(), key).not.toBe("");
        expect(placeholders(source, locale), key).toEqual(placeholders(english.get(key)!, "en"));
        // A copy of the English is no translation (the names of things aside).
        if (!/^Trace\b/.test(source)) expect(source, key).not.toBe(english.get(key));
      }
    });

    it("formats every message", () => {
      const m = messagesFor(locale);
      for (const key of catalog.keys()) {
        const [group, name] = key.split(".") as ["basic", keyof typeof m.basic];
        expect(group).toBe("basic");
        expect(m.basic[name]({ title: "T" }).length, key).toBeGreaterThan(0);
      }
    });
  });

  it("uses every key in the pages' source", () => {
    const source = readdirSync(import.meta.dirname)
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
      .map((f) => readFileSync(join(import.meta.dirname, f), "utf8"))
      .join("\n");
    const unused = [...english.keys()].filter(
      (key) => !new RegExp(`\\.${key.replace(/\./g, "\\.")}\\(`).test(source),
    );
    expect(unused).toEqual([]);
  });
});
