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
import { useMessages } from "../../i18n";
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
  const m = useMessages();
  useDocumentTitle(m.referrals.portal.title());
  return (
    <Container size="wide">
      <PageHeading>{m.referrals.portal.title()}</PageHeading>
      {can(user.role, "referral.respond") ? (
        <>
          <p>{m.referrals.portal.intro()}</p>
          <NewReferrals />
          <AllReferrals />
        </>
      ) : (
        <Alert tone="warning" title={m.referrals.portal.forbidden()} />
      )}
    </Container>
  );
}

function NewReferrals() {
  const m = useMessages();
  const trpc = useTRPC();
  const headingId = useId();
  const list = useQuery(
    trpc.agencyPortal.list.queryOptions({ status: "delivered", page: 1, pageSize: NEW_PAGE_SIZE }),
  );
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{m.referrals.portal.newHeading()}</h2>
      {list.isPending ? (
        <Spinner label={m.referrals.portal.loading()} />
      ) : list.isError ? (
        <ErrorAlert title={m.referrals.portal.loadError()} error={list.error} />
      ) : list.data.items.length === 0 ? (
        <p className="iw-muted">{m.referrals.portal.newEmpty()}</p>
      ) : (
        <PortalTable caption={m.referrals.portal.newCaption()} rows={list.data.items} />
      )}
    </section>
  );
}

function AllReferrals() {
  const m = useMessages();
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
      <h2 id={headingId}>{m.referrals.portal.allHeading()}</h2>
      <div className="iw-filters__grid">
        <Field label={m.referrals.portal.status()}>
          {(props) => (
            <Select
              {...props}
              value={query.status ?? ""}
              onChange={(e) =>
                go(queryFromFilters({ status: e.currentTarget.value, agencyId: "" }))
              }
              placeholder={m.referrals.portal.all()}
              options={PORTAL_STATUSES.map((s) => ({
                value: s,
                label: m.referrals.labels.status[s](),
              }))}
            />
          )}
        </Field>
      </div>
      {list.isPending ? (
        <Spinner label={m.referrals.portal.loading()} isLabelVisible />
      ) : list.isError ? (
        <ErrorAlert title={m.referrals.portal.loadError()} error={list.error} />
      ) : (
        <div className="iw-results" aria-busy={list.isPlaceholderData || undefined}>
          <div className="iw-results__bar">
            <p className="iw-results__count" role="status">
              {m.referrals.list.count({ n: list.data.total })}
            </p>
          </div>
          <PortalTable
            caption={m.referrals.portal.allCaption()}
            rows={list.data.items}
            emptyMessage={m.referrals.portal.empty()}
          />
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
  const m = useMessages();
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
          header: m.referrals.portal.columns.object(),
          isRowHeader: true,
          render: (row) => (
            <Link href={`/portal/${row.id}`}>
              {row.object
                ? `${row.object.ref} — ${row.object.title}`
                : m.referrals.portal.generalTips()}
            </Link>
          ),
        },
        {
          key: "tips",
          header: m.referrals.portal.columns.tips(),
          align: "end",
          render: (row) => row.tipCount,
        },
        {
          key: "received",
          header: m.referrals.portal.columns.received(),
          render: (row) => <WhenCell at={row.deliveredAt} />,
        },
        {
          key: "status",
          header: m.referrals.portal.columns.status(),
          render: (row) => <ReferralStatusBadge status={row.status} />,
        },
        {
          key: "acknowledged",
          header: m.referrals.portal.columns.acknowledged(),
          render: (row) => <AcknowledgedCell referral={row} />,
        },
        {
          key: "outcome",
          header: m.referrals.portal.columns.outcome(),
          render: (row) => <DispositionText disposition={row.disposition} />,
        },
        {
          key: "messages",
          header: m.referrals.portal.columns.messages(),
          render: (row) =>
            row.awaitingReply ? <Badge tone="info">{m.referrals.status.newFromHub()}</Badge> : null,
        },
      ]}
    />
  );
}
