import type { HTMLAttributes } from "react";
import { classNames } from "./class-names";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
  /** The visible text carries the meaning; the tone only reinforces it. */
  children: string;
}

/** A short status label, e.g. "Published" or "Needs review". */
export function Badge({ tone = "neutral", className, children, ...rest }: BadgeProps) {
  return (
    <span className={classNames("t-badge", `t-tone-${tone}`, className)} {...rest}>
      {children}
    </span>
  );
}
