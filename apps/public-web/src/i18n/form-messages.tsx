import { use, useMemo, useState, type ReactNode } from "react";
import type { Locale } from "@trace/domain";
import { UnavailableAlert } from "../lib/unavailable-alert";
import { I18nContext, loadFormMessages, useI18n, type Messages } from ".";

/** One download per locale; a failed one resolves to null (and is dropped, to retry). */
const downloads = new Map<Locale, Promise<Messages | null>>();

function download(locale: Locale): Promise<Messages | null> {
  let pending = downloads.get(locale);
  if (!pending) {
    pending = loadFormMessages(locale).catch(() => null);
    downloads.set(locale, pending);
  }
  return pending;
}

/**
 * Makes the forms catalog (tip form, receipt, tip check) available to `useFormMessages` below it.
 * While it downloads, the nearest <Suspense> shows its fallback; if the download fails, a retry
 * button takes the place of the children.
 */
export function WithFormMessages({ children }: { children: ReactNode }) {
  const i18n = useI18n();
  const [, setAttempt] = useState(0);
  // Once loaded, LocalizedSite puts them in the context itself (see loadI18n).
  const formMessages = i18n.formMessages ?? use(download(i18n.locale));
  const value = useMemo(() => ({ ...i18n, formMessages }), [i18n, formMessages]);
  if (!formMessages) {
    return (
      <UnavailableAlert
        m={i18n.messages}
        onRetry={() => {
          downloads.delete(i18n.locale);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  return <I18nContext value={value}>{children}</I18nContext>;
}
