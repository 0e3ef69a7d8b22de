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
  /** Staff accounts: list, create, disable, change role, reset the second factor. */
  "staff.manage": ["admin"],
  /** Triage outcomes, notes and assignment. */
  "tip.triage": HUB,
  /** Decrypt a tipster's contact details, with a stated reason that is audited. */
  "tip.contact": HUB,
  /** Write to a tipster in the anonymous dialogue. */
  "message.send": HUB,
  "audit.read": ["coordinator"],
  /** Objects, series and cases: the hub prepares them; coordinators decide what goes public. */
  "object.read": HUB,
  "object.edit": HUB,
  "object.approve": ["coordinator"],
  "object.withdraw": ["coordinator"],
  "object.resolve": ["coordinator"],
  "case.read": HUB,
  "case.edit": HUB,
  "series.outcome": ["coordinator"],
  /** Routing rules: the hub reads them and sees their suggestions; coordinators change them. */
  "routing.read": HUB,
  "routing.manage": ["coordinator"],
  /** Refer tips to an agency, follow every referral and answer an agency's questions. */
  "referral.send": HUB,
  /**
   * An agency liaison's portal: the referrals to their own agency only (a record-level check),
   * acknowledgement, disposition and questions to the hub.
   */
  "referral.respond": ["agency_liaison"],
  /** Deliveries that ran out of attempts, and redelivering them. */
  "delivery.manage": ["coordinator"],
  /** Agencies: names for every staff form; admins set delivery channels, URLs and webhook secrets. */
  "agency.read": STAFF,
  "agency.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
