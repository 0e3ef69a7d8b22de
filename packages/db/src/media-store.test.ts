import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFsMediaStore, storageKeyOf, type MediaStore } from "./media-store";

describe("filesystem media store", () => {
  let dir: string;
  let store: MediaStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "trace-media-test-"));
    store = createFsMediaStore(join(dir, "media"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const filesUnder = async (): Promise<string[]> =>
    (await readdir(join(dir, "media"), { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();

  it("names bytes by their SHA-256 and gives them back", async () => {
    const bytes = new TextEncoder().encode("synthetic bytes one");
    const key = await store.put(bytes);
    expect(key).toBe(storageKeyOf(bytes));
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from((await store.get(key))!).toString()).toBe("synthetic bytes one");
  });

  it("stores the same bytes once, even when written concurrently", async () => {
    const bytes = new TextEncoder().encode("synthetic bytes twice");
    const keys = await Promise.all(Array.from({ length: 8 }, () => store.put(bytes)));
    expect(new Set(keys).size).toBe(1);
    const files = await filesUnder();
    expect(files.filter((f) => f === keys[0])).toHaveLength(1);
    expect(files.some((f) => f.endsWith(".tmp"))).toBe(false);
  });

  it("answers null for unknown keys and for anything that is not a key", async () => {
    expect(await store.get("0".repeat(64))).toBeNull();
    for (const bad of ["../../etc/passwd", "photo.jpg", "A".repeat(64), ""]) {
      expect(await store.get(bad)).toBeNull();
    }
  });

  it("deletes idempotently", async () => {
    const key = await store.put(new TextEncoder().encode("to be deleted"));
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key);
    await store.delete("../not-a-key");
    expect(await filesUnder()).not.toContain(key);
  });
});
