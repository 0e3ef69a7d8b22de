import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { firstOpenObject, collectPageErrors } from "./public-site";
import { browserAvailability, launchChromium } from "./browser";
import { loginAsStaff } from "./staff-login";

const publicUrl = inject("publicUrl");
const staffUrl = inject("staffUrl");
const { available } = browserAvailability();

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  let crc = 0xffffffff;
  for (const b of typeAndData) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crcBytes = Buffer.alloc(4);
  crcBytes.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return Buffer.concat([length, typeAndData, crcBytes]);
}

/**
 * A synthetic "photo" (checks with noise, about 800 KB) with a tEXt chunk naming a place, as a
 * camera app might: the upload takes a visible while on a throttled link, and the text must not
 * survive.
 */
function photoPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (1 + width * 3));
  let seed = 7;
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width * 3; x++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const check = (Math.floor(x / 60) + Math.floor(y / 20)) % 2;
      raw[row + 1 + x] = (check ? 170 : 70) + (seed >>> 26);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("tEXt", Buffer.from("Location\0Home of the tipster, 12 Example Street")),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

describe.runIf(available)("a tipster attaches a photo and an analyst sees it", () => {
  let browser: Browser;
  const marker = `Photo of the same lamp in a shop window ${Date.now().toString(36)}`;
  let object: { ref: string; title: string };

  beforeAll(async () => {
    browser = await launchChromium();
    object = await firstOpenObject();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("attaches a photo with upload progress, and sends it with the tip", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${publicUrl}/objects/${object.ref}`);
    await page.getByRole("heading", { name: "Send a tip" }).waitFor();

    await page.getByRole("radio", { name: "I think so" }).check();
    await page.getByRole("textbox", { name: "Anything else you can tell us" }).fill(marker);

    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });
    await page.getByLabel("Photos (optional)").setInputFiles({
      name: "IMG_2041 at home.png",
      mimeType: "image/png",
      buffer: photoPng(640, 480),
    });
    await page.getByRole("progressbar", { name: /Uploading photo 1/ }).waitFor();
    await page.getByText("Photo 1 is attached.", { exact: true }).waitFor({ timeout: 30_000 });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    await page.getByRole("button", { name: "Send tip" }).click();
    await page
      .getByRole("heading", { name: "Thank you — your tip has been received" })
      .waitFor({ timeout: 15_000 });
    expect(await context.cookies()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the photo, stripped of its hidden text, to the analyst on the tip", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await loginAsStaff(page, staffUrl, "analyst");
    await page.getByRole("heading", { level: 1, name: "Tip inbox" }).waitFor();
    await page.getByRole("textbox", { name: "Object reference" }).fill(object.ref);
    await page.getByRole("combobox", { name: "Sort by" }).selectOption({ label: "Newest first" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByRole("link", { name: marker }).click();

    const photos = page.getByRole("region", { name: "Photos from the tipster" });
    const photo = photos.getByRole("img", { name: /^Photo 1 sent by the tipster/ });
    await photo.waitFor();
    await expect
      .poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    // The original as stored: re-encoded, so the location text written into the file is gone.
    const href = await photos.getByRole("link").first().getAttribute("href");
    const stored = await page.evaluate(async (url) => {
      const bytes = new Uint8Array(await (await fetch(url!)).arrayBuffer());
      return Array.from(bytes, (b) => String.fromCharCode(b)).join("");
    }, href);
    expect(stored.slice(0, 4)).toBe("\x89PNG");
    expect(stored).not.toContain("Example Street");
    await context.close();
  });
});
