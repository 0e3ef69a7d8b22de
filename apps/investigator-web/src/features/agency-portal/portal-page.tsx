import { can, REFERRAL_STATUSES, type ReferralSummary, type StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Badge } from "@trace/ui/badge";
import { DataTable } from "@trace/ui/data-table";
import { Field, Select } from "@trace/ui/field";
import { Container } from "@trace/ui/page-layout";
import { Pagination } from "@trace/ui/pagination";
import { Spinner } from "@trace/ui/spinner";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useMemo } from "react";
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
} from "../referrals/referral-badges";
import {
  parseReferralsSearch,
  queryFromFilters,
  referralPageCount,
  referralsHref,
  toReferralListInput,
  type ReferralsQuery,
} from "../referrals/referral-search";

/** A liaison's whole backlog fits one page: the API's largest page. */
const NEW_PAGE_SIZE = 100;
// Pending referrals never reach an agency, so they are no filter choice here.
const PORTAL_STATUSES = REFERRAL_STATUSES.filter((s) => s !== "pending");

/**
 * The agency liaison's landing page: referrals waiting for acknowledgement first, then every
 * referral to their agency. The API shows a liaison their own agency's referrals only.
 */
export function PortalPage({ user }: { user: StaffUser }) {
  const p = t.referrals.portal;
  useDocumentTitle(p.title);
  return (
    <Container size="wide">
      <PageHeading>{p.title}</PageHeading>
      {can(user.role, "referral.respond") ? (
        <>
          <p>{p.intro}</p>
          <NewReferrals />
          <AllReferrals />
        </>
      ) : (
        <Alert tone="warning" title={p.forbidden} />
      )}
    </Container>
  );
}

function NewReferrals() {
  const p = t.referrals.portal;
  const trpc = useTRPC();
  const headingId = useId();
  const list = useQuery(
    trpc.agencyPortal.list.queryOptions({ status: "delivered", page: 1, pageSize: NEW_PAGE_SIZE }),
  );
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{p.newHeading}</h2>
      {list.isPending ? (
        <Spinner label={p.loading} />
      ) : list.isError ? (
        <ErrorAlert title={p.loadError} error={list.error} />
      ) : list.data.items.length === 0 ? (
        <p className="iw-muted">{p.newEmpty}</p>
      ) : (
        <PortalTable caption={p.newCaption} rows={list.data.items} />
      )}
    </section>
  );
}

function AllReferrals() {
  const p = t.referrals.portal;
  const trpc = useTRPC();
  const headingId = useId();
  const search = useSearch();
  const [, navigate] = useLocation();
  const query = useMemo(() => {
    const parsed = parseReferralsSearch(search);
    return { ...parsed, agencyId: undefined };
  }, [search]);
  const go = (next: ReferralsQuery) => navigate(referralsHref("/portal", next));
  const list = useQuery({
    ...trpc.agencyPortal.list.queryOptions(toReferralListInput(query)),
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{p.allHeading}</h2>
      <div className="iw-filters__grid">
        <Field label={p.status}>
          {(props) => (
            <Select
              {...props}
              value={query.status ?? ""}
              onChange={(e) =>
                go(queryFromFilters({ status: e.currentTarget.value, agencyId: "" }))
              }
              placeholder={p.all}
              options={PORTAL_STATUSES.map((s) => ({
                value: s,
                label: t.referrals.labels.status[s],
              }))}
            />
          )}
        </Field>
      </div>
      {list.isPending ? (
        <Spinner label={p.loading} isLabelVisible />
      ) : list.isError ? (
        <ErrorAlert title={p.loadError} error={list.error} />
      ) : (
        <div className="iw-results" aria-busy={list.isPlaceholderData || undefined}>
          <div className="iw-results__bar">
            <p className="iw-results__count" role="status">
              {t.referrals.list.count(list.data.total)}
            </p>
          </div>
          <PortalTable caption={p.allCaption} rows={list.data.items} emptyMessage={p.empty} />
          <Pagination
            page={query.page}
            pageCount={referralPageCount(list.data.total)}
            onPageChange={(page) => go({ ...query, page })}
            label={t.referrals.list.pagination}
            previousLabel={t.referrals.list.previous}
            nextLabel={t.referrals.list.next}
            formatStatus={t.referrals.list.pageStatus}
          />
        </div>
      )}
    </section>
  );
}

function PortalTable({
  caption,
  rows,
  emptyMessage,
}: {
  caption: string;
  rows: ReferralSummary[];
  emptyMessage?: string;
}) {
  const p = t.referrals.portal;
  const c = p.columns;
  return (
    <DataTable
      caption={caption}
      isCaptionHidden
      rows={rows}
      getRowKey={(row) => row.id}
      emptyMessage={emptyMessage}
      columns={[
        {
          key: "object",
          header: c.object,
          isRowHeader: true,
          render: (row) => (
            <Link href={`/portal/${row.id}`}>
              {row.object ? `${row.object.ref} — ${row.object.title}` : p.generalTips}
            </Link>
          ),
        },
        { key: "tips", header: c.tips, align: "end", render: (row) => row.tipCount },
        {
          key: "received",
          header: c.received,
          render: (row) => <WhenCell at={row.deliveredAt} />,
        },
        {
          key: "status",
          header: c.status,
          render: (row) => <ReferralStatusBadge status={row.status} />,
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
            row.awaitingReply ? <Badge tone="info">{t.referrals.status.newFromHub}</Badge> : null,
        },
      ]}
    />
  );
}
