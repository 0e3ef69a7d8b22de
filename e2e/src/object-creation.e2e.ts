import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator } from "playwright-core";
import { browserAvailability, launchChromium } from "./browser";
import { loginAsStaff } from "./staff-login";

const staffUrl = inject("staffUrl");
const { available } = browserAvailability();

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A real, decodable PNG (8-bit RGB): stripes with pseudo-random noise (a fixed LCG), so it stays
 * large (about 800 KB at 640 × 480) and its upload takes a visible while on a throttled link.
 */
function noisyPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (1 + width * 3));
  let seed = 42;
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width * 3; x++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      raw[row + 1 + x] = (Math.floor(x / 24) % 2 ? 180 : 60) + (seed >>> 26);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** What the API answers for a file that is not an image it takes, whatever its name. */
const REFUSED_TYPE =
  "This file is not a JPEG, PNG, WebP or AVIF image. Choose a photo in one of these formats.";

/** Waits until a select has loaded options besides its placeholder, then picks the first of them. */
async function pickFirstOption(select: Locator): Promise<string> {
  await expect.poll(() => select.getByRole("option").count()).toBeGreaterThan(1);
  const label = (await select.getByRole("option").nth(1).textContent())!.trim();
  await select.selectOption({ index: 1 });
  return label;
}

describe.runIf(available)("staff create objects, cases and series", () => {
  let browser: Browser;
  const stamp = Date.now().toString(36).toUpperCase();

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an analyst drafts an object, adds an image (a forged one is refused) and submits it", async () => {
    const page = await (await browser.newContext()).newPage();
    await loginAsStaff(page, staffUrl, "analyst");

    await page.getByRole("link", { name: "Objects", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Objects" }).waitFor();
    await page.getByRole("link", { name: "New object", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "New object" }).waitFor();

    const title = `E2E striped tote bag ${stamp}`;
    await pickFirstOption(page.getByRole("combobox", { name: "Series", exact: true }));
    await page.getByRole("combobox", { name: "Category", exact: true }).selectOption({ index: 1 });
    await page.getByRole("textbox", { name: "Title (English)", exact: true }).fill(title);
    await page
      .getByRole("textbox", { name: "Question (English)", exact: true })
      .fill("Do you know where this bag was sold?");
    await page
      .getByRole("textbox", { name: "Region hint (English)", exact: true })
      .fill("probably Western Europe");
    await page.getByRole("button", { name: "Create draft", exact: true }).click();

    await page.getByRole("heading", { level: 1, name: title }).waitFor();

    // The list shows the new draft at once; open it from there.
    await page.getByRole("link", { name: "Back to objects" }).click();
    await page.getByRole("combobox", { name: "Status", exact: true }).selectOption("draft");
    await page.waitForURL(/status=draft/);
    await page.getByRole("table").getByRole("link", { name: title, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const facts = page.getByRole("region", { name: "About this object", exact: true });
    await facts.getByText("Draft", { exact: true }).waitFor();
    await facts.getByText("probably Western Europe", { exact: true }).waitFor();

    const images = page.getByRole("region", { name: "Images", exact: true });
    const fileInput = images.getByLabel("Add an image", { exact: true });
    const upload = images.getByRole("button", { name: "Upload image", exact: true });

    // An SVG named like a JPEG is refused by its content, whatever its name and declared type.
    await fileInput.setInputFiles({
      name: "trap.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
    });
    await upload.click();
    await images.getByText(REFUSED_TYPE, { exact: true }).waitFor();
    expect(await images.getByRole("img").count()).toBe(0);

    // A real PNG goes through and is listed with its description.
    await fileInput.setInputFiles({
      name: "stripes.png",
      mimeType: "image/png",
      buffer: noisyPng(640, 480),
    });
    await images
      .getByRole("textbox", { name: "Description of the image (English)", exact: true })
      .fill("Striped fabric of the bag");
    // A slow uplink, so the upload lasts long enough to watch its progress bar.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });
    await upload.click();
    await images.getByRole("progressbar", { name: /Uploading the image/ }).waitFor();
    await images.getByText("Image added.", { exact: true }).waitFor();
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const listed = images.getByRole("img", { name: "Image 1: Striped fabric of the bag" });
    await listed.waitFor();
    expect(await listed.getAttribute("width")).toBe("640");
    // The background job makes the variants; the page notices without a reload.
    await images
      .getByText("Ready: AVIF, WebP and JPEG in 2 sizes.", { exact: true })
      .waitFor({ timeout: 60_000 });
    expect(await listed.getAttribute("srcset")).toMatch(/\.jpg 320w, .*\.jpg 640w$/);
    expect(await images.getByText(REFUSED_TYPE).count()).toBe(0);

    // Submit for review: the status changes and the draft can no longer be edited.
    await page.getByRole("button", { name: "Submit for review", exact: true }).click();
    await facts.getByText("In review", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Return to draft", exact: true }).waitFor();
    expect(await images.getByLabel("Add an image").count()).toBe(0);
  });

  it("a coordinator creates a case, adds a series to it and moves the series on", async () => {
    const page = await (await browser.newContext()).newPage();
    await loginAsStaff(page, staffUrl, "coordinator");

    await page.getByRole("link", { name: "Cases", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Cases" }).waitFor();

    const reference = `CASE-E2E-${stamp}`;
    const caseTitle = `E2E case ${stamp}`;
    const newCase = page.getByRole("region", { name: "New case", exact: true });
    await newCase.getByRole("textbox", { name: "Reference", exact: true }).fill(reference);
    await newCase.getByRole("textbox", { name: "Title", exact: true }).fill(caseTitle);
    await pickFirstOption(newCase.getByRole("combobox", { name: "Lead agency", exact: true }));
    await newCase.getByRole("button", { name: "Create case", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `${reference} — ${caseTitle}` }).waitFor();

    // The list shows the new case; open it from there.
    await page.getByRole("link", { name: "Back to cases" }).click();
    await page.getByRole("heading", { level: 1, name: "Cases" }).waitFor();
    await page.getByRole("link", { name: reference, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `${reference} — ${caseTitle}` }).waitFor();

    // Add a series.
    const seriesCode = `E2E-${stamp}`;
    const seriesTitle = `E2E series ${stamp}`;
    const seriesSection = page.getByRole("region", { name: "Series", exact: true });
    await seriesSection.getByText("No series in this case yet.").waitFor();
    await seriesSection.getByRole("textbox", { name: "Code", exact: true }).fill(seriesCode);
    await seriesSection.getByRole("textbox", { name: "Title", exact: true }).fill(seriesTitle);
    await seriesSection.getByRole("button", { name: "Add series", exact: true }).click();
    await seriesSection.getByRole("link", { name: seriesCode, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `${seriesCode} — ${seriesTitle}` }).waitFor();

    // Change its status to the next one offered.
    const status = page.getByRole("region", { name: "Status", exact: true });
    const badge = status.getByRole("paragraph").first();
    await expect.poll(() => badge.textContent()).toBe("Unassessed");
    const next = await pickFirstOption(status.getByRole("combobox", { name: "New status" }));
    await status.getByRole("button", { name: "Change status", exact: true }).click();
    await expect.poll(() => badge.textContent()).toBe(next);
    expect(next).not.toBe("Unassessed");

    // The case's series table shows the new status too.
    await page.getByRole("link", { name: "Back to the case" }).click();
    const row = page
      .getByRole("region", { name: "Series", exact: true })
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: seriesCode, exact: true }) });
    await row.getByText(next, { exact: true }).waitFor();
  });
});
