import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";

const REPO = resolve(import.meta.dirname, "../..");

declare module "vitest" {
  export interface ProvidedContext {
    publicUrl: string;
    staffUrl: string;
  }
}

function freePort(): Promise<number> {
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

/** Starts Trace as a newcomer would: built sites, a fresh embedded database, demo data. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
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
    // Every test sends from 127.0.0.1, so the whole suite is one sender: room for all its tips,
    // receipt checks and photos. The limits themselves are tested in apps/api.
    RATE_LIMIT_TIP_SUBMISSIONS: "1000/10m",
    RATE_LIMIT_RECEIPT_LOOKUPS: "1000/10m",
    RATE_LIMIT_RECEIPT_FAILURES: "1000/10m",
    RATE_LIMIT_TIP_PHOTOS: "1000/10m",
  };
  // The newcomer's path: embedded PGlite, whatever the developer's shell has set.
  delete env.DATABASE_URL;
  const server = spawn(join(REPO, "apps/api/node_modules/.bin/tsx"), ["src/index.ts"], {
    cwd: join(REPO, "apps/api"),
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const publicUrl = `http://127.0.0.1:${publicPort}`;
  const staffUrl = `http://127.0.0.1:${staffPort}`;
  try {
    await waitUntilHealthy(publicUrl, server, 180_000);
    await waitUntilHealthy(staffUrl, server, 10_000);
  } catch (error) {
    server.kill("SIGKILL");
    throw error;
  }
  project.provide("publicUrl", publicUrl);
  project.provide("staffUrl", staffUrl);
  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once("exit", r)));
    rmSync(dataDir, { recursive: true, force: true });
    // The TOTP ledger of the browser tests (src/staff-login.ts), kept per server port.
    rmSync(join(tmpdir(), `trace-e2e-totp-${staffPort}.json`), { force: true });
  };
}
