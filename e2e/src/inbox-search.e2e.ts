import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { firstOpenObject, siteSignals } from "./public-site";
import { browserAvailability, launchChromium } from "./browser";
import { loginAsStaff } from "./staff-login";

const publicUrl = inject("publicUrl");
const staffUrl = inject("staffUrl");
const { available } = browserAvailability();

/** Sends a tip through the public API, as the public site does. */
async function submitTip(tip: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${publicUrl}/trpc/tips.submit`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ...tip, ...(await siteSignals()) }),
  });
  expect(res.status).toBe(200);
}

describe.runIf(available)("an analyst searches the inbox", () => {
  let browser: Browser;
  // Invented words, unique to this run, so the search finds exactly these tips.
  const run = Date.now().toString(36);
  const shop = `Brocante Zéphyrine${run}`;
  const text = `Search e2e ${run}: the same striped curtain hung in my aunt's flat`;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("finds a tip by its shop, accents ignored, keeps the search in the URL and combines it with the filters", async () => {
    const objectRef = (await firstOpenObject()).ref;
    await submitTip({
      objectRef,
      answer: { confidence: "think_so", country: "BE", placeOrShop: shop },
      text,
      language: "en",
    });

    const page = await (await browser.newContext()).newPage();
    await loginAsStaff(page, staffUrl, "analyst");
    await page.goto(`${staffUrl}/tips`);
    const search = page.getByRole("search", { name: "Search tips" });
    const box = search.getByRole("searchbox", { name: "Search tips" });
    await box.fill(`zephyrine${run}`);
    await box.press("Enter");

    await page.waitForURL((url) => url.searchParams.get("q") === `zephyrine${run}`);
    await page.getByRole("link", { name: text }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole("status")
          .filter({ hasText: /tips?$/ })
          .textContent(),
      )
      .toBe("1 tip");

    // A country filter applied afterwards keeps the search; one that excludes the tip empties it.
    await page.getByRole("combobox", { name: "Country" }).selectOption("DE");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL((url) => url.searchParams.get("country") === "DE");
    expect(new URL(page.url()).searchParams.get("q")).toBe(`zephyrine${run}`);
    await page.getByText("No tips match these filters.").waitFor();

    // Reloading the URL shows the same search in the box.
    await page.reload();
    expect(await page.getByRole("searchbox", { name: "Search tips" }).inputValue()).toBe(
      `zephyrine${run}`,
    );

    // A search longer than the API accepts is refused in the form, with the reason.
    await box.fill("a".repeat(201));
    await box.press("Enter");
    await page.getByText("A search can be at most 200 characters long.").waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe(`zephyrine${run}`);
  });
});
