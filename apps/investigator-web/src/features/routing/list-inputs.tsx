import { Button } from "@trace/ui/button";
import { Checkbox, Field, Select, TextArea, type SelectOption } from "@trace/ui/field";
import { useId, useRef, useState, type ReactNode } from "react";
import { useMessages } from "../../i18n";
import { parseLines, sameList } from "./lines";

/** Hint and error of a fieldset, wired to it by id so they are read with the group's name. */
function GroupNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: ReactNode }) {
  return (
    <>
      {hint && (
        <div id={`${id}-hint`} className="t-field__hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="t-field__error">
          {error}
        </p>
      )}
    </>
  );
}

const describedBy = (id: string, hint?: ReactNode, error?: ReactNode) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

export interface ChosenListProps {
  /** The id of the "to add" select: where an error summary sends the user. */
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: ReactNode;
  chosen: readonly string[];
  options: readonly SelectOption[];
  nameOf: (value: string) => string;
  selectLabel: string;
  placeholder: string;
  addLabel: string;
  onChange: (chosen: string[]) => void;
}

/**
 * A set of values picked from a long list (countries, languages): the chosen ones with a remove
 * button each, and a select with an Add button. Unlike a `<select multiple>`, every step is a
 * plain control a keyboard or screen-reader user already knows, and what is chosen stays visible.
 */
export function ChosenList({
  id,
  legend,
  hint,
  error,
  chosen,
  options,
  nameOf,
  selectLabel,
  placeholder,
  addLabel,
  onChange,
}: ChosenListProps) {
  const m = useMessages();
  const groupId = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  const [pick, setPick] = useState("");
  const available = options.filter((o) => !chosen.includes(o.value));

  const add = () => {
    if (pick === "" || chosen.includes(pick)) {
      selectRef.current?.focus();
      return;
    }
    onChange([...chosen, pick]);
    setPick("");
  };
  const remove = (value: string) => {
    onChange(chosen.filter((v) => v !== value));
    // The button pressed is gone: carry on from the select rather than from the page's top.
    selectRef.current?.focus();
  };

  return (
    <fieldset
      className="t-fieldset iw-routing-choice"
      aria-describedby={describedBy(groupId, hint)}
    >
      <legend className="t-fieldset__legend">{legend}</legend>
      <GroupNotes id={groupId} hint={hint} />
      {chosen.length === 0 ? (
        <p className="iw-muted iw-routing-choice__none">{m.routing.fields.noneChosen()}</p>
      ) : (
        <ul className="iw-routing-chips">
          {chosen.map((value) => (
            <li key={value} className="iw-routing-chip">
              <span>{nameOf(value)}</span>
              <Button
                variant="quiet"
                size="small"
                onClick={() => remove(value)}
                {...labelled(
                  m.routing.fields.remove(),
                  m.routing.fields.removeWhich({ name: nameOf(value) }),
                )}
              />
            </li>
          ))}
        </ul>
      )}
      <div className="iw-routing-adder">
        <Field label={selectLabel} id={id} error={error}>
          {(props) => (
            <Select
              {...props}
              ref={selectRef}
              placeholder={placeholder}
              options={available}
              value={pick}
              onChange={(e) => setPick(e.currentTarget.value)}
            />
          )}
        </Field>
        <Button variant="secondary" onClick={add}>
          {addLabel}
        </Button>
      </div>
    </fieldset>
  );
}

export interface CheckboxListProps {
  /** The id of the first checkbox: where an error summary sends the user. */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  chosen: readonly string[];
  options: readonly SelectOption[];
  onChange: (chosen: string[]) => void;
}

/** A set of values from a short list (categories, agencies), one checkbox each. */
export function CheckboxList({
  id,
  legend,
  hint,
  error,
  chosen,
  options,
  onChange,
}: CheckboxListProps) {
  const groupId = useId();
  // Keep the options' order whatever order they were ticked in: stable, and reads like the list.
  const toggle = (value: string, isChecked: boolean) =>
    onChange(
      isChecked
        ? options.map((o) => o.value).filter((v) => v === value || chosen.includes(v))
        : chosen.filter((v) => v !== value),
    );
  return (
    <fieldset
      className={`t-fieldset iw-routing-checks${error ? " t-field--error" : ""}`}
      aria-describedby={describedBy(groupId, hint, error)}
    >
      <legend className="t-fieldset__legend">{legend}</legend>
      <GroupNotes id={groupId} hint={hint} error={error} />
      <div className="t-choices iw-routing-checks__list">
        {options.map((option, index) => (
          <Checkbox
            key={option.value}
            id={index === 0 ? id : `${id}-${index}`}
            label={option.label}
            checked={chosen.includes(option.value)}
            aria-invalid={error ? true : undefined}
            onChange={(e) => toggle(option.value, e.currentTarget.checked)}
          />
        ))}
      </div>
    </fieldset>
  );
}

export interface LinesInputProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  value: readonly string[];
  isMonospace?: boolean;
  onChange: (value: string[]) => void;
}

/**
 * A list typed one entry per line (keywords, object references). The text is kept as typed, so
 * blank lines and spaces being typed do not vanish under the cursor; the list is what it parses
 * to. When the list changes from outside (a version copied into the form), the text follows.
 */
export function LinesInput({
  id,
  label,
  hint,
  error,
  value,
  isMonospace,
  onChange,
}: LinesInputProps) {
  const m = useMessages();
  const [text, setText] = useState(() => value.join("\n"));
  const [textOf, setTextOf] = useState<readonly string[]>(value);
  if (!sameList(textOf, value)) {
    setTextOf(value);
    if (!sameList(parseLines(text), value)) setText(value.join("\n"));
  }
  return (
    <Field
      id={id}
      label={label}
      hint={
        <>
          {hint} {m.routing.fields.onePerLine()}
        </>
      }
      error={error}
    >
      {(props) => (
        <TextArea
          {...props}
          rows={Math.min(8, Math.max(3, value.length + 1))}
          spellCheck={false}
          className={isMonospace ? "iw-mono" : undefined}
          value={text}
          onChange={(e) => {
            const raw = e.currentTarget.value;
            const list = parseLines(raw);
            setText(raw);
            setTextOf(list);
            onChange(list);
          }}
        />
      )}
    </Field>
  );
}

/**
 * A short visible label with the name screen readers and tests use, when one visible word is
 * repeated (a "Remove" per condition): `aria-label` starts with the visible text, so speech
 * input users can still say what they see.
 */
export function labelled(
  visible: string,
  more: string,
): { children: string; "aria-label"?: string } {
  return more === "" ? { children: visible } : { children: visible, "aria-label": visible + more };
}
