import { initTRPC, TRPCError } from "@trpc/server";
import { can, type Permission } from "@trace/domain";
import { ZodError, ZodRealError } from "zod";
import type { Context } from "./context";
import { describeError } from "../logger";
import { AppErrorCause, appError, isDatabaseUnavailable, serviceUnavailable } from "./errors";
import { unstorableCharacterPath } from "../services/unstorable-text";

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/**
 * Every staff procedure declares who may call it: a permission from the domain policy, or
 * `null` for the few that work without a session (login, "who am I").
 */
export interface ProcedureMeta {
  permission: Permission | null;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error, ctx }) {
      const fieldErrors: FieldError[] | null =
        error.cause instanceof ZodError
          ? error.cause.issues.map((i) => ({
              path: i.path.join("."),
              code: i.code,
              message: i.message,
            }))
          : null;
      return {
        // The stack never leaves the server, whatever the mode.
        message:
          error.code === "INTERNAL_SERVER_ERROR"
            ? "Something went wrong on our side."
            : shape.message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId: ctx?.requestId ?? null,
          appCode: error.cause instanceof AppErrorCause ? error.cause.appCode : null,
          fieldErrors,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Unexpected failures: a database that is down becomes 503 with a retry hint; anything else is
 * logged with the request id and answered as a bare 500.
 */
const errorBoundary = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (!result.ok && !(result.error.cause instanceof ZodError)) {
    const error = result.error;
    const cause = error.code === "INTERNAL_SERVER_ERROR" ? (error.cause ?? error) : null;
    if (cause && isDatabaseUnavailable(cause)) {
      ctx.log.warn(
        { requestId: ctx.requestId, path, err: describeError(cause) },
        "database unavailable",
      );
      throw serviceUnavailable(ctx.resHeaders);
    }
    if (cause)
      ctx.log.error(
        { requestId: ctx.requestId, path, err: describeError(cause) },
        "procedure failed",
      );
  }
  return result;
});

/**
 * Both reached the database as a 500 (found by the fuzz tests). Refused for every input, as a
 * field error like any schema's. On staff procedures it runs after the session check, which
 * reads no input.
 */
const noUnstorableCharacters = t.middleware(async ({ getRawInput, next }) => {
  let raw: unknown;
  try {
    raw = await getRawInput();
  } catch {
    // A body that does not parse is left to the input parser to report, as before; a procedure
    // without input never reads it.
    return next();
  }
  const path = unstorableCharacterPath(raw);
  if (path) {
    const message =
      "Text may not contain the NUL character (U+0000) or an unpaired surrogate (broken Unicode).";
    throw new TRPCError({
      code: "BAD_REQUEST",
      message,
      // The Error-based ZodError that schemas throw, so it is formatted like theirs.
      cause: new ZodRealError([{ code: "custom", path, message, input: undefined }]),
    });
  }
  return next();
});

const guardedProcedure = t.procedure.use(errorBoundary);

export const publicProcedure = guardedProcedure.use(noUnstorableCharacters);

/** A procedure of the staff surface that needs no session. */
export const openStaffProcedure = publicProcedure.meta({ permission: null });

/**
 * A staff procedure for one permission. It refuses a missing session (401) and a role without
 * the permission (403) before reading any input, and narrows the context: handlers always
 * have `ctx.user`, never `ctx.session!`.
 */
export function staffProcedure(permission: Permission) {
  return guardedProcedure
    .meta({ permission })
    .use(({ ctx, next }) => {
      if (!ctx.session) throw appError("unauthenticated");
      if (!can(ctx.session.user.role, permission)) throw appError("forbidden");
      return next({ ctx: { ...ctx, session: ctx.session, user: ctx.session.user } });
    })
    .use(noUnstorableCharacters);
}
