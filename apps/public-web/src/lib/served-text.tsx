import type { ServedText } from "@trace/domain";
import { useLocale, useMessages } from "../i18n";
import { langOf } from "./format";

/**
 * A text served by the API in the page's language, or its English original marked "(in English)"
 * (in the page's language) with `lang="en"` so screen readers switch voice for it.
 */
export function ServedTextView({ text }: { text: ServedText }) {
  const m = useMessages();
  const locale = useLocale();
  return (
    <>
      <span lang={langOf(text, locale)}>{text.text}</span>
      {text.isFallback && (
        <>
          {" "}
          <span className="app-fallback-note">{m.common.inEnglish()}</span>
        </>
      )}
    </>
  );
}
