import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { sql } from "drizzle-orm";
import { createDb } from "@trace/db";
import { currentTotpCode } from "../services/totp";

/**
 * Real API and worker processes for the crash and fault tests, and what a tipster's browser
 * sends them. Each test file gets its own copy of this module (vitest isolates files), so the
 * list of spawned processes is per file: `killSpawned()` in its `afterEach`.
 */
export const API_DIR = resolve(import.meta.dirname, "../..");
export const RECEIPT_HASH_KEY = "3".repeat(64);
export const CONTACT_ENCRYPTION_KEY = "4".repeat(64);

export interface SpawnedProcess {
  child: ChildProcess;
  output: string[];
  exited: Promise<void>;
}

export interface ApiProcess extends SpawnedProcess {
  publicUrl: string;
  staffUrl: string;
}

export interface Signals {
  honeypot: string;
  formTicket: string;
  proofOfWork: string;
}

const spawned: SpawnedProcess[] = [];

/** SIGKILLs every process this file started that still runs, and waits for each to exit. */
export async function killSpawned(): Promise<void> {
  for (const p of spawned.splice(0)) {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
    await p.exited;
  }
}

/** Variables set to undefined are removed from the inherited environment. */
function spawnTs(script: string, env: Record<string, string | undefined>): SpawnedProcess {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
  // Node itself with tsx's loader: the tsx CLI runs the script in a child process, which a
  // SIGKILL of the CLI would leave running.
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: API_DIR,
    env: merged,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk) => output.push(String(chunk)));
  child.stderr!.on("data", (chunk) => output.push(String(chunk)));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const started = { child, output, exited };
  spawned.push(started);
  return started;
}

/**
 * The API (`src/index.ts`) on its own ports, without demo data or its in-process outbox worker,
 * once `/healthz` answers. `env` adds to and overrides the defaults (a database, allowances).
 */
export async function startApi(env: Record<string, string | undefined>): Promise<ApiProcess> {
  const [publicPort, staffPort] = [await freePort(), await freePort()];
  const api: ApiProcess = {
    ...spawnTs("src/index.ts", {
      NODE_ENV: "test",
      PUBLIC_PORT: String(publicPort),
      STAFF_PORT: String(staffPort),
      RECEIPT_HASH_KEY,
      CONTACT_ENCRYPTION_KEY,
      SEED_DEMO_DATA: "false",
      OUTBOX_WORKER: "false",
      DEMO_WEBHOOK_RECEIVER: "false",
      LOG_LEVEL: "warn",
      // No built site needed: only /healthz and /trpc are used.
      PUBLIC_WEB_DIST: join(tmpdir(), "trace-crash-no-site"),
      STAFF_WEB_DIST: join(tmpdir(), "trace-crash-no-site"),
      TIP_MIN_FILL_SECONDS: "0",
      TIP_PROOF_OF_WORK_COST: "1",
      TIP_PROOF_OF_WORK_MAX_COUNTER: "10",
      ...env,
    }),
    publicUrl: `http://127.0.0.1:${publicPort}`,
    staffUrl: `http://127.0.0.1:${staffPort}`,
  };
  const { child, output } = api;
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the API exited (${child.exitCode ?? child.signalCode}):\n${output.join("")}`,
      );
    }
    const healthy = await fetch(`${api.publicUrl}/healthz`)
      .then((res) => res.ok)
      .catch(() => false);
    if (healthy) return api;
    if (Date.now() > deadline) throw new Error(`the API did not start:\n${output.join("")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The standalone outbox worker (`src/commands/worker.ts`) on a PostgreSQL database, logging at
 * info level so that `hasLogged` can see it start and count its jobs.
 */
export async function startWorker(
  env: Record<string, string | undefined>,
): Promise<SpawnedProcess> {
  const worker = spawnTs("src/commands/worker.ts", {
    NODE_ENV: "test",
    RECEIPT_HASH_KEY,
    CONTACT_ENCRYPTION_KEY,
    LOG_LEVEL: "info",
    ...env,
  });
  await waitFor(() => {
    if (worker.child.exitCode !== null || worker.child.signalCode !== null)
      throw new Error(`the worker exited:\n${worker.output.join("")}`);
    return hasLogged(worker, "outbox worker started");
  }, 45_000);
  return worker;
}

/** Lines of a process's JSON log with this message. */
export function loggedLines(p: SpawnedProcess, message: string): string[] {
  return p.output
    .join("")
    .split("\n")
    .filter((line) => line.includes(`"msg":"${message}"`));
}

export function hasLogged(p: SpawnedProcess, message: string): boolean {
  return loggedLines(p, message).length > 0;
}

/** Stops a process with SIGTERM and answers its exit code (null when a signal ended it). */
export async function stopGracefully(p: SpawnedProcess): Promise<number | null> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGTERM");
  await p.exited;
  return p.child.exitCode;
}

/** What the site's form adds to a tip: a solved challenge, its form ticket, an empty honeypot. */
export async function solvedSignals(publicUrl: string): Promise<Signals> {
  const res = await fetch(`${publicUrl}/trpc/tips.challenge`);
  const body = (await res.json()) as {
    result: { data: { challenge: Challenge; formTicket: string } };
  };
  const { challenge, formTicket } = body.result.data;
  const solution = await solveChallenge({ challenge, deriveKey });
  const proofOfWork = Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
  return { honeypot: "", formTicket, proofOfWork };
}

/** One POST per tip, as the site sends it; the receipt code, or a throw. */
export async function submitTip(
  publicUrl: string,
  n: number,
  signals: Signals,
  idempotencyKey: string,
): Promise<string> {
  const { status, body } = await sendTip(publicUrl, n, signals, idempotencyKey);
  if (status !== 200 || !body.result) {
    throw new Error(`tips.submit answered ${status}: ${JSON.stringify(body)}`);
  }
  return body.result.data.receiptCode;
}

/** One POST per tip, as the site sends it, and the answer whatever it is. */
export async function sendTip(
  publicUrl: string,
  n: number,
  signals: Signals,
  idempotencyKey: string,
): Promise<TrpcAnswer<{ receiptCode: string }> & { headers: Headers }> {
  const res = await fetch(`${publicUrl}/trpc/tips.submit`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      answer: { country: "NL", confidence: "think_so" },
      text: `Crash test tip #${n}`,
      language: "en",
      ...signals,
      idempotencyKey,
    }),
  });
  const body = (await res.json()) as TrpcAnswer<{ receiptCode: string }>["body"];
  return { status: res.status, headers: res.headers, body };
}

export interface TrpcAnswer<T = unknown> {
  status: number;
  body: { result?: { data: T }; error?: { message: string; data: Record<string, unknown> } };
}

/** One tRPC call over HTTP, as the investigator site makes it: GET for queries, POST otherwise. */
export async function trpcCall<T = unknown>(
  baseUrl: string,
  kind: "query" | "mutation",
  path: string,
  input?: unknown,
  cookie?: string,
): Promise<TrpcAnswer<T>> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  let url = `${baseUrl}/trpc/${path}`;
  let body: string | undefined;
  if (kind === "query") {
    if (input !== undefined) url += `?input=${encodeURIComponent(JSON.stringify(input))}`;
  } else {
    headers["content-type"] = "application/json";
    body = input === undefined ? undefined : JSON.stringify(input);
  }
  const res = await fetch(url, { method: kind === "query" ? "GET" : "POST", headers, body });
  return { status: res.status, body: (await res.json()) as TrpcAnswer<T>["body"] };
}

/**
 * Logs in on a staff listener (password, then the TOTP code of the moment) and answers the
 * session cookie. An account can log in once per 30-second TOTP step: use one account per login.
 */
export async function staffLogin(
  staffUrl: string,
  account: { email: string; password: string; totpSecret: string },
): Promise<string> {
  const login = await trpcCall<{ challenge: string }>(staffUrl, "mutation", "auth.login", {
    email: account.email,
    password: account.password,
  });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  const res = await fetch(`${staffUrl}/trpc/auth.verifySecondFactor`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      challenge: login.body.result!.data.challenge,
      method: "totp",
      code: currentTotpCode(account.totpSecret, new Date()),
    }),
  });
  if (res.status !== 200) throw new Error(`second factor failed: ${await res.text()}`);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

export async function mapConcurrently<T, R>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** One statement on the server of TEST_DATABASE_URL (CREATE or DROP DATABASE). */
export async function admin(statement: string, adminUrl = process.env.TEST_DATABASE_URL) {
  const server = await createDb({ url: adminUrl, poolSize: 1 });
  try {
    await server.db.execute(sql.raw(statement));
  } finally {
    await server.close();
  }
}

/** A new, empty database on the server of `adminUrl`: its URL, and how to drop it. */
export async function createFreshDatabase(
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `trace_test_${randomBytes(6).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`, adminUrl);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, adminUrl),
  };
}

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

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}
