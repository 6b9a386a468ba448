/**
 * Reading and writing blocks of cells for the pane's 公式 tab (src/host/formulaWriter.ts), and
 * recalculation. Reads and writes go in row blocks sized like the reader's, so that no request or
 * response passes Excel on the web's 5 MB limit; a block refused for its size is halved.
 *
 * APIs: getSelectedRange, Range.formulas/values, Application.calculate: ExcelApi 1.1.
 */
import type { CellBlock, CellWrite } from "../host/types";
import { boxAddress, parseBox, sheetOfReference } from "./addresses";
import { isPayloadTooLarge } from "./errors";
import { utf8Length } from "./marks";
import { ASSUMED_BYTES_PER_CELL, READ_BLOCK_BUDGET_BYTES, readRowBlocks } from "./read";

/** Formulas and values are both loaded, so a read block holds half the reader's cells. */
function readBlockRows(columns: number): number {
  return Math.max(1, Math.floor(READ_BLOCK_BUDGET_BYTES / (2 * ASSUMED_BYTES_PER_CELL * Math.max(1, columns))));
}

export async function readSelection(context: Excel.RequestContext): Promise<CellBlock> {
  const range = context.workbook.getSelectedRange();
  range.load("address");
  await context.sync();
  // A multi-area selection: the first area (Excel reports "Sheet!A1:B2" for the active area first).
  const sheet = sheetOfReference(range.address) ?? "";
  const box = parseBox(range.address);
  return readCells(context, sheet, box.top, box.left, box.bottom - box.top + 1, box.right - box.left + 1);
}

export async function readCells(
  context: Excel.RequestContext,
  sheetName: string,
  top: number,
  left: number,
  rows: number,
  columns: number,
): Promise<CellBlock> {
  const sheet = sheetName ? context.workbook.worksheets.getItem(sheetName) : context.workbook.worksheets.getActiveWorksheet();
  const formulas: unknown[][] = [];
  const values: unknown[][] = [];
  await readRowBlocks(
    context,
    sheet,
    { top, left, bottom: top + rows - 1, right: left + columns - 1 },
    readBlockRows(columns),
    "formulas,values",
    (range) => {
      formulas.push(...(range.formulas as unknown[][]));
      values.push(...(range.values as unknown[][]));
    },
  );
  return { sheet: sheetName, top, left, formulas, values };
}

/** Bytes of a row of cells in the request's JSON (with its separator). */
function rowBytes(row: CellWrite["cells"][number]): number {
  return utf8Length(JSON.stringify(row)) + 1;
}

function bytesOf(cells: CellWrite["cells"]): number {
  return cells.reduce((sum, row) => sum + rowBytes(row), 2);
}

/** Split a block into pieces of at most `budget` bytes, by rows (a single row is never split). */
function piecesOf(write: CellWrite, budget: number): CellWrite[] {
  const pieces: CellWrite[] = [];
  let start = 0;
  let used = 2;
  write.cells.forEach((row, i) => {
    const bytes = rowBytes(row);
    if (i > start && used + bytes > budget) {
      pieces.push({ ...write, top: write.top + start, cells: write.cells.slice(start, i) });
      start = i;
      used = 2;
    }
    used += bytes;
  });
  pieces.push({ ...write, top: write.top + start, cells: write.cells.slice(start) });
  return pieces;
}

export async function writeCells(
  context: Excel.RequestContext,
  sheetName: string,
  writes: readonly CellWrite[],
  budget = READ_BLOCK_BUDGET_BYTES,
): Promise<number> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  let pending = writes.flatMap((w) => piecesOf(w, budget));
  let syncs = 0;
  while (pending.length > 0) {
    let used = 0;
    let taken = 0;
    for (const piece of pending) {
      const bytes = bytesOf(piece.cells);
      if (taken > 0 && used + bytes > budget) break;
      const range = sheet.getRange(
        boxAddress({
          top: piece.top,
          left: piece.left,
          bottom: piece.top + piece.cells.length - 1,
          right: piece.left + piece.cells[0].length - 1,
        }),
      );
      if (piece.kind === "formulas") range.formulas = piece.cells as (string | number | boolean)[][];
      else range.values = piece.cells as (string | number | boolean)[][];
      used += bytes;
      taken++;
    }
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch, each batch bounded by the 5 MB request limit
      await context.sync();
      syncs++;
    } catch (error) {
      // Commands before the refused one may have run: writing the same cells again is harmless.
      if (isPayloadTooLarge(error) && budget > 1024) return syncs + (await writeCells(context, sheetName, pending, Math.floor(budget / 2)));
      throw error;
    }
    pending = pending.slice(taken);
  }
  return syncs;
}

/** Recalculate everything (CalculationType "Full": every formula marked dirty), custom functions too. */
export async function recalculateAll(context: Excel.RequestContext): Promise<void> {
  context.workbook.application.calculate("Full" as Excel.CalculationType);
  await context.sync();
}
