import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { Button, ButtonLink } from "./button";

describe("Button", () => {
  it.each([
    { name: "idle", props: {}, isDisabled: false, ariaBusy: null, isClickable: true },
    {
      name: "loading",
      props: { isLoading: true },
      isDisabled: true,
      ariaBusy: "true",
      isClickable: false,
    },
    {
      name: "disabled",
      props: { disabled: true },
      isDisabled: true,
      ariaBusy: null,
      isClickable: false,
    },
  ])(
    "$name: disabled and aria-busy follow the state",
    ({ props, isDisabled, ariaBusy, isClickable }) => {
      const onClick = vi.fn();
      render(
        <Button onClick={onClick} {...props}>
          Send tip
        </Button>,
      );

      const button = screen.getByRole<HTMLButtonElement>("button", { name: "Send tip" });
      expect(button.disabled).toBe(isDisabled);
      expect(button.getAttribute("aria-busy")).toBe(ariaBusy);
      fireEvent.click(button);
      expect(onClick).toHaveBeenCalledTimes(isClickable ? 1 : 0);
    },
  );

  it.each([
    { type: undefined, submits: false },
    { type: "submit" as const, submits: true },
  ])("submits its form only when asked to (type $type)", ({ type, submits }) => {
    const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
    render(
      <form onSubmit={onSubmit}>
        <Button type={type}>Go</Button>
      </form>,
    );

    fireEvent.click(screen.getByRole("button", { name: "Go" }));
    expect(onSubmit).toHaveBeenCalledTimes(submits ? 1 : 0);
  });
});

describe("ButtonLink", () => {
  it("is a link that keeps its anchor props", () => {
    render(
      <ButtonLink href="/objects/42" variant="secondary" hrefLang="fr">
        View object
      </ButtonLink>,
    );

    const link = screen.getByRole("link", { name: "View object" });
    expect(link.getAttribute("href")).toBe("/objects/42");
    expect(link.getAttribute("hreflang")).toBe("fr");
  });
});
