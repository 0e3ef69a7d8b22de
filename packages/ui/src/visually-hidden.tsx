import type { HTMLAttributes, ReactNode } from "react";
import { classNames } from "./class-names";

export interface VisuallyHiddenProps extends HTMLAttributes<HTMLElement> {
  /** Element to render; `span` keeps it valid inside phrasing content. */
  as?: "span" | "div" | "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6";
  children: ReactNode;
}

/** Content read by assistive technology but not shown on screen. */
export function VisuallyHidden({
  as: Tag = "span",
  className,
  children,
  ...rest
}: VisuallyHiddenProps) {
  return (
    <Tag className={classNames("t-visually-hidden", className)} {...rest}>
      {children}
    </Tag>
  );
}
