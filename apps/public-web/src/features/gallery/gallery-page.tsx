import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocation, useSearch } from "wouter";
import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Field, Select } from "@trace/ui/field";
import { Container } from "@trace/ui/page-layout";
import { Pagination } from "@trace/ui/pagination";
import { Spinner } from "@trace/ui/spinner";
import { OBJECT_CATEGORIES, PUBLIC_OBJECT_STATUSES } from "@trace/domain";
import { useLocale, useMessages } from "../../i18n";
import { publicQueries } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import {
  galleryFiltersToSearch,
  galleryListInput,
  pageCountOf,
  parseGalleryFilters,
  type GalleryFilters,
} from "./gallery-filters";
import { ObjectCard } from "./object-card";

function focusHeading() {
  window.scrollTo(0, 0);
  document.getElementById("gallery-heading")?.focus({ preventScroll: true });
}

export function GalleryPage() {
  const m = useMessages();
  const locale = useLocale();
  useDocumentTitle(m.gallery.heading());
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = parseGalleryFilters(search);
  const objects = useQuery({
    ...publicQueries.objectsList(galleryListInput(filters, locale)),
    placeholderData: keepPreviousData,
  });

  const update = (next: Partial<GalleryFilters>) =>
    navigate(`/objects${galleryFiltersToSearch({ ...filters, page: 1, ...next })}`);

  const categoryOptions = OBJECT_CATEGORIES.map((c) => ({ value: c, label: m.categories[c]() }));
  const statusOptions = PUBLIC_OBJECT_STATUSES.map((s) => ({
    value: s,
    label: m.objectStatuses[s](),
  }));

  return (
    <Container size="wide" className="app-page app-stack">
      <div>
        <h1 id="gallery-heading" tabIndex={-1}>
          {m.gallery.heading()}
        </h1>
        <p className="app-lead">{m.gallery.intro()}</p>
      </div>

      <div role="group" aria-label={m.gallery.filtersLabel()} className="app-filters">
        <Field label={m.gallery.category()}>
          {(props) => (
            <Select
              {...props}
              options={categoryOptions}
              placeholder={m.gallery.allCategories()}
              value={filters.category ?? ""}
              onChange={(e) =>
                update({ category: OBJECT_CATEGORIES.find((c) => c === e.currentTarget.value) })
              }
            />
          )}
        </Field>
        <Field label={m.gallery.status()}>
          {(props) => (
            <Select
              {...props}
              options={statusOptions}
              placeholder={m.gallery.allStatuses()}
              value={filters.status ?? ""}
              onChange={(e) =>
                update({ status: PUBLIC_OBJECT_STATUSES.find((s) => s === e.currentTarget.value) })
              }
            />
          )}
        </Field>
      </div>

      {objects.isPending ? (
        <Spinner label={m.gallery.loading()} isLabelVisible />
      ) : objects.isError ? (
        <Alert tone="danger" title={m.gallery.loadError()}>
          <p>
            <Button
              variant="secondary"
              onClick={() => void objects.refetch()}
              isLoading={objects.isFetching}
            >
              {m.common.retry()}
            </Button>
          </p>
        </Alert>
      ) : (
        <>
          <p role="status" className="app-muted">
            {objects.isFetching
              ? m.common.loading()
              : m.gallery.resultCount({ total: objects.data.total })}
          </p>
          {objects.data.items.length === 0 ? (
            <p className="app-empty">{m.gallery.empty()}</p>
          ) : (
            <ul className="app-grid" aria-busy={objects.isFetching || undefined}>
              {objects.data.items.map((object) => (
                <li key={object.ref}>
                  <ObjectCard object={object} />
                </li>
              ))}
            </ul>
          )}
          <Pagination
            page={filters.page}
            pageCount={pageCountOf(objects.data.total)}
            onPageChange={(page) => {
              navigate(`/objects${galleryFiltersToSearch({ ...filters, page })}`);
              focusHeading();
            }}
            label={m.gallery.pagination()}
            previousLabel={m.gallery.previous()}
            nextLabel={m.gallery.next()}
            formatStatus={(page, pageCount) => m.gallery.pageStatus({ page, pageCount })}
          />
        </>
      )}
    </Container>
  );
}
