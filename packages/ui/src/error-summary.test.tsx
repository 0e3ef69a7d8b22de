import { fireEvent, render, screen } from "@testing-library/react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ErrorSummary } from "./error-summary";
import { Field, RadioGroup, TextInput } from "./field";

const ERRORS = [
  { fieldId: "brand", message: "Enter the brand" },
  { fieldId: "seen-where", message: "Select where you saw it" },
];

function TipForm({ focusKey }: { focusKey?: number }) {
  return (
    <form noValidate>
      <ErrorSummary heading="There is a problem" errors={ERRORS} focusKey={focusKey} />
      <Field id="brand" label="Brand" error="Enter the brand">
        {(props) => <TextInput {...props} />}
      </Field>
      <RadioGroup
        id="seen-where"
        name="seenWhere"
        legend="Where did you see it?"
        error="Select where you saw it"
        options={[
          { value: "shop", label: "In a shop" },
          { value: "online", label: "Online" },
        ]}
      />
      <button type="submit">Send</button>
    </form>
  );
}

function summaryHasFocus() {
  const heading = screen.getByRole("heading", { name: "There is a problem" });
  return document.activeElement !== document.body && !!document.activeElement?.contains(heading);
}

beforeAll(() => {
  // jsdom does not implement scrolling.
  Element.prototype.scrollIntoView = vi.fn();
});

describe("ErrorSummary", () => {
  it("takes focus when it appears", () => {
    render(<TipForm />);

    expect(summaryHasFocus()).toBe(true);
  });

  it.each([
    { message: "Enter the brand", target: () => screen.getByRole("textbox", { name: "Brand" }) },
    {
      message: "Select where you saw it",
      target: () => screen.getByRole("radio", { name: "In a shop" }),
    },
  ])("links '$message' to its field and moves focus there", ({ message, target }) => {
    render(<TipForm />);

    const link = screen.getByRole("link", { name: message });
    const field = target();
    expect(link.getAttribute("href")).toBe(`#${field.id}`);

    fireEvent.click(link);
    expect(document.activeElement).toBe(field);
  });

  it("takes focus again only when focusKey changes", () => {
    const { rerender } = render(<TipForm focusKey={1} />);
    const submit = screen.getByRole("button", { name: "Send" });

    submit.focus();
    rerender(<TipForm focusKey={1} />);
    expect(document.activeElement).toBe(submit);

    rerender(<TipForm focusKey={2} />);
    expect(summaryHasFocus()).toBe(true);
  });

  it("renders nothing and leaves focus alone without errors", () => {
    const { container } = render(<ErrorSummary heading="There is a problem" errors={[]} />);

    expect(container.innerHTML).toBe("");
    expect(document.activeElement).toBe(document.body);
  });
});
