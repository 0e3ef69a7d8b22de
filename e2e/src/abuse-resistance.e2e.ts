import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { collectPageErrors, firstOpenObject } from "./public-site";
import { browserAvailability, launchChromium } from "./browser";
import { loginAsStaff } from "./staff-login";

const publicUrl = inject("publicUrl");
const staffUrl = inject("staffUrl");
const { available } = browserAvailability();

/**
 * The tip form's anti-spam check (docs/adr/0012-tip-abuse-resistance.md): a person's tip through
 * the site is normal-trust; a robot's is accepted too, but waits in the low-trust queue.
 */
describe.runIf(available)("tips that look automated wait in the low-trust queue", () => {
  let browser: Browser;
  const stamp = Date.now().toString(36);
  const personMarker = `Seen this rug at a market in Ghent ${stamp}`;
  const robotMarker = `Cheap watches, best price ${stamp}`;
  let object: { ref: string; title: string };

  beforeAll(async () => {
    browser = await launchChromium();
    object = await firstOpenObject();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("solves the check in a worker from the site's own origin, then sends the tip", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await page.goto(`${publicUrl}/en/objects/${object.ref}`);
    await page.getByRole("heading", { name: "Send a tip" }).waitFor();
    await page.getByRole("status").filter({ hasText: "Anti-spam check done." }).waitFor();
    expect(workers.length).toBeGreaterThan(0);
    for (const url of workers) expect(url).toMatch(new RegExp(`^${publicUrl}/assets/pow-worker-`));

    // The trap is there for robots, out of reach of people: no keyboard stop, hidden from
    // assistive technology.
    const trap = page.locator("#tip-website");
    expect(await trap.getAttribute("tabindex")).toBe("-1");
    expect(await page.getByRole("textbox", { name: "Leave this field empty" }).count()).toBe(0);

    await page.getByRole("radio", { name: "I think so" }).check();
    await page.getByRole("textbox", { name: "Anything else you can tell us" }).fill(personMarker);
    await page.getByRole("button", { name: "Send tip" }).click();
    await page
      .getByRole("heading", { name: "Thank you — your tip has been received" })
      .waitFor({ timeout: 15_000 });
    expect(await context.cookies()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("gives a robot's tip the ordinary receipt", async () => {
    const res = await fetch(`${publicUrl}/trpc/tips.submit`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        objectRef: object.ref,
        answer: { confidence: "certain" },
        text: robotMarker,
        language: "en",
        honeypot: "https://watches.example",
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: Record<string, unknown> } };
    expect(Object.keys(body.result.data).sort()).toEqual([
      "receiptCode",
      "showHotlineGuidance",
      "status",
    ]);
    expect(body.result.data.status).toBe("received");
  });

  it("shows the person's tip in the inbox, and the robot's only in the low-trust queue, with its reasons", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await loginAsStaff(page, staffUrl, "analyst");
    await page.getByRole("heading", { level: 1, name: "Tip inbox" }).waitFor();
    await page.getByRole("textbox", { name: "Object reference" }).fill(object.ref);
    await page.getByRole("combobox", { name: "Sort by" }).selectOption({ label: "Newest first" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByRole("link", { name: personMarker }).waitFor();
    expect(await page.getByRole("link", { name: robotMarker }).count()).toBe(0);

    const queues = page.getByRole("navigation", { name: "Queues" });
    await queues.getByRole("link", { name: "Low trust" }).click();
    const robotRow = page.getByRole("row").filter({ hasText: robotMarker });
    await robotRow.getByText("Low trust").waitFor();
    expect(await page.getByRole("link", { name: personMarker }).count()).toBe(0);

    await page.getByRole("link", { name: robotMarker }).click();
    await page
      .getByText("Low trust: the automatic checks against robots flagged this tip")
      .waitFor();
    await page
      .getByText("A hidden field that people never see, and only robots fill in, was filled in.")
      .waitFor();
    await page.getByText(/^The site's form sent no anti-robot computation/).waitFor();
    await context.close();
  });
});
