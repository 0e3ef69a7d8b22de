import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { firstOpenObject, siteSignals } from "./public-site";
import { browserAvailability, launchChromium } from "./browser";
import { loginAsStaff } from "./staff-login";

const publicUrl = inject("publicUrl");
const staffUrl = inject("staffUrl");
const { available } = browserAvailability();

const BELGIUM = "Belgium — national police";

/** Sends a tip through the public API, as the public site does. */
async function submitTip(objectRef: string, text: string): Promise<void> {
  const res = await fetch(`${publicUrl}/trpc/tips.submit`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      objectRef,
      // Luxembourg: no demo agency, so no demo rule refers this tip by its country.
      answer: { confidence: "think_so", country: "LU" },
      text,
      language: "en",
      ...(await siteSignals()),
    }),
  });
  if (!res.ok) throw new Error(`the tip was refused: ${res.status} ${await res.text()}`);
}

/** Opens the tip whose excerpt is `marker` from the inbox and returns its id, read from the address. */
async function tipIdFromInbox(page: Page, objectRef: string, marker: string): Promise<string> {
  await page.getByRole("link", { name: "Tip inbox", exact: true }).click();
  await page.getByRole("textbox", { name: "Object reference" }).fill(objectRef);
  await page.getByRole("combobox", { name: "Sort by" }).selectOption({ label: "Newest first" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.getByRole("link", { name: marker }).click();
  await expect
    .poll(() => page.getByRole("heading", { level: 2, name: "Triage" }).isVisible(), {
      timeout: 15_000,
    })
    .toBe(true);
  const id = new URL(page.url()).pathname.split("/").pop() ?? "";
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id;
}

/** The explanation of one rule in a "Try on a tip" result. */
function explanationOf(page: Page, ruleName: string) {
  return page
    .getByRole("region", { name: "Try on a tip" })
    .getByRole("listitem")
    .filter({ has: page.getByText(ruleName, { exact: true }) });
}

describe.runIf(available)("a coordinator writes a routing rule", () => {
  let browser: Browser;
  const run = Date.now().toString(36);
  // One word found in no other tip, so only this test's tip matches the rule.
  const keyword = `kestrel${run}`;
  const marker = `Routing e2e: a ${keyword} kite at a flea market`;
  const ruleName = `Kestrel kites to Belgium ${run}`;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("tries it on a tip, simulates it, activates it and sees it route", async () => {
    const objectRef = (await firstOpenObject("toy")).ref;
    await submitTip(objectRef, marker);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await loginAsStaff(page, staffUrl, "coordinator");
    // The coordinator copies the id of the tip to try the rule on from its address.
    const tipId = await tipIdFromInbox(page, objectRef, marker);

    await page.getByRole("link", { name: "Routing rules", exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Routing rules" }).isVisible(), {
        timeout: 10_000,
      })
      .toBe(true);
    await page.getByRole("link", { name: "New rule", exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "New routing rule" }).isVisible())
      .toBe(true);

    // When: the keyword is in the tip.
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(ruleName);
    expect(await page.getByRole("checkbox", { name: "Enabled", exact: true }).isChecked()).toBe(
      false,
    );
    const condition = page.getByRole("group", { name: "Condition 1", exact: true });
    await condition
      .getByRole("combobox", { name: "Type", exact: true })
      .selectOption({ label: "Keywords in the tip" });
    await condition.getByRole("textbox", { name: "Keywords" }).fill(keyword);

    // Forgetting the agency: the rule cannot be saved, and the form says where.
    await page.getByRole("button", { name: "Create rule" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "The rule cannot be saved yet" }).isVisible())
      .toBe(true);
    expect(await page.getByRole("heading", { level: 1, name: "New routing rule" }).count()).toBe(1);

    // Then: refer to Belgium's national police, with a high priority.
    const refer = page.getByRole("group", { name: "Action 1", exact: true });
    await refer.getByRole("checkbox", { name: `BE-FEDPOL — ${BELGIUM}` }).check();
    await page.getByRole("button", { name: "Add action" }).click();
    const priority = page.getByRole("group", { name: "Action 2", exact: true });
    await priority
      .getByRole("combobox", { name: "Action", exact: true })
      .selectOption({ label: "Set the priority" });
    await priority.getByRole("combobox", { name: "Priority" }).selectOption({ label: "High" });

    // Try on a tip tries the draft as it will run once activated, although it is still off.
    const tryOn = page.getByRole("region", { name: "Try on a tip" });
    await tryOn.getByRole("textbox", { name: "Tip id" }).fill(tipId);
    await tryOn.getByRole("button", { name: "Try on this tip" }).click();
    await expect
      .poll(() => tryOn.getByText(/^Decision: /).textContent(), { timeout: 10_000 })
      .toMatch(/^Decision: refer to .+; Priority: High; Human review: Not required\.$/);
    expect(await tryOn.getByText(/^Decision: /).textContent()).toContain(BELGIUM);
    const explanation = explanationOf(page, ruleName);
    expect(await explanation.getByText("Matched", { exact: true }).isVisible()).toBe(true);
    expect(await explanation.textContent()).toContain(`"${keyword}" in the tip text`);

    // Simulate: exactly this tip would be routed differently, now to Belgium.
    const simulate = page.getByRole("region", { name: "Simulate" });
    expect(await simulate.getByRole("radio", { name: "The most recent tips" }).isChecked()).toBe(
      true,
    );
    await simulate.getByRole("textbox", { name: "Number of tips" }).fill("1000");
    await simulate.getByRole("button", { name: "Run simulation" }).click();
    await expect
      .poll(() => simulate.getByText(/tips checked:/).textContent(), { timeout: 15_000 })
      .toMatch(/^[\d,]+ tips checked: 1 would be routed differently\.$/);
    const belgiumRow = simulate
      .getByRole("table", { name: "Tips referred per agency" })
      .getByRole("row")
      .filter({ hasText: BELGIUM });
    expect(await belgiumRow.getByRole("cell").last().textContent()).toBe("+1");
    const changedRow = simulate
      .getByRole("table", { name: "Tips routed differently" })
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: tipId }) });
    expect(await changedRow.count()).toBe(1);
    expect(await changedRow.getByRole("cell").last().textContent()).toMatch(
      new RegExp(`${BELGIUM}; priority high$`),
    );

    // Save and activate: the rule is created, enabled.
    await simulate.getByRole("button", { name: "Save and activate" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: ruleName }).isVisible(), {
        timeout: 10_000,
      })
      .toBe(true);
    await expect
      .poll(() => page.getByText("The rule is created and active.").isVisible())
      .toBe(true);

    // The list shows it enabled, and the saved rules now route the tip to Belgium.
    await page.getByRole("link", { name: "Back to routing rules" }).click();
    const row = page
      .getByRole("table", { name: "Routing rules, in evaluation order" })
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: ruleName, exact: true }) });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.getByText("Enabled", { exact: true }).isVisible()).toBe(true);
    expect(await row.getByRole("button", { name: `Disable: ${ruleName}` }).isVisible()).toBe(true);

    await page.getByRole("textbox", { name: "Tip id" }).fill(tipId);
    await page.getByRole("button", { name: "Try on this tip" }).click();
    await expect
      .poll(() => explanationOf(page, ruleName).getByText("Matched", { exact: true }).isVisible(), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(await page.getByText(/^Decision: /).textContent()).toContain(BELGIUM);

    await context.close();
  });
});
