import {
  OBJECT_CATEGORIES,
  PUBLIC_OBJECT_STATUSES,
  type Locale,
  type ObjectCategory,
  type PublicObjectListInput,
  type PublicObjectStatus,
} from "@trace/domain";

/** The gallery's state lives in the query string (?category=toy&status=open&page=2) so it can be shared. */
export interface GalleryFilters {
  category: ObjectCategory | undefined;
  status: PublicObjectStatus | undefined;
  /** 1-based. */
  page: number;
}

export const GALLERY_PAGE_SIZE = 24;
/** The API refuses offsets above 100,000. */
const MAX_PAGE = Math.floor(100_000 / GALLERY_PAGE_SIZE) + 1;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Reads filters from a query string; anything unknown or malformed falls back to the default. */
export function parseGalleryFilters(search: string): GalleryFilters {
  const params = new URLSearchParams(search);
  const rawPage = params.get("page");
  const page =
    rawPage !== null && /^[1-9][0-9]{0,5}$/.test(rawPage) ? Math.min(Number(rawPage), MAX_PAGE) : 1;
  return {
    category: oneOf(OBJECT_CATEGORIES, params.get("category")),
    status: oneOf(PUBLIC_OBJECT_STATUSES, params.get("status")),
    page,
  };
}

/** The query string for these filters, "" when all are defaults; parameters in a stable order. */
export function galleryFiltersToSearch(filters: GalleryFilters): string {
  const params = new URLSearchParams();
  if (filters.category) params.set("category", filters.category);
  if (filters.status) params.set("status", filters.status);
  if (filters.page > 1) params.set("page", String(filters.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

export function galleryListInput(filters: GalleryFilters, locale: Locale): PublicObjectListInput {
  return {
    ...(filters.category && { category: filters.category }),
    ...(filters.status && { status: filters.status }),
    locale,
    limit: GALLERY_PAGE_SIZE,
    offset: (filters.page - 1) * GALLERY_PAGE_SIZE,
  };
}

export function pageCountOf(total: number): number {
  return Math.max(1, Math.ceil(total / GALLERY_PAGE_SIZE));
}
