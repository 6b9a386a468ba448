/**
 * Where each part of a summary table goes on its tab, host-neutral: the Excel adapter
 * (src/office/write.ts) and the in-memory workbook (./memoryHost.ts) both render this grid,
 * so a tab looks the same in both.
 *
 * Row 1 holds the meta line, the notes follow (one per row), then a blank row, the header
 * (headerRowOf), the body rows and the total row. Every cell of the grid has a value (null
 * for blank) and a format; text cells are marked "text" so that a writer can keep Excel from
 * reading "001" as a number or "=…" as a formula.
 */
import type { CellFormat, ChartSpec, SummaryCell, SummaryKey, SummaryTable } from "../summaries/model";
import { headerRowOf, metaLine } from "../summaries/model";
import { toExcelSerial } from "../values/dates";

export type GridValue = string | number | null;

export interface GridLink {
  /** 1-based row and column of the linking cell on the tab. */
  readonly row: number;
  readonly column: number;
  readonly sheet: string;
  /** The target cell, A1 style without $ (e.g. "A12"). */
  readonly cell: string;
}

export interface ChartPlacement {
  readonly kind: ChartSpec["kind"];
  readonly title: string;
  /** 1-based columns on the tab. */
  readonly categoryColumn: number;
  readonly seriesColumns: readonly number[];
  readonly seriesNames: readonly string[];
  /** First and last body rows (1-based, inclusive). */
  readonly firstRow: number;
  readonly lastRow: number;
}

export interface SummaryLayout {
  readonly key: SummaryKey;
  readonly title: string;
  /** Rows and columns of the grid (at least 1 × 1). */
  readonly rowCount: number;
  readonly columnCount: number;
  /** values[r][c] is tab row r+1, column c+1. */
  readonly values: readonly (readonly GridValue[])[];
  /** The format of each grid cell; a string in a number column is "text". */
  readonly formats: readonly (readonly CellFormat[])[];
  /** Cells shown bold: the header, the total row and cells the table marks bold. */
  readonly bold: readonly (readonly boolean[])[];
  readonly links: readonly GridLink[];
  readonly metaRow: 1;
  /** Rows of the notes (may be empty). */
  readonly noteRows: readonly number[];
  readonly headerRow: number;
  /** First and last body rows; lastBodyRow < firstBodyRow when the table has no rows. */
  readonly firstBodyRow: number;
  readonly lastBodyRow: number;
  readonly totalRow: number | null;
  /** Column widths in characters, one per table column. */
  readonly widths: readonly number[];
  readonly filter: boolean;
  /** Null when the table has no chart or no body rows to chart. */
  readonly chart: ChartPlacement | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The format a cell is written with: its own, else its column's; text for strings that are not ISO dates in a date column. */
export function cellFormatOf(cell: SummaryCell, columnFormat: CellFormat | undefined): CellFormat {
  const format = cell.format ?? columnFormat ?? "text";
  if (typeof cell.value === "string" && format !== "text" && !(format === "date" && ISO_DATE.test(cell.value))) return "text";
  return format;
}

/**
 * The value a summary cell holds when written into a workbook: an ISO date in a date cell as the
 * serial number of the workbook's date system (`date1904`), every other value as it is. One rule for
 * the .xlsx writer, the Office host and the WPS host.
 */
export function storedValue(value: GridValue, format: CellFormat, date1904: boolean): GridValue {
  if (typeof value === "string" && format === "date") {
    const iso = ISO_DATE.exec(value);
    if (iso) return toExcelSerial({ year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }, date1904);
  }
  return value;
}

function gridValue(value: string | number | null): GridValue {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return value === "" ? null : value;
}

export function layoutSummary(table: SummaryTable): SummaryLayout {
  const headerRow = headerRowOf(table);
  const columnCount = Math.max(1, table.columns.length);
  const firstBodyRow = headerRow + 1;
  const lastBodyRow = headerRow + table.rows.length;
  const totalRow = table.totalRow ? lastBodyRow + 1 : null;
  const rowCount = totalRow ?? lastBodyRow;

  const values: GridValue[][] = [];
  const formats: CellFormat[][] = [];
  const bold: boolean[][] = [];
  const links: GridLink[] = [];
  const blankRow = () => {
    values.push(Array<GridValue>(columnCount).fill(null));
    formats.push(Array<CellFormat>(columnCount).fill("text"));
    bold.push(Array<boolean>(columnCount).fill(false));
  };
  const textRow = (text: string | null) => {
    blankRow();
    values[values.length - 1][0] = text;
  };

  textRow(metaLine(table.meta));
  const noteRows = table.notes.map((note, i) => {
    textRow(note);
    return 2 + i;
  });
  blankRow();
  blankRow();
  table.columns.forEach((column, c) => {
    values[headerRow - 1][c] = column.header;
    bold[headerRow - 1][c] = true;
  });

  const bodyRow = (cells: readonly SummaryCell[], rowNumber: number, total: boolean) => {
    blankRow();
    const r = rowNumber - 1;
    for (let c = 0; c < columnCount; c++) {
      const cell = cells[c];
      const columnFormat = table.columns[c]?.format;
      if (!cell) {
        formats[r][c] = columnFormat ?? "text";
        bold[r][c] = total;
        continue;
      }
      values[r][c] = gridValue(cell.value);
      formats[r][c] = cellFormatOf(cell, columnFormat);
      bold[r][c] = total || cell.bold === true;
      if (cell.link) links.push({ row: rowNumber, column: c + 1, sheet: cell.link.sheet, cell: cell.link.cell.replace(/\$/g, "") });
    }
  };
  table.rows.forEach((cells, i) => bodyRow(cells, firstBodyRow + i, false));
  if (table.totalRow && totalRow !== null) bodyRow(table.totalRow, totalRow, true);

  const chart: ChartPlacement | null =
    table.chart && table.rows.length > 0 && table.chart.seriesColumns.length > 0
      ? {
          kind: table.chart.kind,
          title: table.chart.title,
          categoryColumn: table.chart.categoryColumn + 1,
          seriesColumns: table.chart.seriesColumns.map((c) => c + 1),
          seriesNames: table.chart.seriesColumns.map((c) => table.columns[c]?.header ?? `第${c + 1}列`),
          firstRow: firstBodyRow,
          lastRow: lastBodyRow,
        }
      : null;

  return {
    key: table.key,
    title: table.title,
    rowCount,
    columnCount,
    values,
    formats,
    bold,
    links,
    metaRow: 1,
    noteRows,
    headerRow,
    firstBodyRow,
    lastBodyRow,
    totalRow,
    widths: table.columns.map((c) => c.width),
    filter: table.filter === true && table.columns.length > 0,
    chart,
  };
}

/**
 * A free tab name: the title, else title(2), title(3)… (Excel compares sheet names without
 * regard to case; a name holds at most 31 characters and none of []:*?/\).
 */
export function freeSheetName(title: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = title.replace(/[[\]:*?/\\]/g, "-").slice(0, 31);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = `(${n})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
