import { createElement, isValidElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { compileMessages } from ".";
import frCatalog from "./locales/fr.json";
import { isLocale, preferredLocale } from "./locales";

describe("preferredLocale", () => {
  it.each([
    [[], "en"],
    [["fr-FR", "en-US"], "fr"],
    [["ja", "pt-BR"], "pt"],
    [["zh-Hant", "ko"], "en"],
    [["PL"], "pl"],
  ])("%j → %s", (languages, locale) => {
    expect(preferredLocale(languages)).toBe(locale);
  });
});

describe("isLocale", () => {
  it("accepts only the site's locales", () => {
    expect(isLocale("nl")).toBe(true);
    expect(isLocale("objects")).toBe(false);
    expect(isLocale("xx")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});

describe("rich messages", () => {
  it("place an element, with its own lang, inside a translated sentence", () => {
    const fr = compileMessages(frCatalog, "fr");
    const node = fr.gallery.regionHint.rich({
      hint: createElement("span", { lang: "en" }, "Northern Europe"),
    });
    expect(Array.isArray(node) && node.every((part) => isValidElement(part))).toBe(true);
    expect(renderToStaticMarkup(createElement("p", null, node))).toBe(
      '<p>Région : <span lang="en">Northern Europe</span></p>',
    );
  });
});
