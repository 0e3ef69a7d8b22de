import type { Context } from "./context";

export const SESSION_COOKIE = "trace_session";

/** HttpOnly, SameSite=Strict, Secure when the request came over TLS; a browser-session cookie. */
export function setSessionCookie(ctx: Context, token: string): void {
  const attributes = ["Path=/", "HttpOnly", "SameSite=Strict", ...(ctx.isSecure ? ["Secure"] : [])];
  ctx.resHeaders.append("Set-Cookie", `${SESSION_COOKIE}=${token}; ${attributes.join("; ")}`);
}

export function clearSessionCookie(ctx: Context): void {
  const attributes = [
    "Path=/",
    "HttpOnly",
    "SameSite=Strict",
    "Max-Age=0",
    ...(ctx.isSecure ? ["Secure"] : []),
  ];
  ctx.resHeaders.append("Set-Cookie", `${SESSION_COOKIE}=; ${attributes.join("; ")}`);
}

export function readSessionCookie(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) {
      const value = rest.join("=");
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}
