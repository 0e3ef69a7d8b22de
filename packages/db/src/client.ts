import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
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
  /** How long a query waits for a PostgreSQL connection (a new one, or a free one of the pool). */
  connectTimeoutMs?: number | undefined;
  /**
   * Told when pooled PostgreSQL connections lose their server (stopped, restarted, connection
   * killed), and when a new connection succeeds after that: once per outage each, however many
   * connections it cut. Each query that fails meanwhile reports the failure to its caller.
   */
  onConnectionLost?: ((error: Error) => void) | undefined;
  onConnectionRestored?: (() => void) | undefined;
}

export interface Database {
  db: Executor;
  engine: "pglite" | "postgres";
  /** Applies the committed migrations; the same SQL runs on both engines. */
  migrate(): Promise<void>;
  /** A cheap round trip, for health checks. */
  ping(): Promise<void>;
  /**
   * Listens to a notification channel (LISTEN/NOTIFY) until the returned function is called.
   * `onListening` is called once the channel is listened to, and again after each recovery;
   * `onLost` when notifications may have been missed (PostgreSQL only: the listening connection
   * lost its server), after which it reconnects by itself.
   */
  listen(channel: string, handlers: ChannelHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface ChannelHandlers {
  onNotify(): void;
  onListening(): void;
  onLost(error: Error): void;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../migrations", import.meta.url));
export const DEFAULT_DATA_DIR = ".data/pglite";
/** The advisory lock key (session-level) that serialises migrations across processes. */
const MIGRATION_LOCK = 0x7472_6d67;

const options = { schema, casing: "snake_case" } as const;

export async function createDb(config: DbConfig = {}): Promise<Database> {
  if (config.url) {
    if (!/^postgres(ql)?:\/\//.test(config.url)) {
      throw new Error("DATABASE_URL must start with postgres:// or postgresql://");
    }
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize ?? 10,
      // A server that does not answer (unreachable host, full pool) fails the request, which the
      // API answers 503, rather than holding it for the operating system's TCP timeout.
      connectionTimeoutMillis: config.connectTimeoutMs ?? 10_000,
    });
    watchConnections(pool, config);
    const db = drizzlePg({ client: pool, ...options });
    return {
      db,
      engine: "postgres",
      migrate: async () => {
        // API processes and workers starting together on one database take turns: the migrator
        // itself takes no lock, and two of them would apply the same migration twice. The lock
        // is held on a connection of its own, outside the pool the migrator uses.
        const lock = new pg.Client({ connectionString: config.url });
        await lock.connect();
        try {
          await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
          await migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await lock.end();
        }
      },
      ping: async () => {
        await pool.query("select 1");
      },
      listen: (channel, handlers) => listenPostgres(config.url!, channel, handlers),
      close: () => pool.end(),
    };
  }

  const dataDir = resolve(config.dataDir ?? DEFAULT_DATA_DIR);
  // PGlite creates only the last folder of its path.
  mkdirSync(dirname(dataDir), { recursive: true });
  // unaccent backs the tips search configuration (migration 0011).
  const client = await PGlite.create(dataDir, { extensions: { unaccent } });
  const db = drizzlePglite({ client, ...options });
  return {
    db,
    engine: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    ping: async () => {
      await client.query("select 1");
    },
    listen: async (channel, handlers) => {
      // One process, one database: nothing can be missed.
      const unlisten = await client.listen(channel, () => handlers.onNotify());
      handlers.onListening();
      return () => unlisten();
    },
    close: () => client.close(),
  };
}

/**
 * A client that loses its server emits 'error', and an 'error' without a listener ends the
 * process. The pool listens only while a client is idle: one handed out (between two queries of
 * a transaction, say) has no listener but ours, and the next query on it fails by itself.
 */
function watchConnections(pool: pg.Pool, config: DbConfig): void {
  let isLost = false;
  const lost = (error: Error) => {
    if (isLost) return;
    isLost = true;
    config.onConnectionLost?.(error);
  };
  pool.on("error", lost);
  pool.on("connect", (client) => {
    client.on("error", lost);
    if (!isLost) return;
    isLost = false;
    config.onConnectionRestored?.();
  });
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other queries). When it
 * breaks, notifications may be lost: the caller is told, and it reconnects with backoff.
 */
async function listenPostgres(
  url: string,
  channel: string,
  handlers: ChannelHandlers,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  let delayMs = 250;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    let isLost = false;
    const lost = (error: Error) => {
      if (isLost || stopped) return;
      isLost = true;
      client = null;
      void next.end().catch(() => {});
      handlers.onLost(error);
      retry = setTimeout(() => void connect(), delayMs).unref();
      delayMs = Math.min(delayMs * 2, 10_000);
    };
    next.on("error", lost);
    next.on("end", () => lost(new Error("the listening connection ended")));
    next.on("notification", (message) => {
      if (message.channel === channel) handlers.onNotify();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      lost(error as Error);
      return;
    }
    if (stopped) {
      await next.end();
      return;
    }
    client = next;
    delayMs = 250;
    handlers.onListening();
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end();
  };
}
