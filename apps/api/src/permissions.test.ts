import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabases } from "@trace/db/testing";
import { can, ROLES } from "@trace/domain";
import type { ProcedureMeta } from "./trpc/init";
import { staffRouter } from "./trpc/root";
import { call, createHarness, loginAs, type Harness } from "./test/harness";

const [pglite] = await createTestDatabases(undefined);

type Procedure = { _def: { type: "query" | "mutation" | "subscription"; meta?: ProcedureMeta } };
const procedures = Object.entries(
  staffRouter._def.procedures as unknown as Record<string, Procedure>,
).map(([path, procedure]) => ({ path, kind: procedure._def.type, meta: procedure._def.meta }));

/**
 * The permission matrix: every staff procedure, called as every role and without a session,
 * is allowed or refused exactly as the domain policy says. The rows come from the router itself,
 * so a new procedure is covered the moment it exists, and one without a declared permission
 * fails here.
 */
describe("permission matrix [pglite]", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(await pglite!.open());
  });
  afterAll(() => pglite!.dispose());

  it.each(procedures)("$path declares who may call it", ({ meta }) => {
    expect(meta).toBeDefined();
    expect(meta).toHaveProperty("permission");
  });

  const actors = ["anonymous", ...ROLES] as const;
  const rows = procedures.flatMap((procedure) => actors.map((actor) => ({ ...procedure, actor })));

  it.each(rows)("$path as $actor", async ({ path, kind, meta, actor }) => {
    // Each call gets a fresh session: a procedure such as logout may end the one it is given.
    let cookie: string | undefined;
    if (actor !== "anonymous") {
      cookie = await loginAs(h, actor);
    }
    const res = await call(
      h.staffApp,
      kind === "mutation" ? "mutation" : "query",
      path,
      {},
      cookie ? { cookie } : {},
    );
    const permission = meta?.permission ?? null;
    const isAllowed = permission === null || (actor !== "anonymous" && can(actor, permission));
    if (isAllowed) {
      // Allowed means not refused: the empty input may still be a 400, an unknown record a 404.
      expect([401, 403]).not.toContain(res.status);
    } else {
      expect(res.status).toBe(actor === "anonymous" ? 401 : 403);
    }
  });
});
