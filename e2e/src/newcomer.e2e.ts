import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { firstOpenObject, collectPageErrors } from "./public-site";
import { browserAvailability, launchChromium } from "./browser";
import { loginAsStaff } from "./staff-login";

const publicUrl = inject("publicUrl");
const staffUrl = inject("staffUrl");
const { available } = browserAvailability();

describe.runIf(available)("a newcomer sends a tip and an analyst finds it", () => {
  let browser: Browser;
  const marker = `Seen at the Saturday market, stall ${Date.now().toString(36)}`;
  let receiptCode = "";
  let objectRef = "";

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sends a tip from the gallery and checks it with the receipt", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const object = await firstOpenObject("textile_or_pattern");
    objectRef = object.ref;

    await page.goto(publicUrl);
    await page.getByRole("link", { name: "Objects", exact: true }).first().click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Objects" }).isVisible())
      .toBe(true);

    await page.getByRole("combobox", { name: "Category" }).selectOption("textile_or_pattern");
    await page.waitForURL(/category=textile_or_pattern/);
    await page.getByRole("link", { name: object.title, exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: object.title }).isVisible())
      .toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole("img")
          .first()
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBeGreaterThan(0);

    await page.getByRole("heading", { name: "Send a tip" }).scrollIntoViewIfNeeded();
    await page.getByRole("combobox", { name: "Country" }).selectOption("BE");
    await page.getByRole("textbox", { name: "Place or shop" }).fill("Market square, Liège");
    await page
      .getByRole("textbox", { name: "Brand or product" })
      .fill("Unbranded fabric sold by the metre");
    await page.getByRole("radio", { name: "I think so" }).check();
    await page.getByRole("textbox", { name: "Anything else you can tell us" }).fill(marker);
    await page.getByRole("button", { name: "Send tip" }).click();

    await expect
      .poll(
        () =>
          page.getByRole("heading", { name: "Thank you — your tip has been received" }).isVisible(),
        { timeout: 15_000 },
      )
      .toBe(true);
    receiptCode = (await page.getByLabel("Your receipt code").textContent())?.trim() ?? "";
    expect(receiptCode).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
    expect(page.url()).not.toContain(receiptCode);
    const cont = page.getByRole("button", { name: "Continue" });
    expect(await cont.isDisabled()).toBe(true);
    await page.getByRole("checkbox", { name: "I have saved my receipt code" }).check();
    expect(await cont.isEnabled()).toBe(true);
    await cont.click();

    await page.getByRole("link", { name: "Check my tip" }).first().click();
    await page.getByRole("textbox", { name: "Receipt code" }).fill(receiptCode);
    await page.getByRole("button", { name: "Check status" }).click();
    await expect
      .poll(() => page.getByText("Status: Received").isVisible(), { timeout: 10_000 })
      .toBe(true);

    expect(await context.cookies()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets the demo analyst log in, find that tip in the inbox and open it", async () => {
    expect(receiptCode).not.toBe("");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await loginAsStaff(page, staffUrl, "analyst");
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Tip inbox" }).isVisible(), {
        timeout: 15_000,
      })
      .toBe(true);

    await page.getByRole("textbox", { name: "Object reference" }).fill(objectRef);
    await page.getByRole("combobox", { name: "Sort by" }).selectOption({ label: "Newest first" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByRole("link", { name: marker }).click();

    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: /^Tip/ }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText(marker).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(objectRef).first().isVisible()).toBe(true);

    await page.getByRole("button", { name: "Log out", exact: true }).click();
    await expect.poll(() => page.getByRole("button", { name: "Log in" }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
