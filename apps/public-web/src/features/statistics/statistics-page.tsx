import { use, useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { DataTable, type DataTableColumn } from "@trace/ui/data-table";
import { Container } from "@trace/ui/page-layout";
import { Spinner } from "@trace/ui/spinner";
import type { Locale, StatsMonthCounts, StatsTimeline } from "@trace/domain";
import type { compileMessages, I18n, SiteMessages } from "../../i18n";
import { loadPageMessages, type PageCatalogs } from "../../i18n/page-messages";
import { formatNumber } from "../../lib/format";
import { trpcClient } from "../../lib/trpc";
import { MonthBarChart, type ChartSeries } from "./month-bar-chart";
import "./statistics.css";
import { UnavailableAlert } from "../../lib/unavailable-alert";

type StatisticsMessages = PageCatalogs["statistics"];

type Counted = keyof Omit<StatsMonthCounts, "month">;

/** The month as a date (UTC, the API counts months in UTC). */
const monthDate = (month: string) => new Date(`${month}-01T00:00:00Z`);

function monthFormatter(locale: Locale, month: "long" | "short") {
  return new Intl.DateTimeFormat(locale, {
    month,
    ...(month === "long" ? { year: "numeric" } : {}),
    timeZone: "UTC",
  });
}

interface ChartSpec {
  id: string;
  heading: string;
  series: { key: Counted; label: string }[];
  summary: string;
  extra?: string;
}

function chartSpecs(
  s: StatisticsMessages,
  timeline: StatsTimeline,
  longMonth: Intl.DateTimeFormat,
): ChartSpec[] {
  const { months } = timeline;
  const total = (key: Counted) => months.reduce((n, m) => n + m[key], 0);
  const first = months[0] ? longMonth.format(monthDate(months[0].month)) : "";
  const last = months.at(-1) ? longMonth.format(monthDate(months.at(-1)!.month)) : "";
  const tips = total("tipsReceived");
  const peakMonth = months.reduce<StatsMonthCounts | undefined>(
    (best, m) => (!best || m.tipsReceived > best.tipsReceived ? m : best),
    undefined,
  );
  const tipsSummary = s.statistics.tips.summary({ total: tips, first, last });
  return [
    {
      id: "tips",
      heading: s.statistics.tips.heading(),
      series: [{ key: "tipsReceived", label: s.statistics.tips.column() }],
      summary:
        tips > 0 && peakMonth
          ? `${tipsSummary} ${s.statistics.tips.peak({ peak: longMonth.format(monthDate(peakMonth.month)) })}`
          : tipsSummary,
    },
    {
      id: "objects",
      heading: s.statistics.objects.heading(),
      series: [
        { key: "objectsPublished", label: s.statistics.objects.published() },
        { key: "originsFound", label: s.statistics.objects.found() },
      ],
      summary: s.statistics.objects.summary({
        published: total("objectsPublished"),
        found: total("originsFound"),
        first,
        last,
      }),
    },
    {
      id: "narrowed",
      heading: s.statistics.narrowed.heading(),
      series: [{ key: "countriesNarrowed", label: s.statistics.narrowed.column() }],
      summary: s.statistics.narrowed.summary({ total: total("countriesNarrowed"), first, last }),
    },
    {
      id: "victims",
      heading: s.statistics.victims.heading(),
      series: [{ key: "victimsIdentified", label: s.statistics.victims.column() }],
      summary: s.statistics.victims.summary({ total: total("victimsIdentified"), first, last }),
      extra: s.statistics.victims.note(),
    },
  ];
}

function StatisticsCharts({
  s,
  locale,
  timeline,
}: {
  s: StatisticsMessages;
  locale: Locale;
  timeline: StatsTimeline;
}) {
  const longMonth = monthFormatter(locale, "long");
  const shortMonth = monthFormatter(locale, "short");
  const number = (value: number) => formatNumber(locale, value);
  const specs = chartSpecs(s, timeline, longMonth);

  return specs.map((spec) => {
    const headingId = `statistics-${spec.id}`;
    const chartSeries: ChartSeries[] = spec.series.map((entry) => ({
      key: entry.key,
      label: entry.label,
      values: timeline.months.map((m) => m[entry.key]),
    }));
    const columns: DataTableColumn<StatsMonthCounts>[] = [
      {
        key: "month",
        header: s.statistics.month(),
        render: (row) => longMonth.format(monthDate(row.month)),
        isRowHeader: true,
      },
      ...spec.series.map((entry) => ({
        key: entry.key,
        header: entry.label,
        render: (row: StatsMonthCounts) => number(row[entry.key]),
        align: "end" as const,
      })),
    ];
    return (
      <section key={spec.id} className="app-statistics__section" aria-labelledby={headingId}>
        <h2 id={headingId}>{spec.heading}</h2>
        <p>{spec.summary}</p>
        {spec.extra && <p className="app-muted">{spec.extra}</p>}
        <div className="app-statistics__pair">
          <figure className="app-statistics__chart">
            <MonthBarChart
              monthLabels={timeline.months.map((m) => shortMonth.format(monthDate(m.month)))}
              series={chartSeries}
              formatNumber={number}
              label={s.statistics.chartNote({ label: spec.heading })}
            />
            {chartSeries.length > 1 && (
              <ul className="app-chart-legend" aria-hidden="true">
                {chartSeries.map((entry, index) => (
                  <li key={entry.key}>
                    <span className={`app-chart-legend__swatch app-chart__bar--${index}`} />
                    {entry.label}
                  </li>
                ))}
              </ul>
            )}
          </figure>
          <DataTable
            className="app-statistics__table"
            caption={spec.heading}
            columns={columns}
            rows={timeline.months}
            getRowKey={(row) => row.month}
          />
        </div>
      </section>
    );
  });
}

function StatisticsContent({
  s,
  m,
  locale,
}: {
  s: StatisticsMessages;
  m: SiteMessages;
  locale: Locale;
}) {
  const timeline = useQuery({
    queryKey: ["stats.timeline"] as const,
    queryFn: () => trpcClient.stats.timeline.query(),
  });
  if (timeline.isPending) return <Spinner label={s.statistics.loading()} isLabelVisible />;
  if (timeline.isError) {
    return <UnavailableAlert m={m} onRetry={() => void timeline.refetch()} />;
  }
  return <StatisticsCharts s={s} locale={locale} timeline={timeline.data} />;
}

/**
 * The statistics page: one chart per figure, each with a table of the same numbers beside it.
 * It gets the site's i18n from its route rather than importing the i18n module (see
 * loadPageMessages for why).
 */
export function StatisticsPage({ i18n, compile }: { i18n: I18n; compile: typeof compileMessages }) {
  const { locale, messages: m } = i18n;
  const [, setAttempt] = useState(0);
  // Suspends (the routes' <Suspense> shows its spinner) until this page's words are here.
  const s = use(loadPageMessages("statistics", locale, compile));
  const title = s?.statistics.documentTitle() ?? m.app.nav.statistics();
  useEffect(() => {
    document.title = m.app.documentTitle({ page: title });
  }, [m, title]);

  if (!s) {
    return (
      <Container className="app-page app-stack">
        <h1>{m.app.nav.statistics()}</h1>
        <UnavailableAlert m={m} onRetry={() => setAttempt((n) => n + 1)} />
      </Container>
    );
  }
  return (
    <Container className="app-page app-stack">
      <h1>{s.statistics.heading()}</h1>
      <p className="app-lead">{s.statistics.intro()}</p>
      <StatisticsContent s={s} m={m} locale={locale} />
    </Container>
  );
}
