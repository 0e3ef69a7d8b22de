import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { axeViolations, describeViolations, siteText } from "./accessibility";
import { browserAvailability, launchChromium } from "./browser";
import { collectPageErrors, firstOpenObject } from "./public-site";

const publicUrl = inject("publicUrl");
const { available } = browserAvailability();

/** The demo tip whose conversation has messages from staff (packages/db/src/seed/demo-data.ts). */
const DEMO_RECEIPT_CODE = "DEM0-TRAC-E000-0000-0001";

/** A message of the public site in the locale under test. */
type Text = (path: string) => string;

interface PageState {
  name: string;
  /** The page's address below the locale, e.g. "/objects". */
  path: () => Promise<string>;
  /** Brings the page into the state to check, as a visitor would, and waits until it is there. */
  act?: (page: Page, t: Text) => Promise<void>;
  /** Only the not-found row may show the not-found page (a missing route would pass unseen). */
  isNotFound?: true;
}

/** A category/status filter of the gallery that matches no object of the demo data. */
async function emptyGalleryFilter(): Promise<string> {
  for (const status of ["origin_found", "open"]) {
    for (const category of ["toy", "printed_matter", "location_or_view", "other", "logo_or_text"]) {
      const input = encodeURIComponent(JSON.stringify({ category, status, limit: 1 }));
      const res = await fetch(`${publicUrl}/trpc/objects.list?input=${input}`);
      const body = (await res.json()) as { result: { data: { total: number } } };
      if (body.result.data.total === 0) return `/objects?category=${category}&status=${status}`;
    }
  }
  throw new Error("every filter of the demo data has objects: choose another empty one");
}

async function objectPath(): Promise<string> {
  return `/objects/${(await firstOpenObject()).ref}`;
}

async function tipFormReady(page: Page, t: Text) {
  await page.getByRole("heading", { level: 2, name: t("tipForm.heading") }).waitFor();
}

/**
 * Every public page and state. A new page of the public site gets a row here; its check then
 * runs in each locale below.
 */
const PAGES: PageState[] = [
  { name: "home", path: async () => "/" },
  { name: "gallery", path: async () => "/objects" },
  { name: "gallery, filtered", path: async () => "/objects?category=textile_or_pattern" },
  {
    name: "gallery, no result",
    path: emptyGalleryFilter,
    act: async (page, t) => {
      await page.getByText(t("gallery.empty")).waitFor();
    },
  },
  { name: "object page with its tip form", path: objectPath, act: tipFormReady },
  {
    name: "tip form after a send with errors",
    path: objectPath,
    act: async (page, t) => {
      await tipFormReady(page, t);
      await page.getByRole("button", { name: t("tipForm.submit") }).click();
      await page
        .getByRole("alert")
        .filter({ hasText: t("tipForm.errors.answer") })
        .waitFor();
    },
  },
  {
    name: "receipt",
    path: objectPath,
    act: async (page, t) => {
      await tipFormReady(page, t);
      await page
        .getByRole("textbox", { name: t("tipForm.text") })
        .fill("A pattern like this was sold at a market (accessibility check).");
      await page.getByRole("radio", { name: t("confidences.guess") }).check();
      await page.getByRole("button", { name: t("tipForm.submit") }).click();
      await page
        .getByRole("heading", { level: 1, name: t("receipt.heading") })
        .waitFor({ timeout: 30_000 });
    },
  },
  {
    name: "check my tip, a status with messages from staff",
    path: async () => "/check",
    act: async (page, t) => {
      await page.getByRole("textbox", { name: t("checkTip.code") }).fill(DEMO_RECEIPT_CODE);
      await page.getByRole("button", { name: t("checkTip.submit") }).click();
      await page.getByRole("heading", { level: 3, name: t("checkTip.messagesHeading") }).waitFor();
      await page.getByText(t("checkTip.fromStaff")).first().waitFor();
      await page.getByRole("textbox", { name: t("checkTip.reply.label") }).waitFor();
    },
  },
  {
    name: "check my tip, a malformed code",
    path: async () => "/check",
    act: async (page, t) => {
      await page.getByRole("textbox", { name: t("checkTip.code") }).fill("not a code");
      await page.getByRole("button", { name: t("checkTip.submit") }).click();
      await page.getByText(t("checkTip.invalidCode")).waitFor();
    },
  },
  { name: "not found", path: async () => "/no-such-page", isNotFound: true },
  { name: "statistics", path: async () => "/statistics" },
  { name: "privacy", path: async () => "/privacy" },
  { name: "safeguarding (report abuse)", path: async () => "/report-abuse" },
  // The pages without JavaScript, rendered by the API (apps/api/src/nojs).
  { name: "without JavaScript: objects", path: async () => "/basic" },
  {
    name: "without JavaScript: tip form",
    path: async () => `/basic/tip?object=${(await firstOpenObject()).ref}`,
  },
  { name: "without JavaScript: check my tip", path: async () => "/basic/check" },
];

/** English on a phone, and one other language on a desktop screen: both widths, both languages. */
const RUNS = [
  { locale: "en", viewport: { width: 390, height: 844 } },
  { locale: "fr", viewport: { width: 1280, height: 900 } },
];

/** Waits until the page has drawn its heading and nothing on it is still loading. */
async function settled(page: Page) {
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll(".t-spinner").length === 0);
}

describe.runIf(available)("WCAG 2.2 AA (axe-core) on every public page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is a check that can fail: it finds an image without a text alternative", async () => {
    const page = await browser.newPage();
    await page.goto(`${publicUrl}/en/no-such-page`);
    await settled(page);
    await page.evaluate(() => {
      const img = document.createElement("img");
      img.src = "/favicon.svg";
      document.getElementById("main")?.append(img);
    });
    expect((await axeViolations(page)).map((v) => v.id)).toContain("image-alt");
    await page.close();
  });

  for (const { locale, viewport } of RUNS) {
    describe(`in ${locale}, ${viewport.width} px wide`, () => {
      let context: BrowserContext;
      const t: Text = (path) => siteText(locale, path);
      beforeAll(async () => {
        context = await browser.newContext({ viewport, locale });
      });
      afterAll(async () => {
        await context?.close();
      });

      it.each(PAGES)("$name has no violation", async ({ path, act, isNotFound }) => {
        const page = await context.newPage();
        const errors = collectPageErrors(page);
        await page.goto(`${publicUrl}/${locale}${await path()}`);
        await settled(page);
        if (act) await act(page, t);
        await settled(page);
        expect(await page.locator("html").getAttribute("lang")).toBe(locale);
        const isNotFoundShown = await page
          .getByRole("heading", { level: 1, name: t("notFound.heading") })
          .isVisible();
        expect(isNotFoundShown, "the page shown is the not-found page").toBe(isNotFound ?? false);

        const violations = await axeViolations(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      });
    });
  }
});
