import { Badge } from "@trace/ui/badge";
import { VisuallyHidden } from "@trace/ui/visually-hidden";
import { DataTable, type DataTableColumn } from "@trace/ui/data-table";
import { Link } from "wouter";
import { PriorityBadge, TriageBadge } from "../../components/tip-badges";
import { useFormat, useMessages, type Messages } from "../../i18n";
import type { Formatters } from "../../lib/format";
import type { TipListRow } from "../../lib/trpc";
import { formatInboxSearch, type InboxQuery } from "./inbox-search";
import type { InboxLinkState } from "../tip-detail/inbox-link-state";

export interface Selection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
}

function excerptOf(m: Messages, tip: TipListRow): string {
  return tip.excerpt.trim() === "" ? m.inbox.tipWithoutText() : tip.excerpt;
}

function columns(
  m: Messages,
  format: Formatters,
  query: InboxQuery,
  selection?: Selection,
): DataTableColumn<TipListRow>[] {
  // The detail page's "Back to the inbox" returns to this very view (filters and page).
  const state: InboxLinkState = { inboxSearch: formatInboxSearch(query) };
  const select: DataTableColumn<TipListRow>[] = selection
    ? [
        {
          key: "select",
          header: <VisuallyHidden>{m.triage.inbox.bulkHeading()}</VisuallyHidden>,
          render: (tip) => (
            <input
              type="checkbox"
              className="iw-select"
              aria-label={m.triage.inbox.select({ excerpt: excerptOf(m, tip) })}
              checked={selection.selected.has(tip.id)}
              onChange={() => selection.toggle(tip.id)}
            />
          ),
        },
      ]
    : [];
  return [
    ...select,
    {
      key: "excerpt",
      header: m.inbox.columns.excerpt(),
      isRowHeader: true,
      // First: the words of the tip are what staff scan for.
      // The link's whole name is the excerpt, verbatim: staff (and tests) find a tip by its words.
      render: (tip) => (
        <Link href={`/tips/${tip.id}`} state={state} className="iw-excerpt">
          {excerptOf(m, tip)}
        </Link>
      ),
    },
    {
      key: "received",
      header: m.inbox.columns.received(),
      render: (tip) => (
        <time dateTime={tip.receivedAt} className="iw-nowrap">
          {format.dateTime(tip.receivedAt)}
        </time>
      ),
    },
    {
      key: "priority",
      header: m.inbox.columns.priority(),
      render: (tip) => (
        <span className="iw-badges">
          <PriorityBadge priority={tip.priority} />
          {tip.concernsOtherAbuse && <Badge tone="danger">{m.inbox.otherAbuse()}</Badge>}
          {tip.trust === "low" && <Badge tone="warning">{m.inbox.lowTrust()}</Badge>}
        </span>
      ),
    },
    {
      key: "status",
      header: m.inbox.columns.status(),
      render: (tip) => (
        <span className="iw-badges">
          <TriageBadge status={tip.triageStatus} />
          {tip.assigneeName && (
            <span className="iw-cell-secondary">
              {m.triage.inbox.assignee()}: {tip.assigneeName}
            </span>
          )}
        </span>
      ),
    },
    {
      key: "replies",
      header: m.triage.inbox.unreadColumn(),
      render: (tip) =>
        tip.unreadReplies > 0 ? (
          <Badge tone="info">{m.triage.inbox.unread({ n: tip.unreadReplies })}</Badge>
        ) : null,
    },
    {
      key: "object",
      header: m.inbox.columns.object(),
      render: (tip) =>
        tip.objectRef ? (
          <>
            <span className="iw-mono iw-nowrap">{tip.objectRef}</span>
            {tip.objectTitle && <span className="iw-cell-secondary">{tip.objectTitle}</span>}
          </>
        ) : (
          <span className="iw-muted">{m.inbox.generalTip()}</span>
        ),
    },
    {
      key: "country",
      header: m.inbox.columns.country(),
      render: (tip) =>
        tip.country ? (
          format.countryName(tip.country)
        ) : (
          <span className="iw-muted">{m.app.notGiven()}</span>
        ),
    },
    {
      key: "language",
      header: m.inbox.columns.language(),
      render: (tip) => format.languageName(tip.language),
    },
  ];
}

export function TipsTable({
  tips,
  query,
  selection,
}: {
  tips: readonly TipListRow[];
  query: InboxQuery;
  selection?: Selection;
}) {
  const m = useMessages();
  const format = useFormat();
  return (
    <DataTable
      caption={m.inbox.tableCaption()}
      columns={columns(m, format, query, selection)}
      rows={tips}
      getRowKey={(tip) => tip.id}
      emptyMessage={m.inbox.empty()}
      className="iw-tips-table"
    />
  );
}
