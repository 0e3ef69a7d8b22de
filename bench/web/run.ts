/**
 * `pnpm bench:web`: Lighthouse (mobile, simulated throttling) on the public site's main pages,
 * served by the real API on a fresh embedded database with the demo data, as a newcomer runs
 * Trace. Writes results/<timestamp>.json and .md, prints the table, stops the server.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { startTrace, type RunningTrace } from "@trace/e2e/start-trace";
import { toMarkdown, type CategoryId, type PageResult } from "./report";

const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const CATEGORIES: CategoryId[] = ["performance", "accessibility", "best-practices", "seo"];
const METRICS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
] as const;
/** How long the seed's image jobs may take to make every demo image's variants. */
const VARIANTS_TIMEOUT_MS = 180_000;

interface ListedImage {
  variants: unknown[];
}
interface ListedObject {
  ref: string;
  cover: ListedImage | null;
}

async function publicQuery<T>(baseUrl: string, procedure: string, input: unknown): Promise<T> {
  const url = `${baseUrl}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${procedure} answered ${res.status}`);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

/**
 * Waits until every published demo image has its resized variants (the seed's background jobs),
 * so the gallery and object pages are measured with the images a visitor gets, not the originals.
 */
async function waitForImageVariants(baseUrl: string): Promise<ListedObject[]> {
  const deadline = Date.now() + VARIANTS_TIMEOUT_MS;
  for (;;) {
    const objects: ListedObject[] = [];
    for (let offset = 0; ; offset += 60) {
      const page = await publicQuery<{ items: ListedObject[]; total: number }>(
        baseUrl,
        "objects.list",
        { locale: "en", limit: 60, offset },
      );
      objects.push(...page.items);
      if (objects.length >= page.total || page.items.length === 0) break;
    }
    const pending = objects.filter((o) => o.cover && o.cover.variants.length === 0).length;
    if (objects.length > 0 && pending === 0) return objects;
    if (Date.now() > deadline)
      throw new Error(`${pending} demo images still have no variants after the wait`);
    process.stdout.write(`waiting for ${pending} demo images' variants…\n`);
    await new Promise((r) => setTimeout(r, 3000));
  }
}

async function main() {
  let trace: RunningTrace | undefined;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    trace = await startTrace({ output: "ignore" });
    const objects = await waitForImageVariants(trace.publicUrl);
    const object = objects.find((o) => o.cover) ?? objects[0]!;
    const pages: [string, string][] = [
      ["home", "/en/"],
      ["gallery", "/en/objects"],
      [`object (${object.ref})`, `/en/objects/${object.ref}`],
      ["check my tip", "/en/check"],
      ["statistics", "/en/statistics"],
    ];

    chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS });
    const results: PageResult[] = [];
    for (const [name, path] of pages) {
      const url = `${trace.publicUrl}${path}`;
      process.stdout.write(`lighthouse: ${name} (${url})\n`);
      const run = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: CATEGORIES,
      });
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = run;
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(
        CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
      ) as Record<CategoryId, number>;
      const metrics = Object.fromEntries(
        METRICS.map((id) => [id, lhr.audits[id]?.numericValue ?? null]),
      ) as PageResult["metrics"];
      // What cost points: every audit of a category that did not pass, with its weight there.
      const failing = CATEGORIES.flatMap((category) =>
        (lhr.categories[category]?.auditRefs ?? [])
          .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
          .filter(
            ({ ref, audit }) =>
              audit &&
              ref.weight > 0 &&
              audit.score !== null &&
              audit.score < (category === "performance" ? 0.9 : 1),
          )
          .map(({ ref, audit }) => ({
            category,
            id: ref.id,
            title: audit!.title,
            score: audit!.score,
            displayValue: audit!.displayValue ?? null,
          })),
      );
      results.push({ name, path, scores, metrics, failing });
      // BENCH_WEB_FULL=<dir>: keep each page's whole Lighthouse report, to look into a score.
      if (process.env.BENCH_WEB_FULL) {
        mkdirSync(process.env.BENCH_WEB_FULL, { recursive: true });
        const file = `${path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "root"}.json`;
        writeFileSync(join(process.env.BENCH_WEB_FULL, file), JSON.stringify(lhr));
      }
    }

    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const dir = join(import.meta.dirname, "results");
    mkdirSync(dir, { recursive: true });
    const report = {
      measuredAt: new Date().toISOString(),
      lighthouse: "12.2.3",
      formFactor: "mobile (simulated throttling)",
      chrome: await chromeVersion(chrome.port),
      pages: results,
    };
    const markdown = toMarkdown(report);
    writeFileSync(join(dir, `${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(dir, `${stamp}.md`), markdown);
    process.stdout.write(`\n${markdown}\nWritten to bench/web/results/${stamp}.{json,md}\n`);
  } finally {
    chrome?.kill();
    await trace?.stop();
  }
}

async function chromeVersion(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/json/version`);
  return ((await res.json()) as { Browser: string }).Browser;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
