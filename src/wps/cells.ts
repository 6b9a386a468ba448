/**
 * The 公式 tab's cell reads and writes in WPS 表格 (src/host/formulaWriter.ts does the rest,
 * the same for both hosts), and recalculation.
 *
 * - the selection: Application.Selection, its first area (Areas.Item(1)) as Excel's
 *   getSelectedRange gives the active area; a selected chart or shape has no cells: say so;
 * - reading: `Formula` and `Value2` of row blocks (two bridge calls each, plus Range), shaped as
 *   ./values.ts shapes Value2. A cell's formula is kept where it has one ("=…"); elsewhere the
 *   constant as Value2 gives it, as Office.js's `formulas` gives constants;
 * - writing: one 2-D assignment of `Formula` (formulas) or `Value2` (values) per row block, so
 *   a whole column of formulas costs a few bridge calls; ET takes English function names and
 *   commas in `Formula`, as Excel's `Range.Formula` does, which is what the native formulas use;
 * - recalculating: Application.CalculateFull. Calculate would recompute only formulas whose
 *   inputs changed; a changed policy changes no cell, so the BANGFU functions' results would
 *   stay as they were.
 */
import { hostError, protectedSheetMessage } from "../host/messages";
import type { CellBlock, CellWrite } from "../host/types";
import { boxAddress, parseBox } from "../office/addresses";
import type { EtAreas, EtRange, EtWorksheet, WpsApplication } from "./et";
import { blockRowsFor } from "./read";
import { normaliseValue2, shapeBlock } from "./values";
import { activeWorkbook, requireSheet } from "./workbook";

export const NOT_CELLS_MESSAGE = "当前选中的不是单元格（可能是图表或图形）：请先在工作表中选中要写入或转换的单元格，再点一次。";

/** Formulas and values are both read, so a block holds half the reader's cells. */
function cellBlockRows(columns: number): number {
  return Math.max(1, Math.floor(blockRowsFor(columns) / 2));
}

function selectedArea(app: WpsApplication): EtRange {
  const selection = app.Selection as { Areas?: EtAreas } | null | undefined;
  const areas = typeof selection === "object" && selection !== null ? selection.Areas : undefined;
  if (typeof areas !== "object" || areas === null || typeof areas.Item !== "function") throw hostError("other", NOT_CELLS_MESSAGE);
  return areas.Item(1);
}

export function readSelection(app: WpsApplication): CellBlock {
  const area = selectedArea(app);
  const sheet = area.Worksheet;
  const box = parseBox(area.Address(false, false));
  return readBlock(sheet, sheet.Name, box.top, box.left, box.bottom - box.top + 1, box.right - box.left + 1);
}

/** A block of a sheet; the active sheet when `sheetName` is "". */
export function readCells(app: WpsApplication, sheetName: string, top: number, left: number, rows: number, columns: number): CellBlock {
  const workbook = activeWorkbook(app);
  let sheet: EtWorksheet | null;
  if (sheetName) sheet = requireSheet(workbook, sheetName);
  else sheet = workbook.ActiveSheet;
  if (!sheet) throw hostError("sheetMissing", "没有活动工作表：请先选中一个工作表。");
  return readBlock(sheet, sheetName || sheet.Name, top, left, rows, columns);
}

const keepFormula = (value: unknown) => (typeof value === "string" && value.startsWith("=") ? value : null);

function readBlock(sheet: EtWorksheet, sheetName: string, top: number, left: number, rows: number, columns: number): CellBlock {
  const step = cellBlockRows(columns);
  const formulas: unknown[][] = [];
  const values: unknown[][] = [];
  for (let start = 0; start < rows; start += step) {
    const count = Math.min(step, rows - start);
    const range = sheet.Range(boxAddress({ top: top + start, left, bottom: top + start + count - 1, right: left + columns - 1 }));
    const blockFormulas = shapeBlock(range.Formula, count, columns, keepFormula);
    const blockValues = normaliseValue2(range.Value2, count, columns);
    blockValues.forEach((row, r) => {
      values.push(row);
      formulas.push(row.map((value, c) => blockFormulas[r][c] ?? value));
    });
  }
  return { sheet: sheetName, top, left, formulas, values };
}

/** Each block in row pieces, one assignment each. Returns the assignments made. */
export function writeCells(app: WpsApplication, sheetName: string, writes: readonly CellWrite[]): number {
  const sheet = requireSheet(activeWorkbook(app), sheetName);
  if (sheet.ProtectContents) throw hostError("protectedSheet", protectedSheetMessage("formulas", sheetName));
  let assignments = 0;
  for (const write of writes) {
    const columns = write.cells[0]?.length ?? 0;
    if (columns === 0) continue;
    const step = blockRowsFor(columns);
    for (let start = 0; start < write.cells.length; start += step) {
      const piece = write.cells.slice(start, start + step).map((row) => [...row]);
      const range = sheet.Range(
        boxAddress({
          top: write.top + start,
          left: write.left,
          bottom: write.top + start + piece.length - 1,
          right: write.left + columns - 1,
        }),
      );
      if (write.kind === "formulas") range.Formula = piece;
      else range.Value2 = piece;
      assignments++;
    }
  }
  return assignments;
}

export function recalculate(app: WpsApplication): void {
  app.CalculateFull();
}
