import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDb, type Database } from "./client";

export interface TestDatabase {
  name: "pglite" | "postgres";
  /** A fresh, migrated, empty database. Each call makes a new one. */
  open(): Promise<Database>;
  /** Closes and removes every database this entry opened. */
  dispose(): Promise<void>;
}

/**
 * The engines a test file runs on: embedded PGlite always, plus PostgreSQL when a URL is given
 * (`TEST_DATABASE_URL` by default). Nothing is created until `open()`:
 *
 *   describe.each(await createTestDatabases())("… on $name", (engine) => { … })
 */
export async function createTestDatabases(
  postgresUrl: string | undefined = process.env.TEST_DATABASE_URL,
): Promise<TestDatabase[]> {
  const engines = [pgliteTestDatabase()];
  if (postgresUrl) engines.push(postgresTestDatabase(postgresUrl));
  return engines;
}

function pgliteTestDatabase(): TestDatabase {
  const opened: { database: Database; dir: string }[] = [];
  return {
    name: "pglite",
    async open() {
      const dir = await mkdtemp(join(tmpdir(), "trace-test-"));
      const database = await createDb({ dataDir: join(dir, "pglite") });
      opened.push({ database, dir });
      await database.migrate();
      return database;
    },
    async dispose() {
      for (const { database, dir } of opened.splice(0)) {
        await database.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

function postgresTestDatabase(adminUrl: string): TestDatabase {
  const opened: { database: Database; name: string }[] = [];
  const admin = async <T>(run: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: "postgres",
    async open() {
      // A random name (hex only, so it needs no quoting) keeps parallel test files apart.
      const name = `trace_test_${randomBytes(6).toString("hex")}`;
      await admin((client) => client.query(`CREATE DATABASE ${name}`));
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const database = await createDb({ url: url.toString(), poolSize: 4 });
      opened.push({ database, name });
      await database.migrate();
      return database;
    },
    async dispose() {
      const toDrop = opened.splice(0);
      for (const { database } of toDrop) await database.close();
      if (toDrop.length === 0) return;
      await admin(async (client) => {
        for (const { name } of toDrop)
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}
