import {
  can,
  OBJECT_CATEGORIES,
  OBJECT_STATUSES,
  type ObjectCategory,
  type ObjectStatus,
  type StaffUser,
} from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Badge } from "@trace/ui/badge";
import { ButtonLink } from "@trace/ui/button";
import { DataTable } from "@trace/ui/data-table";
import { Field, Select } from "@trace/ui/field";
import { Container } from "@trace/ui/page-layout";
import { Spinner } from "@trace/ui/spinner";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useLocation, useSearch } from "wouter";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { ErrorAlert } from "../../components/error-message";
import { useMessages, useFormat } from "../../i18n";
import { errorCode } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

function parseSearch(search: string) {
  const params = new URLSearchParams(search);
  const status = params.get("status");
  const category = params.get("category");
  const seriesId = params.get("series");
  return {
    status: (OBJECT_STATUSES as readonly string[]).includes(status ?? "")
      ? (status as ObjectStatus)
      : undefined,
    category: (OBJECT_CATEGORIES as readonly string[]).includes(category ?? "")
      ? (category as ObjectCategory)
      : undefined,
    seriesId: seriesId && /^[0-9a-f-]{36}$/i.test(seriesId) ? seriesId : undefined,
  };
}

/** Every object, whatever its status; the filters live in the query string. */
export function ObjectsPage({ user }: { user: StaffUser }) {
  const m = useMessages();
  const format = useFormat();
  useDocumentTitle(m.objects.title());
  const trpc = useTRPC();
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = parseSearch(search);
  const canRead = can(user.role, "object.read");
  const list = useQuery({
    ...trpc.objects.list.queryOptions({ ...filters, limit: 100 }),
    enabled: canRead,
    placeholderData: keepPreviousData,
  });
  const series = useQuery({ ...trpc.series.list.queryOptions({}), enabled: canRead });

  const setFilter = (key: "status" | "category" | "series", value: string) => {
    const params = new URLSearchParams(search);
    if (value) params.set(key, value);
    else params.delete(key);
    const query = params.toString();
    navigate(query ? `/objects?${query}` : "/objects");
  };

  return (
    <Container size="wide">
      <PageHeading>{m.objects.title()}</PageHeading>
      {!canRead ? (
        <Alert tone="warning" title={m.objects.forbidden()} />
      ) : (
        <>
          {can(user.role, "object.edit") && (
            <p>
              <Link href="/objects/new" asChild>
                <ButtonLink>{m.objects.newObject()}</ButtonLink>
              </Link>
            </p>
          )}
          <section aria-label={m.objects.filters()} className="iw-filters">
            <div className="iw-filters__grid">
              <Field label={m.objects.status()}>
                {(props) => (
                  <Select
                    {...props}
                    value={filters.status ?? ""}
                    onChange={(e) => setFilter("status", e.target.value)}
                    placeholder={m.objects.all()}
                    options={OBJECT_STATUSES.map((s) => ({
                      value: s,
                      label: m.labels.objectStatus[s](),
                    }))}
                  />
                )}
              </Field>
              <Field label={m.objects.category()}>
                {(props) => (
                  <Select
                    {...props}
                    value={filters.category ?? ""}
                    onChange={(e) => setFilter("category", e.target.value)}
                    placeholder={m.objects.all()}
                    options={OBJECT_CATEGORIES.map((c) => ({
                      value: c,
                      label: m.labels.objectCategory[c](),
                    }))}
                  />
                )}
              </Field>
              <Field label={m.objects.series()}>
                {(props) => (
                  <Select
                    {...props}
                    value={filters.seriesId ?? ""}
                    onChange={(e) => setFilter("series", e.target.value)}
                    placeholder={m.objects.all()}
                    options={(series.data ?? []).map((s) => ({
                      value: s.id,
                      label: `${s.code} — ${s.title}`,
                    }))}
                  />
                )}
              </Field>
            </div>
          </section>
          {list.isPending ? (
            <Spinner label={m.objects.loading()} isLabelVisible />
          ) : list.isError && errorCode(list.error) === "FORBIDDEN" ? (
            <Alert tone="warning" title={m.objects.forbidden()} />
          ) : list.isError ? (
            <ErrorAlert
              title={m.objects.loadError()}
              error={list.error}
              onRetry={() => void list.refetch()}
            />
          ) : (
            <>
              <p role="status">{m.objects.objectCount({ n: list.data.total })}</p>
              <DataTable
                caption={m.objects.tableCaption()}
                isCaptionHidden
                rows={list.data.items}
                getRowKey={(row) => row.id}
                emptyMessage={m.objects.empty()}
                columns={[
                  {
                    key: "title",
                    header: m.objects.columns.title(),
                    isRowHeader: true,
                    render: (row) => <Link href={`/objects/${row.id}`}>{row.title}</Link>,
                  },
                  {
                    key: "ref",
                    header: m.objects.columns.ref(),
                    render: (row) => <span className="iw-mono">{row.ref}</span>,
                  },
                  {
                    key: "status",
                    header: m.objects.columns.status(),
                    render: (row) => <Badge>{m.labels.objectStatus[row.status]()}</Badge>,
                  },
                  {
                    key: "category",
                    header: m.objects.columns.category(),
                    render: (row) => m.labels.objectCategory[row.category](),
                  },
                  {
                    key: "series",
                    header: m.objects.columns.series(),
                    render: (row) => <span className="iw-mono">{row.series.code}</span>,
                  },
                  {
                    key: "updated",
                    header: m.objects.columns.updated(),
                    render: (row) => (
                      <time dateTime={row.updatedAt}>{format.dateTime(row.updatedAt)}</time>
                    ),
                  },
                ]}
              />
            </>
          )}
        </>
      )}
    </Container>
  );
}
