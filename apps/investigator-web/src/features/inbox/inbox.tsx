import { Alert } from "@trace/ui/alert";
import { Pagination } from "@trace/ui/pagination";
import { Spinner } from "@trace/ui/spinner";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useLocation, useSearch } from "wouter";
import { ErrorAlert } from "../../components/error-message";
import { useMessages } from "../../i18n";
import { errorCode } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { FiltersForm } from "./filters-form";
import { SearchForm } from "./search-form";
import {
  inboxHref,
  pageCount,
  parseInboxSearch,
  toTipListInput,
  type InboxQuery,
} from "./inbox-search";
import { TipsTable } from "./tips-table";
import { BulkTriageForm } from "./bulk-triage-form";
import { QueueNav } from "./queue-nav";

/** Filters, results and pages; everything it shows follows from the URL's query string. */
export function Inbox({ canTriage }: { canTriage: boolean }) {
  const m = useMessages();
  const trpc = useTRPC();
  const search = useSearch();
  const [, navigate] = useLocation();
  const query = useMemo(() => parseInboxSearch(search), [search]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const list = useQuery({
    ...trpc.tips.list.queryOptions(toTipListInput(query)),
    // Keep the last page on screen while the next one loads, rather than flashing a spinner.
    placeholderData: keepPreviousData,
  });
  // Applying the view already shown reloads it rather than stacking a duplicate history entry.
  const go = (next: InboxQuery) => {
    const href = inboxHref(next);
    if (href === inboxHref(query)) void list.refetch();
    else navigate(href);
  };

  return (
    <>
      <QueueNav query={query} />
      <SearchForm query={query} onApply={go} />
      <FiltersForm query={query} onApply={go} />
      {list.isPending ? (
        <Spinner label={m.inbox.loading()} isLabelVisible />
      ) : list.isError && errorCode(list.error) === "FORBIDDEN" ? (
        <Alert tone="warning" title={m.forbidden.tips()} />
      ) : list.isError ? (
        <ErrorAlert
          title={m.inbox.loadError()}
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : (
        <div className="iw-results" aria-busy={list.isPlaceholderData || undefined}>
          <div className="iw-results__bar">
            <p className="iw-results__count" role="status">
              {list.data.isTotalCapped
                ? m.inbox.tipCountCapped({ n: list.data.total })
                : m.inbox.tipCount({ n: list.data.total })}
            </p>
            {list.isPlaceholderData && <Spinner label={m.inbox.loading()} />}
          </div>
          <TipsTable
            tips={list.data.items}
            query={query}
            selection={canTriage ? { selected, toggle } : undefined}
          />
          {canTriage && (
            <BulkTriageForm
              selected={list.data.items.filter((tip) => selected.has(tip.id)).map((tip) => tip.id)}
              onDone={() => setSelected(new Set())}
            />
          )}
          {list.data.isTotalCapped && (
            <p className="iw-results__hint">{m.inbox.tipCountCappedHint({ n: list.data.total })}</p>
          )}
          <Pagination
            page={query.page}
            pageCount={pageCount(list.data.total)}
            onPageChange={(page) => go({ ...query, page })}
            label={m.inbox.pagination()}
            previousLabel={m.inbox.previous()}
            nextLabel={m.inbox.next()}
            formatStatus={(page, pageCount) => m.inbox.pageStatus({ page, pageCount })}
          />
        </div>
      )}
    </>
  );
}
