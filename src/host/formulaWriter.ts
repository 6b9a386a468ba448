/**
 * The 公式 tab's two writes, host-neutral: insert a native formula into the selected cells
 * (filled down and across like Ctrl+Enter), and turn the BANGFU formulas of the selection into
 * native formulas or into their values before a workbook is sent on. Only cells holding a BANGFU
 * call are written; every other cell, constant or formula, is left as it is.
 */
import {
  assertFormulaLength,
  bangfuSpillShape,
  convertBangfuFormula,
  hasBangfuCall,
  nativeFormula,
  NativeFormulaError,
  shiftReferences,
  type NativeArgument,
  type NativeFunctionId,
} from "../formulas";
import { columnLetter } from "../ledger/cellRef";
import type { Policy } from "../policy";
import type { CellBlock, CellWrite, WorkbookHost } from "./types";

/**
 * Results that are not the function's: the functions are not loaded here (#NAME?, e.g. a WPS
 * without custom functions) or are still computing. Converting such a cell to a value would
 * replace the formula with the error; it is left for "native formulas" instead.
 */
const NO_RESULT = /^#(NAME\?|BUSY!|GETTING_DATA)$/;

function noResultReason(value: unknown): string | null {
  return typeof value === "string" && NO_RESULT.test(value)
    ? `结果是 ${value}（这里没有加载 BANGFU 函数，或仍在计算），没有可保留的数值：请改为原生公式`
    : null;
}

/** Largest number of cells of one selection the pane writes formulas into. */
export const MAX_FORMULA_CELLS = 100_000;

export interface InsertResult {
  readonly sheet: string;
  readonly address: string;
  readonly cells: number;
}

/** Write the native formula of `id` on `args` (as for the selection's top-left cell) into every selected cell. */
export async function insertNativeFormula(
  host: WorkbookHost,
  id: NativeFunctionId,
  args: readonly NativeArgument[],
  policy: Policy,
): Promise<InsertResult> {
  const first = nativeFormula(id, args, policy);
  const selection = await host.readSelection();
  const rows = selection.formulas.length;
  const columns = selection.formulas[0]?.length ?? 0;
  if (rows * columns > MAX_FORMULA_CELLS)
    throw new NativeFormulaError(`所选区域有 ${rows * columns} 个单元格，超过 ${MAX_FORMULA_CELLS}：请少选一些`);
  // Filled down, references grow (R9 → R10): every cell's formula must stay within Excel's limit.
  const cells = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => assertFormulaLength(shiftReferences(first, r, c))),
  );
  await host.writeCells(selection.sheet, [{ top: selection.top, left: selection.left, kind: "formulas", cells }]);
  return { sheet: selection.sheet, address: blockAddress(selection.top, selection.left, rows, columns), cells: rows * columns };
}

export type ConversionMode = "native" | "values";

export interface ConversionResult {
  readonly sheet: string;
  /** BANGFU formulas converted (a spilling one counts once). */
  readonly converted: number;
  /** Cells written (a spilling formula writes its whole spill area). */
  readonly cellsWritten: number;
  /** Cells left as they were, with the reason. */
  readonly skipped: readonly { readonly address: string; readonly reason: string }[];
}

interface Spill {
  readonly row: number;
  readonly column: number;
  readonly formula: string;
  readonly shape: { rows: number; columns: number };
}

/** Convert the BANGFU formulas among the selected cells. */
export async function convertSelection(host: WorkbookHost, mode: ConversionMode, policy: Policy): Promise<ConversionResult> {
  const selection = await host.readSelection();
  const writes: CellWrite[] = [];
  const skipped: { address: string; reason: string }[] = [];
  const spills: Spill[] = [];
  let converted = 0;
  let cellsWritten = 0;
  selection.formulas.forEach((row, r) =>
    row.forEach((formula, c) => {
      if (!hasBangfuCall(formula)) return;
      const at = { row: selection.top + r, column: selection.left + c };
      try {
        const shape = bangfuSpillShape(formula as string);
        if (shape) {
          spills.push({ ...at, formula: formula as string, shape });
          return;
        }
        const missing = mode === "values" ? noResultReason(selection.values[r][c]) : null;
        if (missing) {
          skipped.push({ address: `${columnLetter(at.column)}${at.row}`, reason: missing });
          return;
        }
        const value = mode === "native" ? convertBangfuFormula(formula as string, policy) : cellValue(selection.values[r][c]);
        writes.push({ top: at.row, left: at.column, kind: mode === "native" ? "formulas" : "values", cells: [[value]] });
        converted++;
        cellsWritten++;
      } catch (error) {
        if (!(error instanceof NativeFormulaError)) throw error;
        skipped.push({ address: `${columnLetter(at.column)}${at.row}`, reason: error.message });
      }
    }),
  );
  for (const spill of spills) {
    const { rows, columns } = spill.shape;
    let cells: (string | number | boolean)[][];
    if (mode === "native") {
      cells = Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) => convertBangfuFormula(spill.formula, policy, { row: r, column: c })),
      );
    } else {
      const area = await host.readCells(selection.sheet, spill.row, spill.column, rows, columns);
      const anchor = area.values[0]?.[0];
      if (typeof anchor === "string" && anchor.startsWith("#SPILL")) {
        skipped.push({
          address: `${columnLetter(spill.column)}${spill.row}`,
          reason: "公式结果无法溢出（#SPILL!），请先清空它下方的单元格",
        });
        continue;
      }
      const missing = noResultReason(anchor);
      if (missing) {
        skipped.push({ address: `${columnLetter(spill.column)}${spill.row}`, reason: missing });
        continue;
      }
      cells = area.values.map((row) => row.map(cellValue));
    }
    writes.push({ top: spill.row, left: spill.column, kind: mode === "native" ? "formulas" : "values", cells });
    converted++;
    cellsWritten += rows * columns;
  }
  if (writes.length > 0) await host.writeCells(selection.sheet, mergeColumnRuns(writes));
  return { sheet: selection.sheet, converted, cellsWritten, skipped };
}

function cellValue(value: unknown): string | number | boolean {
  return typeof value === "number" || typeof value === "boolean" || typeof value === "string" ? value : "";
}

/** Single cells one under another in the same column, of the same kind, become one block (fewer writes). */
function mergeColumnRuns(writes: readonly CellWrite[]): CellWrite[] {
  const singles = writes.filter((w) => w.cells.length === 1 && w.cells[0].length === 1).sort((a, b) => a.left - b.left || a.top - b.top);
  const blocks = writes.filter((w) => !(w.cells.length === 1 && w.cells[0].length === 1));
  const merged: { top: number; left: number; kind: CellWrite["kind"]; cells: (string | number | boolean)[][] }[] = [];
  for (const w of singles) {
    const last = merged[merged.length - 1];
    if (last && last.left === w.left && last.kind === w.kind && last.top + last.cells.length === w.top) last.cells.push([w.cells[0][0]]);
    else merged.push({ top: w.top, left: w.left, kind: w.kind, cells: [[w.cells[0][0]]] });
  }
  return [...merged, ...blocks];
}

export function blockAddress(top: number, left: number, rows: number, columns: number): string {
  const start = `${columnLetter(left)}${top}`;
  return rows === 1 && columns === 1 ? start : `${start}:${columnLetter(left + columns - 1)}${top + rows - 1}`;
}

export type { CellBlock };
