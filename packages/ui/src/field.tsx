import { useId } from "react";
import type { ChangeEvent, ComponentPropsWithRef, ReactNode } from "react";
import { classNames } from "./class-names";

/** Props a `Field` hands to its control; spread them onto the input, select or textarea. */
export interface FieldControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": boolean | undefined;
  required: boolean | undefined;
}

function isPresent(node: ReactNode): boolean {
  return node !== undefined && node !== null && node !== false && node !== "";
}

/** Space-separated id list, or undefined so no empty attribute is rendered. */
function joinIds(...ids: Array<string | false | undefined>): string | undefined {
  const present = ids.filter(Boolean);
  return present.length > 0 ? present.join(" ") : undefined;
}

function RequiredMarker({ marker }: { marker: ReactNode }) {
  // Hidden from assistive technology: the control's `required` attribute already says it.
  return (
    <span className="t-field__required" aria-hidden="true">
      {" "}
      {marker}
    </span>
  );
}

function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="t-field__error">
      {children}
    </p>
  );
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  isRequired?: boolean;
  /** Shown after the label when required; pass a translation such as "(required)". */
  requiredMarker?: ReactNode;
  /** Control id; set it when an `ErrorSummary` must link here. Defaults to a generated id. */
  id?: string;
  className?: string;
  children: (props: FieldControlProps) => ReactNode;
}

/** Label, hint and error wired to one control, whatever element the control is. */
export function Field({
  label,
  hint,
  error,
  isRequired = false,
  requiredMarker = "*",
  id,
  className,
  children,
}: FieldProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const hasHint = isPresent(hint);
  const hasError = isPresent(error);

  return (
    <div className={classNames("t-field", hasError && "t-field--error", className)}>
      <label className="t-field__label" htmlFor={controlId}>
        {label}
        {isRequired && <RequiredMarker marker={requiredMarker} />}
      </label>
      {hasHint && (
        <div id={hintId} className="t-field__hint">
          {hint}
        </div>
      )}
      {hasError && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      {children({
        id: controlId,
        "aria-describedby": joinIds(hasHint && hintId, hasError && errorId),
        "aria-invalid": hasError || undefined,
        required: isRequired || undefined,
      })}
    </div>
  );
}

export type TextInputProps = ComponentPropsWithRef<"input">;

export function TextInput({ className, type = "text", ...rest }: TextInputProps) {
  return <input type={type} className={classNames("t-input", className)} {...rest} />;
}

export type TextAreaProps = ComponentPropsWithRef<"textarea">;

export function TextArea({ className, rows = 5, ...rest }: TextAreaProps) {
  return (
    <textarea rows={rows} className={classNames("t-input", "t-textarea", className)} {...rest} />
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends Omit<ComponentPropsWithRef<"select">, "children"> {
  options: readonly SelectOption[];
  /** First option with an empty value, e.g. "Choose a country"; a `required` select rejects it. */
  placeholder?: string;
}

export function Select({ options, placeholder, className, ...rest }: SelectProps) {
  return (
    <select className={classNames("t-input", "t-select", className)} {...rest}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value} disabled={option.disabled}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

export interface CheckboxProps extends Omit<ComponentPropsWithRef<"input">, "type"> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}

/** A single checkbox with its own label, e.g. a consent box. */
export function Checkbox({
  label,
  hint,
  error,
  id,
  className,
  "aria-describedby": describedBy,
  ...rest
}: CheckboxProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const hasHint = isPresent(hint);
  const hasError = isPresent(error);

  return (
    <div className={classNames("t-choice-field", hasError && "t-field--error", className)}>
      {hasError && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <div className="t-choice">
        <input
          type="checkbox"
          id={inputId}
          className="t-choice__input"
          aria-describedby={joinIds(describedBy, hasHint && hintId, hasError && errorId)}
          aria-invalid={hasError || undefined}
          {...rest}
        />
        <label className="t-choice__label" htmlFor={inputId}>
          {label}
        </label>
        {hasHint && (
          <div id={hintId} className="t-choice__hint">
            {hint}
          </div>
        )}
      </div>
    </div>
  );
}

export interface RadioOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

export interface RadioGroupProps {
  legend: ReactNode;
  name: string;
  options: readonly RadioOption[];
  /** Controlled value; leave undefined and use `defaultValue` for an uncontrolled group. */
  value?: string;
  defaultValue?: string;
  onChange?: (value: string, event: ChangeEvent<HTMLInputElement>) => void;
  hint?: ReactNode;
  error?: ReactNode;
  isRequired?: boolean;
  requiredMarker?: ReactNode;
  /** Id of the first radio: the target an `ErrorSummary` links to. */
  id?: string;
  /** Lay short options (yes / no) side by side. */
  isInline?: boolean;
  disabled?: boolean;
  className?: string;
}

export function RadioGroup({
  legend,
  name,
  options,
  value,
  defaultValue,
  onChange,
  hint,
  error,
  isRequired = false,
  requiredMarker = "*",
  id,
  isInline = false,
  disabled,
  className,
}: RadioGroupProps) {
  const generatedId = useId();
  const baseId = id ?? generatedId;
  const hintId = `${baseId}-hint`;
  const errorId = `${baseId}-error`;
  const hasHint = isPresent(hint);
  const hasError = isPresent(error);
  const isControlled = value !== undefined;

  return (
    <fieldset
      className={classNames("t-fieldset", hasError && "t-field--error", className)}
      aria-describedby={joinIds(hasHint && hintId, hasError && errorId)}
      disabled={disabled}
    >
      <legend className="t-fieldset__legend">
        {legend}
        {isRequired && <RequiredMarker marker={requiredMarker} />}
      </legend>
      {hasHint && (
        <div id={hintId} className="t-field__hint">
          {hint}
        </div>
      )}
      {hasError && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <div className={classNames("t-choices", isInline && "t-choices--inline")}>
        {options.map((option, index) => {
          const optionId = index === 0 ? baseId : `${baseId}-${index}`;
          const optionHintId = `${optionId}-option-hint`;
          const hasOptionHint = isPresent(option.hint);
          return (
            <div className="t-choice" key={option.value}>
              <input
                type="radio"
                id={optionId}
                className="t-choice__input"
                name={name}
                value={option.value}
                required={isRequired || undefined}
                disabled={option.disabled}
                aria-describedby={hasOptionHint ? optionHintId : undefined}
                {...(isControlled
                  ? { checked: value === option.value }
                  : { defaultChecked: defaultValue === option.value })}
                onChange={(event) => onChange?.(event.currentTarget.value, event)}
              />
              <label className="t-choice__label" htmlFor={optionId}>
                {option.label}
              </label>
              {hasOptionHint && (
                <div id={optionHintId} className="t-choice__hint">
                  {option.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
