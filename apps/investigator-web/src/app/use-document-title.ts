import { useEffect } from "react";
import { t } from "../i18n";

/** Each page names itself in the tab and in the history list: "Tip inbox — Trace investigators". */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — ${t.app.titleSuffix}`;
  }, [title]);
}
