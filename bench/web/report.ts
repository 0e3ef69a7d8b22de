export type CategoryId = "performance" | "accessibility" | "best-practices" | "seo";

/** The issue's goals per Lighthouse category (issue 6, "Speed"). */
export const GOALS: Record<CategoryId, number> = {
  performance: 95,
  accessibility: 100,
  "best-practices": 95,
  seo: 95,
};

export interface PageResult {
  name: string;
  path: string;
  scores: Record<CategoryId, number>;
  /** Milliseconds, except cumulative-layout-shift (unitless); null when Lighthouse had none. */
  metrics: Record<
    | "first-contentful-paint"
    | "largest-contentful-paint"
    | "total-blocking-time"
    | "cumulative-layout-shift"
    | "speed-index",
    number | null
  >;
  failing: {
    category: CategoryId;
    id: string;
    title: string;
    score: number | null;
    displayValue: string | null;
  }[];
}

export interface Report {
  measuredAt: string;
  lighthouse: string;
  formFactor: string;
  chrome: string;
  pages: PageResult[];
}

const score = (value: number, goal: number) => (value >= goal ? `${value}` : `**${value}** ✗`);
const ms = (value: number | null) => (value === null ? "–" : `${(value / 1000).toFixed(2)} s`);

/** The results as Markdown: one row per page, goals missed in bold, then what cost points. */
export function toMarkdown(report: Report): string {
  const lines = [
    `# Lighthouse ${report.lighthouse}, ${report.formFactor}`,
    "",
    `${report.measuredAt} · ${report.chrome} · goals: performance ≥ ${GOALS.performance}, accessibility ${GOALS.accessibility}, best practices ≥ ${GOALS["best-practices"]}, SEO ≥ ${GOALS.seo}`,
    "",
    "| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | speed index |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...report.pages.map((p) =>
      [
        `\`${p.path}\` ${p.name}`,
        score(p.scores.performance, GOALS.performance),
        score(p.scores.accessibility, GOALS.accessibility),
        score(p.scores["best-practices"], GOALS["best-practices"]),
        score(p.scores.seo, GOALS.seo),
        ms(p.metrics["first-contentful-paint"]),
        ms(p.metrics["largest-contentful-paint"]),
        p.metrics["total-blocking-time"] === null
          ? "–"
          : `${Math.round(p.metrics["total-blocking-time"])} ms`,
        p.metrics["cumulative-layout-shift"]?.toFixed(3) ?? "–",
        ms(p.metrics["speed-index"]),
      ]
        .join(" | ")
        .replace(/^/, "| ")
        .concat(" |"),
    ),
    "",
  ];
  const failing = report.pages.filter((p) => p.failing.length > 0);
  if (failing.length > 0) {
    lines.push("## Audits that did not pass", "");
    for (const p of failing) {
      lines.push(`- ${p.name}:`);
      for (const f of p.failing)
        lines.push(
          `  - ${f.category}: ${f.title} (\`${f.id}\`${f.displayValue ? `, ${f.displayValue}` : ""})`,
        );
    }
    lines.push("");
  }
  return lines.join("\n");
}
