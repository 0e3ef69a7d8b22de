import { useEffect, useRef } from "react";
import type { MouseEvent, ReactNode } from "react";
import { classNames } from "./class-names";
import type { HeadingLevel } from "./card";

export interface ErrorSummaryItem {
  /** Id of the control to fix (a `Field`/`Checkbox` id, or a `RadioGroup` id for its first radio). */
  fieldId: string;
  message: ReactNode;
}

export interface ErrorSummaryProps {
  /** E.g. "There is a problem"; pass a translation. */
  heading: ReactNode;
  headingLevel?: HeadingLevel;
  errors: readonly ErrorSummaryItem[];
  description?: ReactNode;
  /**
   * Focus moves to the summary when it mounts. Change this value (e.g. the submit count)
   * to move focus again after a later failed submit while the summary stays mounted.
   */
  focusKey?: string | number;
  className?: string;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return; // let the browser follow the fragment
  // Focusing directly keeps the URL (and a client-side router) untouched and lands the
  // cursor in the control rather than merely scrolling to it.
  event.preventDefault();
  // Bring the label or legend into view too, not just the input under it.
  const context = field.closest("fieldset, .t-field, .t-choice-field") ?? field;
  context.scrollIntoView({ block: "start" });
  field.focus({ preventScroll: true });
}

/** GOV.UK-style list of a form's errors, placed above the form; each links to its field. */
export function ErrorSummary({
  heading,
  headingLevel = 2,
  errors,
  description,
  focusKey,
  className,
}: ErrorSummaryProps) {
  const summaryRef = useRef<HTMLDivElement>(null);
  const HeadingTag = `h${headingLevel}` as const;
  const hasErrors = errors.length > 0;

  useEffect(() => {
    if (hasErrors) summaryRef.current?.focus();
  }, [hasErrors, focusKey]);

  if (!hasErrors) return null;

  return (
    <div ref={summaryRef} tabIndex={-1} className={classNames("t-error-summary", className)}>
      {/* role="alert" also reaches screen readers if focus is taken elsewhere. */}
      <div role="alert">
        <HeadingTag className="t-error-summary__heading">{heading}</HeadingTag>
        {description !== undefined && (
          <div className="t-error-summary__description">{description}</div>
        )}
        <ul className="t-error-summary__list">
          {errors.map((error) => (
            <li key={error.fieldId}>
              <a href={`#${error.fieldId}`} onClick={(event) => focusField(event, error.fieldId)}>
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
