import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { browserAvailability, launchChromium } from "./browser";

const publicUrl = inject("publicUrl");
const { available } = browserAvailability();

interface Motion {
  /** Every element or pseudo-element that animates or transitions, with its longest duration. */
  moving: { what: string; animationMs: number; transitionMs: number }[];
  spinnerAnimation: string;
  buttonTransition: string;
}

/** The computed motion of the whole page: every element and its ::before and ::after. */
function motionOf(page: Page): Promise<Motion> {
  return page.evaluate(() => {
    // "0.8s", "1e-05s", "150ms", or a list of them for several properties.
    const longestMs = (value: string) =>
      Math.max(
        ...value.split(",").map((part) => {
          const n = parseFloat(part);
          return part.trim().endsWith("ms") ? n : n * 1000;
        }),
      );
    const moving: Motion["moving"] = [];
    for (const el of Array.from(document.querySelectorAll("*"))) {
      for (const pseudo of [null, "::before", "::after"]) {
        const style = getComputedStyle(el, pseudo);
        const animationMs = style.animationName === "none" ? 0 : longestMs(style.animationDuration);
        const transitionMs = longestMs(style.transitionDuration);
        if (animationMs > 0 || transitionMs > 0)
          moving.push({
            what: `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}">${pseudo ?? ""}`,
            animationMs,
            transitionMs,
          });
      }
    }
    const ring = document.querySelector(".t-spinner__ring");
    const button = document.querySelector(".t-button");
    return {
      moving,
      spinnerAnimation: ring ? getComputedStyle(ring).animationDuration : "no spinner",
      buttonTransition: button ? getComputedStyle(button).transitionDuration : "no button",
    };
  });
}

/**
 * Opens the home page with its figures held back, so its loading spinner is on screen next to
 * the "Browse objects" button, and returns the page's motion at that moment.
 */
async function homeWhileLoading(browser: Browser, reducedMotion: "reduce" | "no-preference") {
  const context = await browser.newContext({ reducedMotion });
  const page = await context.newPage();
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/trpc\/[^?]*stats\.summary/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${publicUrl}/en/`);
  await page.getByRole("status").filter({ hasText: "Loading" }).first().waitFor();
  await page.getByRole("link", { name: "Browse the objects" }).waitFor();
  const motion = await motionOf(page);
  release();
  await context.close();
  return motion;
}

describe.runIf(available)("prefers-reduced-motion", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("animates the spinner and buttons for everyone else (so the check below can fail)", async () => {
    const motion = await homeWhileLoading(browser, "no-preference");
    expect(motion.spinnerAnimation).toBe("0.8s");
    expect(motion.buttonTransition).toBe("0.15s");
    expect(motion.moving.length).toBeGreaterThan(0);
  });

  it("stops every animation and transition when the visitor asks for less motion", async () => {
    const motion = await homeWhileLoading(browser, "reduce");
    // The spinner is on the page, so the scan below covered it.
    expect(motion.spinnerAnimation).not.toBe("no spinner");
    expect(motion.buttonTransition).not.toBe("no button");
    // 0.01 ms at most: over before the next frame, so nothing is seen to move.
    const visible = motion.moving.filter((m) => m.animationMs > 0.01 || m.transitionMs > 0.01);
    expect(visible).toEqual([]);
  });
});
