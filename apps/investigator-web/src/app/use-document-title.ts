import { useEffect } from "react";
import { useMessages } from "../i18n";

/** Each page names itself in the tab and in the history list: "Tip inbox — Trace investigators". */
export function useDocumentTitle(title: string): void {
  const m = useMessages();
  useEffect(() => {
    document.title = `${title} — ${m.app.titleSuffix()}`;
  }, [m, title]);
}
