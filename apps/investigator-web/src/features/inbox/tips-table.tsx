import { Badge } from "@trace/ui/badge";
import { DataTable, type DataTableColumn } from "@trace/ui/data-table";
import { Link } from "wouter";
import { PriorityBadge, TriageBadge } from "../../components/tip-badges";
import { format, t } from "../../i18n";
import type { TipListRow } from "../../lib/trpc";
import { formatInboxSearch, type InboxQuery } from "./inbox-search";
import type { InboxLinkState } from "../tip-detail/inbox-link-state";

function columns(query: InboxQuery): DataTableColumn<TipListRow>[] {
  // The detail page's "Back to the inbox" returns to this very view (filters and page).
  const state: InboxLinkState = { inboxSearch: formatInboxSearch(query) };
  return [
    {
      key: "received",
      header: t.inbox.columns.received,
      render: (tip) => (
        <time dateTime={tip.receivedAt} className="iw-nowrap">
          {format.dateTime(tip.receivedAt)}
        </time>
      ),
    },
    {
      key: "priority",
      header: t.inbox.columns.priority,
      render: (tip) => (
        <span className="iw-badges">
          <PriorityBadge priority={tip.priority} />
          {tip.concernsOtherAbuse && <Badge tone="danger">{t.inbox.otherAbuse}</Badge>}
        </span>
      ),
    },
    {
      key: "status",
      header: t.inbox.columns.status,
      render: (tip) => <TriageBadge status={tip.triageStatus} />,
    },
    {
      key: "object",
      header: t.inbox.columns.object,
      render: (tip) =>
        tip.objectRef ? (
          <>
            <span className="iw-mono iw-nowrap">{tip.objectRef}</span>
            {tip.objectTitle && <span className="iw-cell-secondary">{tip.objectTitle}</span>}
          </>
        ) : (
          <span className="iw-muted">{t.inbox.generalTip}</span>
        ),
    },
    {
      key: "country",
      header: t.inbox.columns.country,
      render: (tip) =>
        tip.country ? (
          format.countryName(tip.country)
        ) : (
          <span className="iw-muted">{t.app.notGiven}</span>
        ),
    },
    {
      key: "language",
      header: t.inbox.columns.language,
      render: (tip) => format.languageName(tip.language),
    },
    {
      key: "excerpt",
      header: t.inbox.columns.excerpt,
      isRowHeader: true,
      // The link's whole name is the excerpt, verbatim: staff (and tests) find a tip by its words.
      render: (tip) => (
        <Link href={`/tips/${tip.id}`} state={state} className="iw-excerpt">
          {tip.excerpt.trim() === "" ? t.inbox.tipWithoutText : tip.excerpt}
        </Link>
      ),
    },
  ];
}

export function TipsTable({ tips, query }: { tips: readonly TipListRow[]; query: InboxQuery }) {
  return (
    <DataTable
      caption={t.inbox.tableCaption}
      columns={columns(query)}
      rows={tips}
      getRowKey={(tip) => tip.id}
      emptyMessage={t.inbox.empty}
      className="iw-tips-table"
    />
  );
}
