import autocannon, { type Request as CannonRequest } from "autocannon";

/** One HTTP measurement: what was sent, and what came back. */
export interface HttpMeasurement {
  url: string;
  connections: number;
  /** Seconds the load ran (shorter than asked when the scenario ran out of prepared requests). */
  seconds: number;
  /** 2xx answers per second: what the scenario counts as served. */
  requestsPerSecond: number;
  /** Milliseconds, over every answer (2xx or not), from the responses' own timings. */
  latency: { p50: number; p95: number; p99: number; max: number; mean: number };
  responses: { total: number; ok: number; notOk: number; byStatus: Record<string, number> };
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
  /** The unrecorded warm-up before it (its 2xx answers changed the data too). */
  warmup: { seconds: number; ok: number } | null;
}

export interface HttpScenario {
  url: string;
  seconds: number;
  /** Seconds of the same load first, not recorded: the server's JIT and caches warm up. */
  warmupSeconds?: number;
  connections: number;
  headers?: Record<string, string>;
  method?: "GET" | "POST";
  body?: string;
  /**
   * Builds each request (a fresh solved challenge per tip, another filter per inbox query);
   * returning null means the prepared requests are used up and the run stops there.
   */
  next?: () => { path?: string; body?: string } | null;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Runs autocannon with fixed connections (no pipelining) for the given time. Percentiles are
 * computed here from every response's time (autocannon's own summary has no p95).
 */
export async function measure(scenario: HttpScenario): Promise<HttpMeasurement> {
  const warmup = scenario.warmupSeconds
    ? await measure({ ...scenario, seconds: scenario.warmupSeconds, warmupSeconds: 0 })
    : null;
  const latencies: number[] = [];
  const byStatus: Record<string, number> = {};
  let bytes = 0;
  let exhaustedAt: number | null = null;
  const started = performance.now();

  const request: CannonRequest = { method: scenario.method ?? "GET" };
  if (scenario.body !== undefined) request.body = scenario.body;
  let instance: autocannon.Instance | undefined;
  if (scenario.next) {
    const next = scenario.next;
    request.setupRequest = (req) => {
      const made = next();
      if (made === null) {
        if (exhaustedAt === null) {
          exhaustedAt = performance.now();
          // Stopped from outside the request cycle: autocannon is in the middle of building one.
          setImmediate(() => instance?.stop());
        }
        // The request sent while the run stops carries no proof; it is not counted (see below).
        return { ...req, body: "{}" };
      }
      return { ...req, ...made };
    };
  }

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: scenario.url,
        connections: scenario.connections,
        duration: scenario.seconds,
        headers: {
          ...(request.method === "POST" ? { "content-type": "application/json" } : {}),
          ...scenario.headers,
        },
        requests: [request],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on("response", (_client, statusCode, resBytes, responseTime) => {
      if (exhaustedAt !== null) return;
      latencies.push(responseTime);
      byStatus[statusCode] = (byStatus[statusCode] ?? 0) + 1;
      bytes += resBytes;
    });
  });
  const ended = exhaustedAt ?? performance.now();
  const seconds = Math.min(scenario.seconds, (ended - started) / 1000);

  const sorted = Float64Array.from(latencies).sort();
  const ok = Object.entries(byStatus)
    .filter(([status]) => status.startsWith("2"))
    .reduce((sum, [, n]) => sum + n, 0);
  const total = latencies.length;
  return {
    url: scenario.url,
    connections: scenario.connections,
    seconds: round(seconds),
    requestsPerSecond: round(ok / seconds, 1),
    latency: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.length ? sorted[sorted.length - 1]! : Number.NaN),
      mean: round(total ? latencies.reduce((a, b) => a + b, 0) / total : Number.NaN),
    },
    responses: { total, ok, notOk: total - ok, byStatus },
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: total ? Math.round(bytes / total) : 0,
    warmup: warmup ? { seconds: warmup.seconds, ok: warmup.responses.ok } : null,
  };
}
