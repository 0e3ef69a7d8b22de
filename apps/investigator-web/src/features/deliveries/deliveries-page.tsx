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
import { messageFor, useMessages, type Messages } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { WhenCell } from "../referrals/referral-badges";
import { referralErrorText } from "../referrals/referral-errors";

const PAGE_SIZE = 50;
const SUMMARY_POLL_MS = 15_000;

const topicLabel = (m: Messages, topic: string) =>
  messageFor(m.referrals.deliveries.topics, topic)?.() ?? topic;

/** Coordinators: what waits in the delivery queue, and the deliveries that ran out of attempts. */
export function DeliveriesPage({ user }: { user: StaffUser }) {
  const m = useMessages();
  useDocumentTitle(m.referrals.deliveries.title());
  return (
    <Container size="wide">
      <PageHeading>{m.referrals.deliveries.title()}</PageHeading>
      {can(user.role, "delivery.manage") ? (
        <>
          <QueueSummary />
          <DeadLetters />
        </>
      ) : (
        <Alert tone="warning" title={m.referrals.deliveries.forbidden()} />
      )}
    </Container>
  );
}

function QueueSummary() {
  const m = useMessages();
  const trpc = useTRPC();
  const headingId = useId();
  // The queue moves by itself (the worker runs in the background): keep the counts current.
  const summary = useQuery({
    ...trpc.deliveries.summary.queryOptions(),
    refetchInterval: SUMMARY_POLL_MS,
  });
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{m.referrals.deliveries.summaryHeading()}</h2>
      {summary.isPending ? (
        <Spinner label={m.referrals.deliveries.loading()} />
      ) : summary.isError ? (
        <ErrorAlert title={m.referrals.deliveries.summaryLoadError()} error={summary.error} />
      ) : (
        <DataTable
          caption={m.referrals.deliveries.summaryCaption()}
          isCaptionHidden
          rows={summary.data}
          getRowKey={(row) => row.topic}
          emptyMessage={m.referrals.deliveries.summaryEmpty()}
          columns={[
            {
              key: "topic",
              header: m.referrals.deliveries.summaryColumns.topic(),
              isRowHeader: true,
              render: (r) => topicLabel(m, r.topic),
            },
            {
              key: "pending",
              header: m.referrals.deliveries.summaryColumns.pending(),
              align: "end",
              render: (r) => r.pending,
            },
            {
              key: "retrying",
              header: m.referrals.deliveries.summaryColumns.retrying(),
              align: "end",
              render: (r) => r.retrying,
            },
            {
              key: "dead",
              header: m.referrals.deliveries.summaryColumns.dead(),
              align: "end",
              render: (r) => r.dead,
            },
            {
              key: "oldest",
              header: m.referrals.deliveries.summaryColumns.oldest(),
              render: (r) => <WhenCell at={r.oldestPendingAt} />,
            },
          ]}
        />
      )}
    </section>
  );
}

function DeadLetters() {
  const m = useMessages();
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
      <h2 id={headingId}>{m.referrals.deliveries.deadHeading()}</h2>
      <p>{m.referrals.deliveries.deadIntro()}</p>
      {redeliver.isSuccess && (
        <Alert
          tone="success"
          live
          title={m.referrals.deliveries.redelivered({ id: redeliver.data.id })}
        />
      )}
      {redeliver.isError && (
        <ErrorAlert
          live
          title={`${m.referrals.deliveries.redeliverFailed()} ${referralErrorText(m, redeliver.error)}`}
          error={redeliver.error}
        />
      )}
      {dead.isPending ? (
        <Spinner label={m.referrals.deliveries.loading()} isLabelVisible />
      ) : dead.isError ? (
        <ErrorAlert title={m.referrals.deliveries.deadLoadError()} error={dead.error} />
      ) : (
        <div className="iw-results" aria-busy={dead.isPlaceholderData || undefined}>
          <DataTable<DeadLetter>
            caption={m.referrals.deliveries.deadCaption()}
            isCaptionHidden
            rows={dead.data.items}
            getRowKey={(job) => job.id}
            emptyMessage={m.referrals.deliveries.deadEmpty()}
            columns={[
              {
                key: "job",
                header: m.referrals.deliveries.columns.job(),
                isRowHeader: true,
                render: (job) => (
                  <span className="iw-mono">
                    {m.referrals.deliveries.jobNumber({ id: job.id })}
                  </span>
                ),
              },
              {
                key: "what",
                header: m.referrals.deliveries.columns.what(),
                render: (job) =>
                  job.referral ? (
                    <Link href={`/referrals/${job.referral.id}`}>
                      {m.referrals.deliveries.referralTo({
                        agency: `${job.referral.agency.code} — ${job.referral.agency.name}`,
                      })}
                    </Link>
                  ) : (
                    topicLabel(m, job.topic)
                  ),
              },
              {
                key: "attempts",
                header: m.referrals.deliveries.columns.attempts(),
                align: "end",
                render: (job) => job.attempts,
              },
              {
                key: "error",
                header: m.referrals.deliveries.columns.lastError(),
                render: (job) =>
                  job.lastError ? (
                    <span className="iw-mono">{job.lastError}</span>
                  ) : (
                    <span className="iw-muted">{m.referrals.deliveries.noError()}</span>
                  ),
              },
              {
                key: "created",
                header: m.referrals.deliveries.columns.created(),
                render: (job) => <WhenCell at={job.createdAt} />,
              },
              {
                key: "dead",
                header: m.referrals.deliveries.columns.dead(),
                render: (job) => <WhenCell at={job.deadAt} />,
              },
              {
                key: "actions",
                header: <VisuallyHidden>{m.referrals.deliveries.redeliver()}</VisuallyHidden>,
                render: (job) => (
                  <Button
                    variant="secondary"
                    size="small"
                    aria-label={m.referrals.deliveries.redeliverLabel({ id: job.id })}
                    isLoading={busyJob === job.id}
                    disabled={busyJob !== null && busyJob !== job.id}
                    onClick={() => redeliver.mutate({ jobId: job.id })}
                  >
                    {m.referrals.deliveries.redeliver()}
                  </Button>
                ),
              },
            ]}
          />
          <Pagination
            page={page}
            pageCount={Math.max(1, Math.ceil(dead.data.total / PAGE_SIZE))}
            onPageChange={setPage}
            label={m.referrals.deliveries.pagination()}
            previousLabel={m.referrals.deliveries.previous()}
            nextLabel={m.referrals.deliveries.next()}
            formatStatus={(page, pageCount) =>
              m.referrals.deliveries.pageStatus({ page, pages: pageCount })
            }
          />
        </div>
      )}
    </section>
  );
}
