import { fireEvent, render, screen } from "@testing-library/react";
import { lazy, Suspense, type ComponentType } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PageErrorBoundary } from "./page-error-boundary";

/** A lazily loaded page whose chunk never arrives, as after a deploy or a dropped connection. */
const failingPage = () =>
  lazy<ComponentType>(() =>
    Promise.reject(new TypeError("Failed to fetch dynamically imported module")),
  );
const Page = () => <p>The page</p>;

function Shell({ at, children }: { at: string; children: React.ReactNode }) {
  return (
    <PageErrorBoundary
      title="This page could not be loaded."
      retryLabel="Try again"
      resetKey={at}
      onRetry={onRetry}
    >
      <Suspense fallback={<p>Loading…</p>}>{children}</Suspense>
    </PageErrorBoundary>
  );
}

const onRetry = vi.fn();

describe("PageErrorBoundary", () => {
  beforeEach(() => {
    onRetry.mockReset();
    // React reports the caught error on the console; keep the test output readable.
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it("shows the page when it loads", async () => {
    render(
      <Shell at="/a">
        <Page />
      </Shell>,
    );
    expect(await screen.findByText("The page")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("turns a chunk that fails to load into an alert with a retry button", async () => {
    const Failing = failingPage();
    render(
      <Shell at="/a">
        <Failing />
      </Shell>,
    );
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("This page could not be loaded.");
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it("forgets the failure when the visitor goes to another page", async () => {
    const Failing = failingPage();
    const { rerender } = render(
      <Shell at="/a">
        <Failing />
      </Shell>,
    );
    await screen.findByRole("alert");
    rerender(
      <Shell at="/b">
        <Page />
      </Shell>,
    );
    expect(await screen.findByText("The page")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
