import { DEMO_ACCOUNTS } from "@trace/db/seed";
import { loadEnv } from "../env";
import { demoLoginLines } from "../services/demo-logins";

/**
 * Prints the current TOTP codes of the demo accounts. It reads no database (embedded PGlite
 * serves one process, and the API holds it): the demo secrets are published constants. It
 * refuses wherever demo data is not seeded, production included.
 */
const env = loadEnv();
if (env.nodeEnv === "production" || !env.seedDemoData) {
  process.stderr.write("demo-codes: this installation has no demo data (or is production).\n");
  process.exit(1);
}
process.stdout.write(`${demoLoginLines(DEMO_ACCOUNTS, new Date()).join("\n")}\n`);
