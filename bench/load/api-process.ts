import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { freePort } from "@trace/e2e/start-trace";

export const REPO = resolve(import.meta.dirname, "../..");
const API_DIR = join(REPO, "apps/api");

export interface RunningProcess {
  child: ChildProcess;
  /** Milliseconds from spawn until every health URL answered 200. */
  startMs: number;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Spawns `node --import tsx <script>` (Node itself, so the PID is the server's and a stop reaches
 * it) with exactly `env` plus PATH and HOME, output to `logFile`, and waits until every health
 * URL answers 200.
 */
export async function startProcess(options: {
  cwd: string;
  args: string[];
  env: Record<string, string>;
  logFile: string;
  healthUrls: string[];
  timeoutMs?: number;
}): Promise<RunningProcess> {
  const log = openSync(options.logFile, "a");
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", ...options.args], {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      ...options.env,
    },
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(killer);
    }
  };
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  const pending = new Set(options.healthUrls);
  while (pending.size > 0) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${options.args.join(" ")} exited (${child.exitCode ?? child.signalCode}):\n${tail(options.logFile)}`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.args.join(" ")} did not answer:\n${tail(options.logFile)}`);
    }
    for (const url of [...pending]) {
      const ok = await fetch(url)
        .then((res) => res.ok)
        .catch(() => false);
      if (ok) pending.delete(url);
    }
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 20));
  }
  return {
    child,
    startMs: Math.round(performance.now() - started),
    logFile: options.logFile,
    stop,
  };
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-30).join("\n");
  } catch {
    return "(no output)";
  }
}

export type Engine = "postgres" | "pglite";

export interface ApiSettings {
  /** Settings every bench API process gets (production mode, keys, limits, proof of work). */
  env: Record<string, string>;
}

export interface RunningApi extends RunningProcess {
  engine: Engine;
  publicUrl: string;
  staffUrl: string;
  /** The environment it was started with, keys masked, for the report. */
  shownEnv: Record<string, string>;
}

const SECRET_NAMES = new Set(["RECEIPT_HASH_KEY", "CONTACT_ENCRYPTION_KEY", "DATABASE_URL"]);

/**
 * The API as `pnpm start` runs it (tsx on src/index.ts), in production mode, on PostgreSQL
 * (`databaseUrl`) or on its embedded PGlite in `dataDir`.
 */
export async function startApi(options: {
  engine: Engine;
  settings: ApiSettings;
  databaseUrl?: string;
  dataDir: string;
  logFile: string;
  extraEnv?: Record<string, string>;
}): Promise<RunningApi> {
  const [publicPort, staffPort] = [await freePort(), await freePort()];
  const publicUrl = `http://127.0.0.1:${publicPort}`;
  const staffUrl = `http://127.0.0.1:${staffPort}`;
  const env: Record<string, string> = {
    ...options.settings.env,
    PUBLIC_PORT: String(publicPort),
    STAFF_PORT: String(staffPort),
    PUBLIC_ORIGIN: publicUrl,
    DATA_DIR: options.dataDir,
    ...options.extraEnv,
  };
  if (options.engine === "postgres") {
    if (!options.databaseUrl) throw new Error("a PostgreSQL run needs a database URL");
    env.DATABASE_URL = options.databaseUrl;
  }
  const running = await startProcess({
    cwd: API_DIR,
    args: ["src/index.ts"],
    env,
    logFile: options.logFile,
    healthUrls: [`${publicUrl}/healthz`, `${staffUrl}/healthz`],
  });
  const shownEnv = Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, SECRET_NAMES.has(k) ? "(set)" : v]),
  );
  return { ...running, engine: options.engine, publicUrl, staffUrl, shownEnv };
}
