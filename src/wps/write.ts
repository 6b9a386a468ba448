/**
 * Writing summary tabs through ET, from the same grid as the Excel adapter and the in-memory
 * workbook (../host/summaryLayout.ts), so that a tab looks the same in WPS and Excel.
 *
 * Per tab: the tab this key generated before (found by its marker name, never by its title) is
 * deleted with DisplayAlerts off (else WPS asks the user), unless the marker points at the
 * ledger itself; the new sheet is added after the last one (Worksheets.Add() alone would put it
 * before the active sheet); number formats go on in column runs (ET takes one format string per
 * range), text cells "@" before the values land so "001" and "=…" stay text; then the values in
 * 2-D Value2 blocks; header and total styles, column widths (ET measures them in characters, as
 * SummaryColumn.width), the frozen header (the active window's panes, so on the new, active tab),
 * filter buttons, a column chart (Shapes.AddChart2, else ChartObjects().Add on older builds),
 * and the marker name. Screen updating is off for the whole write.
 *
 * Links to ledger cells are HYPERLINK formulas written with the values (=HYPERLINK("#'台账'!C12",
 * "台账!C12")): one Value2 block instead of four bridge calls per link, which matters for a
 * findings list of thousands of rows. Excel's adapter sets hyperlink objects; both jump to the cell.
 */
import { columnLetter, quoteSheet, sheetOfReference } from "../ledger/cellRef";
import { freeSheetName, layoutSummary, type GridLink, type SummaryLayout } from "../host/summaryLayout";
import { boxAddress } from "../office/addresses";
import { excelValue, HEADER_FILL, NUMBER_FORMAT_CODES, TOTAL_FILL } from "../office/write";
import { GENERATED_MARKER_PREFIX, markerName, type SummaryTable } from "../summaries/model";
import {
  XL_CENTER,
  XL_COLUMN_CLUSTERED,
  XL_COLUMN_STACKED,
  XL_CONTINUOUS,
  XL_EDGE_BOTTOM,
  XL_EDGE_TOP,
  XL_LEGEND_BOTTOM,
  XL_UNDERLINE_SINGLE,
  type EtChart,
  type EtChartObjects,
  type EtName,
  type EtWorkbook,
  type EtWorksheet,
  type WpsApplication,
} from "./et";
import { blockRowsFor } from "./read";
import { hexToBgr } from "./values";
import { activeWorkbook, allSheets, usesDate1904 } from "./workbook";

const META_COLOUR = "#595959";
const NOTE_COLOUR = "#9C5700";
const LINK_COLOUR = "#0563C1";
/** The chart's size in points: about 8 default columns by 17 rows, as the Excel adapter places it. */
export const CHART_WIDTH = 480;
export const CHART_HEIGHT = 288;

export interface WpsWrittenTab {
  readonly key: string;
  readonly name: string;
  readonly renamed: boolean;
  /** The previously generated tab this one replaced, if any. */
  readonly replaced: string | null;
  /** How the chart was drawn; null when the table has none. */
  readonly chart: "AddChart2" | "ChartObjects" | "unsupported" | null;
}

/** The HYPERLINK formula of a link cell; quotes doubled as Excel and WPS read them. */
export function hyperlinkFormula(link: GridLink, shown: string): string {
  const quote = (text: string) => text.replace(/"/g, '""');
  return `=HYPERLINK("#${quote(`${quoteSheet(link.sheet)}!${link.cell}`)}","${quote(shown)}")`;
}

interface Marker {
  readonly name: EtName;
  /** The sheet it points at, or null when that sheet is gone. */
  readonly target: string | null;
}

function readMarkers(workbook: EtWorkbook, sheetNames: Map<string, string>): Map<string, Marker> {
  const names = workbook.Names;
  const count = names.Count;
  const markers = new Map<string, Marker>();
  for (let i = 1; i <= count; i++) {
    const name = names.Item(i);
    const text = name.Name;
    if (!text.startsWith(GENERATED_MARKER_PREFIX)) continue;
    const refersTo = name.RefersTo;
    const target = typeof refersTo === "string" ? sheetOfReference(refersTo) : null;
    markers.set(text, { name, target: target === null ? null : (sheetNames.get(target.toLowerCase()) ?? null) });
  }
  return markers;
}

function deleteSheet(app: WpsApplication, sheet: EtWorksheet): void {
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    sheet.Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
}

export function writeSummaries(app: WpsApplication, tables: readonly SummaryTable[]): WpsWrittenTab[] {
  if (tables.length === 0) return [];
  const workbook = activeWorkbook(app);
  const screen = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    const sheets = new Map<string, EtWorksheet>();
    const names = new Map<string, string>();
    for (const sheet of allSheets(workbook)) {
      const name = sheet.Name;
      sheets.set(name.toLowerCase(), sheet);
      names.set(name.toLowerCase(), name);
    }
    const markers = readMarkers(workbook, names);
    const date1904 = usesDate1904(workbook);
    // Markers left pointing at nothing (their tab deleted by hand) are dropped.
    for (const [text, marker] of markers) {
      if (marker.target === null) {
        marker.name.Delete();
        markers.delete(text);
      }
    }

    const written: WpsWrittenTab[] = [];
    let first: EtWorksheet | null = null;
    for (const table of tables) {
      const marker = markerName(table.key);
      let replaced: string | null = null;
      const old = markers.get(marker);
      if (old) {
        old.name.Delete();
        markers.delete(marker);
        // The ledger itself is never deleted, whatever a marker says.
        if (old.target !== null && old.target.toLowerCase() !== table.meta.sourceSheet.toLowerCase()) {
          deleteSheet(app, sheets.get(old.target.toLowerCase())!);
          sheets.delete(old.target.toLowerCase());
          names.delete(old.target.toLowerCase());
          replaced = old.target;
        }
      }
      const layout = layoutSummary(table);
      const name = freeSheetName(table.title, names.values());
      const tabs = workbook.Worksheets;
      const sheet = tabs.Add(undefined, tabs.Item(tabs.Count));
      sheet.Name = name;
      sheets.set(name.toLowerCase(), sheet);
      names.set(name.toLowerCase(), name);
      writeGrid(sheet, layout, date1904);
      styleTab(app, sheet, layout);
      const chart = layout.chart ? drawChart(sheet, layout) : null;
      workbook.Names.Add(marker, `=${quoteSheet(name)}!$A$1`);
      first ??= sheet;
      written.push({ key: table.key, name, renamed: name !== table.title, replaced, chart });
    }
    if (first) {
      first.Activate();
      first.Range("A1").Select();
    }
    return written;
  } finally {
    app.ScreenUpdating = screen;
  }
}

// ---------------------------------------------------------------- values and formats

/** Runs of equal values down one column: [first row, last row, value], 1-based rows. */
function columnRuns<T>(rows: number, valueAt: (row: number) => T): [number, number, T][] {
  const runs: [number, number, T][] = [];
  for (let r = 1; r <= rows; r++) {
    const v = valueAt(r);
    const last = runs[runs.length - 1];
    if (last && last[1] === r - 1 && last[2] === v) last[1] = r;
    else runs.push([r, r, v]);
  }
  return runs;
}

function writeGrid(sheet: EtWorksheet, layout: SummaryLayout, date1904: boolean): void {
  const links = new Map<string, GridLink>(layout.links.map((link) => [`${link.row},${link.column}`, link]));
  const linkAt = (row: number, column: number) => links.get(`${row},${column}`);
  for (let c = 1; c <= layout.columnCount; c++) {
    // A link cell holds a formula, so it must not be text-formatted.
    for (const [top, bottom, code] of columnRuns(layout.rowCount, (r) =>
      linkAt(r, c) ? "General" : NUMBER_FORMAT_CODES[layout.formats[r - 1][c - 1]],
    )) {
      sheet.Range(boxAddress({ top, left: c, bottom, right: c })).NumberFormat = code;
    }
    for (const [top, bottom, isLink] of columnRuns(layout.rowCount, (r) => linkAt(r, c) !== undefined)) {
      if (!isLink) continue;
      const font = sheet.Range(boxAddress({ top, left: c, bottom, right: c })).Font;
      font.Color = hexToBgr(LINK_COLOUR);
      font.Underline = XL_UNDERLINE_SINGLE;
    }
  }
  const step = blockRowsFor(layout.columnCount);
  for (let top = 1; top <= layout.rowCount; top += step) {
    const bottom = Math.min(layout.rowCount, top + step - 1);
    const values: (string | number)[][] = [];
    for (let r = top; r <= bottom; r++) {
      values.push(
        layout.values[r - 1].map((v, i) => {
          const link = linkAt(r, i + 1);
          return link
            ? hyperlinkFormula(link, v === null ? `${link.sheet}!${link.cell}` : String(v))
            : excelValue(v, layout.formats[r - 1][i], date1904);
        }),
      );
    }
    sheet.Range(boxAddress({ top, left: 1, bottom, right: layout.columnCount })).Value2 = values;
  }
}

// ---------------------------------------------------------------- formatting

function rowRange(sheet: EtWorksheet, row: number, columns: number) {
  return sheet.Range(boxAddress({ top: row, left: 1, bottom: row, right: columns }));
}

function styleTab(app: WpsApplication, sheet: EtWorksheet, layout: SummaryLayout): void {
  const columns = layout.columnCount;
  const meta = sheet.Range("A1").Font;
  meta.Size = 9;
  meta.Color = hexToBgr(META_COLOUR);
  if (layout.noteRows.length > 0) {
    const notes = sheet.Range(
      boxAddress({ top: layout.noteRows[0], left: 1, bottom: layout.noteRows[layout.noteRows.length - 1], right: 1 }),
    ).Font;
    notes.Size = 9;
    notes.Color = hexToBgr(NOTE_COLOUR);
  }

  const header = rowRange(sheet, layout.headerRow, columns);
  header.Font.Bold = true;
  header.Interior.Color = hexToBgr(HEADER_FILL);
  header.HorizontalAlignment = XL_CENTER;
  header.VerticalAlignment = XL_CENTER;
  header.WrapText = true;
  header.Borders.Item(XL_EDGE_BOTTOM).LineStyle = XL_CONTINUOUS;

  if (layout.totalRow !== null) {
    const total = rowRange(sheet, layout.totalRow, columns);
    total.Font.Bold = true;
    total.Interior.Color = hexToBgr(TOTAL_FILL);
    total.Borders.Item(XL_EDGE_TOP).LineStyle = XL_CONTINUOUS;
  }
  // Cells the table marks bold in the body, in runs along each row.
  for (let r = layout.firstBodyRow; r <= layout.lastBodyRow; r++) {
    const bold = layout.bold[r - 1];
    for (let c = 0; c < bold.length; c++) {
      if (!bold[c]) continue;
      let end = c;
      while (end + 1 < bold.length && bold[end + 1]) end++;
      sheet.Range(boxAddress({ top: r, left: c + 1, bottom: r, right: end + 1 })).Font.Bold = true;
      c = end;
    }
  }

  layout.widths.forEach((width, c) => {
    sheet.Range(`${columnLetter(c + 1)}1`).ColumnWidth = width;
  });

  // Panes belong to the window: the new tab is the active sheet here (Add activates it).
  const window = app.ActiveWindow;
  if (window) {
    window.FreezePanes = false;
    window.ScrollRow = 1;
    window.ScrollColumn = 1;
    window.SplitColumn = 0;
    window.SplitRow = layout.headerRow;
    window.FreezePanes = true;
  }

  if (layout.filter && layout.lastBodyRow >= layout.firstBodyRow) {
    sheet.Range(boxAddress({ top: layout.headerRow, left: 1, bottom: layout.lastBodyRow, right: columns })).AutoFilter();
  }
}

function drawChart(sheet: EtWorksheet, layout: SummaryLayout): WpsWrittenTab["chart"] {
  const spec = layout.chart!;
  const type = spec.kind === "stackedColumn" ? XL_COLUMN_STACKED : XL_COLUMN_CLUSTERED;
  // To the right of the table, from the header row down.
  const anchor = sheet.Range(`${columnLetter(layout.columnCount + 2)}${layout.headerRow}`);
  const left = anchor.Left;
  const top = anchor.Top;
  let chart: EtChart;
  let via: "AddChart2" | "ChartObjects";
  const shapes = sheet.Shapes;
  if (typeof shapes.AddChart2 === "function") {
    chart = shapes.AddChart2(-1, type, left, top, CHART_WIDTH, CHART_HEIGHT).Chart;
    via = "AddChart2";
  } else {
    // Called without an index, ChartObjects gives the collection (declared as a collection or one chart).
    const objects = (typeof sheet.ChartObjects === "function" ? sheet.ChartObjects() : null) as Partial<EtChartObjects> | null;
    if (!objects || typeof objects.Add !== "function") return "unsupported";
    chart = objects.Add(left, top, CHART_WIDTH, CHART_HEIGHT).Chart;
    chart.ChartType = type;
    via = "ChartObjects";
  }
  // A new chart may already plot the selection: start from no series, then add each explicitly.
  const existing = chart.SeriesCollection();
  for (let n = existing.Count; n > 0; n--) existing.Item(n).Delete();
  const columnRange = (column: number) =>
    sheet.Range(boxAddress({ top: spec.firstRow, left: column, bottom: spec.lastRow, right: column }));
  spec.seriesColumns.forEach((column, i) => {
    const series = chart.SeriesCollection().NewSeries();
    series.Name = spec.seriesNames[i];
    series.Values = columnRange(column);
    series.XValues = columnRange(spec.categoryColumn);
  });
  chart.HasTitle = true;
  chart.ChartTitle.Text = spec.title;
  chart.HasLegend = true;
  chart.Legend.Position = XL_LEGEND_BOTTOM;
  return via;
}
