import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { browserAvailability, launchChromium } from "./browser";
import { collectPageErrors, firstOpenObject } from "./public-site";

const publicUrl = inject("publicUrl");
const { available } = browserAvailability();

interface ServedObject {
  title: string;
  question: string;
  /** Its images' variants; empty until the background job has made them. */
  variants: { format: string; width: number; url: string }[];
}

/**
 * An object as the public API serves it in `locale`, once its first picture's variants exist (the
 * demo's images are processed in the background after the start).
 */
async function servedObject(ref: string, locale: string): Promise<ServedObject> {
  const input = encodeURIComponent(JSON.stringify({ ref, locale }));
  let served: ServedObject | undefined;
  await expect
    .poll(
      async () => {
        const res = await fetch(`${publicUrl}/trpc/objects.byRef?input=${input}`);
        const { data } = (
          (await res.json()) as {
            result: {
              data: {
                title: { text: string };
                question: { text: string };
                images: { variants: ServedObject["variants"] }[];
              };
            };
          }
        ).result;
        served = {
          title: data.title.text,
          question: data.question.text,
          variants: data.images[0]?.variants ?? [],
        };
        return served.variants.some((v) => v.format === "jpeg");
      },
      { timeout: 60_000, interval: 500 },
    )
    .toBe(true);
  return served!;
}

/** A count as the page shows it in German ("1.234", "-2"): the digits and the sign. */
function readCount(text: string): number {
  const normalized = text.replace(/\u2212/g, "-").replace(/[^\d-]/g, "");
  const value = Number(normalized);
  if (normalized === "" || !Number.isInteger(value)) throw new Error(`not a count: ${text}`);
  return value;
}

/** The home page's figures, term by term, as a screen reader lists them. */
async function homeFigures(page: Page): Promise<Map<string, number>> {
  const figures = page.getByRole("region", { name: "Trace in Zahlen" });
  await figures.getByRole("term").first().waitFor();
  const terms = await figures.getByRole("term").allInnerTexts();
  const values = await figures.getByRole("definition").allInnerTexts();
  expect(values).toHaveLength(terms.length);
  return new Map(terms.map((term, i) => [term.trim(), readCount(values[i]!)]));
}

/** One chart's table: its column headers, and per month (the row header) each column's count. */
async function monthTable(page: Page, caption: string) {
  const table = page.getByRole("table", { name: caption, exact: true });
  await table.waitFor();
  const headers = (await table.getByRole("columnheader").allInnerTexts()).map((h) => h.trim());
  const rows: { month: string; cells: number[] }[] = [];
  // The header row is the first; every other row is one month.
  for (const row of (await table.getByRole("row").all()).slice(1)) {
    const month = (await row.getByRole("rowheader").innerText()).trim();
    const cells = (await row.getByRole("cell").allInnerTexts()).map(readCount);
    rows.push({ month, cells });
  }
  /** The sum of the column headed `header` over every month. */
  const total = (header: string) => {
    const index = headers.indexOf(header) - 1;
    expect(index, `column ${header} of ${caption}`).toBeGreaterThanOrEqual(0);
    return rows.reduce((sum, row) => sum + row.cells[index]!, 0);
  };
  return { headers, rows, total };
}

/** The last twelve calendar months (UTC) as the page names them in German, oldest first. */
function lastTwelveMonths(now: Date): string[] {
  const format = new Intl.DateTimeFormat("de", { month: "long", year: "numeric", timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, i) =>
    format.format(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1))),
  );
}

describe.runIf(available)("the statistics page, in German", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("gives each chart a table whose numbers add up to the home page's figures", async () => {
    const context = await browser.newContext({
      locale: "de-DE",
      extraHTTPHeaders: { "Accept-Language": "de" },
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto(`${publicUrl}/de/`);
    const figures = await homeFigures(page);
    expect([...figures.keys()]).toEqual([
      "Gegenstände, die auf Identifizierung warten",
      "Gefundene Herkünfte",
      "Eingegangene Hinweise",
      "Auf ein Land eingegrenzte Fälle",
      "Identifizierte Opfer",
    ]);

    // From the figures to their history, as a visitor would go.
    await page.getByRole("link", { name: "Die Zahlen Monat für Monat" }).click();
    await page.waitForURL("**/de/statistics");
    await page.getByRole("heading", { level: 1, name: "Trace in Zahlen" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    expect(await page.title()).toBe("Statistik — Trace");

    const tips = await monthTable(page, "Eingegangene Hinweise");
    const objects = await monthTable(page, "Veröffentlichte Gegenstände und gefundene Herkunft");
    const narrowed = await monthTable(page, "Einem Land zugeordnete Serien");
    const victims = await monthTable(page, "Identifizierte Opfer");

    // Twelve months, oldest first, named in German; the same months in every table.
    const months = lastTwelveMonths(new Date());
    for (const table of [tips, objects, narrowed, victims]) {
      expect(table.headers[0]).toBe("Monat");
      expect(table.rows.map((r) => r.month)).toEqual(months);
    }
    expect(objects.headers).toEqual(["Monat", "Veröffentlichte Gegenstände", "Herkunft gefunden"]);

    // Everything in the demo data (and what earlier tests added) happened within the last twelve
    // months, so each table's total is the home page's figure for the same thing.
    expect(tips.total("Eingegangene Hinweise")).toBe(figures.get("Eingegangene Hinweise"));
    expect(tips.total("Eingegangene Hinweise")).toBeGreaterThan(0);
    expect(objects.total("Herkunft gefunden")).toBe(figures.get("Gefundene Herkünfte"));
    // Every object the public can see was published once: the open ones and the found ones.
    expect(objects.total("Veröffentlichte Gegenstände")).toBe(
      figures.get("Gegenstände, die auf Identifizierung warten")! +
        figures.get("Gefundene Herkünfte")!,
    );
    expect(narrowed.total("Zugeordnete Serien")).toBe(
      figures.get("Auf ein Land eingegrenzte Fälle"),
    );
    expect(victims.total("Identifizierte Opfer")).toBe(figures.get("Identifizierte Opfer"));

    // The sentence above the tips chart says the same total, in German.
    const tipsTotal = new Intl.NumberFormat("de").format(tips.total("Eingegangene Hinweise"));
    await page.getByText(new RegExp(`^${tipsTotal.replace(".", "\\.")} Hinweise? von `)).waitFor();
    // Each chart is one picture with a name; its numbers are in the table beside it.
    await page
      .getByRole("img", {
        name: "Diagramm: Eingegangene Hinweise. Die Tabelle daneben nennt jeden Monat.",
      })
      .waitFor();

    expect(await context.cookies()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("tells a crawler without JavaScript what the page and a shared object are, in German", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "de-DE" });
    const page = await context.newPage();
    const meta = (key: string) =>
      page.locator(`meta[name="${key}"], meta[property="${key}"]`).getAttribute("content");

    await page.goto(`${publicUrl}/de/statistics`);
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    expect(await page.title()).toBe("Statistik — Trace");
    expect(await meta("description")).toMatch(/^Wozu die Hinweise aus der Öffentlichkeit geführt/);
    expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(
      `${publicUrl}/de/statistics`,
    );
    expect(await page.locator('link[rel="alternate"][hreflang]').count()).toBe(9);

    // A shared object: its German title and question, and a picture a link preview can fetch.
    const object = await firstOpenObject();
    const served = await servedObject(object.ref, "de");
    await page.goto(`${publicUrl}/de/objects/${object.ref}`);
    expect(await page.title()).toBe(`${served.title} — Trace`);
    expect(await meta("og:title")).toBe(served.title);
    expect(await meta("og:description")).toBe(served.question);
    expect(await meta("og:url")).toBe(`${publicUrl}/de/objects/${object.ref}`);
    // The widest JPEG the pipeline made, up to 1280 px.
    const jpeg = served.variants
      .filter((v) => v.format === "jpeg" && v.width <= 1280)
      .sort((a, b) => b.width - a.width)[0]!;
    expect(await meta("og:image")).toBe(`${publicUrl}${jpeg.url}`);
    expect(await meta("og:image:width")).toBe(String(jpeg.width));
    const res = await fetch(`${publicUrl}${jpeg.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/jpeg");
    expect(await meta("twitter:card")).toBe("summary_large_image");
    await context.close();
  });
});
