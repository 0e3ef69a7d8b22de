export const HOME_PATH = "/tips";

/**
 * Where to go after logging in. `next` comes from the URL, so anyone can craft it: only a path
 * on this site is accepted, never another origin ("//evil.example", "/\evil.example",
 * "https://…") and never the login page itself.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\"))
    return HOME_PATH;
  // Control characters (tab, newline) are stripped by URL parsers and could turn "/\t/x" into "//x".
  if ([...next].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f))
    return HOME_PATH;
  const url = new URL(next, "http://trace.invalid");
  if (url.origin !== "http://trace.invalid" || url.pathname === "/login") return HOME_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The login URL that brings the user back to `path` (pathname and search) afterwards. */
export function loginHref(path: string): string {
  const next = safeNextPath(path);
  return next === HOME_PATH || next === "/"
    ? "/login"
    : `/login?${new URLSearchParams({ next }).toString()}`;
}
