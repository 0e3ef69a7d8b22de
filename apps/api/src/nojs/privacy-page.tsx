/** @jsxImportSource hono/jsx */
import { DEFAULT_RETENTION_POLICY, type Locale } from "@trace/domain";
import { pageCatalog } from "../http/page-catalogs";
import { basicPath } from "./document";
import { compileCatalog, type Compiled, type Messages } from "./messages";

type PrivacyCatalog = ReturnType<typeof pageCatalog<"privacy">>;
export type PrivacyMessages = Compiled<PrivacyCatalog>;

/**
 * The periods the page quotes: the API's defaults, as on the site's privacy page
 * (apps/public-web/src/features/privacy/privacy-page.tsx), so both pages say the same.
 */
export const PRIVACY_PERIODS = {
  closedDays: DEFAULT_RETENTION_POLICY.closedDays,
  spamDays: DEFAULT_RETENTION_POLICY.spamDays,
};

const compiled = new Map<Locale, PrivacyMessages>();

/** The privacy page's own catalog (the site's locales/privacy/xx.json), compiled once. */
export function privacyMessagesFor(locale: Locale): PrivacyMessages {
  let messages = compiled.get(locale);
  if (!messages) {
    messages = compileCatalog(pageCatalog("privacy", locale), locale);
    compiled.set(locale, messages);
  }
  return messages;
}

function Section({
  id,
  heading,
  paragraphs,
}: {
  id: string;
  heading: string;
  paragraphs: string[];
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {paragraphs.map((paragraph) => (
        <p>{paragraph}</p>
      ))}
    </section>
  );
}

/**
 * What Trace keeps, for how long and who sees it: the site's privacy page, section by section
 * and with the same table, for a visitor whose browser runs no JavaScript.
 */
export function PrivacyPage({ locale, m, s }: { locale: Locale; m: Messages; s: PrivacyMessages }) {
  const p = s.privacy;
  return (
    <>
      <h1>{p.heading()}</h1>
      <p class="lead">{p.intro()}</p>

      <section aria-labelledby="privacy-summary">
        <h2 id="privacy-summary">{p.tableHeading()}</h2>
        {/* A focusable, named region, so a wide table scrolls sideways by keyboard too. */}
        <div class="table-wrap" role="region" aria-labelledby="privacy-table-caption" tabindex={0}>
          <table>
            <caption id="privacy-table-caption" class="visually-hidden">
              {p.table.caption()}
            </caption>
            <thead>
              <tr>
                <th scope="col">{p.table.what()}</th>
                <th scope="col">{p.table.keptFor()}</th>
                <th scope="col">{p.table.whoSees()}</th>
              </tr>
            </thead>
            <tbody>
              {p.table.rows.map((row) => (
                <tr>
                  <th scope="row">{row.what()}</th>
                  <td>{row.keptFor(PRIVACY_PERIODS)}</td>
                  <td>{row.whoSees()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <Section id="privacy-who" heading={p.whoHeading()} paragraphs={[p.who()]} />
      <Section
        id="privacy-address"
        heading={p.addressHeading()}
        paragraphs={[p.address(), p.addressCaveat()]}
      />
      <Section id="privacy-cookies" heading={p.cookiesHeading()} paragraphs={[p.cookies()]} />
      <Section id="privacy-contact" heading={p.contactHeading()} paragraphs={[p.contact()]} />
      <Section id="privacy-photos" heading={p.photosHeading()} paragraphs={[p.photos()]} />
      <Section
        id="privacy-retention"
        heading={p.retentionHeading()}
        paragraphs={[
          p.retentionClosed(PRIVACY_PERIODS),
          p.retentionPassedOn(),
          p.retentionSpam(PRIVACY_PERIODS),
          p.retentionWords(),
        ]}
      />
      <Section id="privacy-checks" heading={p.checksHeading()} paragraphs={[p.checks()]} />

      <ul>
        <li>
          <a href={basicPath(locale, "tip")}>{m.tipForm.heading()}</a>
        </li>
        <li>
          <a href={basicPath(locale)}>{m.basic.start()}</a>
        </li>
      </ul>
    </>
  );
}
