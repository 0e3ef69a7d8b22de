import type { HTMLAttributes } from "react";
import { classNames } from "./class-names";
import { VisuallyHidden } from "./visually-hidden";

export interface SpinnerProps extends Omit<HTMLAttributes<HTMLSpanElement>, "children" | "role"> {
  /** Announced to screen readers; pass a translated string. */
  label?: string;
  /** Show the label next to the spinner instead of hiding it visually. */
  isLabelVisible?: boolean;
  size?: "medium" | "large";
}

export function Spinner({
  label = "Loading…",
  isLabelVisible = false,
  size = "medium",
  className,
  ...rest
}: SpinnerProps) {
  return (
    <span
      role="status"
      className={classNames("t-spinner", `t-spinner--${size}`, className)}
      {...rest}
    >
      <span className="t-spinner__ring" aria-hidden="true" />
      {isLabelVisible ? (
        <span className="t-spinner__label">{label}</span>
      ) : (
        <VisuallyHidden>{label}</VisuallyHidden>
      )}
    </span>
  );
}
