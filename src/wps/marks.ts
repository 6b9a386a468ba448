/**
 * Marking findings on the ledger and clearing exactly those marks, through ET. Only fills and
 * notes are touched, never a value or formula.
 *
 * A mark is a fill by severity and a note with the findings' text (the note only where the cell
 * has none of the user's). The fills they replaced are kept in the workbook's data sheet
 * (./store.ts) under "marks:<sheet name>": per cell the address, the previous fill (null: none;
 * colour as BGR, pattern, pattern colour, tint), BANGFU's colour, and a fingerprint of the note
 * BANGFU added. The record is written before any cell changes, so that a marking stopped
 * half-way can still be cleared. Marking again first clears the earlier marks.
 *
 * Clearing restores a cell's previous fill only where it still has BANGFU's colour (a fill the
 * user set since is kept), and deletes a note only if its text still matches the fingerprint.
 *
 * "No fill" is read from Pattern/ColorIndex = xlNone: Interior.Color reads white for both a
 * white fill and none (the VBA model). Bridge calls: about 6 per marked cell to read, 4 to mark;
 * 8 per cell to clear.
 */
import type { Finding } from "../checks/types";
import type { CellRef } from "../ledger/model";
import { brokenRecordMessage, planMarks, textFingerprint } from "../host/marks";
import { hostError, protectedSheetMessage } from "../host/messages";
import { XL_NONE, XL_PATTERN_SOLID, type EtRange, type EtWorksheet, type WpsApplication } from "./et";
import { readStore, writeStore } from "./store";
import { hexToBgr } from "./values";
import { activeWorkbook, requireSheet } from "./workbook";

export interface WpsFill {
  readonly color: number;
  readonly pattern: number;
  readonly patternColor?: number;
  readonly tintAndShade?: number;
}

export interface WpsMarkedCell {
  readonly a: string;
  readonly prev: WpsFill | null;
  /** BANGFU's colour, "#RRGGBB". */
  readonly fill: string;
  /** Fingerprint of the note BANGFU added; null when the cell kept the user's note. */
  readonly fp: string | null;
}

export interface WpsMarkRecord {
  readonly version: 1;
  readonly sheet: string;
  readonly cells: readonly WpsMarkedCell[];
}

export interface WpsMarkResult {
  readonly marked: number;
  readonly annotated: number;
  readonly keptUserNotes: number;
}

export interface WpsClearResult {
  readonly cleared: number;
  /** Cells whose fill the user changed after marking: left as the user set it. */
  readonly keptUserFills: number;
}

export const marksKey = (sheet: string) => `marks:${sheet}`;

/** The record kept for a sheet; null when there is none; a broken one is dropped and reported. */
function takeRecord(app: WpsApplication, sheet: string): WpsMarkRecord | null {
  const text = readStore(app).get(marksKey(sheet));
  if (text === undefined) return null;
  let value: Partial<WpsMarkRecord> | null = null;
  try {
    value = JSON.parse(text) as Partial<WpsMarkRecord>;
  } catch {
    value = null;
  }
  if (value && value.version === 1 && Array.isArray(value.cells)) return value as WpsMarkRecord;
  writeStore(app, { [marksKey(sheet)]: null });
  throw hostError("other", brokenRecordMessage(sheet));
}

function readFill(range: EtRange): WpsFill | null {
  const interior = range.Interior;
  const pattern = interior.Pattern;
  if (pattern === XL_NONE || pattern === null || interior.ColorIndex === XL_NONE) return null;
  const fill: { color: number; pattern: number; patternColor?: number; tintAndShade?: number } = {
    color: Number(interior.Color),
    pattern: Number(pattern),
  };
  if (fill.pattern !== XL_PATTERN_SOLID) fill.patternColor = Number(interior.PatternColor);
  const tint = interior.TintAndShade;
  if (typeof tint === "number" && tint !== 0) fill.tintAndShade = tint;
  return fill;
}

function applyFill(range: EtRange, fill: WpsFill | null): void {
  const interior = range.Interior;
  if (fill === null) {
    interior.Pattern = XL_NONE;
    return;
  }
  interior.Color = fill.color;
  if (fill.pattern !== XL_PATTERN_SOLID) interior.Pattern = fill.pattern;
  if (fill.patternColor !== undefined) interior.PatternColor = fill.patternColor;
  if (fill.tintAndShade !== undefined) interior.TintAndShade = fill.tintAndShade;
}

function hasColour(fill: WpsFill | null, hex: string): boolean {
  return fill !== null && fill.pattern === XL_PATTERN_SOLID && fill.color === hexToBgr(hex);
}

/** Restore the cells of a record; returns how many kept a fill the user set since. */
function restore(sheet: EtWorksheet, record: WpsMarkRecord): number {
  let kept = 0;
  for (const cell of record.cells) {
    const range = sheet.Range(cell.a);
    if (hasColour(readFill(range), cell.fill)) applyFill(range, cell.prev);
    else kept++;
    if (cell.fp !== null) {
      const note = range.Comment;
      if (note !== null && textFingerprint(note.Text()) === cell.fp) note.Delete();
    }
  }
  return kept;
}

function editableSheet(app: WpsApplication, name: string, action: "mark" | "clear"): EtWorksheet {
  const sheet = requireSheet(activeWorkbook(app), name);
  if (sheet.ProtectContents) throw hostError("protectedSheet", protectedSheetMessage(action, name));
  return sheet;
}

export function markFindings(app: WpsApplication, sheetName: string, findings: readonly Finding[]): WpsMarkResult {
  const sheet = editableSheet(app, sheetName, "mark");
  const key = marksKey(sheetName);
  const old = takeRecord(app, sheetName);
  if (old) restore(sheet, old);

  const plan = planMarks(findings);
  const ranges = plan.map((mark) => sheet.Range(mark.address));
  const cells: WpsMarkedCell[] = plan.map((mark, i) => {
    const range = ranges[i];
    const free = range.Comment === null;
    return { a: mark.address, prev: readFill(range), fill: mark.fill, fp: free ? textFingerprint(mark.note) : null };
  });
  const record: WpsMarkRecord = { version: 1, sheet: sheetName, cells };
  writeStore(app, { [key]: cells.length > 0 ? JSON.stringify(record) : null });

  let annotated = 0;
  plan.forEach((mark, i) => {
    const range = ranges[i];
    range.Interior.Color = hexToBgr(mark.fill);
    if (cells[i].fp !== null) {
      range.AddComment(mark.note);
      annotated++;
    }
  });
  return { marked: cells.length, annotated, keptUserNotes: cells.length - annotated };
}

export function clearMarks(app: WpsApplication, sheetName: string): WpsClearResult {
  const key = marksKey(sheetName);
  const record = takeRecord(app, sheetName);
  if (record === null) {
    requireSheet(activeWorkbook(app), sheetName); // a missing sheet is still reported
    return { cleared: 0, keptUserFills: 0 };
  }
  const sheet = editableSheet(app, sheetName, "clear");
  const keptUserFills = restore(sheet, record);
  writeStore(app, { [key]: null });
  return { cleared: record.cells.length, keptUserFills };
}

export function selectCell(app: WpsApplication, sheetName: string, cell: CellRef): void {
  const sheet = requireSheet(activeWorkbook(app), sheetName);
  sheet.Activate();
  sheet.Range(`${cell.column.toUpperCase()}${cell.row}`).Select();
}
