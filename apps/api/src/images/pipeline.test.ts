import exifr from "exifr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { DEFAULT_IMAGE_LIMITS } from "./limits";
import { inspectImage } from "./inspect";
import { prepareUpload } from "./pipeline";
import { renderVariants } from "./sanitise";
import { sniffImageFormat } from "./formats";
import {
  HEIC_HEADER,
  htmlWithPngInside,
  JPEG_MAGIC_THEN_HTML,
  jpegWithEverything,
  jpegWithHtmlComment,
  metadataFound,
  patternImage,
  PLANTED,
  pngBomb,
  SVG_SCRIPT,
  truncatedJpeg,
} from "./test-images";

const limits = DEFAULT_IMAGE_LIMITS;

describe("metadata stripping", () => {
  it("the test JPEG really carries EXIF, GPS, a maker note, a thumbnail, XMP, IPTC and a comment", async () => {
    const jpeg = await jpegWithEverything();
    const parsed = await exifr.parse(jpeg, {
      tiff: true,
      gps: true,
      makerNote: true,
      xmp: true,
      iptc: true,
      mergeOutput: false,
    });
    expect(parsed.ifd0.Make).toBe(PLANTED.make);
    expect(parsed.ifd0.Orientation).toBeDefined();
    // exifr names tag 0xA431 (BodySerialNumber) "SerialNumber".
    expect(parsed.exif.SerialNumber).toBe(PLANTED.serial);
    expect(Buffer.from(Object.values(parsed.makerNote as Record<string, number>)).toString()).toBe(
      PLANTED.makerNote,
    );
    expect(parsed.gps.latitude).toBeCloseTo(50.8565, 3);
    expect(parsed.ifd1.ThumbnailLength).toBeGreaterThan(0);
    expect(parsed.dc.creator).toBe(PLANTED.xmp);
    expect(JSON.stringify(parsed.iptc)).toContain(PLANTED.iptc);
    expect(await exifr.thumbnail(jpeg)).toBeDefined();
    expect(jpeg.toString("latin1")).toContain(PLANTED.comment);
    expect(await metadataFound(jpeg)).not.toEqual([]);
  });

  it("leaves none of it in the stored original or in any variant, and keeps the picture upright", async () => {
    const prepared = await prepareUpload(await jpegWithEverything(), limits);
    if (!prepared.ok) throw new Error(prepared.error);
    const original = prepared.value;
    // Orientation 6 applied: 480 × 360 as stored, 360 × 480 as seen.
    expect(original).toMatchObject({ width: 360, height: 480, mediaType: "image/jpeg" });
    expect(await metadataFound(original.bytes)).toEqual([]);

    const variants = await renderVariants(original.bytes, limits);
    expect(variants.map((v) => `${v.format}@${v.width}x${v.height}`).sort()).toEqual(
      [
        "avif@320x427",
        "webp@320x427",
        "jpeg@320x427",
        "avif@360x480",
        "webp@360x480",
        "jpeg@360x480",
      ].sort(),
    );
    for (const variant of variants) {
      const meta = await sharp(variant.bytes).metadata();
      expect(meta.format).toBe(variant.format === "avif" ? "heif" : variant.format);
      expect(meta.width).toBe(variant.width);
      expect(await metadataFound(variant.bytes), `${variant.format}@${variant.width}`).toEqual([]);
    }
    // The thumbnail was a magenta square; the picture is not: no pixel of it came through.
    const { data } = await sharp(original.bytes).resize(8, 8).raw().toBuffer({
      resolveWithObject: true,
    });
    expect([...data.subarray(0, 3)]).not.toEqual(PLANTED.thumbnailColour);
  });

  it("converts to sRGB: a CMYK JPEG and a wide-gamut PNG lose their profiles, not their colours", async () => {
    const cmyk = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c33" } })
      .toColourspace("cmyk")
      .jpeg()
      .toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe("cmyk");
    const fromCmyk = await prepareUpload(cmyk, limits);
    if (!fromCmyk.ok) throw new Error(fromCmyk.error);
    const cmykMeta = await sharp(fromCmyk.value.bytes).metadata();
    expect(cmykMeta).toMatchObject({ space: "srgb", channels: 3 });
    expect(cmykMeta.icc).toBeUndefined();

    const p3 = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#ff0000" } })
      .withIccProfile("p3")
      .png()
      .toBuffer();
    expect((await sharp(p3).metadata()).icc).toBeDefined();
    const fromP3 = await prepareUpload(p3, limits);
    if (!fromP3.ok) throw new Error(fromP3.error);
    expect(fromP3.value.mediaType).toBe("image/png");
    expect((await sharp(fromP3.value.bytes).metadata()).icc).toBeUndefined();
    // The profile was applied, not dropped: the red is still sRGB red.
    const pixel = await sharp(fromP3.value.bytes).raw().toBuffer();
    expect([...pixel.subarray(0, 3)]).toEqual([255, 0, 0]);
  });

  it("strips the HTML hidden in a JPEG comment of a real, decodable JPEG", async () => {
    const prepared = await prepareUpload(await jpegWithHtmlComment(), limits);
    if (!prepared.ok) throw new Error(prepared.error);
    expect(Buffer.from(prepared.value.bytes).toString("latin1")).not.toContain("<script>");
  });
});

describe("formats", () => {
  it.each([
    ["jpeg", "image/jpeg"],
    ["png", "image/png"],
    ["webp", "image/jpeg"],
    ["avif", "image/jpeg"],
  ] as const)("accepts %s (stored as %s)", async (format, mediaType) => {
    const bytes = await patternImage(120, 90, format);
    expect(sniffImageFormat(bytes)).toBe(format);
    const prepared = await prepareUpload(bytes, limits);
    expect(prepared).toMatchObject({ ok: true, value: { mediaType, width: 120, height: 90 } });
  });

  it("keeps transparency: a WebP with alpha is stored as PNG, its JPEG variant flattened", async () => {
    const prepared = await prepareUpload(
      await patternImage(100, 50, "webp", { alpha: true }),
      limits,
    );
    if (!prepared.ok) throw new Error(prepared.error);
    expect(prepared.value.mediaType).toBe("image/png");
    expect((await sharp(prepared.value.bytes).metadata()).hasAlpha).toBe(true);
    const variants = await renderVariants(prepared.value.bytes, limits);
    const jpeg = variants.find((v) => v.format === "jpeg")!;
    expect((await sharp(jpeg.bytes).metadata()).hasAlpha).toBe(false);
    expect(
      (await sharp(variants.find((v) => v.format === "webp")!.bytes).metadata()).hasAlpha,
    ).toBe(true);
  });

  it("never upscales: a 200-pixel-wide image gets one width", async () => {
    const variants = await renderVariants(await patternImage(200, 100, "png"), limits);
    expect(variants.map((v) => [v.format, v.width, v.height])).toEqual([
      ["avif", 200, 100],
      ["webp", 200, 100],
      ["jpeg", 200, 100],
    ]);
  });

  it("derives 320, 640 and 1280 from a large image", async () => {
    const variants = await renderVariants(await patternImage(1400, 1050, "jpeg"), limits);
    expect([...new Set(variants.map((v) => `${v.width}x${v.height}`))]).toEqual([
      "320x240",
      "640x480",
      "1280x960",
    ]);
  });
});

describe("refusals: quick, before decoding, with a clear reason", () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, string][] = [
    ["a 20,000 × 20,000 PNG bomb", () => pngBomb(20_000), "image_too_many_pixels"],
    ["a truncated JPEG", truncatedJpeg, "image_unreadable"],
    ["an SVG (named .jpg by its sender)", () => SVG_SCRIPT, "unsupported_image"],
    ["HTML with a PNG inside", htmlWithPngInside, "unsupported_image"],
    ["JPEG magic bytes, then HTML", () => JPEG_MAGIC_THEN_HTML, "image_unreadable"],
    ["a PDF", () => Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF"), "unsupported_image"],
    [
      "a GIF",
      () => Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"),
      "unsupported_image",
    ],
    ["an HEIC photo (no HEVC decoder in this build)", () => HEIC_HEADER, "unsupported_image"],
    ["a zero-byte file", () => new Uint8Array(0), "image_empty"],
    ["a 16 MB file", () => new Uint8Array(16 * 1024 * 1024), "image_too_large"],
  ];

  it.each(cases)("%s", async (_name, make, code) => {
    const bytes = await make();
    const started = performance.now();
    const result = await prepareUpload(bytes, limits);
    const ms = performance.now() - started;
    expect(result).toEqual({ ok: false, error: code });
    expect(ms).toBeLessThan(1_000);
  });

  it("refuses the bomb from its header alone, without allocating its pixels", async () => {
    const bomb = pngBomb(20_000);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    expect(await inspectImage(bomb, limits)).toEqual({ ok: false, error: "image_too_many_pixels" });
    expect(performance.now() - started).toBeLessThan(200);
    // Decoding it would take 400 MB at the very least.
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it("a configured pixel limit applies", async () => {
    const image = await patternImage(1200, 1000, "png");
    expect(await inspectImage(image, { ...limits, maxPixels: 1_000_000 })).toEqual({
      ok: false,
      error: "image_too_many_pixels",
    });
    expect((await inspectImage(image, limits)).ok).toBe(true);
  });
});
