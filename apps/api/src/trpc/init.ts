import { initTRPC, TRPCError } from "@trpc/server";
import { can, type Permission } from "@trace/domain";
import { ZodError } from "zod";
import type { Context } from "./context";
import { describeError } from "../logger";
import { AppErrorCause, appError, isDatabaseUnavailable } from "./errors";

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
      ctx.resHeaders.set("Retry-After", "5");
      throw new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: "The service is busy. Please try again in a few seconds.",
      });
    }
    if (cause)
      ctx.log.error(
        { requestId: ctx.requestId, path, err: describeError(cause) },
        "procedure failed",
      );
  }
  return result;
});

export const publicProcedure = t.procedure.use(errorBoundary);

/** A procedure of the staff surface that needs no session. */
export const openStaffProcedure = publicProcedure.meta({ permission: null });

/**
 * A staff procedure for one permission. It refuses a missing session (401) and a role without
 * the permission (403) before reading any input, and narrows the context: handlers always
 * have `ctx.user`, never `ctx.session!`.
 */
export function staffProcedure(permission: Permission) {
  return publicProcedure.meta({ permission }).use(({ ctx, next }) => {
    if (!ctx.session) throw appError("unauthenticated");
    if (!can(ctx.session.user.role, permission)) throw appError("forbidden");
    return next({ ctx: { ...ctx, session: ctx.session, user: ctx.session.user } });
  });
}
