import { useEffect, useState } from "react";
import type { Locale } from "@trace/domain";
import { I18nContext, loadI18n, loadedI18n, type I18n } from "../i18n";
import { LOCALE_DIRECTIONS } from "../i18n/locales";
import { ReceiptProvider } from "../features/receipt/receipt-context";
import { Layout } from "./layout";
import { Routes } from "./routes";

/**
 * The site in one locale. While another language's catalog downloads (after a switch), the page
 * stays in the previous one instead of going blank; nothing else changes, so the page, its
 * scroll position and anything typed into a form are kept.
 */
export function LocalizedSite({ locale }: { locale: Locale }) {
  const [i18n, setI18n] = useState<I18n | null>(() => loadedI18n(locale) ?? null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (i18n?.locale === locale) return;
    let isCurrent = true;
    loadI18n(locale).then(
      (loaded) => {
        if (isCurrent) setI18n(loaded);
      },
      () => {
        if (isCurrent) setFailed(true);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [locale, i18n?.locale]);

  useEffect(() => {
    if (!i18n) return;
    document.documentElement.lang = i18n.locale;
    document.documentElement.dir = LOCALE_DIRECTIONS[i18n.locale];
  }, [i18n]);

  if (!i18n) {
    // Without its catalog the site has no words to say anything in; a reload is the only remedy.
    return failed ? (
      <p role="alert">
        <a href={window.location.href}>Trace ↻</a>
      </p>
    ) : null;
  }
  return (
    <I18nContext value={i18n}>
      <ReceiptProvider>
        <Layout>
          <Routes />
        </Layout>
      </ReceiptProvider>
    </I18nContext>
  );
}
