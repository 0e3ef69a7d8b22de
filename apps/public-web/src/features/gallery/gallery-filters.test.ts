import { describe, expect, it } from "vitest";
import {
  galleryFiltersToSearch,
  galleryListInput,
  pageCountOf,
  parseGalleryFilters,
} from "./gallery-filters";

describe("parseGalleryFilters", () => {
  it.each([
    ["", { category: undefined, status: undefined, page: 1 }],
    ["?category=toy&status=open&page=2", { category: "toy", status: "open", page: 2 }],
    ["category=logo_or_text", { category: "logo_or_text", status: undefined, page: 1 }],
    ["?status=origin_found", { category: undefined, status: "origin_found", page: 1 }],
    ["?category=weapons&status=withdrawn", { category: undefined, status: undefined, page: 1 }],
    ["?page=0", { category: undefined, status: undefined, page: 1 }],
    ["?page=-3", { category: undefined, status: undefined, page: 1 }],
    ["?page=2.5", { category: undefined, status: undefined, page: 1 }],
    ["?page=abc", { category: undefined, status: undefined, page: 1 }],
    ["?page=999999", { category: undefined, status: undefined, page: 4167 }],
  ])("%s", (search, expected) => {
    expect(parseGalleryFilters(search)).toEqual(expected);
  });
});

describe("galleryFiltersToSearch", () => {
  it("omits defaults", () => {
    expect(galleryFiltersToSearch({ category: undefined, status: undefined, page: 1 })).toBe("");
  });
  it("round-trips", () => {
    const filters = { category: "toy", status: "open", page: 2 } as const;
    const search = galleryFiltersToSearch(filters);
    expect(search).toBe("?category=toy&status=open&page=2");
    expect(parseGalleryFilters(search)).toEqual(filters);
  });
});

describe("galleryListInput", () => {
  it("turns the page into limit and offset", () => {
    expect(galleryListInput({ category: "toy", status: undefined, page: 3 }, "en")).toEqual({
      category: "toy",
      locale: "en",
      limit: 24,
      offset: 48,
    });
  });
});

describe("pageCountOf", () => {
  it.each([
    [0, 1],
    [1, 1],
    [24, 1],
    [25, 2],
    [49, 3],
  ])("%i objects → %i pages", (total, pages) => {
    expect(pageCountOf(total)).toBe(pages);
  });
});
