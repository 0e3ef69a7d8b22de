import { describe, expect, it } from "vitest";
import { TIP_COUNT_CAP } from "@trace/domain";
import {
  EMPTY_INBOX_QUERY,
  withQueue,
  withSearch,
  MAX_PAGE,
  draftFromQuery,
  queryFromDraft,
  PAGE_SIZE,
  formatInboxSearch,
  inboxHref,
  pageCount,
  parseInboxSearch,
  parseObjectRef,
  toTipListInput,
  type InboxQuery,
} from "./inbox-search";

describe("parseInboxSearch", () => {
  it.each<[string, string, Partial<InboxQuery>]>([
    ["empty search", "", {}],
    ["a lone question mark", "?", {}],
    [
      "every filter",
      "?status=useful&object=TOA-7K3Q9M&country=BE&language=fr&sort=newest&page=3",
      {
        triageStatus: "useful",
        objectRef: "TOA-7K3Q9M",
        country: "BE",
        language: "fr",
        sort: "newest",
        page: 3,
      },
    ],
    ["no leading question mark", "status=spam", { triageStatus: "spam" }],
    [
      "a lower-case object reference, normalised",
      "object=%20toa-7k3q9m%20",
      { objectRef: "TOA-7K3Q9M" },
    ],
    ["a lower-case country, normalised", "country=nl", { country: "NL" }],
    ["an unknown status, dropped", "status=lost", {}],
    ["a malformed object reference, dropped", "object=TOA-ILOU00", {}],
    ["an unknown country, dropped", "country=XX", {}],
    ["a malformed language, dropped", "language=eng", {}],
    ["an unknown sort, dropped", "sort=random", {}],
    ["page zero", "page=0", {}],
    ["a negative page", "page=-2", {}],
    ["a fractional page", "page=1.5", {}],
    ["a page that is not a number", "page=two", {}],
    ["a page past the counted tips, capped", "page=99999999", { page: 200 }],
    [
      "a search, trimmed",
      "q=%20Zellerhof%20%22Lyon%20market%22%20",
      { search: 'Zellerhof "Lyon market"' },
    ],
    ["a blank search, dropped", "q=%20%20", {}],
    ["a search past 200 characters, dropped", `q=${"a".repeat(201)}`, {}],
  ])("reads %s", (_name, search, expected) => {
    expect(parseInboxSearch(search)).toEqual({ ...EMPTY_INBOX_QUERY, ...expected });
  });
});

describe("formatInboxSearch", () => {
  it("gives an empty string for the default view", () => {
    expect(formatInboxSearch(EMPTY_INBOX_QUERY)).toBe("");
    expect(inboxHref(EMPTY_INBOX_QUERY)).toBe("/tips");
  });

  it("leaves the default sort and the first page out", () => {
    expect(
      formatInboxSearch({ ...EMPTY_INBOX_QUERY, triageStatus: "new", sort: "priority", page: 1 }),
    ).toBe("?status=new");
  });

  it.each<Partial<InboxQuery>>([
    { triageStatus: "urgent_safeguarding" },
    { objectRef: "TOA-7K3Q9M", page: 2 },
    { country: "DE", language: "de", sort: "oldest" },
    {
      triageStatus: "routed",
      objectRef: "TOA-ABCDEF",
      country: "US",
      language: "en",
      sort: "newest",
      page: 7,
    },
    { search: 'curtain or "Zellerhof Heimtex" -1998 & ?', queue: "new", page: 2 },
  ])("round-trips %o", (partial) => {
    const query = { ...EMPTY_INBOX_QUERY, ...partial };
    expect(parseInboxSearch(formatInboxSearch(query))).toEqual(query);
  });
});

describe("parseObjectRef", () => {
  it.each([
    ["", { ok: true, value: undefined }],
    ["   ", { ok: true, value: undefined }],
    ["TOA-7K3Q9M", { ok: true, value: "TOA-7K3Q9M" }],
    [" toa-7k3q9m ", { ok: true, value: "TOA-7K3Q9M" }],
    ["TOA-7K3Q", { ok: false }],
    ["7K3Q9M", { ok: false }],
    ["TOA-7K3Q9I", { ok: false }],
  ])("%j", (raw, expected) => {
    expect(parseObjectRef(raw)).toEqual(expected);
  });
});

describe("queues", () => {
  it("keeps the queue in the URL and leaves the default out", () => {
    expect(parseInboxSearch("?queue=urgent").queue).toBe("urgent");
    expect(parseInboxSearch("?queue=bogus").queue).toBe("all");
    expect(inboxHref(withQueue({ ...EMPTY_INBOX_QUERY, page: 4 }, "mine"))).toBe(
      "/tips?queue=mine",
    );
    expect(inboxHref(withQueue(EMPTY_INBOX_QUERY, "all"))).toBe("/tips");
  });
});

describe("toTipListInput", () => {
  it("turns the page into an offset of whole pages", () => {
    expect(toTipListInput({ ...EMPTY_INBOX_QUERY, country: "BE", page: 3 })).toEqual({
      queue: "all",
      triageStatus: undefined,
      objectRef: undefined,
      country: "BE",
      language: undefined,
      search: undefined,
      sort: "priority",
      limit: PAGE_SIZE,
      offset: 2 * PAGE_SIZE,
    });
  });

  it("sends the search, and never an offset past the counted tips", () => {
    const input = toTipListInput({ ...EMPTY_INBOX_QUERY, search: "lyon", page: MAX_PAGE });
    expect(input).toMatchObject({ search: "lyon" });
    expect(input.offset + PAGE_SIZE).toBeLessThanOrEqual(TIP_COUNT_CAP);
  });
});

describe("withSearch", () => {
  it("keeps the queue and filters, and goes back to the first page", () => {
    const query: InboxQuery = { ...EMPTY_INBOX_QUERY, queue: "new", country: "DE", page: 5 };
    expect(inboxHref(withSearch(query, "lyon"))).toBe("/tips?queue=new&country=DE&q=lyon");
    expect(inboxHref(withSearch({ ...query, search: "lyon" }, undefined))).toBe(
      "/tips?queue=new&country=DE",
    );
  });
});

describe("pageCount", () => {
  it.each([
    [0, 1],
    [1, 1],
    [PAGE_SIZE, 1],
    [PAGE_SIZE + 1, 2],
    [10 * PAGE_SIZE, 10],
    [TIP_COUNT_CAP, TIP_COUNT_CAP / PAGE_SIZE],
    [TIP_COUNT_CAP + 1, TIP_COUNT_CAP / PAGE_SIZE],
  ])("%i tips make %i pages", (total, pages) => {
    expect(pageCount(total)).toBe(pages);
  });
});

describe("queryFromDraft", () => {
  const blank = draftFromQuery(EMPTY_INBOX_QUERY);

  it("gives the default view for a blank form", () => {
    expect(blank).toEqual({
      triageStatus: "",
      objectRef: "",
      country: "",
      language: "",
      sort: "priority",
    });
    expect(queryFromDraft(blank)).toEqual({ ok: true, query: EMPTY_INBOX_QUERY });
  });

  it("normalises the object reference and starts at page 1", () => {
    const draft = {
      ...blank,
      triageStatus: "new",
      objectRef: " toa-7k3q9m",
      country: "FR",
      language: "fr",
      sort: "oldest",
    };
    expect(queryFromDraft(draft)).toEqual({
      ok: true,
      query: {
        queue: "all",
        triageStatus: "new",
        objectRef: "TOA-7K3Q9M",
        country: "FR",
        language: "fr",
        sort: "oldest",
        page: 1,
      },
    });
  });

  it("refuses a malformed object reference", () => {
    expect(queryFromDraft({ ...blank, objectRef: "TOA-12" })).toEqual({
      ok: false,
      invalid: "objectRef",
    });
  });

  it("drops values no control offers", () => {
    expect(
      queryFromDraft({ ...blank, triageStatus: "lost", sort: "random", country: "XX" }),
    ).toEqual({
      ok: true,
      query: EMPTY_INBOX_QUERY,
    });
  });

  it("round-trips a query", () => {
    const query: InboxQuery = {
      ...EMPTY_INBOX_QUERY,
      triageStatus: "spam",
      objectRef: "TOA-ABCDEF",
      country: "BE",
      language: "nl",
      sort: "newest",
    };
    expect(queryFromDraft(draftFromQuery({ ...query, page: 4 }))).toEqual({ ok: true, query });
  });
});
