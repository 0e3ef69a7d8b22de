import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import axe from "axe-core";
import type { Page } from "playwright-core";

/** The WCAG 2.2 AA rule set: every A and AA rule of WCAG 2.0, 2.1 and 2.2. */
export const WCAG_22_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/**
 * Runs axe-core in the page, under the site's own CSP: the engine is evaluated through the
 * DevTools protocol (page.evaluate), which a page's script-src does not govern, rather than
 * added as an inline <script> the CSP would rightly block.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const engine = (window as unknown as { axe: typeof axe }).axe;
    const results = await engine.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(" "),
        summary: n.failureSummary ?? "",
      })),
    }));
  }, WCAG_22_AA_TAGS);
}

/** Violations as a readable failure message: rule, impact, and each offending element. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `  - ${n.target}\n    ${n.summary.replace(/\n/g, "\n    ")}`).join("\n"),
    )
    .join("\n");
}

const LOCALES_DIR = resolve(import.meta.dirname, "../../apps/public-web/src/i18n/locales");

type Catalog = { [key: string]: string | Catalog };

/**
 * A plain (argument-free) message of the public site's catalogs in `locale`, by its path
 * (`tipForm.submit`), so a test can find the localised label a visitor reads.
 */
export function siteText(locale: string, path: string): string {
  const catalogs = [
    JSON.parse(readFileSync(resolve(LOCALES_DIR, `${locale}.json`), "utf8")) as Catalog,
    JSON.parse(readFileSync(resolve(LOCALES_DIR, `forms/${locale}.json`), "utf8")) as Catalog,
  ];
  for (const catalog of catalogs) {
    let node: string | Catalog | undefined = catalog;
    for (const key of path.split(".")) node = typeof node === "object" ? node[key] : undefined;
    if (typeof node === "string") return node;
  }
  throw new Error(`No message ${path} in the ${locale} catalogs`);
}
