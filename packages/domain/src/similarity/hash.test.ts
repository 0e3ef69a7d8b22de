import { describe, expect, it } from "vitest";
import { hammingDistance, PerceptualHashSchema } from "./hash";
import {
  NEAR_DUPLICATE_MAX_DISTANCE,
  ObjectSimilarityInputSchema,
  SIMILAR_IMAGE_MAX_DISTANCE,
  similarityLevel,
} from "./views";

describe("hammingDistance", () => {
  it.each([
    ["0000000000000000", "0000000000000000", 0],
    ["0000000000000000", "8000000000000000", 1],
    ["00000000ffffffff", "0000000000000000", 32],
    ["ffffffffffffffff", "0000000000000000", 64],
    ["a5a5a5a5a5a5a5a5", "5a5a5a5a5a5a5a5a", 64],
  ])("%s vs %s is %i", (a, b, d) => {
    expect(hammingDistance(a, b)).toBe(d);
    expect(hammingDistance(b, a)).toBe(d);
  });

  it("throws on anything but 16 lower-case hex digits", () => {
    expect(() => hammingDistance("0", "0000000000000000")).toThrow();
    expect(() => hammingDistance("FFFFFFFFFFFFFFFF", "0000000000000000")).toThrow();
  });
});

describe("PerceptualHashSchema", () => {
  it("normalises case and refuses other lengths or digits", () => {
    expect(PerceptualHashSchema.parse(" 0123456789ABCDEF ")).toBe("0123456789abcdef");
    expect(PerceptualHashSchema.safeParse("0123456789abcde").success).toBe(false);
    expect(PerceptualHashSchema.safeParse("0123456789abcdeg").success).toBe(false);
  });
});

describe("similarityLevel", () => {
  it.each([
    [0, "near_duplicate"],
    [NEAR_DUPLICATE_MAX_DISTANCE, "near_duplicate"],
    [NEAR_DUPLICATE_MAX_DISTANCE + 1, "similar"],
    [SIMILAR_IMAGE_MAX_DISTANCE, "similar"],
    [SIMILAR_IMAGE_MAX_DISTANCE + 1, "different"],
    [64, "different"],
  ] as const)("distance %i is %s", (distance, level) => {
    expect(similarityLevel(distance)).toBe(level);
  });
});

describe("ObjectSimilarityInputSchema", () => {
  const id = "00000000-0000-4000-8000-000000000000";
  it("defaults to the panels' distance and refuses searches the index cannot answer", () => {
    expect(ObjectSimilarityInputSchema.parse({ id })).toEqual({
      id,
      maxDistance: SIMILAR_IMAGE_MAX_DISTANCE,
    });
    expect(ObjectSimilarityInputSchema.safeParse({ id, maxDistance: 16 }).success).toBe(false);
    expect(ObjectSimilarityInputSchema.safeParse({ id, maxDistance: 1.5 }).success).toBe(false);
  });
});
