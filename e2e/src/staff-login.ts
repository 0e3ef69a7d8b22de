import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  /** The French national police's liaison: a second agency, to check that agencies are kept apart. */
  agency_liaison_fr: {
    email: "liaison.fr@trace.example",
    password: "demo-liaison-fr-2026",
    totpSecret: "DEMOLIAISONFRONLYNOTASECRETAAAAA",
  },
  admin: {
    email: "admin@trace.example",
    password: "demo-admin-2026",
    totpSecret: "DEMOADMINONLYNOTASECRETAAAAAAAAA",
  },
} as const;

export type DemoRole = keyof typeof DEMO_STAFF;

const PERIOD_MS = 30_000;

/**
 * A TOTP code is good once per account (the server refuses a replayed time step), and browser
 * tests log in as the same demo role many times, across test files. So every code used against
 * one server is recorded in a small ledger file, and the next login uses a later step: the next
 * one (accepted as clock drift), or after waiting for a fresh step. A refused code is then a real
 * failure, never an artefact of the tests.
 */
function ledgerFile(page: Page): string {
  return join(tmpdir(), `trace-e2e-totp-${new URL(page.url()).port}.json`);
}

function readLedger(file: string): Record<string, number> {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, number>) : {};
}

/** The code for this secret's next unused time step, waiting for a new step if need be. */
export async function freshTotpCode(page: Page, secret: string): Promise<string> {
  const file = ledgerFile(page);
  const ledger = readLedger(file);
  const lastUsed = ledger[secret] ?? -Infinity;
  let now = Math.floor(Date.now() / PERIOD_MS);
  if (lastUsed + 1 > now + 1) {
    await page.waitForTimeout(lastUsed * PERIOD_MS - Date.now() + 500);
    now = Math.floor(Date.now() / PERIOD_MS);
  }
  const step = Math.max(now, lastUsed + 1);
  writeFileSync(file, JSON.stringify({ ...ledger, [secret]: step }));
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: PERIOD_MS / 1000 });
  return totp.generate({ timestamp: step * PERIOD_MS });
}

/** Enters a fresh TOTP code and waits for the signed-in header. */
export async function enterTotpCode(page: Page, secret: string): Promise<void> {
  await page
    .getByRole("textbox", { name: "Authentication code" })
    .fill(await freshTotpCode(page, secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await page.getByRole("button", { name: "Log out", exact: true }).waitFor({ timeout: 15_000 });
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
