import { IdSchema, REFERRAL_STATUSES, type ReferralStatus } from "@trace/domain";

/** A list of referrals as the URL holds it, so a filtered view can be bookmarked and shared. */
export interface ReferralsQuery {
  status: ReferralStatus | undefined;
  agencyId: string | undefined;
  /** 1-based. */
  page: number;
}

export const REFERRALS_PAGE_SIZE = 25;
/** The API refuses pages past 10,000. */
const MAX_PAGE = 10_000;

export const EMPTY_REFERRALS_QUERY: ReferralsQuery = {
  status: undefined,
  agencyId: undefined,
  page: 1,
};

/** URL parameter names: part of every bookmark, so never rename them. */
const PARAM = { status: "status", agencyId: "agency", page: "page" } as const;

/**
 * Reads the query from `location.search`. Lenient on purpose: an outdated or hand-edited
 * bookmark drops what it cannot use instead of breaking the page.
 */
export function parseReferralsSearch(search: string): ReferralsQuery {
  const params = new URLSearchParams(search);
  const status = params.get(PARAM.status);
  const agencyId = params.get(PARAM.agencyId);
  const page = Number(params.get(PARAM.page));
  return {
    status: (REFERRAL_STATUSES as readonly (string | null)[]).includes(status)
      ? (status as ReferralStatus)
      : undefined,
    agencyId: agencyId !== null && IdSchema.safeParse(agencyId).success ? agencyId : undefined,
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** The query string ("" for the default view); defaults are left out. */
export function formatReferralsSearch(query: ReferralsQuery): string {
  const params = new URLSearchParams();
  if (query.status) params.set(PARAM.status, query.status);
  if (query.agencyId) params.set(PARAM.agencyId, query.agencyId);
  if (query.page > 1) params.set(PARAM.page, String(query.page));
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** The list's URL for a query, e.g. "/referrals?status=delivered". */
export function referralsHref(base: string, query: ReferralsQuery): string {
  return `${base}${formatReferralsSearch(query)}`;
}

/** The filter controls' values ("" meaning all) as a query, back on the first page. */
export function queryFromFilters(filters: { status: string; agencyId: string }): ReferralsQuery {
  const query = parseReferralsSearch(
    new URLSearchParams({
      [PARAM.status]: filters.status,
      [PARAM.agencyId]: filters.agencyId,
    }).toString(),
  );
  return { ...query, page: 1 };
}

export function toReferralListInput(query: ReferralsQuery) {
  return {
    status: query.status,
    agencyId: query.agencyId,
    page: query.page,
    pageSize: REFERRALS_PAGE_SIZE,
  };
}

export function referralPageCount(total: number): number {
  return Math.max(1, Math.ceil(total / REFERRALS_PAGE_SIZE));
}
