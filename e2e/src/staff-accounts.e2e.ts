import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailability, launchChromium } from "./browser";
import { enterTotpCode, freshTotpCode, loginAsStaff } from "./staff-login";

const staffUrl = inject("staffUrl");
const { available } = browserAvailability();

describe.runIf(available)("an admin creates an account that enrols at its first login", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("creates, enrols with TOTP, shows recovery codes, and logs in again", async () => {
    const email = `new.analyst.${Date.now().toString(36)}@trace.example`;
    const admin = await (await browser.newContext()).newPage();
    await loginAsStaff(admin, staffUrl, "admin");
    await admin.getByRole("link", { name: "Staff accounts" }).click();
    await admin.getByRole("textbox", { name: "Email" }).fill(email);
    await admin.getByRole("textbox", { name: "Name" }).fill("New Analyst");
    await admin.getByRole("button", { name: "Create account" }).click();
    const passwordBox = admin.getByRole("textbox", { name: "Temporary password" });
    await passwordBox.waitFor();
    const password = await passwordBox.inputValue();
    expect(password).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    await expect.poll(() => admin.getByRole("cell", { name: email }).isVisible()).toBe(true);

    const page = await (await browser.newContext()).newPage();
    await page.goto(staffUrl);
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Set up two-step verification" }).waitFor();
    await expect.poll(() => page.getByRole("img", { name: /QR code/ }).isVisible()).toBe(true);
    const secret = await page.getByLabel("Or enter this key by hand").inputValue();
    await page
      .getByRole("textbox", { name: "Authentication code" })
      .fill(await freshTotpCode(page, secret));
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.getByRole("heading", { name: "Your recovery codes" }).waitFor();
    expect(await page.getByRole("listitem").count()).toBe(10);
    await page.getByRole("checkbox", { name: "I have saved my recovery codes" }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Log out", exact: true }).click();

    await page.getByRole("textbox", { name: "Email" }).waitFor();
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("textbox", { name: "Authentication code" }).waitFor();
    await enterTotpCode(page, secret);
  });
});
