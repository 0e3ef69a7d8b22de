import { can, type Role } from "@trace/domain";

/**
 * Where a signed-in user lands: the first place their role can work in. Hub staff start at the
 * tip inbox; an agency liaison, who may not read the hub's tips, at their agency's referrals;
 * an admin, who never reads tips, at the staff accounts.
 */
export function homePathFor(role: Role): string {
  if (can(role, "tip.read")) return "/tips";
  if (can(role, "referral.respond")) return "/portal";
  if (can(role, "staff.manage")) return "/staff-accounts";
  return "/tips";
}
