import { sql } from "drizzle-orm";
import type { Database } from "@trace/db";

/**
 * Counts every row written (inserted, updated, deleted) in every table of the database, per
 * table, with a row trigger installed for the fuzz run only. Cheaper and stricter than hashing
 * each table's content before and after every request: the cost does not grow with the data,
 * and an update that writes back the same values still counts as a write. The counts live in a
 * table of their own, written in the same transaction as the write they count, so a rolled-back
 * write counts nothing — as it changed nothing.
 *
 * One write is not counted: `staff_sessions.last_seen_at`. Every authenticated request refreshes
 * its session's idle timer, whatever the input (resolveSession, before the procedure runs); an
 * update of that column alone is that refresh and nothing else.
 */
const COUNTS_TABLE = "fuzz_row_writes";

export interface WriteCounter {
  /** Rows written so far, by table. */
  read(): Promise<Map<string, number>>;
}

export async function installWriteCounter(database: Database): Promise<WriteCounter> {
  const { db } = database;
  await db.execute(
    sql.raw(`CREATE TABLE ${COUNTS_TABLE} (table_name text PRIMARY KEY, writes bigint NOT NULL)`),
  );
  await db.execute(
    sql.raw(`
      CREATE FUNCTION fuzz_count_row_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'staff_sessions'
          AND (to_jsonb(NEW) - 'last_seen_at') = (to_jsonb(OLD) - 'last_seen_at') THEN
          RETURN NULL;
        END IF;
        INSERT INTO ${COUNTS_TABLE} VALUES (TG_TABLE_NAME, 1)
          ON CONFLICT (table_name) DO UPDATE SET writes = ${COUNTS_TABLE}.writes + 1;
        RETURN NULL;
      END $$`),
  );
  const rows = async <T>(query: string) =>
    // Both drivers answer with `{ rows }`; the executor's type does not say so.
    ((await db.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;
  const tables = await rows<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '${COUNTS_TABLE}'`,
  );
  if (tables.length < 10) throw new Error(`only ${tables.length} tables found`);
  for (const { name } of tables)
    await db.execute(
      sql.raw(
        `CREATE TRIGGER fuzz_count_row_write AFTER INSERT OR UPDATE OR DELETE ON "${name}"
         FOR EACH ROW EXECUTE FUNCTION fuzz_count_row_write()`,
      ),
    );
  return {
    async read() {
      const counts = await rows<{ table_name: string; writes: string | number }>(
        `SELECT table_name, writes FROM ${COUNTS_TABLE}`,
      );
      return new Map(counts.map((r) => [r.table_name, Number(r.writes)]));
    },
  };
}

/** Tables whose write count differs between two readings. */
export function tablesWritten(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after.keys()].filter((table) => (before.get(table) ?? 0) !== after.get(table)).sort();
}
