import type { Role } from "@trace/domain";
import type { TipRow } from "./data/tip-row";

/**
 * The demo content. Everything in it is invented: agencies carry generic names and no contact
 * data, brands and shops are made up, images are drawn by code (see images.ts), and links point
 * only at example.org.
 */
export { DEMO_AGENCIES, type AgencyCode, type DemoAgency } from "./data/agencies";
export { DEMO_CASES, type DemoCase, type DemoSeries, type SeriesCode } from "./data/cases";
export { DEMO_OBJECTS, type ObjectKey } from "./data/objects";
export type { DemoImage, DemoObject } from "./data/object-helpers";
export { DEMO_TIPS } from "./data/tips";
export type { TipExtra, TipLanguage, TipRow } from "./data/tip-row";

export interface DemoAccount {
  email: string;
  /** Printed in the README and on the sign-in page of a demo: never use these outside a demo. */
  password: string;
  role: Role;
  displayName: string;
  agencyCode: string | null;
  /**
   * Base32 TOTP secret the demo account is enrolled with, published so a newcomer can add it to
   * an authenticator app. Demo only: production refuses to seed demo data at all.
   */
  totpSecret: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "analyst@trace.example",
    password: "demo-analyst-2026",
    role: "analyst",
    displayName: "Demo Analyst",
    agencyCode: null,
    totpSecret: "DEMOANALYSTONLYNOTASECRETAAAAAAA",
  },
  {
    email: "coordinator@trace.example",
    password: "demo-coordinator-2026",
    role: "coordinator",
    displayName: "Demo Coordinator",
    agencyCode: null,
    totpSecret: "DEMOCOORDINATORONLYNOTASECRETAAA",
  },
  {
    email: "liaison.be@trace.example",
    password: "demo-liaison-2026",
    role: "agency_liaison",
    displayName: "Demo Liaison (Belgium)",
    agencyCode: "BE-FEDPOL",
    totpSecret: "DEMOLIAISONONLYNOTASECRETAAAAAAA",
  },
  {
    email: "liaison.fr@trace.example",
    password: "demo-liaison-fr-2026",
    role: "agency_liaison",
    displayName: "Demo Liaison (France)",
    agencyCode: "FR-PN",
    totpSecret: "DEMOLIAISONFRONLYNOTASECRETAAAAA",
  },
  {
    email: "admin@trace.example",
    password: "demo-admin-2026",
    role: "admin",
    displayName: "Demo Admin",
    agencyCode: null,
    totpSecret: "DEMOADMINONLYNOTASECRETAAAAAAAAA",
  },
];

/**
 * The demo agency that receives its referrals by signed webhook, at the small receiver the API
 * starts next to the demo data (apps/api/src/delivery/demo-receiver.ts). The secret is published
 * like the demo logins: demo only, never seeded in production.
 */
export const DEMO_WEBHOOK = {
  agencyCode: "NL-NP",
  secret: "whsec_DEMO-ONLY-not-a-secret-published-in-README",
} as const;

/**
 * The receipt code of one fixed demo tip, so a newcomer can try "check my tip" at once.
 * It spells "DEMO TRACE" and ends in 1; Crockford base32 has no O, so typing "demo-trac-e000-…"
 * normalises to this code. Deliberately guessable: it exists only in demo data.
 */
export const DEMO_RECEIPT_CODE = "DEM0-TRAC-E000-0000-0001";

export const DEMO_TIP: {
  row: TipRow;
  /** Days before the seed's `now`. */
  receivedDaysAgo: number;
  staffMessage: string;
} = {
  row: [
    "korva-bag",
    "en",
    "BE",
    "Sports shop in a shopping arcade, Ghent",
    "KORVA",
    "2014",
    "think_so",
    "I am fairly sure I saw this bag in a sports shop in Ghent. The triangle logo is the same. The shop gave them away with running shoes.",
  ],
  receivedDaysAgo: 6,
  staffMessage:
    "Thank you for your tip. Do you remember roughly which year it was, and whether the shop is still open? You can answer here with your receipt code.",
};
