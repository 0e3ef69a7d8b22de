import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailability, launchChromium } from "./browser";
import { collectPageErrors, firstOpenObject } from "./public-site";

const publicUrl = inject("publicUrl");
const { available } = browserAvailability();

/** The object's title as the public API serves it in `locale`. */
async function servedTitle(ref: string, locale: string) {
  const input = encodeURIComponent(JSON.stringify({ ref, locale }));
  const res = await fetch(`${publicUrl}/trpc/objects.byRef?input=${input}`);
  const body = (await res.json()) as {
    result: { data: { title: { text: string; isFallback: boolean } } };
  };
  return body.result.data.title;
}

describe.runIf(available)("a French visitor", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lands on /fr/, reads French, and switches to German on an object page", async () => {
    const context = await browser.newContext({
      locale: "fr-FR",
      extraHTTPHeaders: { "Accept-Language": "fr" },
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto(publicUrl);
    expect(new URL(page.url()).pathname).toBe("/fr/");
    await page
      .getByRole("heading", {
        level: 1,
        name: "Reconnaissez un objet, aidez à retrouver un enfant",
      })
      .waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    expect(await page.title()).toContain("aidez à identifier");
    expect(await context.cookies()).toEqual([]);

    // A shared link without a locale opens in the visitor's language.
    const object = await firstOpenObject();
    await page.goto(`${publicUrl}/objects/${object.ref}`);
    expect(new URL(page.url()).pathname).toBe(`/fr/objects/${object.ref}`);
    const fr = await servedTitle(object.ref, "fr");
    const heading = page.getByRole("heading", { level: 1 });
    await page.getByRole("heading", { name: "Envoyer un signalement" }).waitFor();
    expect(await heading.textContent()).toContain(fr.text);
    if (fr.isFallback) {
      // An untranslated title is shown in English, marked as such and spoken as English.
      expect(await heading.textContent()).toContain("(en anglais)");
      expect(await heading.locator('[lang="en"]').textContent()).toBe(fr.text);
    }

    // The switcher names each language in itself and keeps the page.
    const deutsch = page.getByRole("link", { name: "Deutsch", exact: true });
    expect(await deutsch.getAttribute("lang")).toBe("de");
    await deutsch.click();
    await page.waitForURL(`**/de/objects/${object.ref}`);
    await page.getByRole("heading", { name: "Einen Hinweis senden" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    const de = await servedTitle(object.ref, "de");
    await expect.poll(() => heading.textContent()).toContain(de.text);
    expect(
      await page.getByRole("link", { name: "Deutsch", exact: true }).getAttribute("aria-current"),
    ).toBe("true");

    expect(errors).toEqual([]);
    await context.close();
  });
});
