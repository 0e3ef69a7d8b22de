import type { Page } from "playwright-core";

/** The demo staff accounts the start command prints (packages/db/src/seed). */
export const DEMO_STAFF = {
  analyst: { email: "analyst@trace.example", password: "demo-analyst-2026" },
  coordinator: { email: "coordinator@trace.example", password: "demo-coordinator-2026" },
  agency_liaison: { email: "liaison.be@trace.example", password: "demo-liaison-2026" },
  admin: { email: "admin@trace.example", password: "demo-admin-2026" },
} as const;

export type DemoRole = keyof typeof DEMO_STAFF;

/** Logs in on the investigator site as a person would, and waits for the signed-in header. */
export async function loginAsStaff(page: Page, staffUrl: string, role: DemoRole): Promise<void> {
  const account = DEMO_STAFF[role];
  await page.goto(staffUrl);
  await page.getByRole("textbox", { name: "Email" }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("button", { name: "Log out" }).waitFor({ timeout: 15_000 });
}
