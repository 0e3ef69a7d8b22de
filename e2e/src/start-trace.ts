import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const REPO = resolve(import.meta.dirname, "../..");

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.once("error", rej);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => res(port));
    });
  });
}

async function waitUntilHealthy(
  url: string,
  server: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the API exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API did not answer at ${url} within ${timeoutMs} ms`);
}

export interface RunningTrace {
  publicUrl: string;
  staffUrl: string;
  staffPort: number;
  /** Stops the server and deletes its data directory. */
  stop: () => Promise<void>;
}

/**
 * Starts Trace as a newcomer would: the built sites (PUBLIC_WEB_DIST / STAFF_WEB_DIST, if set,
 * else apps/*-web/dist), a fresh embedded database with the demo data, free ports.
 */
export async function startTrace(
  options: { env?: NodeJS.ProcessEnv; output?: "inherit" | "ignore" } = {},
): Promise<RunningTrace> {
  for (const app of ["public-web", "investigator-web"]) {
    if (!existsSync(join(REPO, "apps", app, "dist/index.html"))) {
      throw new Error(
        `apps/${app} is not built: run \`pnpm build\` first (turbo does this for \`pnpm test\`).`,
      );
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), "trace-e2e-"));
  const [publicPort, staffPort, receiverPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    DATA_DIR: dataDir,
    PUBLIC_PORT: String(publicPort),
    STAFF_PORT: String(staffPort),
    DEMO_WEBHOOK_RECEIVER_PORT: String(receiverPort),
    LOG_LEVEL: "warn",
    ...options.env,
  };
  // The newcomer's path: embedded PGlite, whatever the developer's shell has set.
  delete env.DATABASE_URL;
  const output = options.output ?? "inherit";
  const server = spawn(join(REPO, "apps/api/node_modules/.bin/tsx"), ["src/index.ts"], {
    cwd: join(REPO, "apps/api"),
    env,
    stdio: ["ignore", output, output],
  });
  const publicUrl = `http://127.0.0.1:${publicPort}`;
  const staffUrl = `http://127.0.0.1:${staffPort}`;
  try {
    await waitUntilHealthy(publicUrl, server, 180_000);
    await waitUntilHealthy(staffUrl, server, 10_000);
  } catch (error) {
    server.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    publicUrl,
    staffUrl,
    staffPort,
    stop: async () => {
      if (server.exitCode === null) {
        server.kill("SIGTERM");
        await new Promise((r) => (server.exitCode !== null ? r(null) : server.once("exit", r)));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
