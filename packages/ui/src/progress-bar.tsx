import { useId, type HTMLAttributes } from "react";
import { classNames } from "./class-names";

export interface ProgressBarProps extends Omit<HTMLAttributes<HTMLDivElement>, "children"> {
  /** What is progressing, e.g. "Uploading photo 1"; pass a translated string. */
  label: string;
  /** 0 to 1; absent while the amount is not known yet (an indeterminate bar). */
  value?: number | undefined;
  /** Shown after the label, e.g. "45 %"; announced with it. */
  valueText?: string | undefined;
}

/**
 * A native `<progress>` (announced by screen readers as a progress bar) with a visible label.
 * The value is clamped, so a caller's rounding never shows more than done.
 */
export function ProgressBar({ label, value, valueText, className, ...rest }: ProgressBarProps) {
  const id = useId();
  const clamped = value === undefined ? undefined : Math.min(1, Math.max(0, value));
  return (
    <div className={classNames("t-progress", className)} {...rest}>
      <label htmlFor={id} className="t-progress__label">
        {label}
        {valueText && <span className="t-progress__value">{valueText}</span>}
      </label>
      <progress
        id={id}
        className="t-progress__bar"
        max={1}
        value={clamped}
        aria-valuetext={valueText}
      />
    </div>
  );
}
