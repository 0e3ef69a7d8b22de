import { useEffect } from "react";
import { useMessages } from "../i18n";

/** "Objects — Trace"; pass `isFullTitle` for a title that already names the site (the home page). */
export function useDocumentTitle(title: string | undefined, isFullTitle = false): void {
  const m = useMessages();
  useEffect(() => {
    if (title === undefined) return;
    document.title = isFullTitle ? title : m.app.documentTitle({ page: title });
  }, [title, isFullTitle, m]);
}
