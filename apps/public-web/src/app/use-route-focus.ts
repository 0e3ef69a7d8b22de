import { useEffect, useRef } from "react";
import { useLocation } from "wouter";

/**
 * After a client-side navigation, start the new page at the top and move focus to its h1 (or to
 * <main> while the page is still loading), so screen-reader users hear where they are. The first
 * page load is left alone: the browser already starts at the top.
 */
export function useRouteFocus(): void {
  const [location] = useLocation();
  const previous = useRef(location);

  useEffect(() => {
    if (previous.current === location) return;
    previous.current = location;
    const main = document.getElementById("main");
    if (!main) return;
    const heading = main.querySelector("h1");
    // An h1 is not focusable by itself; -1 makes it a focus target without adding a tab stop.
    if (heading) heading.tabIndex = -1;
    const target = heading ?? main;
    window.scrollTo(0, 0);
    target.focus({ preventScroll: true });
  }, [location]);
}
