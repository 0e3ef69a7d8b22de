import type { Context as HonoContext } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { err, ok, type Result } from "@trace/domain";
import { appError, type AppErrorCode } from "../trpc/errors";
import type { ImageLimits } from "./limits";

export type UploadEnv = { Variables: { requestId: string } };

/** The API's error body (`appCode` for translation, `requestId` for support), as tRPC answers. */
export function failUpload(
  c: HonoContext<UploadEnv>,
  code: AppErrorCode,
  retryAfterSeconds?: number,
) {
  const error = appError(code);
  const retryAfter = retryAfterSeconds ?? (code === "image_busy" ? 30 : undefined);
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) };
  return c.json(
    { error: { message: error.message, appCode: code, requestId: c.get("requestId") } },
    getHTTPStatusCodeFromError(error) as 400,
    headers,
  );
}

/**
 * The body limit of an upload route: the largest image plus room for the multipart envelope. A
 * declared Content-Length above it is refused before a byte is read.
 */
export function uploadBodyLimit(limits: ImageLimits) {
  return bodyLimit({
    maxSize: limits.maxUploadBytes + 64 * 1024,
    onError: (c) => failUpload(c as HonoContext<UploadEnv>, "image_too_large"),
  });
}

/** The bytes of one file field of a multipart form, and its other text fields. */
export async function readUploadedFile(
  c: HonoContext<UploadEnv>,
  field: string,
  limits: ImageLimits,
): Promise<Result<{ bytes: Uint8Array; fields: Record<string, string> }, AppErrorCode>> {
  let form: Record<string, string | File>;
  try {
    form = (await c.req.parseBody()) as Record<string, string | File>;
  } catch {
    return err("unsupported_image");
  }
  const file = form[field];
  if (!(file instanceof File)) return err("unsupported_image");
  if (file.size === 0) return err("image_empty");
  if (file.size > limits.maxUploadBytes) return err("image_too_large");
  const fields = Object.fromEntries(
    Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  return ok({ bytes: new Uint8Array(await file.arrayBuffer()), fields });
}
