import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, MIGRATIONS_FOLDER } from "./client";

const adminUrl = process.env.TEST_DATABASE_URL;
const dropped: string[] = [];

async function admin(statement: string, url = adminUrl): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(statement)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const name of dropped) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe("migrations on PostgreSQL", () => {
  it.skipIf(!adminUrl)(
    "[postgres] processes starting together on an empty database each migrate it, once",
    async () => {
      const name = `trace_test_${randomBytes(6).toString("hex")}`;
      await admin(`CREATE DATABASE ${name}`);
      dropped.push(name);
      const url = new URL(adminUrl!);
      url.pathname = `/${name}`;
      const processes = await Promise.all(
        [1, 2, 3, 4].map(() => createDb({ url: url.toString(), poolSize: 2 })),
      );
      try {
        const results = await Promise.allSettled(processes.map((p) => p.migrate()));
        expect(results.map((r) => r.status)).toEqual(Array(4).fill("fulfilled"));
        const journal = JSON.parse(
          readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8"),
        ) as { entries: unknown[] };
        const applied = await admin(
          "select count(*)::int as n from drizzle.__drizzle_migrations",
          url.toString(),
        );
        expect(applied).toEqual([{ n: journal.entries.length }]);
      } finally {
        await Promise.all(processes.map((p) => p.close()));
      }
    },
  );
});

if (!adminUrl) {
  process.stdout.write("client.test: TEST_DATABASE_URL not set, the PostgreSQL case is skipped\n");
}
