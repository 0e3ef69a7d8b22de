import { useId } from "react";
import type { HTMLAttributes, ReactNode } from "react";
import { classNames } from "./class-names";

export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, "title"> {
  /** `article` for a self-contained item (an object, a tip), `section` for a part of a page. */
  as?: "article" | "section" | "div";
  heading?: ReactNode;
  /** Pick the level that fits the page outline; there is no sensible universal default. */
  headingLevel?: HeadingLevel;
  /** Shown edge to edge above the heading, e.g. an `AspectImage`. */
  media?: ReactNode;
  footer?: ReactNode;
  children?: ReactNode;
}

export function Card({
  as: Tag = "div",
  heading,
  headingLevel = 2,
  media,
  footer,
  className,
  children,
  ...rest
}: CardProps) {
  const headingId = useId();
  const HeadingTag = `h${headingLevel}` as const;
  const hasHeading = heading !== undefined && heading !== null;
  // Articles and sections are named by their heading (a named section is a region landmark);
  // a plain div stays anonymous.
  const labelledBy = hasHeading && Tag !== "div" ? headingId : undefined;

  return (
    <Tag className={classNames("t-card", className)} aria-labelledby={labelledBy} {...rest}>
      {media !== undefined && <div className="t-card__media">{media}</div>}
      <div className="t-card__body">
        {hasHeading && (
          <HeadingTag id={headingId} className="t-card__heading">
            {heading}
          </HeadingTag>
        )}
        {children}
      </div>
      {footer !== undefined && <div className="t-card__footer">{footer}</div>}
    </Tag>
  );
}
