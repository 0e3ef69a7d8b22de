import { parse } from "@formatjs/icu-messageformat-parser";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { compileMessages } from "./i18n";

const catalog = {
  inbox: {
    tipCount: "{n, plural, one {# tip} other {# tips}}",
    empty: "No tips match these filters.",
  },
  hint: "Region: {hint}",
};

describe("compileMessages", () => {
  it("turns every string of a nested catalog into a message function", () => {
    const m = compileMessages<typeof catalog>(catalog, "en");
    expect(m.inbox.empty()).toBe("No tips match these filters.");
    expect(m.inbox.tipCount({ n: 1 })).toBe("1 tip");
    expect(m.inbox.tipCount({ n: 1200 })).toBe("1,200 tips");
  });

  it("formats numbers and plurals in the catalog's locale", () => {
    const m = compileMessages<typeof catalog>(catalog, "fr");
    expect(m.inbox.tipCount({ n: 1200 })).toBe("1\u202f200 tips");
  });

  it("accepts messages parsed at build time", () => {
    const parsed = { inbox: { tipCount: parse(catalog.inbox.tipCount) } };
    const m = compileMessages<{ inbox: { tipCount: string } }>(parsed, "en");
    expect(m.inbox.tipCount({ n: 3 })).toBe("3 tips");
  });

  it("places an element inside a sentence with rich", () => {
    const m = compileMessages<typeof catalog>(catalog, "en");
    const node = m.hint.rich({ hint: <span lang="fr">Europe du Nord</span> });
    expect(renderToStaticMarkup(<p>{node}</p>)).toBe(
      '<p>Region: <span lang="fr">Europe du Nord</span></p>',
    );
  });
});
