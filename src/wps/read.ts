/**
 * Reading a sheet through ET in whole `Value2` blocks (a bridge call per property, so never
 * cell by cell), normalised to what Office.js gives (./values.ts).
 *
 * Bridge calls for a sheet of R rows × C columns, S sheets in the workbook:
 *   find the sheet          3 + 2·S   (ActiveWorkbook, Worksheets, Count; Item and Name per sheet)
 *   date system             1         (Date1904)
 *   used range              2         (UsedRange, Address)
 *   merged header cells     2         (MergeCells of the first MERGE_ROWS rows at once) and, only
 *                                      when some are merged, 2 per header row, plus 2 per cell walked
 *                                      in rows with merges and 2 per merged area found
 *   merged data cells       2         (MergeCells of the rows below at once) and, only when some are
 *                                      merged (a 村 merged down over its households), 2 per column,
 *                                      then about 4·log2(R) per merged area found (halving the rows)
 *   values                  2·ceil(R / blockRowsFor(C))   (Range, Value2 per block)
 * e.g. 100,001 rows × 34 columns (a title row merged across, then 100,000 rows), 3 sheets:
 * at most 9 + 1 + 2 + (2 + 2·16 + 4) + 2 + 2·35 = 122; measured 121 (the search stops at the ledger).
 *
 * ET's UsedRange also covers cells that only carry formatting (a ledger formatted down to row
 * 5,000); Office's getUsedRange(true) does not. Blank rows and columns around the values are
 * therefore trimmed after reading, so both hosts hand the reader the same cells.
 */
import { HEADER_SEARCH_ROWS } from "../ledger/headers";
import type { MergedRange, SheetInput } from "../ledger/model";
import { boxAddress, parseBox, type CellBox } from "../office/addresses";
import type { EtWorksheet, WpsApplication } from "./et";
import { isVisibleSheet, normaliseValue2 } from "./values";
import { activeWorkbook, allSheets, requireSheet, usesDate1904 } from "./workbook";

/** Cells per Value2 read: big enough to keep calls few, small enough for progress and the bridge's memory. */
export const READ_BLOCK_CELLS = 100_000;
export const MAX_BLOCK_ROWS = 10_000;
/** Header rows whose merged areas are read (the header finder looks at one more than HEADER_SEARCH_ROWS). */
export const MERGE_ROWS = HEADER_SEARCH_ROWS + 1;

/** Rows per block: clamp(floor(READ_BLOCK_CELLS / columns), 1, MAX_BLOCK_ROWS); 34 columns → 2,941 rows. */
export function blockRowsFor(columnCount: number): number {
  return Math.max(1, Math.min(MAX_BLOCK_ROWS, Math.floor(READ_BLOCK_CELLS / Math.max(1, columnCount))));
}

export interface WpsReadOptions {
  readonly blockRows?: number;
  readonly onProgress?: (rowsRead: number, totalRows: number) => void;
  /** Between blocks: lets the pane paint its progress (ET calls are synchronous). Default: a zero timeout. */
  readonly pause?: () => Promise<void>;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function readSheet(app: WpsApplication, name: string, options: WpsReadOptions = {}): Promise<SheetInput> {
  const workbook = activeWorkbook(app);
  const sheet = requireSheet(workbook, name);
  const box = parseBox(sheet.UsedRange.Address(false, false));
  const rowCount = box.bottom - box.top + 1;
  const columnCount = box.right - box.left + 1;
  const blockRows = Math.max(1, Math.floor(options.blockRows ?? blockRowsFor(columnCount)));
  const pause = options.pause ?? nextTask;

  const cells: unknown[][] = [];
  for (let start = 0; start < rowCount; start += blockRows) {
    const rows = Math.min(blockRows, rowCount - start);
    const block = sheet.Range(boxAddress({ top: box.top + start, left: box.left, bottom: box.top + start + rows - 1, right: box.right }));
    for (const row of normaliseValue2(block.Value2, rows, columnCount)) cells.push(row);
    options.onProgress?.(start + rows, rowCount);
    if (start + rows < rowCount) await pause();
  }

  const trimmed = trimBlank(cells, box);
  const merges = readMerges(sheet, trimmed.box);
  const origin = { row: trimmed.box.top, column: trimmed.box.left };
  return { name, cells: trimmed.cells, origin, merges, ...(usesDate1904(workbook) ? { date1904: true } : {}) };
}

const isBlank = (value: unknown) => value === "" || value === null || value === undefined;

/** The values without blank rows and columns around them; an all-blank sheet is A1 with "" (as Office.js). */
export function trimBlank(cells: unknown[][], box: CellBox): { cells: unknown[][]; box: CellBox } {
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  cells.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (isBlank(row[c])) continue;
      if (top < 0) top = r;
      bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  });
  if (top < 0) return { cells: [[""]], box: { top: 1, left: 1, bottom: 1, right: 1 } };
  const full = top === 0 && bottom === cells.length - 1 && left === 0 && right === (cells[0]?.length ?? 0) - 1;
  const kept = full ? cells : cells.slice(top, bottom + 1).map((row) => row.slice(left, right + 1));
  return { cells: kept, box: { top: box.top + top, left: box.left + left, bottom: box.top + bottom, right: box.left + right } };
}

/**
 * Every merged area of the sheet's values: those of the header rows (the first MERGE_ROWS, walked
 * cell by cell where a row has merges), and those down data rows, whose value applies to every row
 * they cover as in the other hosts (found column by column, halving the rows where merges are).
 */
function readMerges(sheet: EtWorksheet, box: CellBox): MergedRange[] {
  const found = new Map<string, MergedRange>();
  const header: CellBox = { top: box.top, left: box.left, bottom: Math.min(box.bottom, box.top + MERGE_ROWS - 1), right: box.right };
  readHeaderMerges(sheet, header, found);
  if (header.bottom < box.bottom) readDataMerges(sheet, { ...box, top: header.bottom + 1 }, found);
  return [...found.values()];
}

function addArea(found: Map<string, MergedRange>, area: CellBox): void {
  found.set(boxAddress(area), { top: area.top, left: area.left, bottom: area.bottom, right: area.right });
}

/** Merged areas touching the header rows (where the header finder looks for a two-row header). */
function readHeaderMerges(sheet: EtWorksheet, header: CellBox, found: Map<string, MergedRange>): void {
  if (sheet.Range(boxAddress(header)).MergeCells === false) return;
  for (let row = header.top; row <= header.bottom; row++) {
    if (sheet.Range(boxAddress({ ...header, top: row, bottom: row })).MergeCells === false) continue;
    for (let column = header.left; column <= header.right;) {
      const cell = sheet.Range(boxAddress({ top: row, left: column, bottom: row, right: column }));
      if (cell.MergeCells !== true) {
        column++;
        continue;
      }
      const area = parseBox(cell.MergeArea.Address(false, false));
      addArea(found, area);
      column = Math.max(column + 1, area.right + 1);
    }
  }
}

/** Merged areas in the data rows: none in most ledgers (one call says so); else column by column. */
function readDataMerges(sheet: EtWorksheet, data: CellBox, found: Map<string, MergedRange>): void {
  if (sheet.Range(boxAddress(data)).MergeCells === false) return;
  const covered = (column: number, top: number, bottom: number): boolean => {
    for (const m of found.values()) if (m.left <= column && column <= m.right && m.top <= top && bottom <= m.bottom) return true;
    return false;
  };
  for (let column = data.left; column <= data.right; column++) {
    // Row spans of this column still to look at (a stack: no recursion, however many areas).
    const spans: [number, number][] = [[data.top, data.bottom]];
    for (let span = spans.pop(); span !== undefined; span = spans.pop()) {
      const [top, bottom] = span;
      if (covered(column, top, bottom)) continue;
      const merged = sheet.Range(boxAddress({ top, left: column, bottom, right: column })).MergeCells;
      if (merged === false) continue;
      if (merged === true || top === bottom) {
        // Wholly merged: the top cell's area, then whatever of the span lies below it.
        const area = parseBox(sheet.Range(boxAddress({ top, left: column, bottom: top, right: column })).MergeArea.Address(false, false));
        addArea(found, area);
        if (area.bottom < bottom) spans.push([Math.max(top, area.bottom) + 1, bottom]);
        continue;
      }
      const middle = Math.floor((top + bottom) / 2);
      spans.push([middle + 1, bottom], [top, middle]);
    }
  }
}

/** Visible worksheets in tab order. */
export function listSheets(app: WpsApplication): string[] {
  const names: string[] = [];
  for (const sheet of allSheets(activeWorkbook(app))) if (isVisibleSheet(sheet.Visible)) names.push(sheet.Name);
  return names;
}

export function activeSheetName(app: WpsApplication): string {
  const sheet = activeWorkbook(app).ActiveSheet;
  return sheet ? sheet.Name : "";
}
