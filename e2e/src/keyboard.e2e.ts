import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { browserAvailability, launchChromium } from "./browser";
import { collectPageErrors, firstOpenObject } from "./public-site";

const publicUrl = inject("publicUrl");
const { available } = browserAvailability();

/** Whether `target` is the element that has focus. */
function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement);
}

/**
 * What a sighted keyboard user sees of the focused element: its name, whether the focus
 * indicator is drawn (an outline or ring at least 2 px), and whether it is inside the viewport.
 */
function focusedElement(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const outline = style.outlineStyle !== "none" ? parseFloat(style.outlineWidth) : 0;
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.getAttribute("aria-label") ?? el.textContent ?? "").trim(),
      isIndicated: el.matches(":focus-visible") && (outline >= 2 || style.boxShadow !== "none"),
      isInViewport:
        rect.bottom > 0 &&
        rect.right > 0 &&
        rect.top < window.innerHeight &&
        rect.left < window.innerWidth,
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a person moving through the page
 * would, and checks that every stop on the way shows where focus is. Fails after `maxStops`.
 */
async function tabTo(
  page: Page,
  target: Locator,
  { backwards = false, maxStops = 80 } = {},
): Promise<number> {
  for (let stops = 1; stops <= maxStops; stops++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const focused = await focusedElement(page);
    expect(focused, `nothing has focus after ${stops} Tab presses`).not.toBeNull();
    expect(focused?.isIndicated, `no visible focus on <${focused?.tag}> "${focused?.text}"`).toBe(
      true,
    );
    expect(focused?.isInViewport, `<${focused?.tag}> "${focused?.text}" is off screen`).toBe(true);
    if (await hasFocus(target)) return stops;
  }
  throw new Error(`Tab did not reach ${target} within ${maxStops} stops`);
}

describe.runIf(available)("a keyboard-only visitor", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("goes from the gallery to a receipt with Tab, arrows, Enter and Space only", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const object = await firstOpenObject("textile_or_pattern");

    await page.goto(`${publicUrl}/en/objects`);
    await page.getByRole("heading", { level: 1, name: "Objects" }).waitFor();

    // The first stop is the skip link; it takes focus past the header to the page's content.
    const skipLink = page.getByRole("link", { name: "Skip to main content" });
    expect(await tabTo(page, skipLink)).toBe(1);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");

    // Filter with the arrow keys on the category list; focus stays on the list.
    const category = page.getByRole("combobox", { name: "Category" });
    expect(await tabTo(page, category)).toBe(1);
    for (let i = 0; i < 10; i++) {
      if ((await category.inputValue()) === "textile_or_pattern") break;
      await page.keyboard.press("ArrowDown");
    }
    await page.waitForURL(/category=textile_or_pattern/);
    expect(await hasFocus(category)).toBe(true);

    // On to the object's card, and into it.
    const card = page.getByRole("link", { name: object.title, exact: true });
    await card.waitFor();
    await tabTo(page, card);
    await page.keyboard.press("Enter");

    // A new page: focus moves to its main heading, so a screen reader announces it.
    const objectHeading = page.getByRole("heading", { level: 1, name: object.title });
    await objectHeading.waitFor();
    await expect.poll(() => hasFocus(objectHeading)).toBe(true);

    // The tip form: type where Tab has brought focus, choose with arrows, send with Enter.
    await page.getByRole("heading", { name: "Send a tip" }).waitFor();
    const text = page.getByRole("textbox", { name: "Anything else you can tell us" });
    await tabTo(page, text);
    await page.keyboard.type("Seen on a market stall, sold by the metre (keyboard test).");

    // Back up with Shift+Tab to the radio group before the text: with nothing chosen yet, it
    // is entered at its last radio; the arrow keys choose.
    const guess = page.getByRole("radio", { name: "It's a guess" });
    await tabTo(page, guess, { backwards: true });
    await page.keyboard.press("ArrowUp");
    const thinkSo = page.getByRole("radio", { name: "I think so" });
    expect(await hasFocus(thinkSo)).toBe(true);
    expect(await thinkSo.isChecked()).toBe(true);

    const send = page.getByRole("button", { name: "Send tip" });
    await tabTo(page, send);
    await page.keyboard.press("Enter");

    // Sending may take a moment (the form proves a little work before it sends).
    const receiptHeading = page.getByRole("heading", {
      level: 1,
      name: "Thank you — your tip has been received",
    });
    await receiptHeading.waitFor({ timeout: 30_000 });
    await expect.poll(() => hasFocus(receiptHeading)).toBe(true);
    expect(await page.getByLabel("Your receipt code").textContent()).toMatch(
      /^\s*([0-9A-Z]{4}-){4}[0-9A-Z]{4}\s*$/,
    );

    // Confirm with Space, continue with Enter.
    const saved = page.getByRole("checkbox", { name: "I have saved my receipt code" });
    await tabTo(page, saved);
    await page.keyboard.press("Space");
    expect(await saved.isChecked()).toBe(true);
    const cont = page.getByRole("button", { name: "Continue" });
    await tabTo(page, cont);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url()).not.toContain("/receipt");
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.tagName.toLowerCase()))
      .toBe("h1");

    expect(errors).toEqual([]);
    await context.close();
  });
});
