/**
 * Helpers for the .xlsx writer tests: a ledger workbook dressed the way cadres dress theirs
 * (title merged over the header, styles, number formats, formulas, comments, data validation,
 * conditional formatting, widths, a frozen header, a filter, names, a print area, a cover with
 * links), and a snapshot of a sheet to compare before and after.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { loadWorkbook } from "../../src/xlsx/writeSummaries";

export function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Load as the writer does: exceljs, plus links to places in the workbook, which exceljs alone does not read. */
export async function load(file: string): Promise<ExcelJS.Workbook> {
  return (await loadWorkbook(fs.readFileSync(file))).workbook;
}

/**
 * Everything about a sheet that `summary` must not change. With `defaults: "omit"`, settings
 * spelled out at their default value (LibreOffice writes horizontal="general", numFmt General,
 * allowBlank="false"…; exceljs writes them back left out) compare equal to leaving them out.
 */
export function snapshot(ws: ExcelJS.Worksheet, options: { defaults?: "keep" | "omit" } = {}): Record<string, unknown> {
  const shot = rawSnapshot(ws);
  return options.defaults === "omit" ? (withoutDefaults(shot) as Record<string, unknown>) : shot;
}

const DEFAULT_VALUES: Record<string, readonly unknown[]> = {
  horizontal: ["general"],
  indent: [0],
  textRotation: [0],
  wrapText: [false],
  shrinkToFit: [false],
  numFmt: ["General"],
  allowBlank: [false],
  showInputMessage: [false],
  showErrorMessage: [false],
  aboveAverage: [false],
  bottom: [false],
  percent: [false],
  rank: [0],
  insetmode: ["auto"],
  locked: ["True"],
  lockText: ["True"],
};

function withoutDefaults(value: unknown): unknown {
  if (Array.isArray(value)) return value.every((v) => typeof v === "number" && Number.isNaN(v)) && value.length > 0 ? null : value.map(withoutDefaults);
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const cleaned = withoutDefaults(v);
    if (cleaned === undefined || cleaned === null) continue;
    if (DEFAULT_VALUES[key]?.includes(cleaned)) continue;
    if (typeof cleaned === "object" && !(cleaned instanceof Date) && !Array.isArray(cleaned) && Object.keys(cleaned).length === 0) continue;
    out[key] = cleaned;
  }
  return out;
}

function rawSnapshot(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = { type: cell.type, value: cell.value, formula: cell.formula ?? null, numFmt: cell.numFmt ?? null, style: cell.style, note: cell.note ?? null };
    });
  });
  const rows: Record<number, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n] = { height: row.height ?? null, hidden: row.hidden, outlineLevel: row.outlineLevel ?? 0 };
  });
  const columns = (ws.columns ?? []).map((c) => ({ width: c.width ?? null, hidden: c.hidden, outlineLevel: c.outlineLevel ?? 0, style: c.style }));
  const validations = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
  const model = ws.model as unknown as { merges: string[]; conditionalFormattings?: unknown };
  return {
    name: ws.name,
    state: ws.state,
    cells,
    rows,
    columns,
    merges: [...model.merges].sort(),
    // exceljs regroups validation ranges when it writes; compare them cell by cell.
    dataValidations: Object.fromEntries(Object.entries(validations).sort(([a], [b]) => a.localeCompare(b))),
    conditionalFormattings: model.conditionalFormattings ?? null,
    views: ws.views,
    autoFilter: ws.autoFilter ?? null,
    printArea: ws.pageSetup.printArea ?? null,
    properties: ws.properties,
  };
}

/** The parts of an .xlsx file, for checks on its XML. */
export async function zipText(file: string, part: string): Promise<string | null> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return (await zip.file(part)?.async("string")) ?? null;
}

export async function zipParts(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return Object.keys(zip.files);
}

/** The XML of a sheet, found by its name through workbook.xml and its relationships. */
export async function sheetXml(file: string, sheetName: string): Promise<{ xml: string; rels: string | null }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const workbookRels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const escaped = sheetName.replace(/&/g, "&amp;").replace(/'/g, "&apos;");
  const sheet = new RegExp(`<sheet [^>]*name="${escaped.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*r:id="(rId\\d+)"`).exec(workbook);
  if (!sheet) throw new Error(`test helper: no sheet ${sheetName}`);
  const target = new RegExp(`<Relationship [^>]*Id="${sheet[1]}"[^>]*Target="([^"]+)"`).exec(workbookRels) ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${sheet[1]}"`).exec(workbookRels);
  if (!target) throw new Error(`test helper: no part for ${sheetName}`);
  const part = target[1].startsWith("/") ? target[1].slice(1) : `xl/${target[1]}`;
  const rels = part.replace(/([^/]+)$/, "_rels/$1.rels");
  return { xml: (await zip.file(part)?.async("string")) ?? "", rels: (await zip.file(rels)?.async("string")) ?? null };
}

/** Workbook-level defined names as the file holds them: name → formula (sheet-level names are listed with their scope). */
export async function definedNames(file: string): Promise<{ name: string; formula: string; localSheetId: string | null }[]> {
  const xml = (await zipText(file, "xl/workbook.xml")) ?? "";
  const out: { name: string; formula: string; localSheetId: string | null }[] = [];
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const name = /name="([^"]*)"/.exec(m[1])?.[1] ?? "";
    const local = /localSheetId="(\d+)"/.exec(m[1])?.[1] ?? null;
    out.push({ name, formula: m[2].replace(/&apos;/g, "'").replace(/&amp;/g, "&").replace(/&quot;/g, '"'), localSheetId: local });
  }
  return out;
}

/**
 * Decorate a ledger sheet whose data rows are already written: a merged title, a styled
 * header, formats, a formula column, comments, validations, conditional formatting, widths,
 * a hidden column, a tall row, frozen panes, a filter and a print area.
 */
export function dressLedger(ws: ExcelJS.Worksheet, headerRow: number, lastRow: number, columns: number): void {
  const last = ws.getColumn(columns).letter;
  ws.mergeCells(`A1:${last}1`);
  ws.getCell("A1").font = { name: "宋体", size: 16, bold: true };
  ws.getCell("A1").alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 32;
  for (let c = 1; c <= columns; c++) {
    const cell = ws.getCell(headerRow, c);
    cell.font = { bold: true, color: { argb: "FF1F3864" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
    cell.border = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "medium" }, right: { style: "thin" } };
    cell.alignment = { wrapText: true, vertical: "middle" };
  }
  ws.getColumn(2).width = 22;
  ws.getColumn(3).width = 9;
  ws.getColumn(6).numFmt = "#,##0.00";
  ws.getColumn(7).numFmt = "#,##0.00";
  ws.getColumn(11).hidden = true;
  // A formula column after the ledger's: growth of each row (a master and shared formulas below it).
  const formulaColumn = columns + 1;
  ws.getCell(headerRow, formulaColumn).value = "本表增幅";
  const letter = ws.getColumn(formulaColumn).letter;
  const master = `${letter}${headerRow + 1}`;
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const cell = ws.getCell(r, formulaColumn);
    cell.value = r === headerRow + 1 ? { formula: `IF(G${r}>0,F${r}/G${r}-1,"")`, result: 0.125 } : { sharedFormula: master, result: "" };
    cell.numFmt = "0.00%";
  }
  ws.getCell(`C${headerRow + 1}`).note = "户主电话待核实";
  ws.getCell(`F${headerRow + 1}`).note = { texts: [{ text: "核对：", font: { bold: true } }, { text: "含公益性岗位收入" }] } as unknown as ExcelJS.Comment;
  ws.getCell(`F${headerRow + 1}`).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell(`F${headerRow + 2}`).font = { italic: true, color: { argb: "FFC00000" } };
  const validations = (ws as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(`F${headerRow + 1}:F${lastRow + 50}`, { type: "decimal", operator: "greaterThanOrEqual", formulae: [0], showErrorMessage: true, errorTitle: "输入有误", error: "人均纯收入不能为负数" });
  validations.add(`D${headerRow + 1}:D${lastRow + 50}`, { type: "list", allowBlank: true, formulae: ['"户主,配偶,之子,之女,父亲,母亲"'] });
  ws.addConditionalFormatting({
    ref: `F${headerRow + 1}:F${lastRow}`,
    rules: [{ type: "cellIs", operator: "lessThan", formulae: [11000], priority: 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } } }],
  });
  ws.getRow(headerRow + 2).height = 28;
  ws.views = [{ state: "frozen", xSplit: 2, ySplit: headerRow, topLeftCell: `C${headerRow + 1}`, activeCell: `C${headerRow + 1}` }];
  ws.autoFilter = `A${headerRow}:${letter}${lastRow}`;
  ws.pageSetup.printArea = `A1:${letter}${lastRow}`;
}
