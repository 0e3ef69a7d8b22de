import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { firstOpenObject, siteSignals } from "./public-site";
import { browserAvailability, launchChromium } from "./browser";
import { loginAsStaff } from "./staff-login";

const publicUrl = inject("publicUrl");
const staffUrl = inject("staffUrl");
const { available } = browserAvailability();

/** Sends a tip through the public API, as the public site does, and returns its receipt code. */
async function submitTip(objectRef: string, text: string): Promise<string> {
  const res = await fetch(`${publicUrl}/trpc/tips.submit`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      objectRef,
      answer: { confidence: "think_so", country: "BE" },
      text,
      language: "en",
      ...(await siteSignals()),
    }),
  });
  const body = (await res.json()) as { result: { data: { receiptCode: string } } };
  return body.result.data.receiptCode;
}

/** Opens the tip whose excerpt is `marker` from the inbox, filtered to its object, newest first. */
async function openTipFromInbox(page: Page, objectRef: string, marker: string) {
  await page.goto(`${staffUrl}/tips`);
  await page.getByRole("textbox", { name: "Object reference" }).fill(objectRef);
  await page.getByRole("combobox", { name: "Sort by" }).selectOption({ label: "Newest first" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.getByRole("link", { name: marker }).click();
  await expect
    .poll(() => page.getByRole("heading", { level: 2, name: "Triage" }).isVisible(), {
      timeout: 15_000,
    })
    .toBe(true);
}

describe.runIf(available)("an analyst and an anonymous tipster talk about a tip", () => {
  let browser: Browser;
  const marker = `Dialogue e2e, blue tiles ${Date.now().toString(36)}`;
  const question = "Which town was the shop in?";
  const answer = "Namur, near the station";

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("triages, asks, gets an answer and sees it unread", async () => {
    const objectRef = (await firstOpenObject()).ref;
    const receiptCode = await submitTip(objectRef, marker);
    expect(receiptCode).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);

    // The analyst triages the tip as useful and asks a question.
    const staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const analyst = await staff.newPage();
    await loginAsStaff(analyst, staffUrl, "analyst");
    await openTipFromInbox(analyst, objectRef, marker);
    await analyst.getByRole("radio", { name: "Useful", exact: true }).check();
    await analyst.getByRole("textbox", { name: "Internal note" }).fill("Worth a follow-up");
    await analyst.getByRole("button", { name: "Save triage" }).click();
    await expect
      .poll(() => analyst.getByText("Triage saved.").isVisible(), { timeout: 10_000 })
      .toBe(true);
    await expect.poll(() => analyst.getByText("Worth a follow-up").isVisible()).toBe(true);
    await analyst.getByRole("textbox", { name: "Question to the tipster" }).fill(question);
    await analyst.getByRole("button", { name: "Send question" }).click();
    await expect
      .poll(() => analyst.getByText(question).isVisible(), { timeout: 10_000 })
      .toBe(true);

    // The tipster comes back with the receipt code, sees the question marked new, answers.
    const tipsterContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const tipster = await tipsterContext.newPage();
    await tipster.goto(`${publicUrl}/check`);
    await tipster.getByRole("textbox", { name: "Receipt code" }).fill(receiptCode);
    await tipster.getByRole("button", { name: "Check status" }).click();
    await expect
      .poll(() => tipster.getByText("Status: Under review").isVisible(), { timeout: 10_000 })
      .toBe(true);
    const questionItem = tipster.getByRole("listitem").filter({ hasText: question });
    await expect.poll(() => questionItem.getByText("New", { exact: true }).isVisible()).toBe(true);
    await tipster.getByRole("textbox", { name: "Your answer" }).fill(answer);
    await tipster.getByRole("button", { name: "Send answer" }).click();
    await expect
      .poll(() => tipster.getByText("Your answer has been sent.").isVisible(), { timeout: 10_000 })
      .toBe(true);
    await expect.poll(() => tipster.getByText(answer).isVisible()).toBe(true);
    // Seen once: the question is no longer new.
    expect(await questionItem.getByText("New", { exact: true }).count()).toBe(0);
    expect(await tipsterContext.cookies()).toEqual([]);
    await tipsterContext.close();

    // The analyst sees the unread reply in the inbox row, then on the tip.
    await analyst.goto(`${staffUrl}/tips`);
    await analyst.getByRole("textbox", { name: "Object reference" }).fill(objectRef);
    await analyst
      .getByRole("combobox", { name: "Sort by" })
      .selectOption({ label: "Newest first" });
    await analyst.getByRole("button", { name: "Apply filters" }).click();
    const row = analyst.getByRole("row").filter({ hasText: marker });
    await expect
      .poll(() => row.getByText("1 unread reply").isVisible(), { timeout: 10_000 })
      .toBe(true);
    await analyst.getByRole("link", { name: marker }).click();
    const reply = analyst.getByRole("listitem").filter({ hasText: answer });
    await expect
      .poll(() => reply.getByText("New", { exact: true }).isVisible(), { timeout: 10_000 })
      .toBe(true);
    await staff.close();
  });
});
