import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  can,
  type AuditAction,
  type AuditEntityType,
  type StaffUser,
} from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { DataTable } from "@trace/ui/data-table";
import { Field, Select, TextInput } from "@trace/ui/field";
import { Container } from "@trace/ui/page-layout";
import { Pagination } from "@trace/ui/pagination";
import { Spinner } from "@trace/ui/spinner";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { ErrorAlert } from "../../components/error-message";
import { useMessages, useFormat } from "../../i18n";
import { useTRPC, type StaffOutputs } from "../../lib/trpc";

type AuditRow = StaffOutputs["audit"]["list"]["items"][number];
const PAGE_SIZE = 50;

interface AuditFilters {
  action: string;
  entityType: string;
  actorId: string;
  /** `YYYY-MM-DD` from a date input, "" for none. */
  from: string;
  to: string;
}
const NO_FILTERS: AuditFilters = { action: "", entityType: "", actorId: "", from: "", to: "" };

/** Whole days in UTC, inclusive at both ends: the trail's times are stored in UTC. */
function toInput(filters: AuditFilters, page: number) {
  return {
    action: (filters.action || undefined) as AuditAction | undefined,
    entityType: (filters.entityType || undefined) as AuditEntityType | undefined,
    actorId: filters.actorId || undefined,
    from: filters.from ? `${filters.from}T00:00:00.000Z` : undefined,
    to: filters.to ? `${filters.to}T23:59:59.999Z` : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
}

export function AuditPage({ user }: { user: StaffUser }) {
  const m = useMessages();
  useDocumentTitle(m.triage.audit.title());
  return (
    <Container size="wide">
      <PageHeading>{m.triage.audit.title()}</PageHeading>
      {can(user.role, "audit.read") ? (
        <AuditLog />
      ) : (
        <Alert tone="warning" title={m.triage.audit.forbidden()} />
      )}
    </Container>
  );
}

function AuditLog() {
  const m = useMessages();
  const format = useFormat();
  const trpc = useTRPC();
  const headingId = useId();
  const [draft, setDraft] = useState(NO_FILTERS);
  const [filters, setFilters] = useState(NO_FILTERS);
  const [page, setPage] = useState(1);
  const actors = useQuery(trpc.audit.actors.queryOptions());
  const list = useQuery({
    ...trpc.audit.list.queryOptions(toInput(filters, page)),
    placeholderData: keepPreviousData,
  });
  const verify = useQuery({ ...trpc.audit.verify.queryOptions(), enabled: false, gcTime: 0 });

  const set = (key: keyof AuditFilters) => (value: string) =>
    setDraft((d) => ({ ...d, [key]: value }));
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilters(draft);
    setPage(1);
  }

  return (
    <>
      <form aria-labelledby={headingId} noValidate onSubmit={onSubmit} className="iw-filters">
        <h2 id={headingId} className="iw-filters__heading">
          {m.triage.audit.filters()}
        </h2>
        <div className="iw-filters__grid">
          <Field label={m.triage.audit.action()}>
            {(props) => (
              <Select
                {...props}
                options={AUDIT_ACTIONS.map((v) => ({
                  value: v,
                  label: m.triage.audit.actions[v](),
                }))}
                placeholder={m.triage.audit.all()}
                value={draft.action}
                onChange={(e) => set("action")(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field label={m.triage.audit.entityType()}>
            {(props) => (
              <Select
                {...props}
                options={AUDIT_ENTITY_TYPES.map((v) => ({
                  value: v,
                  label: m.triage.audit.entityTypes[v](),
                }))}
                placeholder={m.triage.audit.all()}
                value={draft.entityType}
                onChange={(e) => set("entityType")(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field label={m.triage.audit.actor()}>
            {(props) => (
              <Select
                {...props}
                options={(actors.data ?? []).map((s) => ({ value: s.id, label: s.displayName }))}
                placeholder={m.triage.audit.all()}
                value={draft.actorId}
                onChange={(e) => set("actorId")(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field label={m.triage.audit.from()}>
            {(props) => (
              <TextInput
                {...props}
                type="date"
                value={draft.from}
                onChange={(e) => set("from")(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field label={m.triage.audit.to()}>
            {(props) => (
              <TextInput
                {...props}
                type="date"
                value={draft.to}
                onChange={(e) => set("to")(e.currentTarget.value)}
              />
            )}
          </Field>
        </div>
        <div className="iw-filters__actions">
          <Button type="submit">{m.triage.audit.apply()}</Button>
          <Button
            variant="secondary"
            isLoading={verify.isFetching}
            onClick={() => void verify.refetch()}
          >
            {m.triage.audit.verify()}
          </Button>
        </div>
      </form>
      {verify.data && (
        <Alert tone={verify.data.brokenAt === null ? "success" : "danger"} live>
          <p>
            {verify.data.brokenAt === null
              ? m.triage.audit.intact({ n: verify.data.verified })
              : m.triage.audit.broken({ seq: verify.data.brokenAt, n: verify.data.verified })}
          </p>
        </Alert>
      )}
      {verify.isError && <ErrorAlert live title={m.app.genericError()} error={verify.error} />}
      {list.isPending ? (
        <Spinner label={m.triage.audit.loading()} isLabelVisible />
      ) : list.isError ? (
        <ErrorAlert title={m.triage.audit.loadError()} error={list.error} />
      ) : (
        <div className="iw-results" aria-busy={list.isPlaceholderData || undefined}>
          <p className="iw-results__count" role="status">
            {m.triage.audit.count({ n: list.data.total })}
          </p>
          <DataTable<AuditRow>
            caption={m.triage.audit.tableCaption()}
            rows={list.data.items}
            getRowKey={(e) => e.seq}
            emptyMessage={m.triage.audit.empty()}
            columns={[
              {
                key: "seq",
                header: m.triage.audit.columns.seq(),
                align: "end",
                render: (e) => e.seq,
              },
              {
                key: "at",
                header: m.triage.audit.columns.at(),
                render: (e) => (
                  <time dateTime={e.at} className="iw-nowrap">
                    {format.dateTime(e.at)}
                  </time>
                ),
              },
              {
                key: "actor",
                header: m.triage.audit.columns.actor(),
                render: (e) =>
                  e.actorName ?? <span className="iw-muted">{m.triage.audit.anonymous()}</span>,
              },
              {
                key: "action",
                header: m.triage.audit.columns.action(),
                isRowHeader: true,
                render: (e) => (
                  <>
                    {m.triage.audit.actions[e.action]()}{" "}
                    <span className="iw-mono iw-cell-secondary">{e.action}</span>
                  </>
                ),
              },
              {
                key: "entity",
                header: m.triage.audit.columns.entity(),
                render: (e) => (
                  <>
                    {m.triage.audit.entityTypes[e.entityType]()}{" "}
                    {e.entityId && <span className="iw-mono iw-cell-secondary">{e.entityId}</span>}
                  </>
                ),
              },
              {
                key: "reason",
                header: m.triage.audit.columns.reason(),
                render: (e) => e.reason ?? "",
              },
            ]}
          />
          <Pagination
            page={page}
            pageCount={Math.max(1, Math.ceil(list.data.total / PAGE_SIZE))}
            onPageChange={setPage}
            label={m.triage.audit.pagination()}
            previousLabel={m.inbox.previous()}
            nextLabel={m.inbox.next()}
            formatStatus={(page, pageCount) => m.inbox.pageStatus({ page, pageCount })}
          />
        </div>
      )}
    </>
  );
}
