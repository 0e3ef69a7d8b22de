import { use, useEffect, useState } from "react";
import { DataTable } from "@trace/ui/data-table";
import { Container } from "@trace/ui/page-layout";
import { DEFAULT_RETENTION_POLICY } from "@trace/domain";
import type { compileMessages, I18n, SiteMessages } from "../../i18n";
import { loadPageMessages, type PageCatalogs } from "../../i18n/page-messages";
import { UnavailableAlert } from "../../lib/unavailable-alert";

type PrivacyMessages = PageCatalogs["privacy"];

/**
 * The periods the page quotes. They are the API's defaults (RETENTION_CLOSED_DAYS and
 * RETENTION_SPAM_DAYS, docs/ARCHITECTURE.md "What is kept, and for how long"); a deployment that
 * changes them must say so here too.
 */
const PERIODS = {
  closedDays: DEFAULT_RETENTION_POLICY.closedDays,
  spamDays: DEFAULT_RETENTION_POLICY.spamDays,
};

function Section({ id, heading, children }: { id: string; heading: string; children: string[] }) {
  return (
    <section aria-labelledby={id} className="app-stack app-stack--tight">
      <h2 id={id}>{heading}</h2>
      {children.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </section>
  );
}

function PrivacyContent({ s }: { s: PrivacyMessages }) {
  return (
    <Container className="app-page app-stack">
      <h1>{s.privacy.heading()}</h1>
      <p className="app-lead">{s.privacy.intro()}</p>

      <section aria-labelledby="privacy-summary" className="app-stack app-stack--tight">
        <h2 id="privacy-summary">{s.privacy.tableHeading()}</h2>
        <DataTable
          caption={s.privacy.table.caption()}
          isCaptionHidden
          columns={[
            {
              key: "what",
              header: s.privacy.table.what(),
              isRowHeader: true,
              render: (r) => r.what,
            },
            { key: "keptFor", header: s.privacy.table.keptFor(), render: (r) => r.keptFor },
            { key: "whoSees", header: s.privacy.table.whoSees(), render: (r) => r.whoSees },
          ]}
          rows={s.privacy.table.rows.map((row) => ({
            what: row.what(),
            keptFor: row.keptFor(PERIODS),
            whoSees: row.whoSees(),
          }))}
          getRowKey={(r) => r.what}
        />
      </section>

      <Section id="privacy-who" heading={s.privacy.whoHeading()}>
        {[s.privacy.who()]}
      </Section>
      <Section id="privacy-address" heading={s.privacy.addressHeading()}>
        {[s.privacy.address(), s.privacy.addressCaveat()]}
      </Section>
      <Section id="privacy-cookies" heading={s.privacy.cookiesHeading()}>
        {[s.privacy.cookies()]}
      </Section>
      <Section id="privacy-contact" heading={s.privacy.contactHeading()}>
        {[s.privacy.contact()]}
      </Section>
      <Section id="privacy-photos" heading={s.privacy.photosHeading()}>
        {[s.privacy.photos()]}
      </Section>
      <Section id="privacy-retention" heading={s.privacy.retentionHeading()}>
        {[
          s.privacy.retentionClosed(PERIODS),
          s.privacy.retentionPassedOn(),
          s.privacy.retentionSpam(PERIODS),
          s.privacy.retentionWords(),
        ]}
      </Section>
      <Section id="privacy-checks" heading={s.privacy.checksHeading()}>
        {[s.privacy.checks()]}
      </Section>
    </Container>
  );
}

/**
 * The privacy page; its long texts are a catalog of their own, downloaded with it. It gets the
 * site's i18n from its route rather than importing the i18n module (see loadPageMessages).
 */
export function PrivacyPage({ i18n, compile }: { i18n: I18n; compile: typeof compileMessages }) {
  const { locale, messages: m } = i18n;
  const [, setAttempt] = useState(0);
  // Suspends (the routes' <Suspense> shows its spinner) until this page's words are here.
  const messages = use(loadPageMessages("privacy", locale, compile));
  useDocumentTitle(m, messages?.privacy.documentTitle() ?? m.app.footerPrivacy());
  if (!messages) {
    return (
      <Container size="narrow" className="app-page app-stack">
        <h1>{m.app.footerPrivacy()}</h1>
        <UnavailableAlert m={m} onRetry={() => setAttempt((n) => n + 1)} />
      </Container>
    );
  }
  return <PrivacyContent s={messages} />;
}

function useDocumentTitle(m: SiteMessages, title: string) {
  useEffect(() => {
    document.title = m.app.documentTitle({ page: title });
  }, [m, title]);
}
