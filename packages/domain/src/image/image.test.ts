import { describe, expect, it } from "vitest";
import { parseVariantFile, TipPhotoTokenSchema, variantPath, variantWidths } from "./image";

const KEY = "ab".repeat(32);

describe("variantWidths", () => {
  it.each([
    [4000, [320, 640, 1280]],
    [1280, [320, 640, 1280]],
    [960, [320, 640, 960]],
    [640, [320, 640]],
    [500, [320, 500]],
    [320, [320]],
    [200, [200]],
    [1, [1]],
    [0, []],
    [-5, []],
    [12.5, []],
  ])("a source %d wide gives %j, never upscaled", (width, expected) => {
    expect(variantWidths(width)).toEqual(expected);
  });
});

describe("variant URLs", () => {
  it.each([
    ["avif", `/media/i/${KEY}.avif`],
    ["webp", `/media/i/${KEY}.webp`],
    ["jpeg", `/media/i/${KEY}.jpg`],
  ] as const)("round-trips %s", (format, path) => {
    expect(variantPath("i", KEY, format)).toBe(path);
    expect(parseVariantFile(path.split("/").at(-1)!)).toEqual({ storageKey: KEY, format });
  });

  it.each([
    `${KEY}.jpeg`,
    `${KEY}.svg`,
    `${KEY}.avif.html`,
    `${KEY.toUpperCase()}.avif`,
    `${KEY.slice(2)}.avif`,
    `../${KEY}.avif`,
    "",
  ])("refuses %j", (file) => {
    expect(parseVariantFile(file)).toBeNull();
  });
});

describe("TipPhotoTokenSchema", () => {
  it.each([
    ["AAAAAAAAAAAAAAAAAAAAAA", true],
    ["abcdefghijklmnopqrstu-", true],
    ["abcdefghijklmnopqrstu_", true],
    ["abcdefghijklmnopqrstu", false],
    ["abcdefghijklmnopqrstuvw", false],
    ["abcdefghijklmnopqrstu=", false],
    ["abcdefghijklmnopqrst/+", false],
  ])("%j valid: %s", (token, valid) => {
    expect(TipPhotoTokenSchema.safeParse(token).success).toBe(valid);
  });
});
