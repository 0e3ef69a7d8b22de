import { useEffect, useRef, type ReactNode } from "react";
import { useLocation } from "wouter";

// The path whose heading last took focus; null until the first page has rendered.
let lastPath: string | null = null;

/**
 * The page's h1. After a client-side navigation it takes focus, so screen-reader and keyboard
 * users start at the new page's top as after a full page load. Not on the first load (the
 * browser starts at the skip link) and not when only the query string changes (applying
 * filters keeps focus where it is).
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const [path] = useLocation();
  useEffect(() => {
    if (lastPath !== null && lastPath !== path) ref.current?.focus();
    lastPath = path;
  }, [path]);
  return (
    <h1 ref={ref} tabIndex={-1} className="iw-page-heading">
      {children}
    </h1>
  );
}
