import type { ReactNode } from "react";
import { Button } from "./button";
import { classNames } from "./class-names";

export interface PaginationProps {
  /** Current page, 1-based. */
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
  /** Names the nav landmark, e.g. "Results pages". */
  label?: string;
  previousLabel?: string;
  nextLabel?: string;
  /** Builds the status text; pass a translated formatter. */
  formatStatus?: (page: number, pageCount: number) => ReactNode;
  className?: string;
}

const defaultFormatStatus = (page: number, pageCount: number) => `Page ${page} of ${pageCount}`;

/**
 * Previous / next paging. Renders nothing when there is a single page. The ends use
 * aria-disabled rather than `disabled` so keyboard focus is not lost when the user
 * reaches the last page with the "next" button focused.
 */
export function Pagination({
  page,
  pageCount,
  onPageChange,
  label = "Pagination",
  previousLabel = "Previous",
  nextLabel = "Next",
  formatStatus = defaultFormatStatus,
  className,
}: PaginationProps) {
  if (pageCount <= 1) return null;
  const isFirst = page <= 1;
  const isLast = page >= pageCount;

  return (
    <nav aria-label={label} className={classNames("t-pagination", className)}>
      <Button
        variant="secondary"
        aria-disabled={isFirst || undefined}
        onClick={() => {
          if (!isFirst) onPageChange(page - 1);
        }}
      >
        <span aria-hidden="true">← </span>
        {previousLabel}
      </Button>
      <p className="t-pagination__status" aria-live="polite">
        {formatStatus(page, pageCount)}
      </p>
      <Button
        variant="secondary"
        aria-disabled={isLast || undefined}
        onClick={() => {
          if (!isLast) onPageChange(page + 1);
        }}
      >
        {nextLabel}
        <span aria-hidden="true"> →</span>
      </Button>
    </nav>
  );
}
