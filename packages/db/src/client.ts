import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Anything that runs queries: the database or a transaction. Query functions take it first. */
export type Executor = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Schema,
  ExtractTablesWithRelations<Schema>
>;

export interface DbConfig {
  /** A `postgres://` URL; absent → embedded PGlite in `dataDir`. */
  url?: string | undefined;
  /** Where embedded PGlite keeps its files (created if missing). */
  dataDir?: string | undefined;
  /** PostgreSQL pool size. */
  poolSize?: number | undefined;
}

export interface Database {
  db: Executor;
  engine: "pglite" | "postgres";
  /** Applies the committed migrations; the same SQL runs on both engines. */
  migrate(): Promise<void>;
  /** A cheap round trip, for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../migrations", import.meta.url));
export const DEFAULT_DATA_DIR = ".data/pglite";

const options = { schema, casing: "snake_case" } as const;

export async function createDb(config: DbConfig = {}): Promise<Database> {
  if (config.url) {
    if (!/^postgres(ql)?:\/\//.test(config.url)) {
      throw new Error("DATABASE_URL must start with postgres:// or postgresql://");
    }
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on("error", () => {});
    const db = drizzlePg({ client: pool, ...options });
    return {
      db,
      engine: "postgres",
      migrate: () => migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      ping: async () => {
        await pool.query("select 1");
      },
      close: () => pool.end(),
    };
  }

  const dataDir = resolve(config.dataDir ?? DEFAULT_DATA_DIR);
  // PGlite creates only the last folder of its path.
  mkdirSync(dirname(dataDir), { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite({ client, ...options });
  return {
    db,
    engine: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    ping: async () => {
      await client.query("select 1");
    },
    close: () => client.close(),
  };
}
