import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBench } from "./bench";

/**
 * The load bench end to end at a tiny scale with one-second scenarios, on PostgreSQL only (the
 * PGlite leg seeds the demo data and waits for its images, which takes longer than this test
 * may): every scenario is in the report and the table, every HTTP scenario got 2xx answers and
 * nothing else, and the tips it sent were stored with normal trust. Its numbers mean nothing.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const cleanups: string[] = [];
afterAll(() => {
  for (const dir of cleanups) rmSync(dir, { recursive: true, force: true });
});

if (!adminUrl) {
  process.stdout.write("bench smoke: TEST_DATABASE_URL not set, the PostgreSQL run is skipped\n");
}

describe("pnpm bench, smoke run", () => {
  it.skipIf(!adminUrl)(
    "[postgres] measures every scenario and writes the report",
    async () => {
      const resultsDir = mkdtempSync(join(tmpdir(), "trace-bench-smoke-"));
      cleanups.push(resultsDir);
      const run = await runBench(
        {
          scale: 0.001,
          seconds: 1,
          warmupSeconds: 0,
          connections: 8,
          staffConnections: 4,
          engines: ["postgres"],
          adminDatabaseUrl: adminUrl!,
          seed: 1,
          tipPoolRate: 150,
          logLevel: "warn",
          keepDatabases: false,
          resultsDir,
          routingIterations: 20,
        },
        () => {},
      );
      const { report } = run;
      const ids = report.scenarios.map((s) => s.id);
      expect(ids).toEqual(
        expect.arrayContaining([
          "hello",
          "noop-trpc",
          "routing-evaluate",
          "routing-explain",
          "routing-fresh",
          "routing-simulate",
          "startup-postgres-fresh",
          "startup-postgres-data",
          "gallery-plain-postgres",
          "gallery-gzip-postgres",
          "object-plain-postgres",
          "object-gzip-postgres",
          "inbox-default-postgres",
          "inbox-filters-postgres",
          "similarity-postgres",
          "tips-postgres",
        ]),
      );
      for (const s of report.scenarios) {
        if (s.kind === "http") {
          expect(s.http!.responses.ok, s.id).toBeGreaterThan(0);
          expect(
            s.http!.responses.notOk,
            `${s.id}: ${JSON.stringify(s.http!.responses.byStatus)}`,
          ).toBe(0);
          expect(s.http!.latency.p99, s.id).toBeGreaterThan(0);
          expect(s.http!.ratioToNoopTrpc, s.id).toBeGreaterThan(0);
        } else {
          expect(s.timing!.medianMs, s.id).toBeGreaterThan(0);
        }
        expect(run.markdown).toContain(`| ${s.name} |`);
      }
      // The tip goal's verdict rests on the stored tips: all of them normal trust.
      const tips = report.scenarios.find((s) => s.id === "tips-postgres")!;
      const [normal, stored] = /(\d+)\/(\d+) normal/
        .exec(tips.goal!.measured)!
        .slice(1)
        .map(Number);
      expect(stored).toBeGreaterThanOrEqual(tips.http!.responses.ok);
      expect(normal).toBe(stored);
      expect(report.apiSettings.postgres!.NODE_ENV).toBe("production");
      expect(report.database.postgres).toMatchObject({ fsync: "on" });

      const [jsonFile, mdFile] = run.files;
      expect(JSON.parse(readFileSync(jsonFile!, "utf8"))).toEqual(
        JSON.parse(JSON.stringify(report)),
      );
      expect(readFileSync(mdFile!, "utf8")).toBe(run.markdown);
      cleanups.push(run.logDir);
      expect(existsSync(join(run.logDir, "api-postgres.log"))).toBe(true);
    },
    120_000,
  );
});
