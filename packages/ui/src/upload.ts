/** Uploads with progress for both sites: images go through a multipart POST outside tRPC. */
/** A refused or failed upload: the API's error code and message when it answered at all. */
export class UploadError extends Error {
  constructor(
    /** Stable code to translate (`unsupported_image`…); null when the network failed. */
    readonly appCode: string | null,
    /** HTTP status; 0 when no answer came. */
    readonly status: number,
    /** The API's own message (English), when it answered with one. */
    readonly serverMessage: string | null = null,
  ) {
    super(appCode ?? `upload failed (${status})`);
    this.name = "UploadError";
  }
}

/**
 * POSTs a multipart form with upload progress, which `fetch` cannot report: `onProgress` gets
 * the fraction sent (0 to 1). Resolves with the JSON answer; rejects with an `UploadError`.
 */
export function uploadWithProgress<T>(
  url: string,
  form: FormData,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(xhr.response as T);
        return;
      }
      const body = xhr.response as { error?: { appCode?: unknown; message?: unknown } } | null;
      const appCode = typeof body?.error?.appCode === "string" ? body.error.appCode : null;
      const message = typeof body?.error?.message === "string" ? body.error.message : null;
      reject(new UploadError(appCode, xhr.status, message));
    };
    xhr.onerror = () => reject(new UploadError(null, 0));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
