import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { Alert } from "./alert";
import type { AlertTone } from "./alert";
import { AspectImage } from "./aspect-image";
import { Card } from "./card";
import { PageLayout } from "./page-layout";
import { Pagination } from "./pagination";
import { ProgressBar } from "./progress-bar";
import { Spinner } from "./spinner";
import { Stat, StatGrid } from "./stat";

describe("Alert", () => {
  it.each<{ tone: AlertTone; live: boolean; role: "alert" | "status" }>([
    { tone: "danger", live: true, role: "alert" },
    { tone: "warning", live: true, role: "alert" },
    { tone: "info", live: true, role: "status" },
    { tone: "success", live: true, role: "status" },
    { tone: "danger", live: false, role: "status" },
    { tone: "info", live: false, role: "status" },
  ])("$tone with live=$live has role $role", ({ tone, live, role }) => {
    render(
      <Alert tone={tone} live={live} title="Heads up">
        Details
      </Alert>,
    );

    expect(screen.getByRole(role).textContent).toBe("Heads upDetails");
  });
});

describe("Pagination", () => {
  it.each([
    { page: 1, previousDisabled: true, nextDisabled: false, calls: [[2]] },
    { page: 3, previousDisabled: false, nextDisabled: false, calls: [[2], [4]] },
    { page: 5, previousDisabled: false, nextDisabled: true, calls: [[4]] },
  ])(
    "page $page of 5 moves only within bounds",
    ({ page, previousDisabled, nextDisabled, calls }) => {
      const onPageChange = vi.fn();
      render(
        <Pagination
          page={page}
          pageCount={5}
          onPageChange={onPageChange}
          label="Résultats"
          previousLabel="Précédent"
          nextLabel="Suivant"
          formatStatus={(current, count) => `Page ${current} sur ${count}`}
        />,
      );

      const nav = screen.getByRole("navigation", { name: "Résultats" });
      expect(within(nav).getByText(`Page ${page} sur 5`)).toBeTruthy();
      const previous = within(nav).getByRole("button", { name: "Précédent" });
      const next = within(nav).getByRole("button", { name: "Suivant" });
      expect(previous.getAttribute("aria-disabled")).toBe(previousDisabled ? "true" : null);
      expect(next.getAttribute("aria-disabled")).toBe(nextDisabled ? "true" : null);

      fireEvent.click(previous);
      fireEvent.click(next);
      expect(onPageChange.mock.calls).toEqual(calls);
    },
  );

  it("renders nothing for a single page", () => {
    const { container } = render(<Pagination page={1} pageCount={1} onPageChange={() => {}} />);
    expect(container.innerHTML).toBe("");
  });
});

describe("PageLayout", () => {
  it("has a translated skip link to a focusable main, and header and footer landmarks", () => {
    render(
      <PageLayout
        brand={<a href="/">Trace</a>}
        footer={<p>About</p>}
        skipLinkLabel="Aller au contenu"
      >
        <h1>Home</h1>
      </PageLayout>,
    );

    const skipLink = screen.getByRole("link", { name: "Aller au contenu" });
    const main = screen.getByRole("main");
    expect(skipLink.getAttribute("href")).toBe(`#${main.id}`);
    expect(main.tabIndex).toBe(-1);
    expect(within(main).getByRole("heading", { name: "Home" })).toBeTruthy();
    expect(within(screen.getByRole("banner")).getByRole("link", { name: "Trace" })).toBeTruthy();
    expect(within(screen.getByRole("contentinfo")).getByText("About")).toBeTruthy();
  });
});

describe("Stat", () => {
  it.each([
    { layout: "in a grid", wrap: true, lists: 1 },
    { layout: "alone", wrap: false, lists: 2 },
  ])("pairs each label with its value $layout", ({ wrap, lists }) => {
    const stats = (
      <>
        <Stat label="Tips received" value="1,204" />
        <Stat label="Objects published" value="87" description="this month" />
      </>
    );
    const { container } = render(wrap ? <StatGrid>{stats}</StatGrid> : stats);

    // Every term sits in a description list, and each is followed by its value.
    expect(container.querySelectorAll("dl")).toHaveLength(lists);
    const terms = screen.getAllByRole("term");
    expect(terms.every((term) => term.closest("dl") !== null)).toBe(true);
    expect(terms.map((term) => [term.textContent, term.nextElementSibling?.textContent])).toEqual([
      ["Tips received", "1,204"],
      ["Objects published", "87"],
    ]);
  });
});

describe("AspectImage", () => {
  it.each([
    { props: {}, loading: "lazy", ratio: "800 / 600" },
    {
      props: { loading: "eager" as const, aspectRatio: "1 / 1" },
      loading: "eager",
      ratio: "1 / 1",
    },
  ])("reserves its box and loads as asked ($loading)", ({ props, loading, ratio }) => {
    render(<AspectImage src="/o.webp" alt="Blue scarf" width={800} height={600} {...props} />);

    const image = screen.getByRole("img", { name: "Blue scarf" });
    expect([image.getAttribute("width"), image.getAttribute("height")]).toEqual(["800", "600"]);
    expect(image.getAttribute("loading")).toBe(loading);
    expect(image.getAttribute("decoding")).toBe("async");
    expect(image.parentElement?.style.aspectRatio).toBe(ratio);
  });

  it("offers better formats in a <picture>, with the fallback's size and srcset kept", () => {
    const { container } = render(
      <AspectImage
        src="/o-640.jpg"
        srcSet="/o-320.jpg 320w, /o-640.jpg 640w"
        sizes="50vw"
        sources={[
          { type: "image/avif", srcSet: "/o-320.avif 320w, /o-640.avif 640w" },
          { type: "image/webp", srcSet: "/o-320.webp 320w, /o-640.webp 640w" },
        ]}
        alt="Blue scarf"
        width={800}
        height={600}
      />,
    );
    const sources = [...container.querySelectorAll("picture > source")];
    expect(sources.map((s) => [s.getAttribute("type"), s.getAttribute("sizes")])).toEqual([
      ["image/avif", "50vw"],
      ["image/webp", "50vw"],
    ]);
    const image = screen.getByRole("img", { name: "Blue scarf" });
    expect(image.parentElement?.tagName).toBe("PICTURE");
    expect(image.getAttribute("srcset")).toBe("/o-320.jpg 320w, /o-640.jpg 640w");
    expect([image.getAttribute("width"), image.getAttribute("height")]).toEqual(["800", "600"]);
  });
});

describe("Card", () => {
  it.each([
    { as: "article" as const, role: "article" },
    { as: "section" as const, role: "region" },
  ])("an $as is named by its heading", ({ as, role }) => {
    render(
      <Card as={as} heading="Blue scarf" headingLevel={3}>
        Seen in Lyon
      </Card>,
    );

    const card = screen.getByRole(role, { name: "Blue scarf" });
    expect(within(card).getByRole("heading", { level: 3, name: "Blue scarf" })).toBeTruthy();
  });
});

describe("Spinner", () => {
  it("is a status named by its (translated) label", () => {
    render(<Spinner label="Chargement…" />);
    expect(screen.getByRole("status").textContent).toBe("Chargement…");
  });
});

describe("ProgressBar", () => {
  it.each([
    { value: 0.45, expected: "0.45" },
    { value: 1.7, expected: "1" },
    { value: -1, expected: "0" },
  ])("shows $value as $expected, named by its label", ({ value, expected }) => {
    render(<ProgressBar label="Uploading photo 1" value={value} valueText="45 %" />);
    const bar = screen.getByRole("progressbar", { name: /Uploading photo 1/ });
    expect(bar.getAttribute("value")).toBe(expected);
    expect(bar.getAttribute("aria-valuetext")).toBe("45 %");
  });

  it("is indeterminate without a value", () => {
    render(<ProgressBar label="Waiting" />);
    expect(screen.getByRole("progressbar", { name: "Waiting" }).hasAttribute("value")).toBe(false);
  });
});
