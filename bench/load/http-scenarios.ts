import { type HttpMeasurement, measure } from "./cannon";
import type { RunningApi } from "./api-process";
import type { Baselines } from "./baselines";
import type { EngineLabel, Goal, ScenarioResult } from "./report";
import { countPoolTips, poolFeeder, prepareTipPool } from "./tips";
import type { BenchOptions } from "./options";
import type { Database } from "@trace/db";

export const engineLabel = (engine: "postgres" | "pglite"): EngineLabel =>
  engine === "postgres" ? "PostgreSQL" : "PGlite";

export function httpRow(
  id: string,
  name: string,
  engine: EngineLabel,
  m: HttpMeasurement,
  baselines: Baselines | null,
  goal: Goal | null,
  notes: string[] = [],
): ScenarioResult {
  if (m.responses.notOk > 0 || m.errors > 0) {
    notes.push(
      `${m.responses.notOk} non-2xx answers (${JSON.stringify(m.responses.byStatus)}), ${m.errors} errors, ${m.timeouts} timeouts`,
    );
  }
  return {
    id,
    name,
    engine,
    kind: "http",
    http: {
      ...m,
      ratioToHello: baselines ? m.requestsPerSecond / baselines.hello.requestsPerSecond : 1,
      ratioToNoopTrpc: baselines ? m.requestsPerSecond / baselines.noop.requestsPerSecond : 1,
    },
    goal,
    notes,
  };
}

const clean = (m: HttpMeasurement) =>
  m.responses.notOk === 0 && m.errors === 0 && m.responses.ok > 0;
const ms = (n: number) => `${n} ms`;

export const trpcGet = (path: string, input: unknown) =>
  `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;

interface ListedObject {
  ref: string;
  status: string;
}

/** The gallery's first page as the site asks for it (galleryListInput: no filter, page 1). */
export const GALLERY_INPUT = { locale: "en", limit: 24, offset: 0 };

export async function publicQuery<T>(baseUrl: string, path: string, input: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${trpcGet(path, input)}`);
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

/** Published objects of the gallery's first page, and those of them that take tips. */
export async function galleryObjects(
  publicUrl: string,
): Promise<{ all: string[]; open: string[] }> {
  const page = await publicQuery<{ items: ListedObject[] }>(
    publicUrl,
    "objects.list",
    GALLERY_INPUT,
  );
  return {
    all: page.items.map((o) => o.ref),
    open: page.items.filter((o) => o.status === "open").map((o) => o.ref),
  };
}

/**
 * The public gallery and object pages' tRPC reads (objects.list, objects.byRef), each plain and
 * with `Accept-Encoding: gzip` (the site's browsers send it; the API compresses public GETs).
 */
export async function publicPageScenarios(
  api: RunningApi,
  options: BenchOptions,
  baselines: Baselines,
  dataNote: string,
): Promise<ScenarioResult[]> {
  const engine = engineLabel(api.engine);
  const { all } = await galleryObjects(api.publicUrl);
  if (all.length === 0) throw new Error("the gallery is empty: nothing to measure");
  const goalFor = (m: HttpMeasurement): Goal => {
    const ratio = m.requestsPerSecond / baselines.noop.requestsPerSecond;
    return {
      text: "≥ 80 % of no-op tRPC, p99 ≤ 50 ms",
      met: clean(m) && ratio >= 0.8 && m.latency.p99 <= 50,
      measured: `${Math.round(ratio * 100)} %, p99 ${ms(m.latency.p99)}`,
    };
  };
  const rows: ScenarioResult[] = [];
  const pages: [string, string, string][] = [
    ["gallery", "gallery page (objects.list)", trpcGet("objects.list", GALLERY_INPUT)],
    [
      "object",
      `object page (objects.byRef ${all[0]})`,
      trpcGet("objects.byRef", { ref: all[0], locale: "en" }),
    ],
  ];
  for (const [id, name, path] of pages) {
    for (const gzip of [false, true]) {
      const m = await measure({
        url: `${api.publicUrl}${path}`,
        seconds: options.seconds,
        connections: options.connections,
        warmupSeconds: options.warmupSeconds,
        headers: gzip ? { "accept-encoding": "gzip" } : {},
      });
      rows.push(
        httpRow(
          `${id}-${gzip ? "gzip" : "plain"}-${api.engine}`,
          `${name}, ${gzip ? "gzip" : "no Accept-Encoding"}`,
          engine,
          m,
          baselines,
          goalFor(m),
          [`${dataNote}; ${m.bytesPerResponse} bytes per answer`],
        ),
      );
    }
  }
  return rows;
}

/**
 * Tip submission through `tips.submit` as the site's form sends it, each with its own solved
 * challenge prepared beforehand; afterwards the stored tips are counted by trust, so a run that
 * measured the low-trust path shows as such.
 */
export async function tipScenario(
  api: RunningApi,
  options: BenchOptions,
  baselines: Baselines,
  openRefs: string[],
  openDatabase: () => Promise<Database>,
  closeApiFirst: boolean,
): Promise<ScenarioResult> {
  const size = Math.ceil(options.tipPoolRate * (options.seconds + options.warmupSeconds));
  const pool = await prepareTipPool({ publicUrl: api.publicUrl, size, objectRefs: openRefs });
  // The default minimum fill time stays on: the last ticket must be older than it.
  const waitMs = pool.lastIssuedAt + 3_500 - Date.now();
  if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
  const feeder = poolFeeder(pool);
  const m = await measure({
    url: `${api.publicUrl}/trpc/tips.submit`,
    method: "POST",
    seconds: options.seconds,
    connections: options.connections,
    warmupSeconds: options.warmupSeconds,
    next: () => {
      const body = feeder.next();
      return body === null ? null : { body };
    },
  });
  if (closeApiFirst) await api.stop();
  const database = await openDatabase();
  let stored: Awaited<ReturnType<typeof countPoolTips>>;
  try {
    stored = await countPoolTips(database, pool.marker);
  } finally {
    await database.close();
  }
  const normal = stored.byTrust.normal ?? 0;
  const receipts = m.responses.ok + (m.warmup?.ok ?? 0);
  const allNormal = normal === stored.total && stored.total >= receipts;
  const notes = [
    `fixed ${options.connections} connections; ${size} challenges fetched and solved in ${pool.prepareSeconds} s before the timed phase (challenge lifetime ${pool.challengeTtlSeconds} s)` +
      (feeder.used() >= size ? `; the prepared tips ran out after ${m.seconds} s` : ""),
    `stored afterwards: ${stored.total} tips of this run, ${normal} normal trust` +
      (stored.total - normal > 0
        ? `, ${stored.total - normal} low trust (${stored.lowTrustReasons.join(", ")})`
        : "") +
      ` — ${receipts} receipts returned (${m.warmup?.ok ?? 0} of them in the warm-up); a tip still in flight when the run stopped is stored without its receipt being counted`,
    "one transaction per tip: the tip, its status history, the audit event, the spent proof of work and the idempotency key (a submission writes no outbox row)",
    `about ${openRefs.length ? `${openRefs.length} published objects, in turn` : "no object (general tips)"}`,
  ];
  const isPostgres = api.engine === "postgres";
  const goal: Goal = {
    text: isPostgres
      ? "≥ 1,000 tips/s, p99 ≤ 150 ms, all normal trust"
      : "(goal is for PostgreSQL)",
    met: isPostgres
      ? clean(m) && allNormal && m.requestsPerSecond >= 1000 && m.latency.p99 <= 150
      : null,
    measured: `${Math.round(m.requestsPerSecond)} tips/s, p99 ${ms(m.latency.p99)}, ${normal}/${stored.total} normal`,
  };
  if (!allNormal)
    notes.push("NOT ALL TIPS WERE NORMAL TRUST: this measured (partly) the low-trust path");
  return httpRow(
    `tips-${api.engine}`,
    "tip submission (tips.submit)",
    engineLabel(api.engine),
    m,
    baselines,
    goal,
    notes,
  );
}
