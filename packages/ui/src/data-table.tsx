import { useId } from "react";
import type { Key, ReactNode } from "react";
import { classNames } from "./class-names";

export interface DataTableColumn<Row> {
  key: string;
  header: ReactNode;
  render: (row: Row) => ReactNode;
  /** Cells of this column name their row (<th scope="row">); usually the first column. */
  isRowHeader?: boolean;
  /** `end` for numbers so digits line up. */
  align?: "start" | "end";
}

export interface DataTableProps<Row> {
  /** Required: names the table for screen readers and the scroll region. */
  caption: ReactNode;
  /** Keep the caption for assistive technology only when a visible heading says the same. */
  isCaptionHidden?: boolean;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  getRowKey: (row: Row) => Key;
  /** Shown in a single cell when there are no rows. */
  emptyMessage?: ReactNode;
  className?: string;
}

/**
 * A real <table>. It sits in a focusable, named scroll region so a wide table can be
 * scrolled sideways by keyboard on a 320 px screen instead of breaking the page layout.
 */
export function DataTable<Row>({
  caption,
  isCaptionHidden = false,
  columns,
  rows,
  getRowKey,
  emptyMessage,
  className,
}: DataTableProps<Row>) {
  const captionId = useId();

  return (
    <div
      className={classNames("t-table-wrap", className)}
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table className="t-table">
        <caption
          id={captionId}
          className={classNames("t-table__caption", isCaptionHidden && "t-visually-hidden")}
        >
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={cellClass(column)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && emptyMessage !== undefined && (
            <tr>
              <td colSpan={columns.length} className="t-table__empty">
                {emptyMessage}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={getRowKey(row)}>
              {columns.map((column) =>
                column.isRowHeader ? (
                  <th key={column.key} scope="row" className={cellClass(column)}>
                    {column.render(row)}
                  </th>
                ) : (
                  <td key={column.key} className={cellClass(column)}>
                    {column.render(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function cellClass<Row>(column: DataTableColumn<Row>) {
  return column.align === "end" ? "t-table__cell--end" : undefined;
}
