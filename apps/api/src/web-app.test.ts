import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabases } from "@trace/db/testing";
import { createApp } from "./app";
import { createHarness, type Harness } from "./test/harness";

const [pglite] = await createTestDatabases(undefined);

describe("serving a built site", () => {
  let h: Harness;
  let dist: string;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    h = await createHarness(await pglite!.open(), { withFixtures: false });
    dist = await mkdtemp(join(tmpdir(), "trace-dist-"));
    await mkdir(join(dist, "assets"));
    await mkdir(join(dist, ".vite"));
    await writeFile(join(dist, "index.html"), "<!doctype html><title>Trace</title>");
    await writeFile(join(dist, "assets", "main-abc123.js"), "console.log(1)");
    await writeFile(join(dist, ".vite", "manifest.json"), '{"src/main.tsx":{}}');
    app = createApp(h.deps, { surface: "staff", webDist: dist });
  });
  afterAll(async () => {
    await pglite!.dispose();
    await rm(dist, { recursive: true, force: true });
  });

  it("serves hashed assets as immutable and pages as index.html", async () => {
    const asset = await app.request("/assets/main-abc123.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("Cache-Control")).toContain("immutable");
    const page = await app.request("/tips");
    expect(await page.text()).toContain("<title>Trace</title>");
  });

  it("keeps build metadata and dotfiles on the server", async () => {
    for (const path of ["/.vite/manifest.json", "/.vite/", "/assets/../.vite/manifest.json"]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain("src/main.tsx");
    }
  });
});
