import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { STORAGE_KEY_PATTERN } from "@trace/domain";

/**
 * Where image bytes live: a small adapter so one machine uses its disk and a production
 * deployment an object store, with nothing else in the code knowing which.
 *
 * The contract every implementation keeps:
 * - **Content-addressed.** `put` names the bytes by their SHA-256 (64 lower-case hex digits) and
 *   returns that key; a key is never taken from a user (no file name, no declared type). The same
 *   bytes twice are one stored copy, so `put` is idempotent and safe to retry.
 * - **Durable when it resolves.** A caller commits a database row naming the key only after
 *   `put` resolved; the bytes must survive a crash from then on, and be readable by every API
 *   instance at once (read-after-write).
 * - **Opaque bytes.** The store keeps no content type, no metadata and no access rules: the
 *   database knows what a key is and who may see it, and every byte is served through the API,
 *   which checks that on each request. An object-storage bucket is therefore private (no public
 *   ACL, no pre-signed URLs for images that are not public).
 * - `get` answers `null` for a key it does not hold, and for anything that is not a key.
 * - `delete` is idempotent. The caller deletes a key only when no row names it any more; with
 *   content addressing, another row may name the same bytes.
 *
 * An object-storage implementation maps a key to an object name such as `media/ab/abcd…` (the
 * same two-character fan-out as the filesystem), writes with a plain PUT (same name, same bytes,
 * so concurrent writers agree), treats 404 as `null` and ignores 404 on delete. S3, GCS and Azure
 * Blob give the read-after-write consistency this needs.
 */
export interface MediaStore {
  /** Stores the bytes (if not yet stored) and returns their key. */
  put(bytes: Uint8Array): Promise<string>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

export function storageKeyOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The default store: files under `dir` (the data directory's `media/`), fanned out by key prefix. */
export function createFsMediaStore(dir: string): MediaStore {
  const folderOf = (key: string) => join(dir, key.slice(0, 2));
  const pathOf = (key: string) => join(folderOf(key), key);
  return {
    async put(bytes) {
      const key = storageKeyOf(bytes);
      const path = pathOf(key);
      if (await exists(path)) return key;
      await mkdir(folderOf(key), { recursive: true });
      // Write under a unique temporary name, flush, then rename: a reader never sees half a
      // file, two concurrent writers of the same bytes never share a temporary file, and the
      // bytes are on disk before the caller commits a row that names them.
      const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
      const file = await open(tmp, "wx", 0o600);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(tmp, path);
      await syncDirectory(folderOf(key));
      return key;
    },
    async get(key) {
      if (!STORAGE_KEY_PATTERN.test(key)) return null;
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      if (!STORAGE_KEY_PATTERN.test(key)) return;
      try {
        await unlink(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/** Makes the rename itself durable (the directory entry), where the platform allows it. */
async function syncDirectory(path: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, "r");
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot open or sync a directory; the file itself was synced.
  } finally {
    await handle?.close();
  }
}
