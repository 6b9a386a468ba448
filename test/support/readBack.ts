/**
 * Reading a written workbook back, for the tests: exceljs (an independent reader) loads it,
 * with what exceljs alone drops restored — links to places in the workbook and the defined
 * names as the file holds them — and the generated tabs are found by their markers, as the
 * writer finds them.
 */
import * as fs from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { sheetOfReference } from "../../src/ledger/cellRef";
import { GENERATED_MARKER_PREFIX } from "../../src/summaries/model";
import { plainCellValue } from "./exceljsCellValue";
import { openPackage, RawDefinedName } from "../../src/xlsx/mergePackage";
import { parseAttributes } from "../../src/xlsx/ooxml";
import { TOTAL_FILL } from "../../src/xlsx/renderTabs";

export interface LoadedWorkbook {
  readonly workbook: ExcelJS.Workbook;
  /** The defined names as the file holds them, with their scope. */
  readonly names: readonly RawDefinedName[];
}

/**
 * Load an .xlsx with exceljs, for reading it back (the writer never does), with what its
 * reader drops: links to a place in the workbook (目录 → 台账!A1), which Excel, LibreOffice and
 * this writer write as a location without a relationship (restored here on text cells), and
 * the defined names as the file holds them (constants, formulas, sheet-level names).
 */
export async function loadWorkbook(xlsx: Buffer): Promise<LoadedWorkbook> {
  const pkg = await openPackage(await JSZip.loadAsync(xlsx));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  for (const sheet of pkg.sheets) {
    const ws = workbook.getWorksheet(sheet.name);
    const xml = sheet.part === null ? null : await pkg.zip.file(sheet.part)?.async("string");
    if (!ws || !xml || !xml.includes("location=")) continue;
    for (const m of xml.matchAll(/<(?:\w+:)?hyperlink\b([^>]*?)\/?>/g)) {
      const a = parseAttributes(m[1]);
      if ([...a.keys()].some((k) => k.endsWith(":id")) || !a.has("location") || !a.has("ref")) continue;
      const cell = ws.getCell((a.get("ref") ?? "").split(":")[0]);
      if (typeof cell.value !== "string") continue; // numbers, formulas, rich text: exceljs cannot link them without changing the value
      const hyperlink = `#${a.get("location")}`;
      const tooltip = a.get("tooltip");
      cell.value = tooltip === undefined ? { text: cell.value, hyperlink } : { text: cell.value, hyperlink, tooltip };
    }
  }
  return { workbook, names: pkg.names };
}

// ---------------------------------------------------------------- reading generated tabs back

export type ReadValue = string | number | boolean | null;

export interface GeneratedTabContents {
  /** The key from the marker (lower case), e.g. "tiers". */
  readonly key: string;
  readonly name: string;
  readonly metaLine: string;
  /** The note rows. */
  readonly notes: readonly string[];
  readonly headerRow: number;
  readonly header: readonly string[];
  /** Body rows as values: dates as YYYY-MM-DD, links as their text. */
  readonly rows: readonly (readonly ReadValue[])[];
  readonly totalRow: readonly ReadValue[] | null;
}

export interface SummaryWorkbookContents {
  readonly sheetNames: readonly string[];
  /** Generated tabs, found by marker, in workbook order. */
  readonly tabs: readonly GeneratedTabContents[];
}

/** Read the generated tabs of a workbook back (found by their markers, as the writer finds them). */
export async function readSummaryWorkbook(file: string): Promise<SummaryWorkbookContents> {
  const { workbook, names } = await loadWorkbook(await fs.promises.readFile(file));
  const keyOfSheet = new Map<string, string>();
  for (const n of names) {
    if (!n.name.startsWith(GENERATED_MARKER_PREFIX) || n.localSheetId !== null) continue;
    const sheet = sheetOfReference(n.formula);
    if (sheet !== null) keyOfSheet.set(sheet, n.name.slice(GENERATED_MARKER_PREFIX.length).toLowerCase());
  }
  const tabs: GeneratedTabContents[] = [];
  for (const ws of workbook.worksheets) {
    const key = keyOfSheet.get(ws.name);
    if (key !== undefined) tabs.push(readTab(ws, key));
  }
  return { sheetNames: workbook.worksheets.map((ws) => ws.name), tabs };
}

function readTab(ws: ExcelJS.Worksheet, key: string): GeneratedTabContents {
  const frozen = (ws.views ?? []).find((v) => v.state === "frozen") as { ySplit?: number } | undefined;
  let headerRow = frozen?.ySplit ?? 0;
  if (!(headerRow > 1)) {
    headerRow = 2;
    while (headerRow <= ws.rowCount && ws.getRow(headerRow).cellCount > 0) headerRow++;
    headerRow++; // the blank row above the header
  }
  const width = ws.getRow(headerRow).cellCount;
  const valuesOf = (rowNumber: number): ReadValue[] => Array.from({ length: width }, (_, i) => readValue(ws.getCell(rowNumber, i + 1)));
  const notes: string[] = [];
  for (let r = 2; r < headerRow - 1; r++) notes.push(String(readValue(ws.getCell(r, 1)) ?? ""));
  const rows: ReadValue[][] = [];
  let totalRow: ReadValue[] | null = null;
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const first = ws.getCell(r, 1);
    const fill = first.fill as { fgColor?: { argb?: string } } | undefined;
    if (fill?.fgColor?.argb === TOTAL_FILL) totalRow = valuesOf(r);
    else rows.push(valuesOf(r));
  }
  return {
    key,
    name: ws.name,
    metaLine: String(readValue(ws.getCell(1, 1)) ?? ""),
    notes,
    headerRow,
    header: valuesOf(headerRow).map((v) => String(v ?? "")),
    rows,
    totalRow,
  };
}

function readValue(cell: ExcelJS.Cell): ReadValue {
  const value = plainCellValue(cell.value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value ?? null;
}
