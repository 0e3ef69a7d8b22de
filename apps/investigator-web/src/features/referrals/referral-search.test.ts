import { describe, expect, it } from "vitest";
import {
  EMPTY_REFERRALS_QUERY,
  formatReferralsSearch,
  parseReferralsSearch,
  queryFromFilters,
  referralPageCount,
  referralsHref,
  toReferralListInput,
} from "./referral-search";

const AGENCY = "6f1c2a7e-0b7d-4c1e-9a53-2f8d1e4b9c10";

describe("parseReferralsSearch", () => {
  it("reads every parameter", () => {
    expect(parseReferralsSearch(`?status=delivered&agency=${AGENCY}&page=3`)).toEqual({
      status: "delivered",
      agencyId: AGENCY,
      page: 3,
    });
  });

  it.each([
    ["an empty search", ""],
    ["an unknown status", "?status=lost"],
    ["an agency that is not an id", "?agency=BE-FEDPOL"],
    ["a page below one", "?page=0"],
    ["a page that is not a whole number", "?page=2.5"],
    ["a page that is text", "?page=two"],
  ])("falls back to the default view for %s", (_name, search) => {
    expect(parseReferralsSearch(search)).toEqual(EMPTY_REFERRALS_QUERY);
  });

  it("caps the page at what the API accepts", () => {
    expect(parseReferralsSearch("?page=99999").page).toBe(10_000);
  });
});

describe("formatReferralsSearch", () => {
  it("leaves the defaults out", () => {
    expect(formatReferralsSearch(EMPTY_REFERRALS_QUERY)).toBe("");
  });

  it("round-trips a filtered view", () => {
    const query = { status: "acknowledged" as const, agencyId: AGENCY, page: 2 };
    expect(parseReferralsSearch(formatReferralsSearch(query))).toEqual(query);
  });

  it("builds links on the base path", () => {
    expect(referralsHref("/portal", { ...EMPTY_REFERRALS_QUERY, status: "delivered" })).toBe(
      "/portal?status=delivered",
    );
  });
});

describe("queryFromFilters", () => {
  it("turns the form into a query on the first page", () => {
    expect(queryFromFilters({ status: "disposed", agencyId: AGENCY })).toEqual({
      status: "disposed",
      agencyId: AGENCY,
      page: 1,
    });
  });

  it("treats empty choices as all", () => {
    expect(queryFromFilters({ status: "", agencyId: "" })).toEqual(EMPTY_REFERRALS_QUERY);
  });
});

describe("paging", () => {
  it("asks the API for the page of the query", () => {
    expect(toReferralListInput({ status: undefined, agencyId: undefined, page: 4 })).toEqual({
      status: undefined,
      agencyId: undefined,
      page: 4,
      pageSize: 25,
    });
  });

  it.each([
    [0, 1],
    [1, 1],
    [25, 1],
    [26, 2],
    [251, 11],
  ])("%i referrals make %i pages", (total, pages) => {
    expect(referralPageCount(total)).toBe(pages);
  });
});
