/**
 * Writing summary tabs through Office.js, one batch (one context.sync) per tab.
 *
 * Sync 1 loads the sheet names and the workbook-level names. Each tab is then one batch:
 * calculation and screen updating suspended; the tab this key generated before (found by its
 * marker name, never by its title) deleted together with its marker; the new sheet added
 * (title, or title(2)… when a user's sheet has the title); number formats as one 2-D
 * assignment, then values as one 2-D assignment (text cells are formatted "@" first so Excel
 * keeps "001" and "=…" as text); bold header and total, fills, column widths, frozen header,
 * an Excel table (banded style, filter buttons) when table.filter, links to ledger cells, a
 * column chart when table.chart, and the marker name workbook.names.add(markerName(key), A1).
 *
 * So writing N ordinary tabs takes 1 + N syncs. A tab whose cells would make a request larger
 * than the payload budget (a findings list of tens of thousands of rows) is written in row
 * blocks: the first batch as above, then one more sync per further block.
 *
 * Column widths: Excel measures widths in characters of the default font's widest digit
 * (7 px for 11-pt Calibri / 等线) plus 5 px of padding; Office.js takes points (0.75 pt per px):
 *   points = (characters × 7 + 5) × 0.75, e.g. 10 characters → 56.25 pt.
 */
import { GENERATED_MARKER_PREFIX, markerName, type CellFormat, type SummaryTable } from "../summaries/model";
import { freeSheetName, layoutSummary, storedValue, type GridValue, type SummaryLayout } from "../host/summaryLayout";
import { columnLetter } from "../ledger/cellRef";
import { boxAddress, quoteSheet, sheetOfReference } from "./addresses";
import { queueDateSystemProbe } from "./dateSystem";
import { READ_BLOCK_BUDGET_BYTES } from "./read";

export const NUMBER_FORMAT_CODES: Record<CellFormat, string> = {
  text: "@",
  integer: "0",
  yuan: "#,##0.00",
  percent: "0.0%",
  date: "yyyy-mm-dd",
};

export const HEADER_FILL = "#DDEBF7";
export const TOTAL_FILL = "#F2F2F2";
const META_COLOUR = "#595959";
const NOTE_COLOUR = "#9C5700";
const LINK_COLOUR = "#0563C1";
export const TABLE_STYLE = "TableStyleLight9";

/** Pixels per character of the default font's widest digit, and the cell padding. */
export const PX_PER_CHARACTER = 7;
export const PX_PADDING = 5;

/** A width in characters (as SummaryColumn.width and Excel's column-width dialog give it) in points. */
export function characterWidthToPoints(characters: number): number {
  return (Math.max(0, characters) * PX_PER_CHARACTER + PX_PADDING) * 0.75;
}

/** Bytes assumed for one hyperlink assignment in a request (reference, tip, framing). */
const LINK_BYTES = 200;

export interface WriteSummariesOptions {
  /** Largest estimated request per batch (bytes); default READ_BLOCK_BUDGET_BYTES (2 MB, under the 5 MB limit). */
  readonly payloadBudgetBytes?: number;
  /** Activate the first tab written (default true). */
  readonly activate?: boolean;
  /** suspendApiCalculationUntilNextSync (ExcelApi 1.6) and suspendScreenUpdatingUntilNextSync (1.9) exist; default true. */
  readonly suspendCalculation?: boolean;
  readonly suspendScreenUpdating?: boolean;
}

export interface WrittenTab {
  readonly key: string;
  /** The tab's name: the title, or title(2)… when a user's sheet has the title. */
  readonly name: string;
  readonly renamed: boolean;
  /** The previously generated tab this one replaced (deleted), if any. */
  readonly replaced: string | null;
  /** Batches (context.sync calls) this tab took. */
  readonly batches: number;
}

export async function writeSummaries(
  context: Excel.RequestContext,
  tables: readonly SummaryTable[],
  options: WriteSummariesOptions = {},
): Promise<WrittenTab[]> {
  if (tables.length === 0) return [];
  const workbook = context.workbook;
  const sheets = workbook.worksheets;
  sheets.load("items/name");
  const names = workbook.names;
  names.load("items/name,items/formula");
  // Writing summaries needs ExcelApi 1.7, so workbook.functions (1.2) is there.
  const uses1904 = queueDateSystemProbe(context, true);
  await context.sync();
  const date1904 = uses1904();

  const existing = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s.name]));
  /** Marker name → the sheet it points at (null: at no existing sheet). */
  const markers = new Map<string, string | null>();
  for (const item of names.items) {
    if (!item.name.startsWith(GENERATED_MARKER_PREFIX)) continue;
    const target = sheetOfReference(item.formula ?? "");
    markers.set(item.name, target !== null && existing.has(target.toLowerCase()) ? existing.get(target.toLowerCase())! : null);
  }

  const budget = options.payloadBudgetBytes ?? READ_BLOCK_BUDGET_BYTES;
  const written: WrittenTab[] = [];
  for (const [index, table] of tables.entries()) {
    suspend(context, options);
    if (index === 0) {
      // Markers left pointing at nothing (their tab deleted by hand) are dropped.
      for (const [marker, target] of markers) {
        if (target === null) {
          names.getItem(marker).delete();
          markers.delete(marker);
        }
      }
    }
    const marker = markerName(table.key);
    let replaced: string | null = null;
    if (markers.has(marker)) {
      const target = markers.get(marker) ?? null;
      names.getItem(marker).delete();
      markers.delete(marker);
      // The ledger itself is never deleted, whatever a marker says.
      if (target !== null && target.toLowerCase() !== table.meta.sourceSheet.toLowerCase()) {
        sheets.getItem(target).delete();
        existing.delete(target.toLowerCase());
        replaced = target;
      }
    }
    const layout = layoutSummary(table);
    const name = freeSheetName(table.title, existing.values());
    existing.set(name.toLowerCase(), name);
    const sheet = sheets.add(name);
    names.add(marker, sheet.getRange("A1"), "BANGFU 生成的汇总表（重新生成时替换）");

    const blocks = rowBlocks(layout, budget);
    writeBlock(sheet, layout, blocks[0], date1904);
    styleTab(sheet, layout);
    if (index === 0 && options.activate !== false) sheet.activate();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch, each batch bounded by the 5 MB request limit
    await context.sync();
    for (const block of blocks.slice(1)) {
      suspend(context, options);
      writeBlock(sheet, layout, block, date1904);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch, each batch bounded by the 5 MB request limit
      await context.sync();
    }
    markers.set(marker, name);
    written.push({ key: table.key, name, renamed: name !== table.title, replaced, batches: blocks.length });
  }
  return written;
}

function suspend(context: Excel.RequestContext, options: WriteSummariesOptions): void {
  if (options.suspendCalculation !== false) context.application.suspendApiCalculationUntilNextSync();
  if (options.suspendScreenUpdating !== false) context.application.suspendScreenUpdatingUntilNextSync();
}

// ---------------------------------------------------------------- values

/** A grid value as written to Excel: ISO dates in date cells as serial numbers of the workbook's date system, blanks as "". */
export function excelValue(value: GridValue, format: CellFormat, date1904: boolean): string | number {
  return storedValue(value, format, date1904) ?? "";
}

interface RowBlock {
  /** 1-based, inclusive. */
  readonly first: number;
  readonly last: number;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? (i++, 4) : 3;
  }
  return bytes;
}

/** Estimated request bytes of one grid row: values and number formats as JSON, plus its links. */
function rowBytes(layout: SummaryLayout, r: number, linksPerRow: Map<number, number>): number {
  let bytes = 4;
  for (let c = 0; c < layout.columnCount; c++) {
    const v = layout.values[r][c];
    bytes += (v === null ? 2 : typeof v === "number" ? 24 : utf8Length(v) + 2) + NUMBER_FORMAT_CODES[layout.formats[r][c]].length + 4;
  }
  return bytes + (linksPerRow.get(r + 1) ?? 0) * LINK_BYTES;
}

/** The grid cut into row blocks whose estimated request stays under `budget` (at least one row each). */
export function rowBlocks(layout: SummaryLayout, budget: number): RowBlock[] {
  const linksPerRow = new Map<number, number>();
  for (const link of layout.links) linksPerRow.set(link.row, (linksPerRow.get(link.row) ?? 0) + 1);
  const blocks: RowBlock[] = [];
  let first = 1;
  let bytes = 0;
  for (let r = 0; r < layout.rowCount; r++) {
    const row = rowBytes(layout, r, linksPerRow);
    if (r + 1 > first && bytes + row > budget) {
      blocks.push({ first, last: r });
      first = r + 1;
      bytes = 0;
    }
    bytes += row;
  }
  blocks.push({ first, last: layout.rowCount });
  return blocks;
}

function writeBlock(sheet: Excel.Worksheet, layout: SummaryLayout, block: RowBlock, date1904: boolean): void {
  const range = sheet.getRange(boxAddress({ top: block.first, left: 1, bottom: block.last, right: layout.columnCount }));
  const formats: string[][] = [];
  const values: (string | number)[][] = [];
  for (let r = block.first - 1; r < block.last; r++) {
    formats.push(layout.formats[r].map((f) => NUMBER_FORMAT_CODES[f]));
    values.push(layout.values[r].map((v, c) => excelValue(v, layout.formats[r][c], date1904)));
  }
  // Formats first: a text cell is "@" before its value lands, so Excel does not reinterpret it.
  range.numberFormat = formats;
  range.values = values;
  for (const link of layout.links) {
    if (link.row < block.first || link.row > block.last) continue;
    const cell = sheet.getRange(`${columnLetter(link.column)}${link.row}`);
    const reference = `${quoteSheet(link.sheet)}!${link.cell}`;
    cell.hyperlink = { documentReference: reference, screenTip: `转到 ${link.sheet}!${link.cell}` };
    cell.format.font.color = LINK_COLOUR;
    cell.format.font.underline = "Single";
  }
}

// ---------------------------------------------------------------- formatting

function rowRange(sheet: Excel.Worksheet, row: number, columns: number): Excel.Range {
  return sheet.getRange(boxAddress({ top: row, left: 1, bottom: row, right: columns }));
}

function styleTab(sheet: Excel.Worksheet, layout: SummaryLayout): void {
  const columns = layout.columnCount;
  const meta = sheet.getRange("A1");
  meta.format.font.size = 9;
  meta.format.font.color = META_COLOUR;
  if (layout.noteRows.length > 0) {
    const notes = sheet.getRange(
      boxAddress({ top: layout.noteRows[0], left: 1, bottom: layout.noteRows[layout.noteRows.length - 1], right: 1 }),
    );
    notes.format.font.size = 9;
    notes.format.font.color = NOTE_COLOUR;
  }

  const header = rowRange(sheet, layout.headerRow, columns);
  header.format.font.bold = true;
  header.format.fill.color = HEADER_FILL;
  header.format.horizontalAlignment = "Center";
  header.format.verticalAlignment = "Center";
  header.format.wrapText = true;
  header.format.borders.getItem("EdgeBottom").style = "Continuous";

  if (layout.totalRow !== null) {
    const total = rowRange(sheet, layout.totalRow, columns);
    total.format.font.bold = true;
    total.format.fill.color = TOTAL_FILL;
    total.format.borders.getItem("EdgeTop").style = "Continuous";
  }
  // Cells the table marks bold in the body.
  for (let r = layout.firstBodyRow; r <= layout.lastBodyRow; r++) {
    layout.bold[r - 1].forEach((bold, c) => {
      if (bold) sheet.getRange(`${columnLetter(c + 1)}${r}`).format.font.bold = true;
    });
  }

  layout.widths.forEach((width, c) => {
    const letter = columnLetter(c + 1);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = characterWidthToPoints(width);
  });
  sheet.freezePanes.freezeRows(layout.headerRow);

  if (layout.filter && layout.lastBodyRow >= layout.firstBodyRow) {
    const table = sheet.tables.add(boxAddress({ top: layout.headerRow, left: 1, bottom: layout.lastBodyRow, right: columns }), true);
    table.style = TABLE_STYLE;
    table.showBandedRows = true;
  }

  const chart = layout.chart;
  if (chart) {
    const columnRange = (column: number) =>
      sheet.getRange(boxAddress({ top: chart.firstRow, left: column, bottom: chart.lastRow, right: column }));
    const categories = columnRange(chart.categoryColumn);
    const created = sheet.charts.add(
      chart.kind === "stackedColumn" ? "ColumnStacked" : "ColumnClustered",
      columnRange(chart.seriesColumns[0]),
      "Columns",
    );
    created.title.text = chart.title;
    created.legend.position = "Bottom";
    // Every series set explicitly: Excel must not take a first text cell ("—") for a series name.
    const first = created.series.getItemAt(0);
    first.name = chart.seriesNames[0];
    first.setValues(columnRange(chart.seriesColumns[0]));
    first.setXAxisValues(categories);
    chart.seriesColumns.slice(1).forEach((column, i) => {
      const series = created.series.add(chart.seriesNames[i + 1]);
      series.setValues(columnRange(column));
      series.setXAxisValues(categories);
    });
    // To the right of the table, from the header row down.
    const left = columns + 2;
    created.setPosition(`${columnLetter(left)}${layout.headerRow}`, `${columnLetter(left + 7)}${layout.headerRow + 17}`);
  }
}
