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
import { useMessages } from "../../i18n";
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
  const m = useMessages();
  useDocumentTitle(m.referrals.list.title());
  return (
    <Container size="wide">
      <PageHeading>{m.referrals.list.title()}</PageHeading>
      {can(user.role, "referral.send") ? (
        <ReferralsList />
      ) : (
        <Alert tone="warning" title={m.referrals.list.forbidden()} />
      )}
    </Container>
  );
}

function ReferralsList() {
  const m = useMessages();
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
      <section aria-label={m.referrals.list.filters()} className="iw-filters">
        <div className="iw-filters__grid">
          <Field label={m.referrals.list.status()}>
            {(props) => (
              <Select
                {...props}
                value={filters.status}
                onChange={(e) =>
                  go(queryFromFilters({ ...filters, status: e.currentTarget.value }))
                }
                placeholder={m.referrals.list.all()}
                options={REFERRAL_STATUSES.map((s) => ({
                  value: s,
                  label: m.referrals.labels.status[s](),
                }))}
              />
            )}
          </Field>
          <Field label={m.referrals.list.agency()}>
            {(props) => (
              <Select
                {...props}
                value={filters.agencyId}
                onChange={(e) =>
                  go(queryFromFilters({ ...filters, agencyId: e.currentTarget.value }))
                }
                placeholder={m.referrals.list.all()}
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
            <Link href="/referrals">{m.referrals.list.clear()}</Link>
          </p>
        )}
      </section>
      {list.isPending ? (
        <Spinner label={m.referrals.list.loading()} isLabelVisible />
      ) : list.isError ? (
        <ErrorAlert title={m.referrals.list.loadError()} error={list.error} />
      ) : (
        <div className="iw-results" aria-busy={list.isPlaceholderData || undefined}>
          <div className="iw-results__bar">
            <p className="iw-results__count" role="status">
              {m.referrals.list.count({ n: list.data.total })}
            </p>
            {list.isPlaceholderData && <Spinner label={m.referrals.list.loading()} />}
          </div>
          <HubReferralsTable rows={list.data.items} />
          <Pagination
            page={query.page}
            pageCount={referralPageCount(list.data.total)}
            onPageChange={(page) => go({ ...query, page })}
            label={m.referrals.list.pagination()}
            previousLabel={m.referrals.list.previous()}
            nextLabel={m.referrals.list.next()}
            formatStatus={(page, pageCount) =>
              m.referrals.list.pageStatus({ page, pages: pageCount })
            }
          />
        </div>
      )}
    </>
  );
}

function HubReferralsTable({ rows }: { rows: ReferralSummary[] }) {
  const m = useMessages();
  return (
    <DataTable
      caption={m.referrals.list.tableCaption()}
      isCaptionHidden
      rows={rows}
      getRowKey={(row) => row.id}
      emptyMessage={m.referrals.list.empty()}
      columns={[
        {
          key: "agency",
          header: m.referrals.list.columns.agency(),
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
          header: m.referrals.list.columns.object(),
          render: (row) =>
            row.object ? (
              <>
                <span className="iw-mono iw-nowrap">{row.object.ref}</span>
                <span className="iw-cell-secondary">{row.object.title}</span>
              </>
            ) : (
              <span className="iw-muted">{m.referrals.list.generalTips()}</span>
            ),
        },
        {
          key: "tips",
          header: m.referrals.list.columns.tips(),
          align: "end",
          render: (row) => row.tipCount,
        },
        {
          key: "status",
          header: m.referrals.list.columns.status(),
          render: (row) => <ReferralStatusBadge status={row.status} />,
        },
        {
          key: "sent",
          header: m.referrals.list.columns.sent(),
          render: (row) => <WhenCell at={row.createdAt} />,
        },
        {
          key: "delivered",
          header: m.referrals.list.columns.delivered(),
          render: (row) => <WhenCell at={row.deliveredAt} />,
        },
        {
          key: "acknowledged",
          header: m.referrals.list.columns.acknowledged(),
          render: (row) => <AcknowledgedCell referral={row} />,
        },
        {
          key: "outcome",
          header: m.referrals.list.columns.outcome(),
          render: (row) => <DispositionText disposition={row.disposition} />,
        },
        {
          key: "messages",
          header: m.referrals.list.columns.messages(),
          render: (row) =>
            row.awaitingReply ? (
              <Badge tone="warning">{m.referrals.status.awaitingReply()}</Badge>
            ) : null,
        },
      ]}
    />
  );
}
