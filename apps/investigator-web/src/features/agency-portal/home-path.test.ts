import { describe, expect, it } from "vitest";
import type { Role } from "@trace/domain";
import { homePathFor } from "./home-path";

describe("homePathFor", () => {
  it.each<[Role, string]>([
    ["analyst", "/tips"],
    ["coordinator", "/tips"],
    ["agency_liaison", "/portal"],
    ["admin", "/staff-accounts"],
  ])("sends a %s to %s", (role, path) => {
    expect(homePathFor(role)).toBe(path);
  });
});
