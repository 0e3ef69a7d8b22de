import { describe, expect, it } from "vitest";
import { CreateStaffAccountInputSchema, checkRoleAgency } from "./account";

const AGENCY = "00000000-0000-4000-8000-000000000001";

describe("checkRoleAgency", () => {
  it.each([
    ["agency_liaison", AGENCY, null],
    ["agency_liaison", null, "agency_required"],
    ["analyst", null, null],
    ["analyst", AGENCY, "agency_not_allowed"],
    ["admin", AGENCY, "agency_not_allowed"],
  ] as const)("%s with agency %s", (role, agencyId, error) => {
    const result = checkRoleAgency(role, agencyId);
    expect(result.ok ? null : result.error).toBe(error);
  });

  it("reports the agency field on a new account", () => {
    const parsed = CreateStaffAccountInputSchema.safeParse({
      email: "new@agency.example",
      displayName: "New",
      role: "agency_liaison",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(["agencyId"]);
  });
});
