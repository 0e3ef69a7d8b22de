import { describe, expect, it } from "vitest";
import type { ImageVariant } from "@trace/domain";
import { pictureProps } from "./images";

const ID = "00000000-0000-4000-8000-000000000001";
const variant = (format: ImageVariant["format"], width: number): ImageVariant => ({
  format,
  width,
  height: Math.round((width * 3) / 4),
  url: `/media/${ID}/${String(width).padStart(64, "a")}.${format === "jpeg" ? "jpg" : format}`,
});

describe("pictureProps", () => {
  it("offers AVIF, then WebP, with JPEG as the fallback, every width in each", () => {
    const variants = (["avif", "webp", "jpeg"] as const).flatMap((f) =>
      [320, 640, 1280].map((w) => variant(f, w)),
    );
    const props = pictureProps({ id: ID, variants });
    expect(props.sources.map((s) => s.type)).toEqual(["image/avif", "image/webp"]);
    expect(props.sources[0]!.srcSet).toBe(
      variants
        .filter((v) => v.format === "avif")
        .map((v) => `${v.url} ${v.width}w`)
        .join(", "),
    );
    expect(props.srcSet).toContain(" 1280w");
    expect(props.src).toBe(variant("jpeg", 640).url);
  });

  it("falls back to the widest JPEG of a small image", () => {
    const props = pictureProps({ id: ID, variants: [variant("jpeg", 320), variant("jpeg", 500)] });
    expect(props.src).toBe(variant("jpeg", 500).url);
    expect(props.sources).toEqual([]);
  });

  it("serves the original while the image is still being processed", () => {
    expect(pictureProps({ id: ID, variants: [] })).toEqual({ src: `/media/${ID}`, sources: [] });
  });
});
