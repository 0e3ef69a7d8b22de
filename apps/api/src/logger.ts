import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured logs. Request logs carry method, route path (never the query string), status,
 * duration and request id: never tip text, contact data, receipt codes, cookies or addresses.
 * The redaction list is a second line of defence for anything logged by mistake.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          "req.headers",
          "headers",
          "cookie",
          "*.cookie",
          "receiptCode",
          "*.receiptCode",
          "contact",
          "*.contact",
          "text",
          "*.text",
          "password",
          "*.password",
          "ip",
          "*.ip",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

/**
 * What may be logged of an error: its class, its driver or SQLSTATE code and where it happened.
 * Never its message: a failed query's message carries its parameters, which may be tip text.
 */
export function describeError(error: unknown): {
  type: string;
  code: string | null;
  frames: string[];
} {
  let root: unknown = error;
  for (let depth = 0; root instanceof Error && root.cause instanceof Error && depth < 6; depth++)
    root = root.cause;
  const top = error instanceof Error ? error : new Error(String(error));
  const code = (root as { code?: unknown } | null)?.code;
  return {
    type: root instanceof Error ? root.constructor.name : typeof root,
    code: typeof code === "string" ? code : null,
    frames: (top.stack ?? "")
      .split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      .slice(0, 8)
      .map((l) => l.trim()),
  };
}
