import { useCallback, useEffect, useRef, useState } from "react";
import { MAX_TIP_PHOTOS, type TipPhotoUploadResult } from "@trace/domain";
import { UploadError, uploadWithProgress } from "@trace/ui/upload";

export interface TipPhoto {
  key: number;
  /** The file's name, shown to the tipster only: it is never sent. */
  name: string;
  /** A local preview of the chosen file (an object URL, revoked when removed). */
  previewUrl: string;
  state: "uploading" | "attached" | "failed";
  /** Fraction sent, 0 to 1, while uploading. */
  progress: number;
  token: string | null;
  /** Why the upload failed: an API error code, or null for a network failure. */
  failure: string | null;
}

/**
 * The photos attached to a tip. Each is uploaded as soon as it is chosen (with its progress), so
 * sending the tip itself stays quick; the tip then names the uploads by their tokens. The file's
 * name never leaves the browser.
 */
export function useTipPhotos() {
  const [photos, setPhotos] = useState<TipPhoto[]>([]);
  const nextKey = useRef(1);
  const uploads = useRef(new Map<number, AbortController>());

  const update = (key: number, change: Partial<TipPhoto>) =>
    setPhotos((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));

  const upload = useCallback((key: number, file: File) => {
    const controller = new AbortController();
    uploads.current.set(key, controller);
    const form = new FormData();
    // A neutral name in place of the file's own ("IMG_2041 at Anna's.jpg").
    form.set("photo", file, "photo");
    uploadWithProgress<TipPhotoUploadResult>("/public-api/tip-photos", form, {
      signal: controller.signal,
      onProgress: (progress) => update(key, { progress }),
    })
      .then((result) => update(key, { state: "attached", progress: 1, token: result.token }))
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === "AbortError") return;
        update(key, {
          state: "failed",
          failure: error instanceof UploadError ? error.appCode : null,
        });
      })
      .finally(() => uploads.current.delete(key));
  }, []);

  /** Adds what fits under the limit; answers how many files were left out. */
  const add = (files: readonly File[]): number => {
    const room = Math.max(0, MAX_TIP_PHOTOS - photos.length);
    const taken = files.slice(0, room).map((file) => ({ file, key: nextKey.current++ }));
    setPhotos((list) => [
      ...list,
      ...taken.map(({ file, key }) => ({
        key,
        name: file.name,
        previewUrl: URL.createObjectURL(file),
        state: "uploading" as const,
        progress: 0,
        token: null,
        failure: null,
      })),
    ]);
    for (const { file, key } of taken) upload(key, file);
    return files.length - taken.length;
  };

  const remove = (key: number) => {
    uploads.current.get(key)?.abort();
    setPhotos((list) => {
      const gone = list.find((p) => p.key === key);
      if (gone) URL.revokeObjectURL(gone.previewUrl);
      return list.filter((p) => p.key !== key);
    });
  };

  // Leaving the page stops uploads in flight and frees the previews.
  const latest = useRef(photos);
  latest.current = photos;
  useEffect(
    () => () => {
      for (const controller of uploads.current.values()) controller.abort();
      for (const photo of latest.current) URL.revokeObjectURL(photo.previewUrl);
    },
    [],
  );

  return {
    photos,
    add,
    remove,
    isUploading: photos.some((p) => p.state === "uploading"),
    tokens: photos.flatMap((p) => (p.state === "attached" && p.token ? [p.token] : [])),
  };
}
