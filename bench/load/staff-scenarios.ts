import { TipListInputSchema } from "@trace/domain";
import type { RunningApi } from "./api-process";
import type { Baselines } from "./baselines";
import { type HttpMeasurement, measure } from "./cannon";
import { httpRow } from "./http-scenarios";
import type { BenchOptions } from "./options";
import type { Report, ScenarioResult } from "./report";
import type { ScaleSummary } from "./scale-data";

/** A query as the investigator site sends it (httpBatchLink: a batch of one, GET). */
const batchedGet = (path: string, input: unknown) =>
  `/trpc/${path}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: input }))}`;

/** Cycles through prepared paths, one per request. */
function rotating(paths: string[]): () => { path: string } {
  let i = 0;
  return () => ({ path: paths[i++ % paths.length]! });
}

const TIP_LANGUAGES = ["en", "fr", "nl", "de", "pl", "es", "it", "pt"];

/**
 * The staff inbox (tips.list: the default view, filters, and full-text search) and the similar-image search (similarity.forObject) over the scale data, with an
 * analyst's session cookie, each request with other filters or another object.
 */
export async function staffScenarios(
  api: RunningApi,
  options: BenchOptions,
  baselines: Baselines,
  cookie: string,
  scale: ScaleSummary,
  objectIds: string[],
): Promise<{ rows: ScenarioResult[]; skipped: Report["skipped"] }> {
  const rows: ScenarioResult[] = [];
  const skipped: Report["skipped"] = [];
  const headers = { cookie };
  const tipsTotal = scale.counts.tips ?? 0;
  const dataNote = `${options.staffConnections} connections; ${tipsTotal.toLocaleString("en-GB")} tips in the database`;
  const run = (paths: string[]) =>
    measure({
      url: `${api.staffUrl}${paths[0]}`,
      seconds: options.seconds,
      connections: options.staffConnections,
      warmupSeconds: options.warmupSeconds,
      headers,
      next: rotating(paths),
    });
  const p95Goal = (m: HttpMeasurement, limit: number) => ({
    text: `p95 ≤ ${limit} ms`,
    met: m.responses.notOk === 0 && m.errors === 0 && m.responses.ok > 0 && m.latency.p95 <= limit,
    measured: `p95 ${m.latency.p95} ms`,
  });

  const countries = scale.countries.length ? scale.countries : ["BE", "NL", "FR", "DE"];
  const inboxes: [string, string, unknown[]][] = [
    [
      "inbox-default",
      "staff inbox, default view (tips.list, all, by priority)",
      [{ queue: "all", sort: "priority", limit: 50, offset: 0 }],
    ],
    [
      "inbox-filters",
      "staff inbox, filters (status, country, language; newest first)",
      countries.flatMap((country, i) => [
        {
          queue: "all",
          triageStatus: "new",
          country,
          language: TIP_LANGUAGES[i % TIP_LANGUAGES.length],
          sort: "newest",
          limit: 50,
          offset: 0,
        },
        { queue: "new", country, sort: "priority", limit: 50, offset: 0 },
      ]),
    ],
  ];
  if (scale.searchTerms.length) {
    inboxes.push([
      "inbox-search",
      "staff inbox, full-text search (tips.list search, alone and with a country filter)",
      scale.searchTerms.flatMap((term, i) => [
        { queue: "all", search: term, sort: "priority", limit: 50, offset: 0 },
        {
          queue: "all",
          search: term,
          country: countries[i % countries.length],
          sort: "newest",
          limit: 50,
          offset: 0,
        },
      ]),
    ]);
  }
  for (const [id, name, inputs] of inboxes) {
    // Checked here: an input the API would refuse must not be measured as a fast 400.
    const valid = inputs.map((input) => TipListInputSchema.parse(input));
    const m = await run(valid.map((input) => batchedGet("tips.list", input)));
    rows.push(
      httpRow(`${id}-postgres`, name, "PostgreSQL", m, baselines, p95Goal(m, 100), [
        `${dataNote}; ${inputs.length} inputs in turn`,
      ]),
    );
  }

  if (objectIds.length === 0) {
    skipped.push({
      scenario: "similar-image search",
      reason: "the scale data named no sample objects",
    });
  } else {
    const m = await run(objectIds.map((id) => batchedGet("similarity.forObject", { id })));
    const hashes = scale.counts.image_hashes;
    rows.push(
      httpRow(
        "similarity-postgres",
        "similar-image search (similarity.forObject)",
        "PostgreSQL",
        m,
        baselines,
        p95Goal(m, 200),
        [
          `${options.staffConnections} connections; ${hashes === undefined ? "?" : hashes.toLocaleString("en-GB")} image hashes in the database; ${objectIds.length} objects in turn`,
        ],
      ),
    );
  }
  return { rows, skipped };
}
