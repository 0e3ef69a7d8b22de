import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { browserAvailability, launchChromium } from "./browser";
import { firstOpenObject } from "./public-site";
import { loginAsStaff } from "./staff-login";

const publicUrl = inject("publicUrl");
const staffUrl = inject("staffUrl");
const { available } = browserAvailability();

/**
 * The demo's own near-duplicates across series are a view, a lamp and a toy (the "seen again"
 * drafts that similarity.e2e.ts expects to be warned about exactly once); no packaging object is
 * one of them, so this test neither adds to those warnings nor finds any but its own.
 */
const CATEGORY = "packaging";

/**
 * The widest JPEG variant of a published object's first image, fetched from the public site as
 * any visitor's browser would. The demo's images are processed in the background after the
 * start, so this waits for the variants to exist.
 */
async function publishedImageBytes(ref: string): Promise<Buffer> {
  const input = encodeURIComponent(JSON.stringify({ ref, locale: "en" }));
  let url: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await fetch(`${publicUrl}/trpc/objects.byRef?input=${input}`);
        const body = (await res.json()) as {
          result: { data: { images: { variants: { format: string; url: string }[] }[] } };
        };
        url = body.result.data.images[0]?.variants.filter((v) => v.format === "jpeg").at(-1)?.url;
        return url;
      },
      { timeout: 60_000, interval: 500 },
    )
    .toBeDefined();
  const res = await fetch(`${publicUrl}${url}`);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/**
 * The same picture as a second investigator might have it: scaled down and saved again as a PNG.
 * Lossless, so it stays a few hundred KB and the upload takes a visible while when throttled.
 */
async function nearDuplicate(jpeg: Buffer): Promise<Buffer> {
  return sharp(jpeg).resize({ width: 800 }).png().toBuffer();
}

/** A literal string inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The link of the warning that an image of this object may show the same as `ref` in `series`. */
function otherSeriesWarning(page: Page, ref: string, seriesCode: string): Locator {
  return page.getByRole("link", {
    name: new RegExp(
      `^May be the same room or object as ${escapeRegExp(ref)} in series ${escapeRegExp(seriesCode)} \\(case [^)]+\\)\\.$`,
    ),
  });
}

/** The options of a select once loaded, without its placeholder. */
async function optionLabels(select: Locator): Promise<string[]> {
  await expect.poll(() => select.getByRole("option").count()).toBeGreaterThan(2);
  return (await select.getByRole("option").allTextContents()).slice(1).map((l) => l.trim());
}

describe.runIf(available)("an analyst uploads a picture published in another series", () => {
  let browser: Browser;
  const stamp = Date.now().toString(36).toUpperCase();

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sees the upload progress, the image processed, and the warning naming the other object", async () => {
    const original = await firstOpenObject(CATEGORY);
    const upload = await nearDuplicate(await publishedImageBytes(original.ref));

    const page = await (await browser.newContext()).newPage();
    await loginAsStaff(page, staffUrl, "analyst");

    // The published original, as staff see it: its series.
    await page.getByRole("link", { name: "Objects", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Objects" }).waitFor();
    await page.getByRole("combobox", { name: "Status", exact: true }).selectOption("published");
    await page.waitForURL(/status=published/);
    await page.getByRole("combobox", { name: "Category", exact: true }).selectOption(CATEGORY);
    await page.waitForURL(/category=/);
    await page.getByRole("table").getByRole("link", { name: original.title, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: original.title }).waitFor();
    const originalFacts = page.getByRole("region", { name: "About this object", exact: true });
    await originalFacts.getByText(original.ref, { exact: true }).waitFor();
    const originalFactTexts = (await originalFacts.getByRole("definition").allTextContents()).map(
      (text) => text.trim(),
    );

    // A new draft in another series: the series select names each "code — title", as the
    // original's facts do.
    await page.getByRole("link", { name: "Back to objects" }).click();
    await page.getByRole("link", { name: "New object", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "New object" }).waitFor();
    const seriesSelect = page.getByRole("combobox", { name: "Series", exact: true });
    const seriesLabels = await optionLabels(seriesSelect);
    const originalSeries = seriesLabels.find((label) => originalFactTexts.includes(label));
    expect(originalSeries, "the original's series is offered in the series select").toBeDefined();
    const draftSeries = seriesLabels.find((label) => label !== originalSeries)!;
    await seriesSelect.selectOption({ label: draftSeries });

    const title = `E2E packaging seen again ${stamp}`;
    await page.getByRole("combobox", { name: "Category", exact: true }).selectOption(CATEGORY);
    await page.getByRole("textbox", { name: "Title (English)", exact: true }).fill(title);
    await page
      .getByRole("textbox", { name: "Question (English)", exact: true })
      .fill("Do you know where this was sold?");
    await page.getByRole("button", { name: "Create draft", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const facts = page.getByRole("region", { name: "About this object", exact: true });
    await facts.getByText("Draft", { exact: true }).waitFor();
    await facts.getByText(draftSeries, { exact: true }).waitFor();
    const draftRef = (await facts.getByText(/^TOA-[0-9A-Z]{6}$/).textContent())!.trim();

    // Upload on a slow link (about 3 s), so the progress bar can be watched moving.
    const images = page.getByRole("region", { name: "Images", exact: true });
    await images
      .getByLabel("Add an image", { exact: true })
      .setInputFiles({ name: "seen-again.png", mimeType: "image/png", buffer: upload });
    await images
      .getByRole("textbox", { name: "Description of the image (English)", exact: true })
      .fill("The same picture, saved again");
    const cdp = await page.context().newCDPSession(page);
    const throttle = (uploadThroughput: number) =>
      cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput,
      });
    await throttle(Math.floor(upload.length / 3));
    await images.getByRole("button", { name: "Upload image", exact: true }).click();
    const progress = images.getByRole("progressbar", { name: /^Uploading the image/ });
    await progress.waitFor();
    // It moves: a share strictly between none and all is shown while the bytes go out.
    await expect
      .poll(() => progress.getAttribute("aria-valuetext"), { interval: 100 })
      .toMatch(/^[1-9]\d? %$/);
    await images.getByText("Image added.", { exact: true }).waitFor({ timeout: 30_000 });
    await throttle(-1);
    expect(await progress.count()).toBe(0);

    // Listed at once; the background job makes the variants and the page notices without a reload.
    const listed = images.getByRole("img", { name: "Image 1: The same picture, saved again" });
    await listed.waitFor();
    expect(await listed.getAttribute("width")).toBe("800");
    await images
      .getByText("Ready: AVIF, WebP and JPEG in 3 sizes.", { exact: true })
      .waitFor({ timeout: 60_000 });

    // The warning names the published original, in its own series, and the panel shows the pair.
    const originalSeriesCode = originalSeries!.split(" — ")[0]!;
    const warning = otherSeriesWarning(page, original.ref, originalSeriesCode);
    await warning.waitFor({ timeout: 30_000 });
    const pair = page
      .getByRole("region", { name: "Similar images", exact: true })
      .getByRole("listitem", { name: `Image 1 beside ${original.ref}`, exact: true });
    await pair.getByText("Same or near-same picture", { exact: true }).waitFor();
    await pair.getByText("Other series", { exact: true }).waitFor();
    await pair.getByText(/^Distance \d+ of 64$/).waitFor();
    expect(await pair.getByRole("img").count()).toBe(2);

    // And the original now points back at the new draft, in the draft's series.
    await warning.click();
    await page.getByRole("heading", { level: 1, name: original.title }).waitFor();
    const draftSeriesCode = draftSeries.split(" — ")[0]!;
    await otherSeriesWarning(page, draftRef, draftSeriesCode).waitFor({ timeout: 30_000 });
  });
});
