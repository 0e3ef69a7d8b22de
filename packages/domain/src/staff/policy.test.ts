import { describe, expect, it } from "vitest";
import { PERMISSIONS, can, type Permission } from "./policy";
import { ROLES } from "./user";

describe("permissions", () => {
  it("never lets an admin read tips", () => {
    expect(can("admin", "tip.read")).toBe(false);
  });

  it("gives every staff role its own session", () => {
    for (const role of ROLES) expect(can(role, "session.own")).toBe(true);
  });

  it.each(Object.keys(PERMISSIONS) as Permission[])("%s names only known roles", (permission) => {
    for (const role of PERMISSIONS[permission]) expect(ROLES).toContain(role);
  });
});
