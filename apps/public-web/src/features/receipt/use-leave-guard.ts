import { useEffect } from "react";

/**
 * While `isActive`, asks before the page is left: the browser's own prompt on reload or close,
 * and `confirm(message)` before following a link inside the app. Link clicks are caught on the
 * document in the capture phase, before the router's handler sees them.
 */
export function useLeaveGuard(isActive: boolean, message: string): void {
  useEffect(() => {
    if (!isActive) return;

    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers only prompt when returnValue is set.
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank") return;
      // Links within the page (the skip link) do not leave it.
      if (link.origin === window.location.origin && link.pathname === window.location.pathname)
        return;
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };

    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [isActive, message]);
}
