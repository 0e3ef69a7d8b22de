import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startTrace } from "./start-trace";

declare module "vitest" {
  export interface ProvidedContext {
    publicUrl: string;
    staffUrl: string;
  }
}

/** Starts Trace as a newcomer would: built sites, a fresh embedded database, demo data. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const trace = await startTrace({
    env: {
      // Every test sends from 127.0.0.1, so the whole suite is one sender: room for all its tips,
      // receipt checks and photos. The limits themselves are tested in apps/api.
      RATE_LIMIT_TIP_SUBMISSIONS: "1000/10m",
      RATE_LIMIT_RECEIPT_LOOKUPS: "1000/10m",
      RATE_LIMIT_RECEIPT_FAILURES: "1000/10m",
      RATE_LIMIT_TIP_PHOTOS: "1000/10m",
      // The browser fills a tip form in well under the 3 s a person needs, and the proof of work
      // is cut to a few hash rounds: the site's tips stay normal-trust, through the real worker.
      TIP_MIN_FILL_SECONDS: "0",
      TIP_PROOF_OF_WORK_COST: "10",
      TIP_PROOF_OF_WORK_MAX_COUNTER: "200",
    },
  });
  const { publicUrl, staffUrl, staffPort } = trace;
  project.provide("publicUrl", publicUrl);
  project.provide("staffUrl", staffUrl);
  return async () => {
    await trace.stop();
    // The TOTP ledger of the browser tests (src/staff-login.ts), kept per server port.
    rmSync(join(tmpdir(), `trace-e2e-totp-${staffPort}.json`), { force: true });
  };
}
