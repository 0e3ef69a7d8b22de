import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Where image bytes live. Keys are content hashes chosen here, never names from an uploader.
 * The filesystem store is the default; an object-storage store implements the same interface.
 */
export interface MediaStore {
  put(bytes: Uint8Array): Promise<string>;
  get(key: string): Promise<Uint8Array | null>;
}

const KEY_PATTERN = /^[0-9a-f]{64}$/;

export function createFsMediaStore(dir: string): MediaStore {
  const pathOf = (key: string) => join(dir, key.slice(0, 2), key);
  return {
    async put(bytes) {
      const key = createHash("sha256").update(bytes).digest("hex");
      await mkdir(join(dir, key.slice(0, 2)), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const tmp = `${pathOf(key)}.${process.pid}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, pathOf(key));
      return key;
    },
    async get(key) {
      if (!KEY_PATTERN.test(key)) return null;
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
  };
}
