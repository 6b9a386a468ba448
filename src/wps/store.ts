/**
 * What BANGFU keeps in a WPS workbook (the pane's settings, the fills a marking replaced) lives
 * on one very hidden worksheet, BANGFU_DATA, as text: row 1 a notice, then one row per entry
 * (A: key, B: number of parts, C…: the JSON text in parts of at most 30,000 characters, under
 * a cell's 32,767).
 *
 * Why a very hidden sheet and not a custom document property: Excel's file format limits a
 * custom property's text to 255 characters, and ET follows the VBA model, so a column mapping
 * for a few sheets, let alone the fills of a thousand marked cells, would not fit; a sheet keeps
 * any length, is saved in .xlsx and .et alike, travels with the file to another computer, and
 * xlSheetVeryHidden keeps it out of the tab bar and the 取消隐藏 dialog. Office.js has document
 * settings for the same job, so the Excel add-in does not use this sheet.
 * Costs: a workbook whose structure is protected cannot get the sheet (a clear message says so),
 * and the sheet is visible to VBA and to tools that list every sheet.
 */
import { hostError } from "../host/messages";
import { boxAddress, parseBox } from "../office/addresses";
import { XL_SHEET_VERY_HIDDEN, type EtWorkbook, type EtWorksheet, type WpsApplication } from "./et";
import { normaliseValue2 } from "./values";
import { activeWorkbook, allSheets, sheetNamed } from "./workbook";

export const DATA_SHEET = "BANGFU_DATA";
export const DATA_NOTICE = "增收帮扶助手（BANGFU）保存的设置和标记记录，请勿修改或删除本表。";
/** Characters per cell part. */
export const PART_LENGTH = 30_000;

export const STRUCTURE_PROTECTED_MESSAGE =
  "工作簿结构受保护：BANGFU 要在工作簿中添加一个隐藏的数据表来保存设置和标记记录，现在无法添加。请先撤销工作簿保护（审阅 → 保护工作簿），完成后可以重新保护。";

/** Entries of the active workbook's data sheet; an absent sheet is an empty store. */
export function readStore(app: WpsApplication): Map<string, string> {
  return readWorkbookStore(activeWorkbook(app));
}

/** Entries of one workbook's data sheet (the custom functions read the workbook their formula is in). */
export function readWorkbookStore(workbook: EtWorkbook): Map<string, string> {
  const found = sheetNamed(workbook, DATA_SHEET);
  return found ? readEntries(found.sheet) : new Map();
}

function readEntries(sheet: EtWorksheet): Map<string, string> {
  const used = sheet.UsedRange;
  const box = parseBox(used.Address(false, false));
  const rows = normaliseValue2(used.Value2, box.bottom - box.top + 1, box.right - box.left + 1);
  const entries = new Map<string, string>();
  if (box.left !== 1) return entries;
  rows.forEach((row, i) => {
    if (box.top + i < 2) return; // the notice
    const key = row[0];
    const parts = Number(row[1]);
    if (typeof key !== "string" || key === "" || !Number.isInteger(parts) || parts < 0) return;
    entries.set(
      key,
      row
        .slice(2, 2 + parts)
        .map((part) => (part === "" ? "" : String(part)))
        .join(""),
    );
  });
  return entries;
}

/** Set (a string) or remove (null) entries, rewriting the data sheet; creates it when needed. */
export function writeStore(app: WpsApplication, changes: Readonly<Record<string, string | null>>): void {
  const workbook = activeWorkbook(app);
  const found = sheetNamed(workbook, DATA_SHEET);
  const entries = found ? readEntries(found.sheet) : new Map<string, string>();
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) entries.delete(key);
    else entries.set(key, value);
  }
  if (!found && entries.size === 0) return;
  const sheet = found ? found.sheet : createDataSheet(app, workbook);

  const grid: string[][] = [[DATA_NOTICE]];
  for (const [key, value] of entries) {
    const parts: string[] = [];
    for (let i = 0; i < value.length; i += PART_LENGTH) parts.push(value.slice(i, i + PART_LENGTH));
    grid.push([key, String(parts.length), ...parts]);
  }
  const width = Math.max(...grid.map((row) => row.length));
  const rows = grid.map((row) => [...row, ...Array<string>(width - row.length).fill("")]);
  sheet.UsedRange.ClearContents();
  const target = sheet.Range(boxAddress({ top: 1, left: 1, bottom: rows.length, right: width }));
  // Text format first, so that WPS keeps "2" and JSON as the text written.
  target.NumberFormat = "@";
  target.Value2 = rows;
}

/** The very hidden data sheet at the end; the user's active sheet stays active. */
function createDataSheet(app: WpsApplication, workbook: EtWorkbook): EtWorksheet {
  if (workbook.ProtectStructure) throw hostError("protectedSheet", STRUCTURE_PROTECTED_MESSAGE);
  const active = workbook.ActiveSheet;
  const sheets = allSheets(workbook);
  const screen = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    // Add() without arguments would insert before the active sheet and activate it.
    const sheet = workbook.Worksheets.Add(undefined, sheets[sheets.length - 1]);
    sheet.Name = DATA_SHEET;
    sheet.Visible = XL_SHEET_VERY_HIDDEN;
    active?.Activate();
    return sheet;
  } finally {
    app.ScreenUpdating = screen;
  }
}
