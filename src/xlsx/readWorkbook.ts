import * as fs from "node:fs";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetInput } from "../ledger/model";
import { plainCellValue } from "./cellValue";
import { isLostWorkbookPart, storeWorkbookFirst } from "./package";

export interface SheetScan {
  readonly name: string;
  /** Why the sheet was not taken; null for the sheet that was read. */
  readonly skipped: string | null;
}

export interface WorkbookReadOptions {
  /** Read only the sheet with this name. */
  readonly sheetName?: string;
  /** Decide from a sheet's first rows whether it is the one to read; the rest of a refused sheet is not kept. */
  readonly accept?: (name: string, firstRows: readonly (readonly unknown[])[]) => string | null;
  /** Rows read so far, for a progress display. */
  readonly onProgress?: (rowsRead: number) => void;
  /** How many first rows `accept` sees. */
  readonly probeRows?: number;
}

export interface WorkbookReadResult {
  readonly sheet: SheetInput | null;
  readonly scanned: readonly SheetScan[];
}

export class WorkbookFileError extends Error {
  /** The reader's own error, when there was one. */
  override readonly cause?: unknown;
  constructor(message: string, cause?: unknown) {
    super(message);
    this.name = "WorkbookFileError";
    this.cause = cause;
  }
}

/**
 * Stream an .xlsx file and keep only the rows of the one sheet wanted: the named one,
 * or the first whose opening rows `accept` takes. Cells are reduced to plain values;
 * the file is only read, never written.
 */
export async function readLedgerSheetFromFile(path: string, options: WorkbookReadOptions = {}): Promise<WorkbookReadResult> {
  const { sheets, scanned } = await streamSheets(path, options, false);
  return { sheet: sheets[0] ?? null, scanned };
}

export interface WorkbookReadAllResult {
  /** Every sheet `accept` took, in workbook order. */
  readonly sheets: readonly SheetInput[];
  readonly scanned: readonly SheetScan[];
}

/**
 * Stream an .xlsx file and keep every sheet whose opening rows `accept` takes (every sheet
 * without `accept`): a workbook holding one ledger sheet per street. Only read, never written.
 */
export async function readLedgerSheetsFromFile(path: string, options: Omit<WorkbookReadOptions, "sheetName"> = {}): Promise<WorkbookReadAllResult> {
  return streamSheets(path, options, true);
}

async function streamSheets(path: string, options: WorkbookReadOptions, all: boolean): Promise<WorkbookReadAllResult> {
  await assertXlsx(path);
  try {
    return await streamSheetsFrom(path, path, options, all);
  } catch (error) {
    // exceljs issue 3064: its streaming reader may lose a workbook part stored last (as exceljs
    // itself stores it). Read once more from a copy in memory with the workbook part first.
    if (!(error instanceof WorkbookFileError) || !isLostWorkbookPart(error.cause)) throw error;
    const reordered = await storeWorkbookFirst(await JSZip.loadAsync(await fs.promises.readFile(path)));
    return streamSheetsFrom(path, Readable.from([reordered]), options, all);
  }
}

async function streamSheetsFrom(path: string, input: string | Readable, options: WorkbookReadOptions, all: boolean): Promise<WorkbookReadAllResult> {
  const probeRows = options.probeRows ?? 15;
  const scanned: SheetScan[] = [];
  const sheets: SheetInput[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input as unknown as string, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
    entries: "emit",
  });
  let rowsRead = 0;
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string; id?: number };
      const name = ws.name ?? `Sheet${ws.id ?? scanned.length + 1}`;
      if (options.sheetName !== undefined && name !== options.sheetName) {
        for await (const row of ws) void row; // the stream must be drained to reach the next sheet
        scanned.push({ name, skipped: "未指定" });
        continue;
      }
      const rows: unknown[][] = [];
      const probing = options.accept !== undefined && options.sheetName === undefined;
      let probed = false;
      let refused: string | null = null;
      for await (const row of ws) {
        rowsRead += 1;
        if (rowsRead % 5000 === 0) options.onProgress?.(rowsRead);
        if (refused !== null) continue;
        // exceljs rows are 1-based and sparse; fill the gaps so row indices match the sheet.
        while (rows.length < row.number - 1) rows.push([]);
        rows.push(rowValues(row));
        // Rows may skip past the probe size (empty rows are not emitted): probe as soon as it is reached.
        if (probing && !probed && rows.length >= probeRows) {
          probed = true;
          refused = options.accept?.(name, rows.slice(0, probeRows)) ?? null;
        }
      }
      if (probing && !probed) {
        refused = options.accept?.(name, rows) ?? null;
      }
      if (refused !== null) {
        scanned.push({ name, skipped: refused });
        continue;
      }
      scanned.push({ name, skipped: null });
      sheets.push({ name, cells: rows });
      if (!all) return { sheets, scanned };
    }
  } catch (error) {
    throw new WorkbookFileError(`无法读取文件 ${path}：${(error as Error).message}。文件可能已损坏，或不是 Excel 2007 及以上版本的 .xlsx 文件。`, error);
  }
  return { sheets, scanned };
}

function rowValues(row: ExcelJS.Row): unknown[] {
  const values = row.values as unknown[]; // index 0 is unused by exceljs
  const out: unknown[] = new Array(Math.max(0, values.length - 1));
  for (let i = 1; i < values.length; i++) out[i - 1] = plainCellValue(values[i]);
  return out;
}

/** A clear message for a missing file or one that is not an .xlsx (zip) file. */
export async function assertXlsx(path: string): Promise<void> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookFileError(`找不到文件：${path}`);
    if (code === "EISDIR") throw new WorkbookFileError(`${path} 是文件夹，不是 .xlsx 文件`);
    throw new WorkbookFileError(`无法打开文件 ${path}：${(error as Error).message}`);
  }
  try {
    const signature = Buffer.alloc(4);
    const { bytesRead } = await handle.read(signature, 0, 4, 0);
    if (bytesRead < 4 || signature.readUInt32LE(0) !== 0x04034b50) {
      const oldExcel = signature.readUInt32LE(0) === 0xe011cfd0;
      throw new WorkbookFileError(
        oldExcel
          ? `${path} 是旧版 Excel（.xls）文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再检查`
          : `${path} 不是 .xlsx 文件：请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再检查`,
      );
    }
  } finally {
    await handle.close();
  }
}
