import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailability, launchChromium } from "./browser";
import { collectPageErrors } from "./public-site";
import { loginAsStaff } from "./staff-login";

const publicUrl = inject("publicUrl");
const staffUrl = inject("staffUrl");
const { available } = browserAvailability();

describe.runIf(available)(
  "a German visitor with information about abuse not about an object",
  () => {
    let browser: Browser;
    const marker = `Safeguarding e2e ${Date.now().toString(36)}: ein Kind in der Nachbarschaft`;

    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("finds where to report in Germany, tells Trace, gets a receipt, and the tip is urgent", async () => {
      const context = await browser.newContext({
        locale: "de-DE",
        extraHTTPHeaders: { "Accept-Language": "de" },
      });
      const page = await context.newPage();
      const errors = collectPageErrors(page);

      // From the home page, in German.
      await page.goto(publicUrl);
      expect(new URL(page.url()).pathname).toBe("/de/");
      await page
        .getByRole("heading", {
          level: 2,
          name: "Sie wissen von Missbrauch, der nicht einen Gegenstand betrifft?",
        })
        .waitFor();
      await page.getByRole("link", { name: "Wo Sie Missbrauch melden können" }).click();
      await page.waitForURL("**/de/report-abuse");
      await page
        .getByRole("heading", {
          level: 1,
          name: "Hinweise auf Missbrauch, der nicht einen Gegenstand betrifft",
        })
        .waitFor();

      // Danger first: the emergency number of the country the page language points to.
      const danger = page
        .getByRole("status")
        .filter({ hasText: "Ist ein Kind gerade jetzt in Gefahr?" });
      expect(await danger.textContent()).toContain("Rufen Sie jetzt die 112 an.");
      expect(await danger.getByRole("link", { name: "112" }).getAttribute("href")).toBe("tel:112");

      // Germany is chosen from the page's language; its hotline and helpline are shown.
      const country = page.getByRole("combobox", { name: "Land", exact: true });
      expect(await country.inputValue()).toBe("DE");
      const hotline = page.getByRole("link", { name: "Internet-Beschwerdestelle (eco und FSM)" });
      expect(await hotline.getAttribute("href")).toBe("https://www.internet-beschwerdestelle.de");
      expect(await page.getByRole("link", { name: "116 111" }).getAttribute("href")).toBe(
        "tel:116111",
      );
      await page.getByText("Laden Sie sie nicht herunter", { exact: false }).waitFor();

      // Another country is one choice away, with nothing looked up about the visitor.
      await country.selectOption("AT");
      await page.getByRole("link", { name: "Stopline" }).waitFor();
      expect(await page.getByRole("link", { name: "133" }).getAttribute("href")).toBe("tel:133");
      await country.selectOption("DE");

      // Tell Trace: the tip form without an object, without object questions or photos.
      await page
        .getByRole("heading", { name: "Sagen Sie dem Trace-Team, was Sie wissen" })
        .waitFor();
      expect(await page.getByRole("textbox", { name: "Marke oder Produkt" }).count()).toBe(0);
      expect(await page.getByRole("checkbox").count()).toBe(0);
      // Sending without words says what is missing, in German, and sends nothing.
      await page.getByRole("button", { name: "An Trace senden" }).click();
      await page.getByRole("link", { name: "Schreiben Sie, was Sie wissen." }).waitFor();

      await page
        .getByRole("combobox", { name: "Land (wenn Sie es wissen)" })
        .selectOption({ label: "Deutschland" });
      await page.getByRole("textbox", { name: "Was Sie wissen" }).fill(marker);
      await page.getByRole("radio", { name: "Ich glaube schon" }).check();
      await page.getByRole("link", { name: "Was wir speichern, und wie lange" }).waitFor();
      await page.getByRole("button", { name: "An Trace senden" }).click();

      // The receipt, with the guidance for abuse that is not about an object.
      await page
        .getByRole("heading", { level: 1, name: "Danke — Ihr Hinweis ist eingegangen" })
        .waitFor({ timeout: 30_000 });
      await page.getByRole("group", { name: "Ihr Belegcode" }).waitFor();
      await page.getByText("Missbrauch melden, der nicht einen Gegenstand betrifft").waitFor();
      await page.getByRole("link", { name: "Meldestellen und Notrufnummern nach Land" }).waitFor();

      expect(await context.cookies()).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();

      // At the hub, the tip waits at the top of the queue: urgent.
      const staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const analyst = await staff.newPage();
      await loginAsStaff(analyst, staffUrl, "analyst");
      await analyst.goto(`${staffUrl}/tips`);
      await analyst
        .getByRole("combobox", { name: "Sort by" })
        .selectOption({ label: "Newest first" });
      await analyst.getByRole("button", { name: "Apply filters" }).click();
      const row = analyst.getByRole("row").filter({ hasText: marker });
      await expect
        .poll(() => row.getByText("Urgent", { exact: true }).isVisible(), { timeout: 15_000 })
        .toBe(true);
      await staff.close();
    });

    it("reads in Polish what is kept and for how long, from the footer", async () => {
      const context = await browser.newContext({
        locale: "pl-PL",
        extraHTTPHeaders: { "Accept-Language": "pl" },
      });
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${publicUrl}/pl/`);
      await page.getByRole("contentinfo").getByRole("link", { name: "Prywatność" }).click();
      await page.waitForURL("**/pl/privacy");
      await page
        .getByRole("heading", {
          level: 1,
          name: "Prywatność: co Trace przechowuje, jak długo i kto to widzi",
        })
        .waitFor();
      const table = page.getByRole("table", {
        name: "Co Trace przechowuje, jak długo i kto to widzi",
      });
      const contact = table.getByRole("row").filter({ hasText: "Twoje dane kontaktowe" });
      expect(await contact.textContent()).toContain("Do 90 dni od zamknięcia Twojej wskazówki.");
      const address = table.getByRole("row").filter({ hasText: "Twój adres internetowy (IP)" });
      expect(await address.textContent()).toContain("Nie są przechowywane");
      expect(await page.title()).toBe("Prywatność — Trace");
      expect(await context.cookies()).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  },
);
