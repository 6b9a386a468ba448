/**
 * Finding things in the active WPS workbook, and turning what WPS throws into HostErrors with
 * Chinese messages. ET reports failures as plain exceptions whose text is all there is to go by.
 */
import { hostError, otherErrorMessage, protectedSheetMessage, sheetMissingMessage, type HostAction } from "../host/messages";
import { HostError } from "../host/types";
import type { EtWorkbook, EtWorksheet, WpsApplication } from "./et";

export const NO_WORKBOOK_MESSAGE = "WPS 表格中没有打开的工作簿：请先打开台账所在的工作簿，再点一次。";

export function activeWorkbook(app: WpsApplication): EtWorkbook {
  const workbook = app.ActiveWorkbook;
  if (!workbook) throw hostError("other", NO_WORKBOOK_MESSAGE);
  return workbook;
}

/**
 * Whether the workbook counts dates from 1904 (Workbook.Date1904, one bridge call): its Value2
 * serials are then 1,462 days below the 1900 system's. A bridge that gives no boolean: the 1900 system.
 */
export function usesDate1904(workbook: EtWorkbook): boolean {
  return workbook.Date1904 === true;
}

/** Every worksheet in tab order, hidden ones too (two bridge calls, plus one per sheet). */
export function allSheets(workbook: EtWorkbook): EtWorksheet[] {
  const sheets = workbook.Worksheets;
  const count = sheets.Count;
  const out: EtWorksheet[] = [];
  for (let i = 1; i <= count; i++) out.push(sheets.Item(i));
  return out;
}

/** The sheet called `name` (as WPS compares names: without regard to case), or null. */
export function sheetNamed(workbook: EtWorkbook, name: string): { sheet: EtWorksheet; name: string } | null {
  const wanted = name.toLowerCase();
  for (const sheet of allSheets(workbook)) {
    const actual = sheet.Name;
    if (actual.toLowerCase() === wanted) return { sheet, name: actual };
  }
  return null;
}

export function requireSheet(workbook: EtWorkbook, name: string): EtWorksheet {
  const found = sheetNamed(workbook, name);
  if (!found) throw hostError("sheetMissing", sheetMissingMessage(name));
  return found.sheet;
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "object" && error !== null && typeof (error as { message?: unknown }).message === "string")
    return (error as { message: string }).message;
  return String(error);
}

/** The HostError for a failure while doing `action`; a HostError passes through unchanged. */
export function translateWpsError(error: unknown, action: HostAction, sheet?: string): HostError {
  if (error instanceof HostError) return error;
  const message = messageOf(error);
  if (/受保护|保护|protected/i.test(message)) return hostError("protectedSheet", protectedSheetMessage(action, sheet), error);
  return hostError("other", otherErrorMessage(action, message), error);
}
