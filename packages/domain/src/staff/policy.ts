import type { Role } from "./user";

const STAFF: readonly Role[] = ["analyst", "coordinator", "agency_liaison", "admin"];
const HUB: readonly Role[] = ["analyst", "coordinator"];

/**
 * Who may do what, written once. Every staff procedure names one permission; the API refuses
 * every other role, and the permission matrix test calls every procedure as every role.
 * Record-level rules (four eyes, an agency's own referrals) live with their aggregate.
 * Admins manage accounts and agencies; they never read tips.
 */
export const PERMISSIONS = {
  /** Own session: who am I, log out, log out everywhere. */
  "session.own": STAFF,
  "tip.read": HUB,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
