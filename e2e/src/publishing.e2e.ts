import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailability, launchChromium } from "./browser";
import { loginAsStaff } from "./staff-login";

const publicUrl = inject("publicUrl");
const staffUrl = inject("staffUrl");
const { available } = browserAvailability();

describe.runIf(available)("a coordinator publishes an object and withdraws it", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("approves an analyst's object in review, sees it public, withdraws it and it is gone", async () => {
    const staff = await (await browser.newContext()).newPage();
    await loginAsStaff(staff, staffUrl, "coordinator");

    // Find an object the demo analyst wrote and submitted for review.
    await staff.getByRole("link", { name: "Objects", exact: true }).click();
    await staff.getByRole("heading", { level: 1, name: "Objects" }).waitFor();
    await staff.getByRole("combobox", { name: "Status" }).selectOption("in_review");
    await staff.waitForURL(/status=in_review/);
    // The unfiltered list may still be on screen for a moment: wait until every row is in review.
    const rows = staff
      .getByRole("table")
      .getByRole("row")
      .filter({ has: staff.getByRole("cell") });
    await expect
      .poll(
        async () => {
          const statuses = await rows
            .getByRole("cell", {
              name: /^(Draft|In review|Approved|Published|Origin found|Withdrawn)$/,
            })
            .allTextContents();
          return statuses.length > 0 && statuses.every((s) => s === "In review");
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const firstInReview = staff.getByRole("table").getByRole("link").first();
    const title = (await firstInReview.textContent())!.trim();
    await firstInReview.click();
    await staff.getByRole("heading", { level: 1, name: title }).waitFor();
    const ref = (await staff
      .getByText(/^TOA-[0-9A-Z]{6}$/)
      .first()
      .textContent())!.trim();
    expect(await staff.getByText("Demo analyst", { exact: false }).count()).toBeGreaterThan(0);

    // Approve and publish at once (four eyes: the coordinator is not the author).
    expect(await staff.getByRole("radio", { name: "Publish now" }).isChecked()).toBe(true);
    await staff.getByRole("button", { name: "Approve" }).click();
    await staff.getByRole("button", { name: "Mark origin found" }).waitFor();

    // The public gallery lists it by its title.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${publicUrl}/objects`);
    await visitor.getByRole("link", { name: title, exact: true }).first().waitFor();
    await visitor.getByRole("link", { name: title, exact: true }).first().click();
    await visitor.getByRole("heading", { level: 1, name: title }).waitFor();

    // Withdraw it with a reason.
    await staff
      .getByRole("textbox", { name: "Reason for withdrawal" })
      .fill("Taken down at the request of the lead agency.");
    await staff.getByRole("button", { name: "Withdraw" }).click();
    await staff.getByText("Taken down at the request of the lead agency.").waitFor();
    await expect
      .poll(() => staff.getByRole("button", { name: "Mark origin found" }).count())
      .toBe(0);

    // The public object page cannot find it, and the gallery no longer lists it.
    await visitor.goto(`${publicUrl}/objects/${ref}`);
    await visitor.getByRole("heading", { name: "We could not find this object" }).waitFor();
    await visitor.goto(`${publicUrl}/objects`);
    await visitor.getByRole("heading", { level: 1, name: "Objects" }).waitFor();
    // Wait until the gallery has loaded some objects before checking that this one is absent.
    await visitor.locator('a[href^="/en/objects/TOA-"]').first().waitFor();
    expect(await visitor.getByRole("link", { name: title, exact: true }).count()).toBe(0);
  });
});
