import { execFile } from "node:child_process";
import { accessSync, chownSync, constants, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "./processes";

const run = promisify(execFile);

/**
 * A PostgreSQL server of the test's own, in a temporary folder on a free loopback port, that
 * the test may stop and start at will: the shared server (TEST_DATABASE_URL) is never stopped.
 * fsync stays on, as in production, so a commit it acknowledged survives an immediate stop.
 */
export interface ThrowawayPostgres {
  /** Its `postgres` database, as the superuser `postgres` (trust auth, loopback only). */
  url: string;
  /** `immediate` kills every backend at once, mid-transaction, as a crash of the server would. */
  stop(mode: "immediate" | "fast"): Promise<void>;
  /** Returns once the server accepts connections. */
  start(): Promise<void>;
  /** Stops the server if it runs and deletes its folder. */
  destroy(): Promise<void>;
}

/**
 * The folder of `initdb` and `pg_ctl`: on PATH, else Debian's postgresql package's own folder
 * (newest version), which it leaves off PATH. A reason instead when there is none.
 */
export function findPostgresBinaries(): { bin: string } | { missing: string } {
  const onPath = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  const debian = listDir("/usr/lib/postgresql")
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => `/usr/lib/postgresql/${v}/bin`);
  for (const dir of [...onPath, ...debian]) {
    if (isExecutable(join(dir, "initdb")) && isExecutable(join(dir, "pg_ctl"))) return { bin: dir };
  }
  return { missing: "initdb and pg_ctl are neither on PATH nor in /usr/lib/postgresql/*/bin" };
}

/**
 * initdb and postgres refuse to run as root (CI runs as root): there, the server runs as an
 * unprivileged account that Debian has, the postgres package's own or `nobody`.
 */
function unprivilegedAccount(): { uid: number; gid: number } | { missing: string } | null {
  if (process.getuid?.() !== 0) return null;
  const passwd = readFileSync("/etc/passwd", "utf8").split("\n");
  for (const name of ["postgres", "nobody"]) {
    const fields = passwd.find((line) => line.startsWith(`${name}:`))?.split(":");
    if (fields) return { uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  return { missing: "running as root, and neither a postgres nor a nobody account exists" };
}

/** Why a throwaway server cannot be made here, or null when it can. */
export function throwawayPostgresUnavailable(): string | null {
  const binaries = findPostgresBinaries();
  if ("missing" in binaries) return binaries.missing;
  const account = unprivilegedAccount();
  return account && "missing" in account ? account.missing : null;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const binaries = findPostgresBinaries();
  const account = unprivilegedAccount();
  if ("missing" in binaries) throw new Error(binaries.missing);
  if (account && "missing" in account) throw new Error(account.missing);

  const root = mkdtempSync(join(tmpdir(), "trace-pg-"));
  if (account) chownSync(root, account.uid, account.gid);
  const dataDir = join(root, "data");
  const logFile = join(root, "server.log");
  const port = await freePort();
  // Node drops root's supplementary groups itself when it switches the user.
  const as = account ? { uid: account.uid, gid: account.gid } : {};
  const tool = (name: string, args: string[]) =>
    run(join(binaries.bin, name), args, { ...as, cwd: root, timeout: 60_000 });
  const serverOptions = [
    `-k ${root}`,
    "-c listen_addresses=127.0.0.1",
    `-c port=${port}`,
    "-c fsync=on",
    "-c synchronous_commit=on",
  ].join(" ");
  const start = async () => {
    await tool("pg_ctl", [
      "start",
      "-D",
      dataDir,
      "-l",
      logFile,
      "-w",
      "-t",
      "30",
      "-o",
      serverOptions,
    ]);
  };
  const stop = async (mode: "immediate" | "fast") => {
    await tool("pg_ctl", ["stop", "-D", dataDir, "-m", mode, "-w", "-t", "30"]);
  };

  try {
    // --no-sync: only the initial files skip fsync; the server itself runs with fsync on.
    await tool("initdb", [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "-A",
      "trust",
      "-E",
      "UTF8",
      "--no-locale",
      "--no-sync",
      "--no-instructions",
    ]);
    await start();
  } catch (error) {
    const failure = withServerLog(error, logFile);
    await stop("immediate").catch(() => {
      // It never started.
    });
    await rm(root, { recursive: true, force: true });
    throw failure;
  }

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: (mode) =>
      stop(mode).catch((error: unknown) => Promise.reject(withServerLog(error, logFile))),
    start: () => start().catch((error: unknown) => Promise.reject(withServerLog(error, logFile))),
    destroy: async () => {
      await stop("immediate").catch(() => {
        // Not running: nothing to stop.
      });
      await rm(root, { recursive: true, force: true });
    },
  };
}

function withServerLog(error: unknown, logFile: string): Error {
  let log = "";
  try {
    log = readFileSync(logFile, "utf8").slice(-4000);
  } catch {
    // No log yet: initdb failed before the server started.
  }
  return new Error(`${String(error)}\n${log}`, { cause: error });
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
