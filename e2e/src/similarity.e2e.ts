import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailability, launchChromium } from "./browser";
import { loginAsStaff } from "./staff-login";

const staffUrl = inject("staffUrl");
const { available } = browserAvailability();

describe.runIf(available)("an analyst sees that a picture was seen in another series", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is warned on a draft's page, compares the pictures side by side and follows the link", async () => {
    const page = await (await browser.newContext()).newPage();
    await loginAsStaff(page, staffUrl, "analyst");

    // The demo's draft of a view from a window, in series S-0142-B.
    await page.getByRole("link", { name: "Objects", exact: true }).click();
    await page.getByRole("combobox", { name: "Status" }).selectOption("draft");
    await page.waitForURL(/status=draft/);
    await page
      .getByRole("link", { name: "Church tower behind houses, seen from a window", exact: true })
      .click();
    await page
      .getByRole("heading", { level: 1, name: "Church tower behind houses, seen from a window" })
      .waitFor();

    // The warning at the top names the other object, its series and its case.
    const warning = page.getByRole("link", {
      name: /^May be the same room or object as TOA-[0-9A-Z]{6} in series S-0087-A \(case CASE-2017-0087\)\.$/,
    });
    await warning.waitFor();
    const ref = /TOA-[0-9A-Z]{6}/.exec((await warning.textContent())!)![0];

    // The panel shows both pictures with the distance, and marks the other series.
    const panel = page.getByRole("region", { name: "Similar images" });
    const pair = panel.getByRole("listitem", { name: `Image 1 beside ${ref}` });
    await pair.waitFor();
    expect(await pair.getByRole("img").count()).toBe(2);
    await pair.getByText("Same or near-same picture").waitFor();
    await pair.getByText("Other series").waitFor();
    await pair.getByText(/^Distance \d+ of 64$/).waitFor();

    // The link leads to the original, which points back at the draft in its own series.
    await warning.click();
    await page
      .getByRole("heading", { level: 1, name: "View of a church tower from a window" })
      .waitFor();
    await page
      .getByRole("link", { name: /in series S-0142-B \(case CASE-2019-0142\)\.$/ })
      .waitFor();
    expect(await page.getByText(ref, { exact: true }).count()).toBeGreaterThan(0);
  });
});
