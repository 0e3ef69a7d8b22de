import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, describeViolations } from "./accessibility";
import { browserAvailability, launchChromium } from "./browser";
import { collectPageErrors, firstOpenObject } from "./public-site";

const publicUrl = inject("publicUrl");
const { available } = browserAvailability();

/** The object's title as the public API serves it in `locale`. */
async function servedTitle(ref: string, locale: string): Promise<string> {
  const input = encodeURIComponent(JSON.stringify({ ref, locale }));
  const res = await fetch(`${publicUrl}/trpc/objects.byRef?input=${input}`);
  const body = (await res.json()) as { result: { data: { title: { text: string } } } };
  return body.result.data.title.text;
}

/**
 * WCAG 2.2 AA, checked by axe-core on exactly what the page shows. axe runs as a script, and a
 * page without JavaScript runs none, not even one sent through the DevTools protocol: the page's
 * document is copied into a page of the same origin (so its stylesheet applies) that may.
 */
async function expectNoViolations(browser: Browser, page: Page) {
  const checker = await browser.newPage();
  await checker.goto(`${publicUrl}/en/basic/check`);
  await checker.setContent(await page.content());
  expect(await checker.getByRole("heading", { level: 1 }).textContent()).toBe(
    await page.getByRole("heading", { level: 1 }).textContent(),
  );
  const violations = await axeViolations(checker);
  expect(violations, describeViolations(violations)).toEqual([]);
  await checker.close();
}

/**
 * Tor Browser at its "Safest" level runs no JavaScript at all. Such a visitor must still be
 * able to send a tip and check it later: the site's shell links them to the server-rendered
 * pages, which do everything with plain forms.
 */
describe.runIf(available)("a French visitor without JavaScript", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sends a tip about an object from the home page's link, keeps the receipt and checks it", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      locale: "fr-FR",
      extraHTTPHeaders: { "Accept-Language": "fr" },
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    // The site's shell preloads its modules even so; the pages without JavaScript load none.
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script" && request.frame().url().includes("/basic"))
        scripts.push(request.url());
    });

    // The home page cannot run; its <noscript> offers the pages that work without it.
    await page.goto(publicUrl);
    expect(new URL(page.url()).pathname).toBe("/fr/");
    await page
      .getByRole("link", { name: "Envoyer ou suivre un signalement sans JavaScript" })
      .click();
    await page.waitForURL("**/fr/basic");
    await page.getByRole("heading", { level: 1, name: "Trace sans JavaScript" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");

    // Each open object has a link to its own tip form.
    const object = await firstOpenObject();
    const title = await servedTitle(object.ref, "fr");
    await page.getByRole("link", { name: `Envoyer un signalement sur « ${title} »` }).click();
    await page.getByRole("heading", { level: 1, name: "Envoyer un signalement" }).waitFor();
    expect(await page.getByRole("heading", { level: 2 }).first().textContent()).toContain(title);

    // A first send without saying how sure: the form comes back with what was typed and why.
    await page.getByLabel("Pays").selectOption({ label: "Belgique" });
    await page.getByLabel("Lieu ou magasin").fill("Un marché à Liège");
    await page.getByLabel("Autre chose à nous dire").fill("J’ai vu le même motif sur un tapis.");
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Il y a un problème" });
    await summary.waitFor();
    await summary.getByRole("link", { name: "Indiquez à quel point vous êtes sûr." }).waitFor();
    expect(await page.getByLabel("Lieu ou magasin").inputValue()).toBe("Un marché à Liège");
    expect(await page.getByLabel("Pays").inputValue()).toBe("BE");
    await expectNoViolations(browser, page);

    await page.getByRole("radio", { name: "Je pense que oui" }).check();
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Merci — votre signalement a été reçu" })
      .waitFor();
    const code = (await page.getByRole("group", { name: "Votre code de reçu" }).textContent())!;
    expect(code.trim()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    await expectNoViolations(browser, page);

    // Back later with the code: the status, in French.
    await page.getByRole("link", { name: "Suivre mon signalement avec le code de reçu" }).click();
    await page.getByRole("heading", { level: 1, name: "Suivre mon signalement" }).waitFor();
    await page.getByLabel("Code de reçu").fill(code.trim());
    await page.getByRole("button", { name: "Voir le statut" }).click();
    await page.getByRole("heading", { level: 2, name: "Statut : Reçu" }).waitFor();
    // The code never went into an address.
    expect(page.url()).not.toContain(code.trim());
    await expectNoViolations(browser, page);

    expect(scripts).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    // The one error is the refused first send, answered 400 on purpose (no CSP violation).
    expect(errors).toEqual([
      "Failed to load resource: the server responded with a status of 400 (Bad Request)",
    ]);
    await context.close();
  });

  it("reads what is kept, and for how long, from the note above the tip form's send button", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`${publicUrl}/fr/basic/tip`);
    await page.getByRole("link", { name: "Ce que nous conservons, et combien de temps" }).click();
    await page.waitForURL("**/fr/basic/privacy");
    await page
      .getByRole("heading", { level: 1, name: "Confidentialité : ce que Trace conserve" })
      .waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");

    const table = page.getByRole("table", {
      name: "Ce que Trace conserve, combien de temps, et qui le voit",
    });
    const contactRow = table.getByRole("row").filter({
      has: page.getByRole("rowheader", { name: "Vos coordonnées, si vous les donnez" }),
    });
    expect(await contactRow.getByRole("cell").first().textContent()).toMatch(
      /^Jusqu’à 90 jours après la clôture/,
    );
    await expectNoViolations(browser, page);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});
