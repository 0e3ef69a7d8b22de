import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { ButtonLink } from "@trace/ui/button";
import { Container } from "@trace/ui/page-layout";
import { Spinner } from "@trace/ui/spinner";
import { Stat, StatGrid } from "@trace/ui/stat";
import type { StatsSummary } from "@trace/domain";
import { useLocale, useMessages } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { publicQueries } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";

/** The figures shown, in this order; `agencies` is for the about page later. */
const FIGURES = [
  "openObjects",
  "originsFound",
  "tipsReceived",
  "countriesNarrowed",
  "victimsIdentified",
] as const satisfies readonly (keyof StatsSummary)[];

function HeadlineFigures() {
  const m = useMessages();
  const locale = useLocale();
  const stats = useQuery(publicQueries.statsSummary());

  if (stats.isPending) return <Spinner label={m.home.figuresLoading()} isLabelVisible />;
  if (stats.isError) return <p className="app-muted">{m.home.figuresUnavailable()}</p>;
  return (
    <StatGrid>
      {FIGURES.map((key) => (
        <Stat
          key={key}
          label={m.home.figures[key]()}
          value={formatNumber(locale, stats.data[key])}
        />
      ))}
    </StatGrid>
  );
}

export function HomePage() {
  const m = useMessages();
  useDocumentTitle(m.home.documentTitle(), true);

  return (
    <Container className="app-page app-stack">
      <section className="app-hero" aria-labelledby="home-heading">
        <h1 id="home-heading">{m.home.heading()}</h1>
        <p className="app-lead">{m.home.intro()}</p>
        <Link href="/objects" asChild>
          <ButtonLink size="large">{m.home.browse()}</ButtonLink>
        </Link>
      </section>

      <section aria-labelledby="home-safeguarding" className="app-safeguarding">
        <h2 id="home-safeguarding">{m.home.safeguardingHeading()}</h2>
        <p>{m.home.safeguarding()}</p>
        <p>
          <Link href="/report-abuse">{m.home.safeguardingLink()}</Link>
        </p>
      </section>

      <section aria-labelledby="home-why">
        <h2 id="home-why">{m.home.whyHeading()}</h2>
        <p>{m.home.why()}</p>
      </section>

      <section aria-labelledby="home-how">
        <h2 id="home-how">{m.home.howHeading()}</h2>
        <ol className="app-steps">
          {m.home.steps.map((step, index) => (
            <li key={index}>
              <h3>{step.title()}</h3>
              <p>{step.body()}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="home-figures">
        <h2 id="home-figures">{m.home.figuresHeading()}</h2>
        <HeadlineFigures />
        <p>
          <Link href="/statistics">{m.home.figuresMore()}</Link>
        </p>
      </section>
    </Container>
  );
}
