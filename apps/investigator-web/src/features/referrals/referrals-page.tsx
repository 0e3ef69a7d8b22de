import { can, REFERRAL_STATUSES, type ReferralSummary, type StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Badge } from "@trace/ui/badge";
import { DataTable } from "@trace/ui/data-table";
import { Field, Select } from "@trace/ui/field";
import { Container } from "@trace/ui/page-layout";
import { Pagination } from "@trace/ui/pagination";
import { Spinner } from "@trace/ui/spinner";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { ErrorAlert } from "../../components/error-message";
import { t } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import {
  AcknowledgedCell,
  DispositionText,
  ReferralStatusBadge,
  WhenCell,
} from "./referral-badges";
import {
  parseReferralsSearch,
  queryFromFilters,
  referralPageCount,
  referralsHref,
  toReferralListInput,
  type ReferralsQuery,
} from "./referral-search";

/** Every referral the hub has sent; filters and page live in the URL. */
export function ReferralsPage({ user }: { user: StaffUser }) {
  const l = t.referrals.list;
  useDocumentTitle(l.title);
  return (
    <Container size="wide">
      <PageHeading>{l.title}</PageHeading>
      {can(user.role, "referral.send") ? (
        <ReferralsList />
      ) : (
        <Alert tone="warning" title={l.forbidden} />
      )}
    </Container>
  );
}

function ReferralsList() {
  const l = t.referrals.list;
  const trpc = useTRPC();
  const search = useSearch();
  const [, navigate] = useLocation();
  const query = useMemo(() => parseReferralsSearch(search), [search]);
  const go = (next: ReferralsQuery) => navigate(referralsHref("/referrals", next));
  const agencies = useQuery(trpc.agencies.list.queryOptions());
  const list = useQuery({
    ...trpc.referrals.list.queryOptions(toReferralListInput(query)),
    placeholderData: keepPreviousData,
  });

  const filters = { status: query.status ?? "", agencyId: query.agencyId ?? "" };
  return (
    <>
      <section aria-label={l.filters} className="iw-filters">
        <div className="iw-filters__grid">
          <Field label={l.status}>
            {(props) => (
              <Select
                {...props}
                value={filters.status}
                onChange={(e) =>
                  go(queryFromFilters({ ...filters, status: e.currentTarget.value }))
                }
                placeholder={l.all}
                options={REFERRAL_STATUSES.map((s) => ({
                  value: s,
                  label: t.referrals.labels.status[s],
                }))}
              />
            )}
          </Field>
          <Field label={l.agency}>
            {(props) => (
              <Select
                {...props}
                value={filters.agencyId}
                onChange={(e) =>
                  go(queryFromFilters({ ...filters, agencyId: e.currentTarget.value }))
                }
                placeholder={l.all}
                options={(agencies.data ?? []).map((a) => ({
                  value: a.id,
                  label: `${a.code} — ${a.name}`,
                }))}
              />
            )}
          </Field>
        </div>
        {(query.status || query.agencyId) && (
          <p className="iw-filters__actions">
            <Link href="/referrals">{l.clear}</Link>
          </p>
        )}
      </section>
      {list.isPending ? (
        <Spinner label={l.loading} isLabelVisible />
      ) : list.isError ? (
        <ErrorAlert title={l.loadError} error={list.error} />
      ) : (
        <div className="iw-results" aria-busy={list.isPlaceholderData || undefined}>
          <div className="iw-results__bar">
            <p className="iw-results__count" role="status">
              {l.count(list.data.total)}
            </p>
            {list.isPlaceholderData && <Spinner label={l.loading} />}
          </div>
          <HubReferralsTable rows={list.data.items} />
          <Pagination
            page={query.page}
            pageCount={referralPageCount(list.data.total)}
            onPageChange={(page) => go({ ...query, page })}
            label={l.pagination}
            previousLabel={l.previous}
            nextLabel={l.next}
            formatStatus={l.pageStatus}
          />
        </div>
      )}
    </>
  );
}

function HubReferralsTable({ rows }: { rows: ReferralSummary[] }) {
  const l = t.referrals.list;
  const c = l.columns;
  return (
    <DataTable
      caption={l.tableCaption}
      isCaptionHidden
      rows={rows}
      getRowKey={(row) => row.id}
      emptyMessage={l.empty}
      columns={[
        {
          key: "agency",
          header: c.agency,
          isRowHeader: true,
          render: (row) => (
            <>
              <Link href={`/referrals/${row.id}`} className="iw-nowrap">
                {row.agency.code}
              </Link>
              <span className="iw-cell-secondary">{row.agency.name}</span>
            </>
          ),
        },
        {
          key: "object",
          header: c.object,
          render: (row) =>
            row.object ? (
              <>
                <span className="iw-mono iw-nowrap">{row.object.ref}</span>
                <span className="iw-cell-secondary">{row.object.title}</span>
              </>
            ) : (
              <span className="iw-muted">{l.generalTips}</span>
            ),
        },
        { key: "tips", header: c.tips, align: "end", render: (row) => row.tipCount },
        {
          key: "status",
          header: c.status,
          render: (row) => <ReferralStatusBadge status={row.status} />,
        },
        { key: "sent", header: c.sent, render: (row) => <WhenCell at={row.createdAt} /> },
        {
          key: "delivered",
          header: c.delivered,
          render: (row) => <WhenCell at={row.deliveredAt} />,
        },
        {
          key: "acknowledged",
          header: c.acknowledged,
          render: (row) => <AcknowledgedCell referral={row} />,
        },
        {
          key: "outcome",
          header: c.outcome,
          render: (row) => <DispositionText disposition={row.disposition} />,
        },
        {
          key: "messages",
          header: c.messages,
          render: (row) =>
            row.awaitingReply ? (
              <Badge tone="warning">{t.referrals.status.awaitingReply}</Badge>
            ) : null,
        },
      ]}
    />
  );
}
