import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator } from "playwright-core";
import { firstOpenObject, collectPageErrors } from "./public-site";
import { browserAvailability, launchChromium } from "./browser";
import { loginAsStaff } from "./staff-login";

const publicUrl = inject("publicUrl");
const staffUrl = inject("staffUrl");
const { available } = browserAvailability();

const BELGIUM = "Belgium — national police";

/**
 * The links among `links` that lead to `path`. Demo referrals to the same agency about the same
 * object carry the same link text, so the test tells its own referral apart by where it leads.
 */
async function linksTo(links: Locator, path: string): Promise<number[]> {
  const hrefs = await links.evaluateAll((all) => all.map((a) => a.getAttribute("href")));
  return hrefs.flatMap((href, index) => (href === path ? [index] : []));
}

describe.runIf(available)("a tip goes from the public to the Belgian police and back", () => {
  let browser: Browser;
  const marker = `Same rabbit sold at a Brussels toy fair ${Date.now().toString(36)}`;
  let object = { ref: "", title: "" };
  let receiptCode = "";
  let referralId = "";

  beforeAll(async () => {
    browser = await launchChromium();
    object = await firstOpenObject("toy");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a tipster sends a tip naming Belgium", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto(`${publicUrl}/objects/${object.ref}`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: object.title }).isVisible(), {
        timeout: 15_000,
      })
      .toBe(true);
    await page.getByRole("heading", { name: "Send a tip" }).scrollIntoViewIfNeeded();
    await page.getByRole("combobox", { name: "Country" }).selectOption("BE");
    await page.getByRole("textbox", { name: "Place or shop" }).fill("Toy fair, Brussels");
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
    expect(errors).toEqual([]);
    await context.close();
  });

  it("an analyst triages it and refers it to the agency the rules suggest", async () => {
    expect(receiptCode).not.toBe("");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAsStaff(page, staffUrl, "analyst");

    await page.getByRole("textbox", { name: "Object reference" }).fill(object.ref);
    await page.getByRole("combobox", { name: "Sort by" }).selectOption({ label: "Newest first" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByRole("link", { name: marker }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 2, name: "Triage" }).isVisible(), {
        timeout: 15_000,
      })
      .toBe(true);

    // Not triaged yet: it cannot be referred.
    const referrals = page.getByRole("region", { name: "Referrals", exact: true });
    await expect
      .poll(() =>
        referrals
          .getByText("Only tips triaged as useful or urgent can be referred to an agency.")
          .isVisible(),
      )
      .toBe(true);
    await page.getByRole("radio", { name: "Useful", exact: true }).check();
    await page.getByRole("button", { name: "Save triage" }).click();
    await expect
      .poll(() => page.getByText("Triage saved.").isVisible(), { timeout: 10_000 })
      .toBe(true);

    // The rules suggest Belgium, say why, and the form starts on that agency.
    const form = page.getByRole("form", { name: "Refer to an agency" });
    const suggestion = form.getByRole("region", { name: "What the routing rules suggest" });
    await expect
      .poll(() => suggestion.getByRole("status").textContent(), { timeout: 10_000 })
      .toMatch(new RegExp(`^The rules suggest: ${BELGIUM}[,.]`));
    // Why: the demo rule for Belgium matched on the country the tipster named.
    expect(
      await suggestion
        .getByRole("listitem")
        .filter({ hasText: /^Belgium: .+: .*tip country = BE/ })
        .count(),
    ).toBe(1);
    const agency = form.getByRole("combobox", { name: "Agency" });
    await expect
      .poll(() => agency.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent))
      .toBe(`BE-FEDPOL — ${BELGIUM} (suggested)`);
    // Following the suggestion needs no reason.
    expect(
      await form.getByRole("textbox", { name: "Reason for choosing another agency" }).count(),
    ).toBe(0);

    await form.getByRole("button", { name: "Refer to agency" }).click();
    const done = form.getByRole("status").filter({ hasText: `Referred to ${BELGIUM}` });
    await expect.poll(() => done.isVisible(), { timeout: 10_000 }).toBe(true);
    const open = done.getByRole("link", { name: "Open the referral" });
    const href = (await open.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/referrals\/[0-9a-f-]{36}$/);
    referralId = href.split("/").pop()!;

    // The tip's referrals: sent to BE-FEDPOL, delivered by the worker within seconds.
    const sent = referrals
      .getByRole("table", { name: "Referrals of this tip" })
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: "BE-FEDPOL" }) });
    await expect
      .poll(() => sent.getByText("Delivered", { exact: true }).isVisible(), { timeout: 30_000 })
      .toBe(true);

    expect(errors).toEqual([]);
    await context.close();
  });

  it("the Belgian liaison sees it, acknowledges it and records what came of it", async () => {
    expect(referralId).not.toBe("");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await loginAsStaff(page, staffUrl, "agency_liaison");
    await expect
      .poll(() =>
        page.getByRole("heading", { level: 1, name: "Referrals to your agency" }).isVisible(),
      )
      .toBe(true);

    // Delivery runs in the background: reload until the referral has arrived.
    const newRegion = page.getByRole("region", { name: "New: waiting for your acknowledgement" });
    const waiting = newRegion.getByRole("link", { name: `${object.ref} — ${object.title}` });
    let found: number[] = [];
    await expect
      .poll(
        async () => {
          await page.reload();
          await newRegion
            .getByRole("table", { name: "Referrals waiting for acknowledgement" })
            .or(newRegion.getByText("Nothing is waiting for your acknowledgement."))
            .waitFor({ timeout: 10_000 });
          found = await linksTo(waiting, `/portal/${referralId}`);
          return found.length;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(1);
    await waiting.nth(found[0]!).click();

    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Referral" }).isVisible())
      .toBe(true);
    const tips = page.getByRole("region", { name: "Tips (1)" });
    await expect.poll(() => tips.getByText(marker).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await tips.getByText("Toy fair, Brussels").isVisible()).toBe(true);

    const response = page.getByRole("region", { name: "Your response" });
    await response.getByRole("button", { name: "Acknowledge receipt" }).click();
    await expect
      .poll(() => response.getByText("Receipt acknowledged.").isVisible(), { timeout: 10_000 })
      .toBe(true);
    await response
      .getByRole("group", { name: /^What came of this lead\?/ })
      .getByRole("radio", { name: "Investigation opened" })
      .check();
    await response.getByRole("textbox", { name: "Note" }).fill("Shop identified in Brussels.");
    await response.getByRole("button", { name: "Record outcome" }).click();
    await expect
      .poll(() => response.getByText("Outcome recorded. Thank you.").isVisible(), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(
      await response.getByText(/^Outcome recorded on .+: Investigation opened\.$/).count(),
    ).toBe(1);
    // Once recorded, the outcome cannot be changed here.
    expect(await response.getByRole("button", { name: "Record outcome" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the French liaison neither sees it nor can open it", async () => {
    expect(referralId).not.toBe("");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await loginAsStaff(page, staffUrl, "agency_liaison_fr");
    const all = page.getByRole("region", { name: "All referrals" });
    await expect
      .poll(() => all.getByRole("status").textContent(), { timeout: 10_000 })
      .toMatch(/referrals?$/);
    const links = page.getByRole("main").getByRole("link");
    expect(await linksTo(links, `/portal/${referralId}`)).toEqual([]);
    expect(await page.getByText(marker).count()).toBe(0);

    await page.goto(`${staffUrl}/portal/${referralId}`);
    await expect
      .poll(() => page.getByText("No referral has this id.").isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(await page.getByText(marker).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Acknowledge receipt" }).count()).toBe(0);
    await context.close();
  });

  it("the tipster reads that the tip was passed on, without learning to whom", async () => {
    expect(receiptCode).not.toBe("");
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${publicUrl}/check`);
    await page.getByRole("textbox", { name: "Receipt code" }).fill(receiptCode);
    await page.getByRole("button", { name: "Check status" }).click();
    await expect
      .poll(() => page.getByText("Status: Passed on").isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(
      await page.getByText("Your tip has been passed on to the competent authorities.").isVisible(),
    ).toBe(true);
    const shown = (await page.getByRole("main").textContent()) ?? "";
    expect(shown).not.toMatch(/BE-FEDPOL|national police|Investigation opened/i);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it("the hub sees the acknowledgement and the outcome", async () => {
    expect(referralId).not.toBe("");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await loginAsStaff(page, staffUrl, "analyst");
    await page.getByRole("link", { name: "Referrals", exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Referrals" }).isVisible())
      .toBe(true);
    await page
      .getByRole("combobox", { name: "Agency" })
      .selectOption({ label: `BE-FEDPOL — ${BELGIUM}` });
    await page
      .getByRole("combobox", { name: "Status" })
      .selectOption({ label: "Outcome recorded" });

    // One agency link per row: the n-th link is in the n-th row that has one.
    const rows = page
      .getByRole("table", { name: "Referrals" })
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: "BE-FEDPOL" }) });
    const agencyLinks = rows.getByRole("link", { name: "BE-FEDPOL" });
    // The list keeps showing the previous results while the filtered ones load: wait for them.
    let found: number[] = [];
    await expect
      .poll(
        async () => {
          found = await linksTo(agencyLinks, `/referrals/${referralId}`);
          return found.length === 1 ? rows.nth(found[0]!).getByRole("cell").allTextContents() : [];
        },
        { timeout: 10_000 },
      )
      .toContain("Outcome recorded");
    const row = rows.nth(found[0]!);
    expect(await row.getByText("Investigation opened", { exact: true }).isVisible()).toBe(true);
    expect(await row.getByText(object.ref).isVisible()).toBe(true);
    // Acknowledged moments after delivery, and it says so.
    expect(await row.getByText(/^after (less than a minute|\d+ minutes?)$/).isVisible()).toBe(true);

    await agencyLinks.nth(found[0]!).click();
    await expect
      .poll(() =>
        page.getByRole("heading", { level: 1, name: `Referral to ${BELGIUM}` }).isVisible(),
      )
      .toBe(true);
    expect(await page.getByText("Shop identified in Brussels.").isVisible()).toBe(true);
    await context.close();
  });
});
