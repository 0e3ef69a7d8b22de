import { lazy, Suspense, use, useEffect, useMemo, useState } from "react";
import { Alert } from "@trace/ui/alert";
import { Field, Select } from "@trace/ui/field";
import { Container } from "@trace/ui/page-layout";
import { Spinner } from "@trace/ui/spinner";
import {
  SAFEGUARDING_CONTACTS,
  safeguardingContactsFor,
  type Locale,
  type SafeguardingContacts,
} from "@trace/domain";
import type { compileMessages, I18n } from "../../i18n";
import { loadPageMessages, type PageCatalogs } from "../../i18n/page-messages";
import { likelyCountry } from "./likely-country";
import { UnavailableAlert } from "../../lib/unavailable-alert";

type SafeguardingMessages = PageCatalogs["safeguarding"];

/** The tip form (zod, the proof of work) is a chunk of its own, fetched with this page. */
const TipForm = lazy(() => import("../tip-form/tip-form").then((m) => ({ default: m.TipForm })));

/** The INHOPE network's site, where every member hotline is listed. */
const INHOPE_URL = "https://www.inhope.org/";

const telHref = (phone: string) => `tel:${phone.replace(/ /g, "")}`;

/** The covered countries, named in the page's language and sorted the way it sorts. */
function countryOptions(locale: Locale) {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const collator = new Intl.Collator(locale);
  return SAFEGUARDING_CONTACTS.map(({ country }) => ({
    value: country,
    label: names.of(country) ?? country,
  })).sort((a, b) => collator.compare(a.label, b.label));
}

function CountryContacts({
  s,
  contacts,
}: {
  s: SafeguardingMessages;
  contacts: SafeguardingContacts;
}) {
  return (
    <div className="app-stack app-stack--tight">
      <dl className="app-facts">
        <div>
          <dt>{s.safeguarding.emergency()}</dt>
          <dd>
            {contacts.emergency.map((number, index) => (
              <span key={number}>
                {index > 0 && ", "}
                <a href={telHref(number)}>{number}</a>
              </span>
            ))}
          </dd>
        </div>
        {contacts.onlineHotline && (
          <div>
            <dt>{s.safeguarding.hotline()}</dt>
            <dd>
              <a href={contacts.onlineHotline.url} rel="noopener noreferrer">
                {contacts.onlineHotline.name}
              </a>
            </dd>
          </div>
        )}
        {contacts.lines.map((line) => (
          <div key={`${line.kind}-${line.phone}`}>
            <dt>{s.safeguarding.lines[line.kind]()}</dt>
            <dd>
              {line.name} – <a href={telHref(line.phone)}>{line.phone}</a>
            </dd>
          </div>
        ))}
      </dl>
      <p className="app-muted">{s.safeguarding.checked({ date: new Date(contacts.checked) })}</p>
    </div>
  );
}

function SafeguardingContent({ s, i18n }: { s: SafeguardingMessages; i18n: I18n }) {
  const { locale, messages: m } = i18n;
  const title = s.safeguarding.documentTitle();
  useEffect(() => {
    document.title = m.app.documentTitle({ page: title });
  }, [m, title]);
  const [country, setCountry] = useState<string>(
    () => likelyCountry(locale, navigator.languages ?? []) ?? "",
  );
  const options = useMemo(() => countryOptions(locale), [locale]);
  const contacts = country ? safeguardingContactsFor(country) : undefined;
  const emergency = contacts?.emergency[0];

  return (
    <Container size="narrow" className="app-page app-stack">
      <h1>{s.safeguarding.heading()}</h1>
      <p className="app-lead">{s.safeguarding.intro()}</p>

      {/* First, whatever else the visitor came for: danger now is for the police. */}
      <Alert tone="danger" title={s.safeguarding.dangerTitle()}>
        <p>
          {emergency
            ? s.safeguarding.danger.rich({
                number: <a href={telHref(emergency)}>{emergency}</a>,
              })
            : s.safeguarding.dangerNoCountry()}
        </p>
      </Alert>

      <section aria-labelledby="safeguarding-where" className="app-stack">
        <h2 id="safeguarding-where">{s.safeguarding.whereHeading()}</h2>
        <Field label={s.safeguarding.country()} hint={s.safeguarding.countryHint()}>
          {(props) => (
            <Select
              {...props}
              options={options}
              placeholder={s.safeguarding.countryNone()}
              value={country}
              onChange={(e) => setCountry(e.currentTarget.value)}
            />
          )}
        </Field>
        {contacts && <CountryContacts s={s} contacts={contacts} />}
        <p>
          <strong>{s.safeguarding.hotlineHint()}</strong>
        </p>
        <p>
          {s.safeguarding.notListed()}{" "}
          <a href={INHOPE_URL} rel="noopener noreferrer">
            {s.safeguarding.inhopeLink()}
          </a>
        </p>
      </section>

      <Suspense fallback={<Spinner label={m.common.loading()} isLabelVisible />}>
        <TipForm mode="abuse" />
      </Suspense>
    </Container>
  );
}

/**
 * "I have information about abuse that is not about an object": where to report it in the
 * visitor's country, and the tip form without an object, whose tips go to the top of the queue.
 * It gets the site's i18n from its route rather than importing the i18n module (see
 * loadPageMessages).
 */
export function SafeguardingPage({
  i18n,
  compile,
}: {
  i18n: I18n;
  compile: typeof compileMessages;
}) {
  const { locale, messages: m } = i18n;
  const [, setAttempt] = useState(0);
  // Suspends (the routes' <Suspense> shows its spinner) until this page's words are here.
  const messages = use(loadPageMessages("safeguarding", locale, compile));
  if (!messages) {
    return (
      <Container size="narrow" className="app-page app-stack">
        <h1>{m.app.footerReportAbuse()}</h1>
        {/* Even without this page's words, the one thing that must not wait. */}
        <p>
          <strong>{m.home.safeguarding()}</strong>
        </p>
        <UnavailableAlert m={m} onRetry={() => setAttempt((n) => n + 1)} />
      </Container>
    );
  }
  return <SafeguardingContent s={messages} i18n={i18n} />;
}
