import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabases } from "@trace/db/testing";
import { createApp } from "./app";
import { createHarness, type Harness } from "./test/harness";

const [pglite] = await createTestDatabases(undefined);
afterAll(() => pglite!.dispose());

// What a build leaves in dist/ (ADR 0010): each text file, and its .br and .gz beside it.
const SCRIPT = Buffer.from(
  Array.from({ length: 200 }, (_, i) => `export const message${i} = "line ${i}";`).join("\n"),
);
const SHELL = `<!doctype html><html lang="en"><head><title>Trace</title></head><body>${'<p class="filler">Trace</p>'.repeat(60)}</body></html>`;

async function bodyBytes(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

describe("the built sites' files, compressed when the browser accepts it", () => {
  let h: Harness;
  let dist: string;
  let apps: { surface: string; app: ReturnType<typeof createApp> }[];

  beforeAll(async () => {
    h = await createHarness(await pglite!.open(), { withFixtures: false });
    dist = await mkdtemp(join(tmpdir(), "trace-dist-"));
    await mkdir(join(dist, "assets"));
    await writeFile(join(dist, "index.html"), SHELL);
    await writeFile(join(dist, "assets", "main-abc123.js"), SCRIPT);
    await writeFile(join(dist, "assets", "main-abc123.js.br"), brotliCompressSync(SCRIPT));
    await writeFile(join(dist, "assets", "main-abc123.js.gz"), gzipSync(SCRIPT));
    // A file the build did not compress (too small to gain from it).
    await writeFile(join(dist, "assets", "tiny-def456.js"), "1");
    apps = (["public", "staff"] as const).map((surface) => ({
      surface,
      app: createApp(h.deps, { surface, webDist: dist }),
    }));
  });
  afterAll(async () => {
    await rm(dist, { recursive: true, force: true });
  });

  it("serves brotli to a browser that accepts it, gzip to one that accepts only gzip", async () => {
    for (const { surface, app } of apps) {
      const br = await app.request("/assets/main-abc123.js", {
        headers: { "Accept-Encoding": "gzip, deflate, br, zstd" },
      });
      expect(br.status, surface).toBe(200);
      expect(br.headers.get("Content-Encoding"), surface).toBe("br");
      expect(br.headers.get("Content-Type"), surface).toMatch(/^text\/javascript/);
      expect(br.headers.get("Vary"), surface).toMatch(/Accept-Encoding/);
      expect(br.headers.get("Cache-Control"), surface).toBe("public, max-age=31536000, immutable");
      const brBytes = await bodyBytes(br);
      expect(brBytes.length).toBeLessThan(SCRIPT.length);
      expect(brotliDecompressSync(brBytes).equals(SCRIPT), surface).toBe(true);

      const gz = await app.request("/assets/main-abc123.js", {
        headers: { "Accept-Encoding": "gzip, deflate" },
      });
      expect(gz.headers.get("Content-Encoding"), surface).toBe("gzip");
      expect(gz.headers.get("Vary"), surface).toMatch(/Accept-Encoding/);
      expect(gz.headers.get("Cache-Control"), surface).toContain("immutable");
      expect(gunzipSync(await bodyBytes(gz)).equals(SCRIPT), surface).toBe(true);
    }
  });

  it("serves the plain file, still marked as varying, when no encoding is accepted", async () => {
    for (const { surface, app } of apps) {
      for (const headers of [{}, { "Accept-Encoding": "identity" }] as Record<string, string>[]) {
        const res = await app.request("/assets/main-abc123.js", { headers });
        expect(res.status, surface).toBe(200);
        expect(res.headers.get("Content-Encoding"), surface).toBeNull();
        expect(res.headers.get("Vary"), surface).toMatch(/Accept-Encoding/);
        expect(res.headers.get("Cache-Control"), surface).toContain("immutable");
        expect((await bodyBytes(res)).equals(SCRIPT), surface).toBe(true);
      }
      // A file without compressed copies is served plain even to a browser that accepts brotli.
      const tiny = await app.request("/assets/tiny-def456.js", {
        headers: { "Accept-Encoding": "br, gzip" },
      });
      expect(tiny.headers.get("Content-Encoding"), surface).toBeNull();
      expect(await tiny.text(), surface).toBe("1");
    }
  });

  it("compresses the HTML shell of a page route on the fly with gzip", async () => {
    for (const { surface, app } of apps) {
      const path = surface === "public" ? "/en/objects" : "/tips";
      const gz = await app.request(path, { headers: { "Accept-Encoding": "gzip, br" } });
      expect(gz.status, surface).toBe(200);
      expect(gz.headers.get("Content-Encoding"), surface).toBe("gzip");
      expect(gz.headers.get("Vary"), surface).toMatch(/Accept-Encoding/);
      expect(gz.headers.get("Cache-Control"), surface).toBe("no-cache");
      const plain = await app.request(path);
      expect(plain.headers.get("Content-Encoding"), surface).toBeNull();
      const text = await plain.text();
      // The public shell gets the page's own head tags (share-meta.test.ts); the rest is as built.
      if (surface === "public") expect(text).toContain(SHELL.slice(SHELL.indexOf("</head>")));
      else expect(text, surface).toBe(SHELL);
      expect(gunzipSync(await bodyBytes(gz)).toString("utf8"), surface).toBe(text);
    }
  });
});

describe("the public reads, gzipped on the fly", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(await pglite!.open());
  });

  const list = `http://localhost/trpc/objects.list?input=${encodeURIComponent(
    JSON.stringify({ locale: "en" }),
  )}`;

  it("gzips a GET answer for a client that accepts it, the same JSON as the plain one", async () => {
    const plain = await h.publicApp.request(list);
    expect(plain.status).toBe(200);
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    const plainBody = await bodyBytes(plain);

    const gz = await h.publicApp.request(list, { headers: { "Accept-Encoding": "gzip, br" } });
    expect(gz.status).toBe(200);
    expect(gz.headers.get("Content-Encoding")).toBe("gzip");
    expect(gz.headers.get("Vary")).toMatch(/Accept-Encoding/i);
    expect(gunzipSync(await bodyBytes(gz)).equals(plainBody)).toBe(true);

    // The cache still works through it: the same (weak) ETag, and a bodiless 304 for it.
    const tag = gz.headers.get("ETag");
    expect(tag).toMatch(/^W\//);
    expect(tag).toBe(plain.headers.get("ETag"));
    const revalidated = await h.publicApp.request(list, {
      headers: { "Accept-Encoding": "gzip", "If-None-Match": tag! },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("Content-Encoding")).toBeNull();
  });

  it("never compresses a POST, whose answer may carry a receipt code", async () => {
    const res = await h.publicApp.request("http://localhost/trpc/tips.status", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept-Encoding": "gzip" },
      body: JSON.stringify({ receiptCode: "ABCD-EFGH-JKMN-PQRS-TVWX" }),
    });
    expect(res.headers.get("Content-Encoding")).toBeNull();
    expect(((await res.json()) as { error?: unknown }).error).toBeDefined();
  });
});
