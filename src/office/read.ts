/**
 * Reading a sheet through Office.js with as few context.sync() calls as possible.
 *
 * Sync 1 loads the used range's address and size together with its merged areas (those of
 * the header, and those down data rows, whose value applies to every row they cover) and the
 * workbook's date system (./dateSystem.ts). Then `values` are read in row blocks, one sync per
 * block, so that no response
 * exceeds Excel on the web's 5 MB payload limit:
 *
 *   small sheet (rows ≤ block rows)      2 syncs
 *   R rows × C columns                   1 + ceil(R / blockRowsFor(C)) syncs
 *   e.g. 100,000 × 40 (block 1,000 rows) 101 syncs
 *
 * Only `values` are read: dates arrive as serial numbers, which the ledger reader takes;
 * reading number formats as well would double every response.
 */
import type { MergedRange, SheetInput } from "../ledger/model";
import { boxAddress, parseAreas, parseBox, type CellBox } from "./addresses";
import { queueDateSystemProbe } from "./dateSystem";
import { isPayloadTooLarge } from "./errors";

/** Excel on the web rejects a request or response larger than this (bytes). */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one block's response is sized for: well under the limit (~40%), leaving room for JSON framing and long cells. */
export const READ_BLOCK_BUDGET_BYTES = 2_000_000;
/**
 * Bytes a cell is assumed to take in the JSON response: an 18-digit ID number in quotes is
 * 20, a two-character name 8–14, an address of ~12 Chinese characters ~40, a number ~6.
 */
export const ASSUMED_BYTES_PER_CELL = 50;
/** No block is longer than this, however narrow the sheet (keeps progress reports regular). */
export const MAX_BLOCK_ROWS = 5_000;

/**
 * Rows per block for a sheet `columnCount` wide:
 *   clamp(floor(READ_BLOCK_BUDGET_BYTES / (ASSUMED_BYTES_PER_CELL × columnCount)), 1, MAX_BLOCK_ROWS)
 * i.e. at most 40,000 cells (≈2 MB) per block: 40 columns → 1,000 rows, 20 → 2,000, 8 or fewer → 5,000.
 * A block that still comes back too large (very long cell texts) is halved and read again.
 */
export function blockRowsFor(columnCount: number): number {
  const columns = Math.max(1, Math.floor(columnCount));
  return Math.max(1, Math.min(MAX_BLOCK_ROWS, Math.floor(READ_BLOCK_BUDGET_BYTES / (ASSUMED_BYTES_PER_CELL * columns))));
}

export interface ReadSheetOptions {
  /** Rows per block; default blockRowsFor(columns). */
  readonly blockRows?: number;
  readonly onProgress?: (rowsRead: number, totalRows: number) => void;
  /** getUsedRange(valuesOnly), ExcelApi 1.2; default true. */
  readonly usedRangeValuesOnly?: boolean;
  /** getMergedAreasOrNullObject, ExcelApi 1.13; default true. Without it merges are inferred from the header cells. */
  readonly mergedAreas?: boolean;
  /** workbook.functions (ExcelApi 1.2) tells the workbook's date system; default true. Without it: the 1900 system. */
  readonly dateSystem?: boolean;
}

export async function readSheet(context: Excel.RequestContext, name: string, options: ReadSheetOptions = {}): Promise<SheetInput> {
  const sheet = context.workbook.worksheets.getItem(name);
  // valuesOnly: cells that merely carry formatting (a ledger formatted down to row 5000) do not count.
  // Before ExcelApi 1.2 there is no such parameter: formatted empty rows are read and skipped as blank.
  const used = options.usedRangeValuesOnly === false ? sheet.getUsedRange() : sheet.getUsedRange(true);
  used.load("address,rowCount,columnCount");
  // Every merged area of the used range: the header's, and those down data rows (a 村 merged over
  // its households gives its value to every row it covers, as in the .xlsx reader).
  const merged = options.mergedAreas === false ? null : used.getMergedAreasOrNullObject();
  merged?.load("address");
  const uses1904 = queueDateSystemProbe(context, options.dateSystem !== false);
  await context.sync();
  const date1904 = uses1904();

  const box = parseBox(used.address);
  const rowCount = used.rowCount;
  const columnCount = used.columnCount;
  // Without the merged-areas API (before ExcelApi 1.13) no merges are passed: the header finder
  // reads a blank after a parent in the top row as the rest of its merged area, as it does for
  // hosts that give no merge information, and a value merged down data rows stays on its first row.
  const merges: MergedRange[] = merged === null || merged.isNullObject ? [] : parseAreas(merged.address).map(toMerge);

  const cells: unknown[][] = [];
  const blockRows = Math.max(1, Math.floor(options.blockRows ?? blockRowsFor(columnCount)));
  await readRowBlocks(
    context,
    sheet,
    { top: box.top, left: box.left, bottom: box.top + rowCount - 1, right: box.right },
    blockRows,
    "values",
    (range, done) => {
      for (const row of range.values) cells.push(row);
      options.onProgress?.(done, rowCount);
    },
  );
  return { name, cells, origin: { row: box.top, column: box.left }, merges, ...(date1904 ? { date1904 } : {}) };
}

/**
 * Load `properties` of a box in row blocks, one sync each, calling `take` with each block (and the
 * rows done so far). A block whose response is too large is halved and loaded again (down to one row).
 */
export async function readRowBlocks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  box: CellBox,
  blockRows: number,
  properties: string,
  take: (range: Excel.Range, rowsDone: number) => void,
): Promise<void> {
  const rowCount = box.bottom - box.top + 1;
  let size = Math.max(1, blockRows);
  let start = 0;
  while (start < rowCount) {
    const rows = Math.min(size, rowCount - start);
    const range = sheet.getRange(
      boxAddress({ top: box.top + start, left: box.left, bottom: box.top + start + rows - 1, right: box.right }),
    );
    // eslint-disable-next-line office-addins/no-empty-load -- the properties are named by the caller (values, text, numberFormat …)
    range.load(properties);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch, each batch bounded by the 5 MB request limit
      await context.sync();
    } catch (error) {
      // A block of unusually long texts: halve it and try again (down to one row).
      if (isPayloadTooLarge(error) && rows > 1) {
        size = Math.max(1, Math.floor(rows / 2));
        continue;
      }
      throw error;
    }
    start += rows;
    take(range, start);
  }
}

function toMerge(box: CellBox): MergedRange {
  return { top: box.top, left: box.left, bottom: box.bottom, right: box.right };
}

/** Visible worksheets in tab order (hidden and very hidden sheets are left out). */
export async function listSheets(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  return sheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name);
}

export async function activeSheetName(context: Excel.RequestContext): Promise<string> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  await context.sync();
  return sheet.name;
}
