import type { DemoAccount } from "@trace/db/seed";
import { currentTotpCode } from "./totp";

/** The demo logins as printed at start and by `demo-codes`: the code changes every 30 s. */
export function demoLoginLines(accounts: readonly DemoAccount[], now: Date): string[] {
  return [
    "Demo logins (investigator site; demo data only). Add the TOTP secret to an authenticator",
    "app, or use the current code below (it changes every 30 s; `pnpm --filter @trace/api demo-codes`):",
    ...accounts.map(
      (a) =>
        `  ${a.role.padEnd(15)} ${a.email.padEnd(28)} ${a.password.padEnd(22)} ${a.totpSecret}  code ${currentTotpCode(a.totpSecret, now)}`,
    ),
  ];
}
