import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DataTable } from "./data-table";
import type { DataTableColumn } from "./data-table";

interface Tip {
  ref: string;
  object: string;
  count: number;
}

const columns: DataTableColumn<Tip>[] = [
  { key: "ref", header: "Reference", render: (tip) => tip.ref, isRowHeader: true },
  { key: "object", header: "Object", render: (tip) => tip.object },
  { key: "count", header: "Tips", render: (tip) => tip.count, align: "end" },
];

const rows: Tip[] = [
  { ref: "OBJ-1", object: "Blue scarf", count: 3 },
  { ref: "OBJ-2", object: "Key ring", count: 0 },
];

describe("DataTable", () => {
  it.each([{ isCaptionHidden: false }, { isCaptionHidden: true }])(
    "is a table named by its caption, with column and row headers (caption hidden: $isCaptionHidden)",
    ({ isCaptionHidden }) => {
      render(
        <DataTable
          caption="Objects"
          isCaptionHidden={isCaptionHidden}
          columns={columns}
          rows={rows}
          getRowKey={(tip) => tip.ref}
        />,
      );

      const table = screen.getByRole("table", { name: "Objects" });
      const headers = within(table).getAllByRole("columnheader");
      expect(headers.map((header) => header.textContent)).toEqual(["Reference", "Object", "Tips"]);
      const rowHeaders = within(table).getAllByRole("rowheader");
      expect(rowHeaders.map((header) => header.textContent)).toEqual(["OBJ-1", "OBJ-2"]);
      expect(rowHeaders.every((header) => header.getAttribute("scope") === "row")).toBe(true);
      expect(within(table).getByRole("row", { name: /OBJ-1/ }).textContent).toContain("Blue scarf");

      // The scroll wrapper is a named, keyboard-reachable region.
      const region = screen.getByRole("region", { name: "Objects" });
      expect(region.tabIndex).toBe(0);
    },
  );

  it("shows the empty message across all columns when there are no rows", () => {
    render(
      <DataTable
        caption="Objects"
        columns={columns}
        rows={[]}
        getRowKey={(tip) => tip.ref}
        emptyMessage="No objects yet"
      />,
    );

    const cell = screen.getByRole("cell", { name: "No objects yet" });
    expect(cell.getAttribute("colspan")).toBe(String(columns.length));
    expect(screen.queryAllByRole("rowheader")).toHaveLength(0);
  });
});
