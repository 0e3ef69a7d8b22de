import { can, type DeadLetter, type StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { DataTable } from "@trace/ui/data-table";
import { Container } from "@trace/ui/page-layout";
import { Pagination } from "@trace/ui/pagination";
import { Spinner } from "@trace/ui/spinner";
import { VisuallyHidden } from "@trace/ui/visually-hidden";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link } from "wouter";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { ErrorAlert } from "../../components/error-message";
import { t } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { WhenCell } from "../referrals/referral-badges";
import { referralErrorText } from "../referrals/referral-errors";

const PAGE_SIZE = 50;
const SUMMARY_POLL_MS = 15_000;

const topicLabel = (topic: string) => t.referrals.deliveries.topics[topic] ?? topic;

/** Coordinators: what waits in the delivery queue, and the deliveries that ran out of attempts. */
export function DeliveriesPage({ user }: { user: StaffUser }) {
  const d = t.referrals.deliveries;
  useDocumentTitle(d.title);
  return (
    <Container size="wide">
      <PageHeading>{d.title}</PageHeading>
      {can(user.role, "delivery.manage") ? (
        <>
          <QueueSummary />
          <DeadLetters />
        </>
      ) : (
        <Alert tone="warning" title={d.forbidden} />
      )}
    </Container>
  );
}

function QueueSummary() {
  const d = t.referrals.deliveries;
  const c = d.summaryColumns;
  const trpc = useTRPC();
  const headingId = useId();
  // The queue moves by itself (the worker runs in the background): keep the counts current.
  const summary = useQuery({
    ...trpc.deliveries.summary.queryOptions(),
    refetchInterval: SUMMARY_POLL_MS,
  });
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{d.summaryHeading}</h2>
      {summary.isPending ? (
        <Spinner label={d.loading} />
      ) : summary.isError ? (
        <ErrorAlert title={d.summaryLoadError} error={summary.error} />
      ) : (
        <DataTable
          caption={d.summaryCaption}
          isCaptionHidden
          rows={summary.data}
          getRowKey={(row) => row.topic}
          emptyMessage={d.summaryEmpty}
          columns={[
            {
              key: "topic",
              header: c.topic,
              isRowHeader: true,
              render: (r) => topicLabel(r.topic),
            },
            { key: "pending", header: c.pending, align: "end", render: (r) => r.pending },
            { key: "retrying", header: c.retrying, align: "end", render: (r) => r.retrying },
            { key: "dead", header: c.dead, align: "end", render: (r) => r.dead },
            { key: "oldest", header: c.oldest, render: (r) => <WhenCell at={r.oldestPendingAt} /> },
          ]}
        />
      )}
    </section>
  );
}

function DeadLetters() {
  const d = t.referrals.deliveries;
  const c = d.columns;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [page, setPage] = useState(1);
  const dead = useQuery({
    ...trpc.deliveries.deadLetters.queryOptions({
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const redeliver = useMutation(
    trpc.deliveries.redeliver.mutationOptions({
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.deliveries.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.referrals.pathKey() }),
        ]),
    }),
  );
  const busyJob = redeliver.isPending ? redeliver.variables.jobId : null;

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{d.deadHeading}</h2>
      <p>{d.deadIntro}</p>
      {redeliver.isSuccess && (
        <Alert tone="success" live title={d.redelivered(redeliver.data.id)} />
      )}
      {redeliver.isError && (
        <ErrorAlert
          live
          title={`${d.redeliverFailed} ${referralErrorText(redeliver.error)}`}
          error={redeliver.error}
        />
      )}
      {dead.isPending ? (
        <Spinner label={d.loading} isLabelVisible />
      ) : dead.isError ? (
        <ErrorAlert title={d.deadLoadError} error={dead.error} />
      ) : (
        <div className="iw-results" aria-busy={dead.isPlaceholderData || undefined}>
          <DataTable<DeadLetter>
            caption={d.deadCaption}
            isCaptionHidden
            rows={dead.data.items}
            getRowKey={(job) => job.id}
            emptyMessage={d.deadEmpty}
            columns={[
              {
                key: "job",
                header: c.job,
                isRowHeader: true,
                render: (job) => <span className="iw-mono">{d.jobNumber(job.id)}</span>,
              },
              {
                key: "what",
                header: c.what,
                render: (job) =>
                  job.referral ? (
                    <Link href={`/referrals/${job.referral.id}`}>
                      {d.referralTo(`${job.referral.agency.code} — ${job.referral.agency.name}`)}
                    </Link>
                  ) : (
                    topicLabel(job.topic)
                  ),
              },
              { key: "attempts", header: c.attempts, align: "end", render: (job) => job.attempts },
              {
                key: "error",
                header: c.lastError,
                render: (job) =>
                  job.lastError ? (
                    <span className="iw-mono">{job.lastError}</span>
                  ) : (
                    <span className="iw-muted">{d.noError}</span>
                  ),
              },
              {
                key: "created",
                header: c.created,
                render: (job) => <WhenCell at={job.createdAt} />,
              },
              { key: "dead", header: c.dead, render: (job) => <WhenCell at={job.deadAt} /> },
              {
                key: "actions",
                header: <VisuallyHidden>{d.redeliver}</VisuallyHidden>,
                render: (job) => (
                  <Button
                    variant="secondary"
                    size="small"
                    aria-label={d.redeliverLabel(job.id)}
                    isLoading={busyJob === job.id}
                    disabled={busyJob !== null && busyJob !== job.id}
                    onClick={() => redeliver.mutate({ jobId: job.id })}
                  >
                    {d.redeliver}
                  </Button>
                ),
              },
            ]}
          />
          <Pagination
            page={page}
            pageCount={Math.max(1, Math.ceil(dead.data.total / PAGE_SIZE))}
            onPageChange={setPage}
            label={d.pagination}
            previousLabel={d.previous}
            nextLabel={d.next}
            formatStatus={d.pageStatus}
          />
        </div>
      )}
    </section>
  );
}
