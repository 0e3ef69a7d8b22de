import {
  COUNTRY_CODES,
  LanguageCodeSchema,
  ObjectRefSchema,
  TIP_COUNT_CAP,
  TIP_QUEUES,
  TIP_SORTS,
  TipSearchSchema,
  TRIAGE_STATUSES,
  type CountryCode,
  type TipQueue,
  type TipListInput,
  type TriageStatus,
} from "@trace/domain";

export type TipSort = (typeof TIP_SORTS)[number];

/** What the inbox shows; it lives in the URL query string so a view can be bookmarked and shared. */
export interface InboxQuery {
  queue: TipQueue;
  triageStatus: TriageStatus | undefined;
  objectRef: string | undefined;
  country: CountryCode | undefined;
  language: string | undefined;
  /** Full-text search in search-box syntax (TipSearchSchema), trimmed; undefined for none. */
  search: string | undefined;
  sort: TipSort;
  /** 1-based. */
  page: number;
}

export const PAGE_SIZE = 50;
export const DEFAULT_SORT: TipSort = "priority";
/** Pages reach as far as the inbox counts (TIP_COUNT_CAP); the API refuses offsets past it. */
export const MAX_PAGE = Math.floor(TIP_COUNT_CAP / PAGE_SIZE);

export const EMPTY_INBOX_QUERY: InboxQuery = {
  queue: "all",
  triageStatus: undefined,
  objectRef: undefined,
  country: undefined,
  language: undefined,
  search: undefined,
  sort: DEFAULT_SORT,
  page: 1,
};

/** URL parameter names: short, stable, and part of every bookmark, so never rename them. */
const PARAM = {
  queue: "queue",
  triageStatus: "status",
  objectRef: "object",
  country: "country",
  language: "language",
  search: "q",
  sort: "sort",
  page: "page",
} as const;

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

/** An object reference as typed by a person: trimmed and upper-cased, or an error. */
export function parseObjectRef(
  raw: string,
): { ok: true; value: string | undefined } | { ok: false } {
  if (raw.trim() === "") return { ok: true, value: undefined };
  const parsed = ObjectRefSchema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false };
}

/** A search as typed: trimmed, undefined when blank, or an error when too long. */
export function parseSearch(raw: string): { ok: true; value: string | undefined } | { ok: false } {
  if (raw.trim() === "") return { ok: true, value: undefined };
  const parsed = TipSearchSchema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false };
}

/**
 * Reads the inbox query from `location.search` (with or without "?"). Lenient on purpose: a
 * hand-edited or outdated bookmark drops the values it cannot use instead of breaking the page.
 */
export function parseInboxSearch(search: string): InboxQuery {
  const params = new URLSearchParams(search);
  const objectRef = parseObjectRef(params.get(PARAM.objectRef) ?? "");
  const language = params.get(PARAM.language);
  const typed = parseSearch(params.get(PARAM.search) ?? "");
  const page = Number(params.get(PARAM.page));
  return {
    queue: oneOf(TIP_QUEUES, params.get(PARAM.queue)) ?? "all",
    triageStatus: oneOf(TRIAGE_STATUSES, params.get(PARAM.triageStatus)),
    objectRef: objectRef.ok ? objectRef.value : undefined,
    country: oneOf(COUNTRY_CODES, params.get(PARAM.country)?.toUpperCase() ?? null),
    language:
      language !== null && LanguageCodeSchema.safeParse(language).success ? language : undefined,
    search: typed.ok ? typed.value : undefined,
    sort: oneOf(TIP_SORTS, params.get(PARAM.sort)) ?? DEFAULT_SORT,
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** The query string for an inbox view, "" for the default view; defaults are left out. */
export function formatInboxSearch(query: InboxQuery): string {
  const params = new URLSearchParams();
  if (query.queue !== "all") params.set(PARAM.queue, query.queue);
  if (query.triageStatus) params.set(PARAM.triageStatus, query.triageStatus);
  if (query.objectRef) params.set(PARAM.objectRef, query.objectRef);
  if (query.country) params.set(PARAM.country, query.country);
  if (query.language) params.set(PARAM.language, query.language);
  if (query.search) params.set(PARAM.search, query.search);
  if (query.sort !== DEFAULT_SORT) params.set(PARAM.sort, query.sort);
  if (query.page > 1) params.set(PARAM.page, String(query.page));
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** The inbox URL for a query, e.g. "/tips?status=new". */
export function inboxHref(query: InboxQuery): string {
  return `/tips${formatInboxSearch(query)}`;
}

export function toTipListInput(query: InboxQuery): TipListInput {
  return {
    queue: query.queue,
    triageStatus: query.triageStatus,
    objectRef: query.objectRef,
    country: query.country,
    language: query.language,
    search: query.search,
    sort: query.sort,
    limit: PAGE_SIZE,
    offset: (query.page - 1) * PAGE_SIZE,
  };
}

export function pageCount(total: number): number {
  return Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / PAGE_SIZE)));
}

/** The filter form's values as the controls hold them: strings, "" meaning "All". */
export interface InboxFilterDraft {
  triageStatus: string;
  objectRef: string;
  country: string;
  language: string;
  sort: string;
}

export function draftFromQuery(query: InboxQuery): InboxFilterDraft {
  return {
    triageStatus: query.triageStatus ?? "",
    objectRef: query.objectRef ?? "",
    country: query.country ?? "",
    language: query.language ?? "",
    sort: query.sort,
  };
}

/**
 * The inbox query the form asks for, back on its first page. Only the object reference is typed
 * by hand, so it is the only value that can be refused; the selects offer valid values only, and
 * anything else is dropped as it would be from a URL.
 */
export function queryFromDraft(
  draft: InboxFilterDraft,
): { ok: true; query: InboxQuery } | { ok: false; invalid: "objectRef" } {
  const objectRef = parseObjectRef(draft.objectRef);
  if (!objectRef.ok) return { ok: false, invalid: "objectRef" };
  const query = parseInboxSearch(
    new URLSearchParams({
      [PARAM.triageStatus]: draft.triageStatus,
      [PARAM.country]: draft.country,
      [PARAM.language]: draft.language,
      [PARAM.sort]: draft.sort,
    }).toString(),
  );
  return { ok: true, query: { ...query, objectRef: objectRef.value, page: 1 } };
}

/** The same view searching for something else (or nothing), back on its first page. */
export function withSearch(query: InboxQuery, search: string | undefined): InboxQuery {
  return { ...query, search, page: 1 };
}

/** The same filters in another queue, back on its first page. */
export function withQueue(query: InboxQuery, queue: TipQueue): InboxQuery {
  return { ...query, queue, page: 1 };
}
