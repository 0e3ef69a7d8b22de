import { fireEvent, render, screen, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { Checkbox, Field, RadioGroup, Select, TextArea, TextInput } from "./field";
import type { FieldControlProps } from "./field";

/** The text a screen reader reads as the element's description, following aria-describedby. */
function describedByText(element: HTMLElement): string {
  const ids = element.getAttribute("aria-describedby")?.split(/\s+/) ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? `<missing #${id}>`).join(" ");
}

const HINT = "As printed on the label";
const ERROR = "Enter the brand";

describe("Field", () => {
  it.each([
    { name: "label only", hint: undefined, error: undefined, description: "", isInvalid: false },
    { name: "hint", hint: HINT, error: undefined, description: HINT, isInvalid: false },
    { name: "error", hint: undefined, error: ERROR, description: ERROR, isInvalid: true },
    {
      name: "hint and error",
      hint: HINT,
      error: ERROR,
      description: `${HINT} ${ERROR}`,
      isInvalid: true,
    },
  ])(
    "ties the label, hint and error to the control ($name)",
    ({ hint, error, description, isInvalid }) => {
      render(
        <Field label="Brand" hint={hint} error={error}>
          {(props) => <TextInput {...props} />}
        </Field>,
      );

      const input = screen.getByLabelText("Brand");
      expect(input).toBe(screen.getByRole("textbox", { name: "Brand" }));
      expect(describedByText(input)).toBe(description);
      expect(input.getAttribute("aria-invalid")).toBe(isInvalid ? "true" : null);
    },
  );

  it.each<{ kind: string; role: string; control: (props: FieldControlProps) => ReactNode }>([
    { kind: "input", role: "textbox", control: (props) => <TextInput {...props} /> },
    { kind: "textarea", role: "textbox", control: (props) => <TextArea {...props} /> },
    {
      kind: "select",
      role: "combobox",
      control: (props) => (
        <Select {...props} placeholder="Choose" options={[{ value: "fr", label: "France" }]} />
      ),
    },
  ])("works for a $kind, passing required through", ({ kind, role, control }) => {
    render(
      <Field label="Country" hint="Where it was bought" error="Choose a country" isRequired>
        {control}
      </Field>,
    );

    // The visible required marker is hidden from the accessible name; `required` carries it.
    const element = screen.getByRole(role, { name: "Country" });
    expect(element.tagName.toLowerCase()).toBe(kind);
    expect(element.hasAttribute("required")).toBe(true);
    expect(describedByText(element)).toBe("Where it was bought Choose a country");
  });

  it("uses the given id so an error summary can link to it", () => {
    render(
      <Field id="tip-brand" label="Brand" error={ERROR}>
        {(props) => <TextInput {...props} />}
      </Field>,
    );

    expect(screen.getByLabelText("Brand").id).toBe("tip-brand");
  });
});

describe("Select", () => {
  it("offers the placeholder as an empty first option", () => {
    render(
      <Select
        aria-label="Colour"
        placeholder="Choose a colour"
        options={[
          { value: "red", label: "Red" },
          { value: "blue", label: "Blue" },
        ]}
      />,
    );

    const options = screen.getAllByRole<HTMLOptionElement>("option");
    expect(options.map((option) => [option.value, option.textContent])).toEqual([
      ["", "Choose a colour"],
      ["red", "Red"],
      ["blue", "Blue"],
    ]);
  });
});

describe("Checkbox", () => {
  it("is named by its label and described by its hint and error", () => {
    render(<Checkbox label="I agree to be contacted" hint="By e-mail only" error="Tick the box" />);

    const checkbox = screen.getByRole("checkbox", { name: "I agree to be contacted" });
    expect(describedByText(checkbox)).toBe("By e-mail only Tick the box");
    expect(checkbox.getAttribute("aria-invalid")).toBe("true");
  });
});

describe("RadioGroup", () => {
  const options = [
    { value: "shop", label: "In a shop", hint: "Including markets" },
    { value: "online", label: "Online" },
    { value: "home", label: "At home" },
  ];

  it("is a group named by its legend and described by its hint and error", () => {
    render(
      <RadioGroup
        id="seen-where"
        legend="Where did you see it?"
        hint="Choose one"
        error="Select where you saw it"
        name="seenWhere"
        options={options}
        isRequired
      />,
    );

    const group = screen.getByRole("group", { name: "Where did you see it?" });
    expect(describedByText(group)).toBe("Choose one Select where you saw it");

    const radios = within(group).getAllByRole("radio");
    expect(radios.map((radio) => radio.getAttribute("name"))).toEqual([
      "seenWhere",
      "seenWhere",
      "seenWhere",
    ]);
    expect(radios.every((radio) => radio.hasAttribute("required"))).toBe(true);
    // The first radio carries the group id: that is where an error summary link lands.
    expect(radios[0]?.id).toBe("seen-where");

    const shop = within(group).getByRole("radio", { name: "In a shop" });
    expect(describedByText(shop)).toBe("Including markets");
  });

  it.each([
    { mode: "controlled", props: { value: "online" } },
    { mode: "uncontrolled", props: { defaultValue: "online" } },
  ])("checks the selected option and reports changes ($mode)", ({ props }) => {
    const onChange = vi.fn();
    render(
      <RadioGroup legend="Where?" name="where" options={options} onChange={onChange} {...props} />,
    );

    expect(screen.getByRole<HTMLInputElement>("radio", { name: "Online" }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>("radio", { name: "At home" }).checked).toBe(false);

    fireEvent.click(screen.getByRole("radio", { name: "At home" }));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]?.[0]).toBe("home");
  });
});
