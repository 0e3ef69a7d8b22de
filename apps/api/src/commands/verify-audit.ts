import { join } from "node:path";
import { createDb, verifyAuditChain } from "@trace/db";
import { loadEnv } from "../env";

/**
 * Recomputes the audit hash chain and reports the first broken link. Exit code 0 when intact,
 * 1 when broken. On embedded PGlite, stop the server first: one process owns its data directory.
 */
const env = loadEnv();
const database = await createDb({ url: env.databaseUrl, dataDir: join(env.dataDir, "pglite") });
try {
  const { verified, brokenAt } = await verifyAuditChain(database.db);
  if (brokenAt === null) {
    process.stdout.write(`Audit chain intact: ${verified} events verified.\n`);
  } else {
    process.stdout.write(
      `Audit chain BROKEN at event ${brokenAt}: it, or its link to the event before it, was altered ` +
        `(${verified} events before it verified).\n`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
