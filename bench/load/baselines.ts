import { join } from "node:path";
import { freePort } from "@trace/e2e/start-trace";
import { startProcess } from "./api-process";
import { type HttpMeasurement, measure } from "./cannon";

export interface Baselines {
  hello: HttpMeasurement;
  noop: HttpMeasurement;
  startMs: number;
}

/** The Hono hello-world and the no-op tRPC query, in their own process (baseline-server.ts). */
export async function measureBaselines(options: {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  logFile: string;
}): Promise<Baselines> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startProcess({
    cwd: import.meta.dirname,
    args: [join(import.meta.dirname, "baseline-server.ts"), String(port)],
    env: { NODE_ENV: "production" },
    logFile: options.logFile,
    healthUrls: [`${base}/hello`],
    timeoutMs: 60_000,
  });
  try {
    const hello = await measure({
      url: `${base}/hello`,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      connections: options.connections,
    });
    const noop = await measure({
      url: `${base}/trpc/noop`,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      connections: options.connections,
    });
    for (const [name, m] of [
      ["hello", hello],
      ["no-op tRPC", noop],
    ] as const) {
      if (m.responses.ok === 0 || m.responses.notOk > 0) {
        throw new Error(`the ${name} baseline answered ${JSON.stringify(m.responses.byStatus)}`);
      }
    }
    return { hello, noop, startMs: server.startMs };
  } finally {
    await server.stop();
  }
}
