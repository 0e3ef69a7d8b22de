import { request as httpRequest } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabases } from "@trace/db/testing";
import type { Permission } from "@trace/domain";
import { personSignals } from "../test/harness";
import type { ProcedureMeta } from "../trpc/init";
import { publicRouter, staffRouter } from "../trpc/root";
import { startFuzzTarget, type FuzzTarget } from "./fuzz-target";
import { inputArbitrary, inputSchemaOf } from "./schema-arbitrary";
import { tablesWritten } from "./write-counter";

/**
 * Every procedure of both listeners, fed generated inputs over real HTTP: never a 5xx, every
 * refusal a JSON error with a message and no stack, and a refused request (4xx) writes no row.
 * The list comes from the routers themselves, so a new procedure is fuzzed the day it exists.
 *
 * `pnpm test` runs 300 cases per procedure on PGlite and a tenth of that on PostgreSQL (when
 * TEST_DATABASE_URL is set). 300 on PGlite alone took ~7 minutes on the shared 2-core machine
 * (other work running); the full count on PostgreSQL too would double that, while the code and
 * checks are the same on both engines and what differs between them (SQL errors, the pool)
 * shows up within a few cases. `pnpm fuzz` (FUZZ_RUNS)
 * runs its count on both. One seed per run (FUZZ_SEED, or a fresh one) drives every procedure;
 * a failure names it, with the shrunk case, to replay it.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const IS_LONG_RUN = process.env.FUZZ_RUNS !== undefined;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

type Kind = "query" | "mutation";
type Procedure = {
  _def: { type: Kind | "subscription"; meta?: ProcedureMeta; inputs: unknown[] };
};

interface Target {
  surface: "public" | "staff";
  path: string;
  kind: Kind;
  /** Staff procedures: who may call; null for those that need no session. */
  permission: Permission | null;
  parser: unknown;
}

const targets: Target[] = (
  [
    ["public", publicRouter],
    ["staff", staffRouter],
  ] as const
).flatMap(([surface, router]) =>
  Object.entries(router._def.procedures as unknown as Record<string, Procedure>).map(
    ([path, procedure]) => {
      if (procedure._def.type === "subscription") throw new Error(`${path}: not fuzzed`);
      if (procedure._def.inputs.length > 1) throw new Error(`${path}: chained inputs`);
      return {
        surface,
        path,
        kind: procedure._def.type,
        permission: surface === "staff" ? (procedure._def.meta?.permission ?? null) : null,
        parser: procedure._def.inputs[0],
      };
    },
  ),
);

/**
 * How a request is sent: as the site's client sends it (most cases), with the other HTTP method,
 * with a body or `input` parameter that is not JSON, as a batch of two, or over the body limit.
 */
type Transport = "as-client" | "other-method" | "malformed-json" | "batch" | "oversized";
const transport: fc.Arbitrary<Transport> = fc.oneof(
  { weight: 20, arbitrary: fc.constant("as-client" as const) },
  { weight: 1, arbitrary: fc.constant("other-method" as const) },
  { weight: 1, arbitrary: fc.constant("malformed-json" as const) },
  { weight: 1, arbitrary: fc.constant("batch" as const) },
  { weight: 1, arbitrary: fc.constant("oversized" as const) },
);
const malformedJson = fc.oneof(
  fc.constantFrom('{"a":', "[1,]", "{'a':1}", "undefined", "\u0000", '{"json":{', "", "%E0%A4%A"),
  fc.string({ unit: "binary", maxLength: 40 }),
);

interface Case {
  input: unknown;
  transport: Transport;
  garbage: string;
  isAnonymous: boolean;
  /** tips.submit only: add a solved proof of work and a form ticket, as the site's form does. */
  hasSignals: boolean;
}

/** Over the listeners' 1 MB body limit. */
const OVERSIZED_BODY = JSON.stringify({ filler: "x".repeat(1_100_000) });

function request(base: string, target: Target, c: Case, cookie: string | null): Request {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  const json = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));
  const method =
    c.transport === "other-method" || c.transport === "oversized"
      ? target.kind === "query"
        ? "POST"
        : "GET"
      : target.kind === "query"
        ? "GET"
        : "POST";
  let path = target.path;
  let text = json(c.input);
  if (c.transport === "batch") {
    path = `${target.path},${target.path}`;
    text = JSON.stringify({ 0: c.input, 1: c.input });
  }
  if (c.transport === "malformed-json") text = c.garbage;
  if (c.transport === "oversized") text = OVERSIZED_BODY;
  const url = new URL(`${base}/trpc/${path}`);
  if (c.transport === "batch") url.searchParams.set("batch", "1");
  if (method === "GET" || c.transport === "oversized") {
    if (c.transport === "oversized") {
      headers.set("Content-Type", "application/json");
      return new Request(url, { method: "POST", headers, body: text });
    }
    if (text !== undefined) url.searchParams.set("input", text);
    return new Request(url, { method, headers });
  }
  headers.set("Content-Type", "application/json");
  return new Request(url, { method, headers, ...(text === undefined ? {} : { body: text }) });
}

/**
 * Sends one request and reads the whole answer. Through node:http rather than fetch: an answer
 * sent before the body was read (413 for an oversized body) ends the upload early, which fetch
 * reports as a network error instead of the answer the server gave.
 */
async function send(req: Request): Promise<{ status: number; text: string }> {
  const body = req.body ? Buffer.from(await req.arrayBuffer()) : null;
  const url = new URL(req.url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      {
        method: req.method,
        // A fresh connection each time: one the server closed after a 413 is never reused.
        agent: false,
        headers: {
          ...Object.fromEntries(req.headers),
          ...(body ? { "Content-Length": String(body.length) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    // Once the answer is in, a cut upload is expected, not a failure.
    outgoing.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
      else setTimeout(() => reject(error), 5000);
    });
    outgoing.end(body ?? undefined);
  });
}

/** Strings anywhere in a JSON value, to look for a leaked stack. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value !== null && typeof value === "object")
    for (const [key, v] of Object.entries(value)) {
      out.push(key);
      stringsIn(v, out);
    }
  return out;
}
const STACK_FRAME = /\n\s*at .+:\d+:\d+|node_modules|\/src\/.+\.ts/;

/** A failure report that fits a screen: long runs of one character (huge inputs) are counted. */
const compact = (text: string) =>
  text.replace(/(.)\1{40,}/gsu, (run, c: string) => `${c}…(×${run.length})`).slice(0, 3000);

type ErrorItem = { error?: { message?: unknown; data?: { appCode?: unknown } } };

/**
 * Refusals that write on purpose: a wrong password or code counts against the account and is
 * audited (the login throttle works by these rows). Nothing else may write when it refuses.
 */
function allowedRefusalWrites(target: Target, status: number): string[] {
  const isLoginStep = ["auth.login", "auth.verifySecondFactor", "auth.confirmEnrolment"].includes(
    target.path,
  );
  return isLoginStep && status === 401 ? ["audit_events", "staff_login_throttles"] : [];
}

describe.each(await createTestDatabases())("fuzzing every procedure [$name]", (engine) => {
  const runs = engine.name === "postgres" && !IS_LONG_RUN ? Math.ceil(RUNS / 10) : RUNS;
  let t: FuzzTarget;
  beforeAll(async () => {
    t = await startFuzzTarget(await engine.open(), runs);
  });
  afterAll(async () => {
    await t?.close();
    await engine.dispose();
  });

  it("derives inputs for every procedure of both routers from its zod schema", () => {
    const count = (router: { _def: { procedures: object } }) =>
      Object.keys(router._def.procedures).length;
    expect(targets).toHaveLength(count(publicRouter) + count(staffRouter));
    for (const target of targets.filter((x) => x.parser !== undefined))
      expect(inputSchemaOf(target.parser), target.path).not.toBeNull();
  });

  it.each(targets.map((x) => ({ ...x, name: `${x.surface} ${x.path}` })))(
    "$name",
    { timeout: 60_000 + runs * 400 },
    async (target) => {
      const schema = inputSchemaOf(target.parser);
      if (target.parser !== undefined && !schema) throw new Error("an input that is not zod");
      const needsSession = target.surface === "staff" && target.permission !== null;
      const statuses = new Map<number, number>();
      let validationRefusals = 0;
      let lastCounts: Map<string, number> | null = null;

      const property = fc.asyncProperty(
        fc.record({
          input: inputArbitrary(schema, t.knownFor(target.path)),
          transport,
          garbage: malformedJson,
          isAnonymous:
            target.surface === "staff"
              ? fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true))
              : fc.constant(true),
          hasSignals: fc.boolean(),
        }),
        async (c: Case) => {
          let input = c.input;
          if (
            target.path === "tips.submit" &&
            c.hasSignals &&
            typeof input === "object" &&
            input !== null &&
            !Array.isArray(input)
          ) {
            const signals = await personSignals(t.h.publicApp);
            input = { ...signals, ...input };
          }
          const session =
            target.surface === "staff" && !c.isAnonymous
              ? await t.sessionFor(target.permission ?? "session.own")
              : null;
          const cookie = session?.cookie ?? null;
          const base = target.surface === "public" ? t.publicUrl : t.staffUrl;
          // The counts after the previous case, unless something was written since.
          const before =
            lastCounts && !session?.isNew && input === c.input ? lastCounts : await t.writes.read();
          const req = request(base, target, { ...c, input }, cookie);
          const res = await send(req);
          const text = res.text;
          const after = await t.writes.read();
          lastCounts = after;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);

          expect(res.status, text.slice(0, 500)).toBeLessThan(500);
          if (res.status === 431) {
            // Node's HTTP parser refuses a request line over its header limit before any app
            // code runs, with an empty body: only a GET whose input does not fit gets this.
            expect(req.method === "GET" && req.url.length > 8000).toBe(true);
            expect(tablesWritten(before, after)).toEqual([]);
            return;
          }
          let body: unknown;
          expect(() => (body = JSON.parse(text)), `not JSON: ${text.slice(0, 200)}`).not.toThrow();
          const items = (Array.isArray(body) ? body : [body]) as ErrorItem[];
          if (res.status >= 400 || res.status === 207) {
            for (const item of items.filter((i) => i.error !== undefined)) {
              expect(typeof item.error!.message).toBe("string");
              expect((item.error!.message as string).length).toBeGreaterThan(0);
              for (const s of stringsIn(item.error)) expect(s).not.toMatch(STACK_FRAME);
              expect(JSON.stringify(item.error)).not.toContain('"stack"');
            }
          }
          if (res.status >= 400) {
            const unexpected = tablesWritten(before, after).filter(
              (table) => !allowedRefusalWrites(target, res.status).includes(table),
            );
            expect(unexpected, `refused with ${res.status} but wrote`).toEqual([]);
          }
          if (res.status === 400 && c.transport === "as-client") validationRefusals++;
          // Without a session, a staff procedure is refused before its input is read; only the
          // body limit (413), which applies to every route, comes first.
          if (needsSession && c.isAnonymous && c.transport === "as-client")
            expect([401, 413]).toContain(res.status);
          // Logging out ends the session sent; a login step that succeeds replaces it (a session
          // planted before login is never promoted). Whatever the answer, start afresh.
          if (target.path.startsWith("auth.") && session) t.forgetSessions();
          // A logged-in call must reach the procedure: its session may not have been lost. (A 403
          // may still come from a record-level rule, e.g. another agency's referral.)
          if (needsSession && !c.isAnonymous && c.transport === "as-client")
            expect(res.status).not.toBe(401);
        },
      );
      try {
        await fc.assert(property, { numRuns: runs, seed: SEED });
      } catch (error) {
        throw new Error(
          `${target.surface} ${target.path} on ${engine.name}: replay with FUZZ_SEED=${SEED}\n` +
            `${compact((error as Error).message)}\n` +
            `cause: ${compact(String((error as Error).cause ?? ""))}`,
        );
      }
      // FUZZ_REPORT=1: how the answers were spread, to see what a run reached.
      if (process.env.FUZZ_REPORT)
        process.stdout.write(
          `${target.surface} ${target.path} ${JSON.stringify([...statuses].sort())}\n`,
        );
      // The run reached what it is for: validation (where there is an input to validate) and,
      // for staff procedures, a session that is let in.
      const reached = [...statuses.keys()].filter((s) => s !== 401 && s !== 403);
      expect(reached.length, JSON.stringify([...statuses])).toBeGreaterThan(0);
      if (schema && runs >= 50) expect(validationRefusals).toBeGreaterThan(0);
    },
  );
});
