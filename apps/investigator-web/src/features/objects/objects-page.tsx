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
import { format, t } from "../../i18n";
import { errorCode } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

const o = () => t.objects;

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
  useDocumentTitle(o().title);
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
      <PageHeading>{o().title}</PageHeading>
      {!canRead ? (
        <Alert tone="warning" title={o().forbidden} />
      ) : (
        <>
          {can(user.role, "object.edit") && (
            <p>
              <Link href="/objects/new" asChild>
                <ButtonLink>{o().newObject}</ButtonLink>
              </Link>
            </p>
          )}
          <section aria-label={o().filters} className="iw-filters">
            <div className="iw-filters__grid">
              <Field label={o().status}>
                {(props) => (
                  <Select
                    {...props}
                    value={filters.status ?? ""}
                    onChange={(e) => setFilter("status", e.target.value)}
                    placeholder={o().all}
                    options={OBJECT_STATUSES.map((s) => ({
                      value: s,
                      label: t.labels.objectStatus[s],
                    }))}
                  />
                )}
              </Field>
              <Field label={o().category}>
                {(props) => (
                  <Select
                    {...props}
                    value={filters.category ?? ""}
                    onChange={(e) => setFilter("category", e.target.value)}
                    placeholder={o().all}
                    options={OBJECT_CATEGORIES.map((c) => ({
                      value: c,
                      label: t.labels.objectCategory[c],
                    }))}
                  />
                )}
              </Field>
              <Field label={o().series}>
                {(props) => (
                  <Select
                    {...props}
                    value={filters.seriesId ?? ""}
                    onChange={(e) => setFilter("series", e.target.value)}
                    placeholder={o().all}
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
            <Spinner label={o().loading} isLabelVisible />
          ) : list.isError && errorCode(list.error) === "FORBIDDEN" ? (
            <Alert tone="warning" title={o().forbidden} />
          ) : list.isError ? (
            <ErrorAlert
              title={o().loadError}
              error={list.error}
              onRetry={() => void list.refetch()}
            />
          ) : (
            <>
              <p role="status">{o().objectCount(list.data.total)}</p>
              <DataTable
                caption={o().tableCaption}
                isCaptionHidden
                rows={list.data.items}
                getRowKey={(row) => row.id}
                emptyMessage={o().empty}
                columns={[
                  {
                    key: "title",
                    header: o().columns.title,
                    isRowHeader: true,
                    render: (row) => <Link href={`/objects/${row.id}`}>{row.title}</Link>,
                  },
                  {
                    key: "ref",
                    header: o().columns.ref,
                    render: (row) => <span className="iw-mono">{row.ref}</span>,
                  },
                  {
                    key: "status",
                    header: o().columns.status,
                    render: (row) => <Badge>{t.labels.objectStatus[row.status]}</Badge>,
                  },
                  {
                    key: "category",
                    header: o().columns.category,
                    render: (row) => t.labels.objectCategory[row.category],
                  },
                  {
                    key: "series",
                    header: o().columns.series,
                    render: (row) => <span className="iw-mono">{row.series.code}</span>,
                  },
                  {
                    key: "updated",
                    header: o().columns.updated,
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
