import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabases } from "@trace/db/testing";
import { createHarness, loginAs, type Harness } from "../test/harness";
import { installWriteCounter, tablesWritten, type WriteCounter } from "./write-counter";

/** The fuzz tests' "no write on a refused input" is only as good as this counter. */
describe.each(await createTestDatabases())("the fuzz write counter [$name]", (engine) => {
  let h: Harness;
  let writes: WriteCounter;
  beforeAll(async () => {
    h = await createHarness(await engine.open());
    writes = await installWriteCounter(h.deps.database);
  });
  afterAll(() => engine.dispose());
  const run = (query: string) => h.deps.database.db.execute(sql.raw(query));

  it("sees an insert, an update that changes nothing, and a delete, per table", async () => {
    const before = await writes.read();
    await run(
      `INSERT INTO cases (reference, title, lead_agency_id)
       VALUES ('CASE-W-1', 'Counted', '${h.fixtures.agencyId}')`,
    );
    await run(`UPDATE agencies SET name = name`);
    await run(`DELETE FROM cases WHERE reference = 'CASE-W-1'`);
    expect(tablesWritten(before, await writes.read())).toEqual(["agencies", "cases"]);
  });

  it("counts nothing for a rolled-back write", async () => {
    const before = await writes.read();
    await expect(
      h.deps.database.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`UPDATE agencies SET name = name || '!'`));
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(tablesWritten(before, await writes.read())).toEqual([]);
  });

  it("ignores a session's idle-timer refresh, but not a session's other changes", async () => {
    await loginAs(h, "analyst");
    const before = await writes.read();
    await run(`UPDATE staff_sessions SET last_seen_at = last_seen_at + interval '1 second'`);
    expect(tablesWritten(before, await writes.read())).toEqual([]);
    await run(`UPDATE staff_sessions SET revoked_at = last_seen_at`);
    expect(tablesWritten(before, await writes.read())).toEqual(["staff_sessions"]);
  });
});
