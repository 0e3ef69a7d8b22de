import { describe, expect, it } from "vitest";
import { backToInboxHref } from "./inbox-link-state";

describe("backToInboxHref", () => {
  it.each<[string, unknown, string]>([
    ["no state", null, "/tips"],
    ["an unrelated state", { other: 1 }, "/tips"],
    ["a non-string search", { inboxSearch: 42 }, "/tips"],
    ["the default view", { inboxSearch: "" }, "/tips"],
    ["a filtered view", { inboxSearch: "?status=new&page=2" }, "/tips?status=new&page=2"],
    [
      "junk in the search, dropped",
      { inboxSearch: "?status=new&evil=<script>" },
      "/tips?status=new",
    ],
  ])("gives the inbox for %s", (_name, state, href) => {
    expect(backToInboxHref(state)).toBe(href);
  });
});
