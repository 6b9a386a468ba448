/**
 * Helpers for the .xlsx writer tests: a ledger workbook dressed the way cadres dress theirs
 * (title merged over the header, styles, number formats, formulas, comments, data validation,
 * conditional formatting, widths, a frozen header, a filter, names, a print area, a cover with
 * links), and a snapshot of a sheet to compare before and after.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import { DOMParser } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { loadWorkbook } from "./readBack";

export function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** A plain workbook written by another program (exceljs): each sheet's rows, from A1. */
export async function writeRows(file: string, sheets: Readonly<Record<string, readonly (readonly unknown[])[]>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, i) => (ws.getRow(i + 1).values = [...row] as ExcelJS.CellValue[]));
  }
  await wb.xlsx.writeFile(file);
  return file;
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
  if (Array.isArray(value))
    return value.every((v) => typeof v === "number" && Number.isNaN(v)) && value.length > 0 ? null : value.map(withoutDefaults);
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
      cells[cell.address] = {
        type: cell.type,
        value: cell.value,
        formula: cell.formula ?? null,
        numFmt: cell.numFmt ?? null,
        style: cell.style,
        note: cell.note ?? null,
      };
    });
  });
  const rows: Record<number, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n] = { height: row.height ?? null, hidden: row.hidden, outlineLevel: row.outlineLevel ?? 0 };
  });
  const columns = (ws.columns ?? []).map((c) => ({
    width: c.width ?? null,
    hidden: c.hidden,
    outlineLevel: c.outlineLevel ?? 0,
    style: c.style,
  }));
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
  const target =
    new RegExp(`<Relationship [^>]*Id="${sheet[1]}"[^>]*Target="([^"]+)"`).exec(workbookRels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${sheet[1]}"`).exec(workbookRels);
  if (!target) throw new Error(`test helper: no part for ${sheetName}`);
  const part = target[1].startsWith("/") ? target[1].slice(1) : `xl/${target[1]}`;
  const rels = part.replace(/([^/]+)$/, "_rels/$1.rels");
  return { xml: (await zip.file(part)?.async("string")) ?? "", rels: (await zip.file(rels)?.async("string")) ?? null };
}

/**
 * Rewrite an .xlsx file's links to places in the workbook the way Excel writes them: a
 * location and no relationship. (exceljs writes "#'台账'!A1" as an external relationship, which
 * Excel opens as a broken link: exceljs issue 3027.) For inputs that look like Excel's.
 */
export async function writeLinksAsExcelDoes(file: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const attribute = (text: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(text)?.[1];
  for (const sheetPath of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))) {
    const relsPath = sheetPath.replace(/([^/]+)$/, "_rels/$1.rels");
    let rels = (await zip.file(relsPath)?.async("string")) ?? "";
    const internal = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*\/>/g)) {
      const target = attribute(m[0], "Target") ?? "";
      if (attribute(m[0], "Type")?.endsWith("/hyperlink") && target.startsWith("#"))
        internal.set(attribute(m[0], "Id") ?? "", target.slice(1));
    }
    if (internal.size === 0) continue;
    let sheet = await zip.file(sheetPath)!.async("string");
    sheet = sheet.replace(/<hyperlink\b[^>]*\/>/g, (element) => {
      const id = attribute(element, "r:id");
      return id !== undefined && internal.has(id)
        ? `<hyperlink ref="${attribute(element, "ref")}" location="${internal.get(id)}"/>`
        : element;
    });
    rels = rels.replace(/<Relationship\b[^>]*\/>/g, (element) => (internal.has(attribute(element, "Id") ?? "") ? "" : element));
    zip.file(sheetPath, sheet);
    zip.file(relsPath, rels);
  }
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** Workbook-level defined names as the file holds them: name → formula (sheet-level names are listed with their scope). */
export async function definedNames(file: string): Promise<{ name: string; formula: string; localSheetId: string | null }[]> {
  const xml = (await zipText(file, "xl/workbook.xml")) ?? "";
  const out: { name: string; formula: string; localSheetId: string | null }[] = [];
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const name = /name="([^"]*)"/.exec(m[1])?.[1] ?? "";
    const local = /localSheetId="(\d+)"/.exec(m[1])?.[1] ?? null;
    out.push({
      name,
      formula: m[2]
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, "&")
        .replace(/&quot;/g, '"'),
      localSheetId: local,
    });
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
  ws.getCell(`F${headerRow + 1}`).note = {
    texts: [{ text: "核对：", font: { bold: true } }, { text: "含公益性岗位收入" }],
  } as unknown as ExcelJS.Comment;
  ws.getCell(`F${headerRow + 1}`).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell(`F${headerRow + 2}`).font = { italic: true, color: { argb: "FFC00000" } };
  const validations = (ws as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } })
    .dataValidations;
  validations.add(`F${headerRow + 1}:F${lastRow + 50}`, {
    type: "decimal",
    operator: "greaterThanOrEqual",
    formulae: [0],
    showErrorMessage: true,
    errorTitle: "输入有误",
    error: "人均纯收入不能为负数",
  });
  validations.add(`D${headerRow + 1}:D${lastRow + 50}`, { type: "list", allowBlank: true, formulae: ['"户主,配偶,之子,之女,父亲,母亲"'] });
  ws.addConditionalFormatting({
    ref: `F${headerRow + 1}:F${lastRow}`,
    rules: [
      {
        type: "cellIs",
        operator: "lessThan",
        formulae: [11000],
        priority: 1,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
      },
    ],
  });
  ws.getRow(headerRow + 2).height = 28;
  ws.views = [{ state: "frozen", xSplit: 2, ySplit: headerRow, topLeftCell: `C${headerRow + 1}`, activeCell: `C${headerRow + 1}` }];
  ws.autoFilter = `A${headerRow}:${letter}${lastRow}`;
  ws.pageSetup.printArea = `A1:${letter}${lastRow}`;
}

// ---------------------------------------------------------------- the package, part by part

/** Every part of an .xlsx file with its bytes (decompressed), in the order the zip stores them. */
export async function partContents(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async("nodebuffer"));
  return out;
}

const attributesOf = (tag: string): Map<string, string> => {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)="([^"]*)"/g))
    out.set(
      m[1],
      m[2]
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&"),
    );
  return out;
};

/** A relationship target as a part name, resolved against its source part. */
export function resolvePart(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = source.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== ".") parts.push(segment);
  }
  return parts.join("/");
}

const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/**
 * What Excel would object to in a package, as a list of problems (empty when none): XML parts
 * that are not well-formed; relationship ids repeated within a part; relationship targets or
 * content-type overrides naming parts that do not exist; a worksheet part without its
 * content-type override; a part without a content type; part names that differ only in case;
 * a part no relationship leads to (an orphan), or a relationships part of a missing part;
 * sheet ids or names repeated; a sheet whose relationship is missing;
 * sheet-level names or the active tab past the last sheet; cell formats naming missing fonts,
 * fills, borders or number formats; a cell style index past cellXfs; number format ids repeated.
 */
export async function packageProblems(file: string): Promise<string[]> {
  const parts = await partContents(file);
  const text = (part: string) => parts.get(part)?.toString("utf8") ?? null;
  const problems: string[] = [];
  for (const [name, bytes] of parts) {
    if (!/\.(xml|rels|vml)$/.test(name)) continue;
    try {
      new DOMParser({ onError: (level, message) => void problems.push(`${name}: ${level}: ${message}`) }).parseFromString(
        bytes.toString("utf8"),
        "text/xml",
      );
    } catch (error) {
      problems.push(`${name}: fatal: ${(error as Error).message}`);
    }
  }
  const contentTypes = text("[Content_Types].xml") ?? "";
  const overrides = new Map<string, string>();
  for (const m of contentTypes.matchAll(/<Override\b[^>]*\/>/g)) {
    const a = attributesOf(m[0]);
    const name = (a.get("PartName") ?? "").slice(1);
    if (overrides.has(name.toLowerCase())) problems.push(`[Content_Types].xml: two overrides for /${name}`);
    overrides.set(name.toLowerCase(), a.get("ContentType") ?? "");
    if (![...parts.keys()].some((p) => p.toLowerCase() === name.toLowerCase()))
      problems.push(`[Content_Types].xml: override for a missing part /${name}`);
  }
  const worksheetParts = new Set<string>();
  for (const [relsName] of parts) {
    const m = /^((?:.*\/)?)_rels\/([^/]*)\.rels$/.exec(relsName);
    if (!m) continue;
    const source = `${m[1]}${m[2]}`;
    const ids = new Set<string>();
    for (const r of (text(relsName) ?? "").matchAll(/<Relationship\b[^>]*\/>/g)) {
      const a = attributesOf(r[0]);
      const id = a.get("Id") ?? "";
      if (ids.has(id)) problems.push(`${relsName}: relationship id ${id} used twice`);
      ids.add(id);
      if (a.get("TargetMode") === "External") continue;
      const target = resolvePart(source, a.get("Target") ?? "");
      if (!parts.has(target)) problems.push(`${relsName}: ${id} → missing part ${target}`);
      if ((a.get("Type") ?? "").endsWith("/worksheet")) worksheetParts.add(target);
    }
  }
  // Every part has a content type (its override, or its extension's default); no two part names differ only in case.
  const defaults = new Set(
    [...contentTypes.matchAll(/<Default\b[^>]*\/>/g)].map((m) => (attributesOf(m[0]).get("Extension") ?? "").toLowerCase()),
  );
  const seenParts = new Set<string>();
  for (const name of parts.keys()) {
    if (name === "[Content_Types].xml") continue;
    const key = name.toLowerCase();
    if (seenParts.has(key)) problems.push(`two parts named /${name} (the names differ only in case)`);
    seenParts.add(key);
    if (!overrides.has(key) && !defaults.has(key.slice(key.lastIndexOf(".") + 1)))
      problems.push(`[Content_Types].xml: no content type for /${name}`);
  }
  // No orphans: every part is reached through relationships from the package's _rels/.rels, and every relationships part belongs to a part.
  const reached = new Set<string>();
  const queue = [""];
  while (queue.length > 0) {
    const source = queue.pop()!;
    const relsName = source === "" ? "_rels/.rels" : source.replace(/([^/]+)$/, "_rels/$1.rels");
    for (const r of (text(relsName) ?? "").matchAll(/<Relationship\b[^>]*\/>/g)) {
      const a = attributesOf(r[0]);
      if (a.get("TargetMode") === "External") continue;
      const target = resolvePart(source, a.get("Target") ?? "");
      if (reached.has(target) || !parts.has(target)) continue;
      reached.add(target);
      queue.push(target);
    }
  }
  for (const name of parts.keys()) {
    if (name === "[Content_Types].xml") continue;
    const rels = /^((?:.*\/)?)_rels\/([^/]*)\.rels$/.exec(name);
    if (rels) {
      const source = `${rels[1]}${rels[2]}`;
      if (source !== "" && !parts.has(source)) problems.push(`${name}: relationships of a missing part`);
    } else if (!reached.has(name)) problems.push(`/${name}: no relationship leads to this part (an orphan)`);
  }
  for (const part of worksheetParts)
    if (overrides.get(part.toLowerCase()) !== WORKSHEET_TYPE) problems.push(`[Content_Types].xml: no worksheet override for /${part}`);
  for (const [name, type] of overrides)
    if (type === WORKSHEET_TYPE && ![...worksheetParts].some((p) => p.toLowerCase() === name))
      problems.push(`[Content_Types].xml: a worksheet override for /${name}, which no workbook relationship names`);

  const workbook = text("xl/workbook.xml") ?? "";
  const workbookRels = new Map(
    [...(text("xl/_rels/workbook.xml.rels") ?? "").matchAll(/<Relationship\b[^>]*\/>/g)].map((r) => [
      attributesOf(r[0]).get("Id") ?? "",
      attributesOf(r[0]),
    ]),
  );
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => attributesOf(m[0]));
  const seenIds = new Set<string>();
  const seenNames = new Set<string>();
  for (const s of sheets) {
    const id = s.get("sheetId") ?? "";
    const name = (s.get("name") ?? "").toLowerCase();
    if (seenIds.has(id)) problems.push(`xl/workbook.xml: sheetId ${id} used twice`);
    if (seenNames.has(name)) problems.push(`xl/workbook.xml: sheet name ${name} used twice`);
    seenIds.add(id);
    seenNames.add(name);
    if (
      !workbookRels
        .get(s.get("r:id") ?? "")
        ?.get("Type")
        ?.match(/\/(worksheet|chartsheet)$/)
    )
      problems.push(`xl/workbook.xml: sheet ${s.get("name")} has no sheet relationship`);
  }
  for (const m of workbook.matchAll(/localSheetId="(\d+)"/g))
    if (Number(m[1]) >= sheets.length) problems.push(`xl/workbook.xml: localSheetId ${m[1]} past the last sheet`);
  for (const m of workbook.matchAll(/\b(activeTab|firstSheet)="(\d+)"/g))
    if (Number(m[2]) >= sheets.length) problems.push(`xl/workbook.xml: ${m[1]} ${m[2]} past the last sheet`);

  const styles = text("xl/styles.xml") ?? "";
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles);
  const xfCount = cellXfs ? (cellXfs[1].match(/<xf\b/g) ?? []).length : 0;
  if (cellXfs && Number(/count="(\d+)"/.exec(cellXfs[0])?.[1] ?? xfCount) !== xfCount)
    problems.push("xl/styles.xml: cellXfs count does not match its entries");
  const fontCount = (/<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1].match(/<font\b/g) ?? []).length;
  const fillCount = (/<fills\b[^>]*>([\s\S]*?)<\/fills>/.exec(styles)?.[1].match(/<fill\b/g) ?? []).length;
  const borderCount = (/<borders\b[^>]*>([\s\S]*?)<\/borders>/.exec(styles)?.[1].match(/<border\b/g) ?? []).length;
  const formatIds = [...styles.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"/g)].map((m) => m[1]);
  if (new Set(formatIds).size !== formatIds.length) problems.push("xl/styles.xml: a number format id used twice");
  for (const xf of (cellXfs?.[1] ?? "").matchAll(/<xf\b[^>]*>/g)) {
    const a = attributesOf(xf[0]);
    if (
      Number(a.get("fontId") ?? 0) >= fontCount ||
      Number(a.get("fillId") ?? 0) >= fillCount ||
      Number(a.get("borderId") ?? 0) >= borderCount
    )
      problems.push(`xl/styles.xml: ${xf[0]} names a missing font, fill or border`);
    const numFmtId = Number(a.get("numFmtId") ?? 0);
    if (numFmtId >= 164 && !formatIds.includes(String(numFmtId))) problems.push(`xl/styles.xml: ${xf[0]} names a missing number format`);
  }
  for (const part of worksheetParts) {
    for (const m of (text(part) ?? "").matchAll(/<(?:c|row)\b[^>]*?\ss="(\d+)"/g)) {
      if (Number(m[1]) >= xfCount) {
        problems.push(`${part}: style ${m[1]} past cellXfs (${xfCount})`);
        break;
      }
    }
  }
  return problems;
}

/** The sheet names docProps/app.xml lists as worksheets (its first heading group). */
export async function appWorksheetTitles(file: string): Promise<string[] | null> {
  const xml = await zipText(file, "docProps/app.xml");
  if (xml === null) return null;
  const count = Number(/<HeadingPairs>[\s\S]*?<vt:i4>(\d+)<\/vt:i4>/.exec(xml)?.[1] ?? NaN);
  const titles = [...(/<TitlesOfParts>([\s\S]*?)<\/TitlesOfParts>/.exec(xml)?.[1] ?? "").matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map(
    (m) => m[1],
  );
  return titles.slice(0, count);
}

/** The part of a sheet, by name (via workbook.xml and its relationships). */
export async function sheetPart(file: string, sheetName: string): Promise<string> {
  const workbook = (await zipText(file, "xl/workbook.xml")) ?? "";
  const rels = (await zipText(file, "xl/_rels/workbook.xml.rels")) ?? "";
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => attributesOf(m[0])).find((a) => a.get("name") === sheetName);
  if (!sheet) throw new Error(`test helper: no sheet ${sheetName}`);
  const rel = [...rels.matchAll(/<Relationship\b[^>]*\/>/g)].map((m) => attributesOf(m[0])).find((a) => a.get("Id") === sheet.get("r:id"));
  if (!rel) throw new Error(`test helper: no relationship for ${sheetName}`);
  return resolvePart("xl/workbook.xml", rel.get("Target") ?? "");
}

/**
 * Put a drawing on a sheet, as Excel writes one: a column chart of the given ranges and a text
 * box (a shape) — raw parts exceljs can neither read nor write. Returns the parts added.
 */
export async function addChartToSheet(
  file: string,
  sheetName: string,
  ranges: { categories: string; values: string },
  tag = "1",
): Promise<string[]> {
  const part = await sheetPart(file, sheetName);
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const drawing = `xl/drawings/drawing${tag}.xml`;
  const chart = `xl/charts/chart${tag}.xml`;
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  zip.file(
    chart,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http:` +
      `//schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http:` +
      `//schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}">` +
      `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>各户人均纯收入</a:t></a:r></a:` +
      `p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:` +
      `plotArea><c:layout/>` +
      `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:` +
      `ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>人均纯收入</c:v></c:tx>` +
      `<c:cat><c:strRef><c:f>${ranges.categories}</c:f></c:strRef></c:cat><c:val><c:numRef><c:` +
      `f>${ranges.values}</c:f></c:numRef></c:val></c:ser><c:axId val="50010"/><c:axId ` +
      `val="50020"/></c:barChart>` +
      `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:` +
      `delete val="0"/><c:axPos val="b"/><c:crossAx val="50020"/></c:catAx>` +
      `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:` +
      `delete val="0"/><c:axPos val="l"/><c:crossAx val="50010"/></c:valAx></c:plotArea><c:` +
      `plotVisOnly val="1"/></c:chart></c:chartSpace>`,
  );
  const anchor = (from: number, to: number, body: string) =>
    `<xdr:twoCellAnchor><xdr:from><xdr:col>${from}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:` +
    `row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${to}</xdr:col><xdr:` +
    `colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}<xdr:` +
    `clientData/></xdr:twoCellAnchor>`;
  zip.file(
    drawing,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http:` +
      `//schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http:` +
      `//schemas.openxmlformats.org/drawingml/2006/main">` +
      anchor(
        5,
        11,
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:` +
          `cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" ` +
          `cy="0"/></xdr:xfrm>` +
          `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:` +
          `chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:` +
          `id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>`,
      ) +
      anchor(
        12,
        15,
        `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="文本框 2"/><xdr:cNvSpPr ` +
          `txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:` +
          `xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>` +
          `<xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>请核对人均纯收入</a:t></a:r></a:p></xdr:txBody></xdr:sp>`,
      ) +
      `</xdr:wsDr>`,
  );
  zip.file(
    drawing.replace(/([^/]+)$/, "_rels/$1.rels"),
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http:` +
      `//schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ` +
      `Type="${R}/chart" Target="../charts/chart${tag}.xml"/></Relationships>`,
  );
  const sheetRelsPath = part.replace(/([^/]+)$/, "_rels/$1.rels");
  let sheetRels =
    (await zip.file(sheetRelsPath)?.async("string")) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http:` +
      `//schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  sheetRels = sheetRels.replace(
    "</Relationships>",
    `<Relationship Id="rIdDrawing${tag}" Type="${R}/drawing" Target="../drawings/drawing${tag}.xml"/></Relationships>`,
  );
  zip.file(sheetRelsPath, sheetRels);
  let sheet = await zip.file(part)!.async("string");
  if (!/xmlns:r=/.test(sheet.slice(0, sheet.indexOf(">", sheet.indexOf("<worksheet")))))
    sheet = sheet.replace("<worksheet ", `<worksheet xmlns:r="${R}" `);
  const before = [
    "<legacyDrawing",
    "<legacyDrawingHF",
    "<picture",
    "<oleObjects",
    "<controls",
    "<webPublishItems",
    "<tableParts",
    "<extLst",
    "</worksheet>",
  ]
    .map((t) => sheet.indexOf(t))
    .filter((i) => i !== -1);
  const at = Math.min(...before);
  sheet = `${sheet.slice(0, at)}<drawing r:id="rIdDrawing${tag}"/>${sheet.slice(at)}`;
  zip.file(part, sheet);
  let types = (await zip.file("[Content_Types].xml")!.async("string"))!;
  types = types.replace(
    "</Types>",
    `<Override PartName="/${drawing}" ` +
      `ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override ` +
      `PartName="/${chart}" ` +
      `ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
  );
  zip.file("[Content_Types].xml", types);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return [drawing, drawing.replace(/([^/]+)$/, "_rels/$1.rels"), chart];
}
