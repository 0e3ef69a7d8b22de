import { useEffect, useRef } from "react";
import { useLocation } from "wouter";

/**
 * After a client-side navigation, start the new page at the top and move focus to its h1, so
 * screen-reader users hear where they are. The new page may not be drawn yet (its code or data
 * still loading, or the old page still shown meanwhile): focus goes to <main> or to the h1 there
 * is, and follows to the new h1 as the page changes, until the visitor moves focus themselves.
 * The first page load is left alone: the browser already starts at the top.
 */
export function useRouteFocus(): void {
  const [location] = useLocation();
  const previous = useRef(location);

  useEffect(() => {
    if (previous.current === location) return;
    previous.current = location;
    const main = document.getElementById("main");
    if (!main) return;
    let target: HTMLElement | null = null;
    const moveFocus = () => {
      const active = document.activeElement;
      // The visitor has moved focus themselves: leave it there.
      if (target && active !== target && active !== document.body) return observer.disconnect();
      // Focus is where we put it, or was lost with a removed element: follow the page.
      const heading = main.querySelector("h1");
      // An h1 is not focusable by itself; -1 makes it a focus target without adding a tab stop.
      if (heading) heading.tabIndex = -1;
      target = heading ?? main;
      if (active !== target) target.focus({ preventScroll: true });
    };
    const observer = new MutationObserver(moveFocus);
    window.scrollTo(0, 0);
    moveFocus();
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [location]);
}
