import { describe, expect, it } from "vitest";
import { HOME_PATH, loginHref, safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it.each([
    ["/tips/0190a3c4-0000-7000-8000-000000000001", "/tips/0190a3c4-0000-7000-8000-000000000001"],
    ["/tips?status=new&page=2", "/tips?status=new&page=2"],
    ["/", "/"],
  ])("keeps the path %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    [null],
    [undefined],
    [""],
    ["tips"],
    ["https://evil.example/"],
    ["//evil.example/tips"],
    ["/\\evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["javascript:alert(1)"],
    ["/login"],
    ["/login?next=/tips"],
  ])("falls back to the inbox for %j", (next) => {
    expect(safeNextPath(next)).toBe(HOME_PATH);
  });
});

describe("loginHref", () => {
  it("carries the page asked for", () => {
    expect(loginHref("/tips?status=new")).toBe("/login?next=%2Ftips%3Fstatus%3Dnew");
  });

  it("stays short when the page asked for is the inbox", () => {
    expect(loginHref("/tips")).toBe("/login");
  });

  it("round-trips through the URL", () => {
    const href = loginHref("/tips/abc?x=1");
    const next = new URLSearchParams(href.split("?")[1]).get("next");
    expect(safeNextPath(next)).toBe("/tips/abc?x=1");
  });
});
