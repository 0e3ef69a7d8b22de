import { Secret, TOTP } from "otpauth";
import type { Page } from "playwright-core";

/** The demo staff accounts the start command prints (packages/db/src/seed), with their demo TOTP secrets. */
export const DEMO_STAFF = {
  analyst: {
    email: "analyst@trace.example",
    password: "demo-analyst-2026",
    totpSecret: "DEMOANALYSTONLYNOTASECRETAAAAAAA",
  },
  coordinator: {
    email: "coordinator@trace.example",
    password: "demo-coordinator-2026",
    totpSecret: "DEMOCOORDINATORONLYNOTASECRETAAA",
  },
  agency_liaison: {
    email: "liaison.be@trace.example",
    password: "demo-liaison-2026",
    totpSecret: "DEMOLIAISONONLYNOTASECRETAAAAAAA",
  },
  admin: {
    email: "admin@trace.example",
    password: "demo-admin-2026",
    totpSecret: "DEMOADMINONLYNOTASECRETAAAAAAAAA",
  },
} as const;

export type DemoRole = keyof typeof DEMO_STAFF;

/** The code an authenticator app would show for this secret, `stepOffset` steps from now. */
export function totpCode(secret: string, stepOffset = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + stepOffset * 30_000 });
}

/**
 * Enters a TOTP code and waits for the signed-in header. A code is good once per account, and
 * browser tests log in as the same role often: if this step's code was used already, the next
 * step's (accepted as clock drift) is tried, then the helper waits for a fresh step.
 */
export async function enterTotpCode(page: Page, secret: string): Promise<void> {
  const signedIn = page.getByRole("button", { name: "Log out", exact: true });
  const refused = page.getByText("The code is not correct or has already been used.");
  for (const stepOffset of [0, 1, 0, 1]) {
    if (stepOffset === 0 && (await refused.isVisible())) {
      // Both codes around now are spent: wait for the next time step.
      await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    }
    await page
      .getByRole("textbox", { name: "Authentication code" })
      .fill(totpCode(secret, stepOffset));
    await page.getByRole("button", { name: "Verify" }).click();
    await signedIn.or(refused).first().waitFor({ timeout: 15_000 });
    if (await signedIn.isVisible()) return;
  }
  throw new Error("the second factor was refused");
}

/** Logs in on the investigator site as a person would (password, then TOTP), and waits for the signed-in header. */
export async function loginAsStaff(page: Page, staffUrl: string, role: DemoRole): Promise<void> {
  const account = DEMO_STAFF[role];
  await page.goto(staffUrl);
  await page.getByRole("textbox", { name: "Email" }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("textbox", { name: "Authentication code" }).waitFor({ timeout: 15_000 });
  await enterTotpCode(page, account.totpSecret);
}
