/**
 * Ledgers out of an opened .xlsx workbook, platform-neutral: each sheet's rows stream straight
 * into the ledger reader, and a sheet whose first rows hold no ledger is left after those rows.
 *
 * Which sheet: the one named (hidden ones too), else the first visible sheet in tab order that
 * holds a ledger; hidden and very hidden sheets are passed over and reported as such.
 */
import { HEADER_SEARCH_ROWS, Ledger, LedgerNotFoundError, MergedRange, ReadOptions, SheetInput } from "../ledger";
import type { SheetFormulaCells } from "../ledger/model";
import { LEDGER_PROBE_ROWS, LedgerStream } from "../ledger/stream";
import { type SheetInfo, WorkbookFileError, type XlsxWorkbook } from "./workbook";

export interface SheetScan {
  readonly name: string;
  /** Why the sheet was not taken (Chinese); null for a sheet read as a ledger. */
  readonly skipped: string | null;
  readonly hidden: boolean;
}

export interface LedgerReadOptions extends ReadOptions {
  /** Read only this sheet (matched as Excel does, without regard to case). */
  readonly sheetName?: string;
  /** Every ledger sheet (a workbook with one sheet per street), not only the first. */
  readonly all?: boolean;
  /** Rows read so far, every 5,000 rows. */
  readonly onProgress?: (rowsRead: number) => void;
}

export interface LedgersRead {
  readonly ledgers: readonly Ledger[];
  readonly scanned: readonly SheetScan[];
  /**
   * Visible worksheets after the ledger taken that hold a ledger too, not checked: only when the
   * first ledger was taken (neither a sheet name nor `all`). A workbook with one sheet per village
   * has its other villages here; an empty or non-ledger sheet is not named.
   */
  readonly unread: readonly string[];
}

/** The sheet of that name, or a LedgerNotFoundError listing the sheets there are. */
export function sheetNamed(workbook: XlsxWorkbook, name: string): SheetInfo {
  const sheet = workbook.sheets.find((s) => s.name === name) ?? workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (sheet) return sheet;
  const names = workbook.sheets.map((s) => `“${s.name}”${s.state === "visible" ? "" : "（隐藏）"}`).join("、");
  throw new LedgerNotFoundError(name, `文件中没有名为“${name}”的工作表（现有：${names || "无"}）`);
}

export async function readLedgers(workbook: XlsxWorkbook, options: LedgerReadOptions = {}): Promise<LedgersRead> {
  const scanned: SheetScan[] = [];
  const ledgers: Ledger[] = [];
  const unread: string[] = [];
  let rowsRead = 0;
  const progress = () => {
    rowsRead += 1;
    if (rowsRead % 5000 === 0) options.onProgress?.(rowsRead);
  };
  const candidates = options.sheetName !== undefined ? [sheetNamed(workbook, options.sheetName)] : workbook.sheets;
  for (const sheet of candidates) {
    const hidden = sheet.state !== "visible";
    if (options.sheetName === undefined) {
      if (hidden) {
        scanned.push({
          name: sheet.name,
          hidden,
          skipped: `工作表“${sheet.name}”是${sheet.state === "veryHidden" ? "深度隐藏" : "隐藏"}的工作表，未检查（如要检查它，请用 --sheet 指定）`,
        });
        continue;
      }
      if (sheet.kind !== "worksheet") {
        scanned.push({ name: sheet.name, hidden, skipped: `“${sheet.name}”是图表或对话框工作表，没有单元格` });
        continue;
      }
    }
    const stream = new LedgerStream(sheet.name, { mapping: options.mapping, named: options.sheetName !== undefined });
    const control = { wanted: null as Uint8Array | null };
    const result = await workbook.scan(
      sheet,
      {
        row: (rowNumber, cells, width, formulas) => {
          progress();
          const go = stream.row(rowNumber, cells, width, formulas);
          if (control.wanted === null) control.wanted = stream.wantedColumns();
          return go;
        },
      },
      control,
    );
    try {
      if (stream.refusal !== null && !result.complete) throw new LedgerNotFoundError(sheet.name, stream.refusal);
      const ledger = stream.finish(result.merges);
      const refusal = formulasRefusal(workbook.label, sheet.name, stream.formulaCells(), result.calculatedFormulas);
      if (refusal !== null) throw new WorkbookFileError(refusal);
      ledgers.push(ledger);
      scanned.push({ name: sheet.name, hidden, skipped: null });
      if (!options.all) {
        if (options.sheetName === undefined) unread.push(...(await laterLedgerSheets(workbook, sheet, options)));
        break;
      }
    } catch (error) {
      if (!(error instanceof LedgerNotFoundError) || options.sheetName !== undefined) throw error;
      scanned.push({ name: sheet.name, hidden, skipped: error.message });
    }
  }
  return { ledgers, scanned, unread };
}

/**
 * Why a ledger sheet is not checked when its formulas' saved results are not what Excel or WPS
 * shows (they calculate on opening), and what to do; null when they are. Read as they are, the
 * missing results would be blanks and the placeholders zeros: false findings on every household.
 * Placeholders: a workbook that asks to be recalculated on opening (fullCalcOnLoad) and holds no
 * formula result but 0 was written by a program that does not calculate (XlsxWriter saves 0 for
 * every formula); one that also holds other results was calculated, and its zeros are results.
 */
export function formulasRefusal(label: string, sheet: string, formulas: SheetFormulaCells, calculatedFormulas: boolean): string | null {
  const { uncomputed, zeroResults } = formulas;
  const placeholders = zeroResults.count > 0 && !calculatedFormulas;
  if (uncomputed.count === 0 && !placeholders) return null;
  const cells = uncomputed.count > 0 ? uncomputed : zeroResults;
  const columns = [...new Set(cells.cells.map((c) => `“${c.header.replace(/\s+/g, "")}”`))].join("、");
  const where = `${columns}列：${cells.cells.map((c) => `${c.cell.column}${c.cell.row}`).join("、")}${cells.count > cells.cells.length ? " 等" : ""}`;
  const what =
    uncomputed.count > 0
      ? `文件里却没有保存公式的计算结果（${where}）。这样的文件是由不计算公式的程序写出或改过的（例如 Python 的 openpyxl）`
      : `文件里保存的计算结果都是 0，并要求打开时重新计算全部公式（${where}）。这样的文件是由不计算公式的程序写出的（例如 Python 的 XlsxWriter，它把每个公式的结果都存为 0）`;
  return (
    `${label} 的工作表“${sheet}”中有 ${cells.count.toLocaleString("en-US")} 个单元格是公式，${what}；` +
    `Excel、WPS 打开时会算出实际数值，BANGFU 不计算公式，照文件里的样子检查会误报。请用 WPS 表格或 Excel 打开这个文件并保存一次（计算结果随之存入文件），再检查。`
  );
}

/** Rows of a sheet read to tell whether it holds a ledger: those the header is looked for in, and some data rows. */
const LEDGER_SHEET_PROBE_ROWS = LEDGER_PROBE_ROWS + 16;

/** The visible worksheets after `taken` that hold a ledger too (one sheet per village), as ledgerSheetsAmong tells them. */
function laterLedgerSheets(workbook: XlsxWorkbook, taken: SheetInfo, options: LedgerReadOptions): Promise<string[]> {
  return ledgerSheetsAmong(workbook, workbook.sheets.slice(workbook.sheets.indexOf(taken) + 1), () => options.mapping);
}

/**
 * Which of `sheets` hold a ledger, in their order: `bangfu check` names the later ones it did not
 * check, the offline page the ones not checked in a run. Only visible worksheets are looked at,
 * each read only as far as its header and first rows (with its own column mapping), so the empty
 * Sheet2 and Sheet3 of a new workbook, a notes sheet or a chart's data are not named. A sheet that
 * cannot be read is named: it was not checked either.
 */
export async function ledgerSheetsAmong(
  workbook: XlsxWorkbook,
  sheets: readonly SheetInfo[],
  mappingOf: (sheet: SheetInfo) => ReadOptions["mapping"],
): Promise<string[]> {
  const names: string[] = [];
  for (const sheet of sheets) {
    if (sheet.state !== "visible" || sheet.kind !== "worksheet") continue;
    const stream = new LedgerStream(sheet.name, { mapping: mappingOf(sheet) });
    try {
      const result = await workbook.scan(sheet, {
        row: (rowNumber, cells, width) => rowNumber <= LEDGER_SHEET_PROBE_ROWS && stream.row(rowNumber, cells, width),
      });
      if (stream.finish(result.merges).households.length > 0) names.push(sheet.name);
    } catch (error) {
      if (error instanceof WorkbookFileError) names.push(sheet.name);
      else if (!(error instanceof LedgerNotFoundError)) throw error;
    }
  }
  return names;
}

/** A zip file in which the reader found no worksheet at all. */
export function noWorksheetMessage(file: string): string {
  return `文件 ${file} 中没有工作表：它可能不是 Excel 工作簿（.xlsx），或已损坏。请在 Excel 或 WPS 中打开后“另存为” .xlsx 再检查`;
}

/**
 * A side ledger file's ledger (`--with`, a file added on the page): its first ledger sheet, read
 * without a sheet name. A file without one is refused, naming it and why each sheet was passed over.
 */
export function sideLedgerOf(read: LedgersRead, file: string): Ledger {
  const ledger = read.ledgers[0];
  if (ledger) return ledger;
  const reasons = read.scanned.map((s) => `\n- ${s.skipped ?? ""}`).join("");
  throw new LedgerNotFoundError(
    "",
    read.scanned.length === 0 ? `附表 ${noWorksheetMessage(file)}` : `附表 ${file} 中没有找到可并入的台账工作表。${reasons}`,
  );
}

/**
 * A sheet's rows as a SheetInput (every row held: for small sheets, tests and hosts that need the
 * cells themselves; ledgers are read with readLedgers). Merged areas included.
 */
export async function readSheetInput(workbook: XlsxWorkbook, sheet: SheetInfo, maxRows = Infinity): Promise<SheetInput> {
  const cells: unknown[][] = [];
  const result = await workbook.scan(sheet, {
    row: (rowNumber, row, width) => {
      while (cells.length < rowNumber - 1) cells.push([]);
      cells.push(row.slice(0, width));
      return rowNumber < maxRows;
    },
  });
  const merges: MergedRange[] = result.merges;
  return { name: sheet.name, cells, merges };
}

/** Rows the header finder looks at, for a first look at a sheet. */
export const PROBE_ROWS = HEADER_SEARCH_ROWS + 1;
