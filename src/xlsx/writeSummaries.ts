/**
 * The .xlsx renderer of summary tables (src/summaries/model.ts): a copy of the user's workbook
 * with the summary tabs added, or a new workbook holding only them (the street ranking).
 *
 * A generated tab is recognised only by a workbook-level defined name, markerName(key),
 * pointing at it — never by the tab's name. Regenerating removes the tabs those names point
 * at and adds fresh ones; a user's sheet that carries a summary's name is left alone and the
 * new tab takes another name (汇总-分层(2)).
 *
 * exceljs cannot write charts: a table's chart is recorded as a note row ("图表：…") above the
 * table, whose data is the chart's data. The Excel add-in draws real charts.
 */
import { quoteSheet, sheetOfReference } from "../ledger/cellRef";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { freeSheetName, layoutSummary } from "../host/summaryLayout";
import { CellFormat, ChartSpec, GENERATED_MARKER_PREFIX, SummaryTable } from "../summaries/model";
import { plainCellValue } from "./cellValue";
import { storeWorkbookFirst } from "./package";
import { assertXlsx, WorkbookFileError } from "./readWorkbook";

// Re-exported for the tests and callers that knew them here.
export { quoteSheet, sheetOfReference } from "../ledger/cellRef";

/**
 * A table as the writer takes it: a SummaryTable, or a table of the same shape whose key is
 * not (yet) a SummaryKey — the street ranking ("ranking").
 */
export type TabTable = Omit<SummaryTable, "key"> & { readonly key: string };

/** The marker of a generated tab: the same name as markerName(key), for any table key. */
export function generatedMarker(key: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(key)) throw new Error(`summary key "${key}" cannot make a defined name`);
  return `${GENERATED_MARKER_PREFIX}${key.toUpperCase()}`;
}

export const NUMBER_FORMATS: Record<CellFormat, string | undefined> = {
  text: undefined,
  integer: "0",
  yuan: "#,##0.00",
  percent: "0.0%",
  date: "yyyy-mm-dd",
};

/** Colours of the generated tabs (ARGB). */
const HEADER_FILL = "FFDDEBF7";
const TOTAL_FILL = "FFF2F2F2";
const META_COLOUR = "FF595959";
const NOTE_COLOUR = "FF9C5700";
const LINK_COLOUR = "FF0563C1";

export class SummaryWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SummaryWriteError";
  }
}

export interface WrittenTab {
  readonly key: string;
  /** The tab's name in the output: the table's title, or title(2)… when a user's sheet has that name. */
  readonly name: string;
  readonly title: string;
  /** The title was taken by a user's sheet, which was left as it was. */
  readonly renamed: boolean;
  /** The tab's chart was written as data plus a note row (no chart object). */
  readonly chartAsNote: boolean;
}

export interface WriteResult {
  readonly outputPath: string;
  readonly tabs: readonly WrittenTab[];
  /** Names of previously generated tabs that were removed (and replaced). */
  readonly replaced: readonly string[];
  /** Markers found pointing at a sheet that was kept anyway (the ledger itself); the marker was dropped. */
  readonly ignoredMarkers: readonly string[];
}

/**
 * Copy the workbook at `inputPath` to `outputPath` with the tables as tabs; the input file is
 * never written. Tabs generated before (by marker) for the same keys are replaced.
 */
export async function writeSummaryWorkbook(inputPath: string, outputPath: string, tables: readonly TabTable[]): Promise<WriteResult> {
  await assertXlsx(inputPath);
  await assertOutputIsNotInput(inputPath, outputPath);
  let loaded: LoadedWorkbook;
  try {
    loaded = await loadWorkbook(await fs.promises.readFile(inputPath));
  } catch (error) {
    throw new WorkbookFileError(`无法读取文件 ${inputPath}：${(error as Error).message}。文件可能已损坏，或不是 Excel 2007 及以上版本的 .xlsx 文件。`);
  }
  const { workbook } = loaded;
  const { replaced, ignoredMarkers, carried } = removeGeneratedTabs(workbook, loaded, tables);
  const tabs = tables.map((table) => addTab(workbook, table));
  keepActiveTabInRange(workbook);
  await saveWorkbook(workbook, outputPath, { carried, inputSheetOrder: loaded.sheetOrder, sheetExtensions: loaded.sheetExtensions, markers: tabs.map((t) => ({ name: generatedMarker(t.key), sheet: t.name })) });
  return { outputPath, tabs, replaced, ignoredMarkers };
}

/** Write the tables into a new workbook (e.g. the street ranking, which has no source workbook). */
export async function writeNewSummaryWorkbook(outputPath: string, tables: readonly TabTable[], refuse: readonly string[] = []): Promise<WriteResult> {
  for (const input of refuse) await assertOutputIsNotInput(input, outputPath);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "BANGFU";
  const tabs = tables.map((table) => addTab(workbook, table));
  await saveWorkbook(workbook, outputPath);
  return { outputPath, tabs, replaced: [], ignoredMarkers: [] };
}

// ---------------------------------------------------------------- the output file

export async function assertOutputIsNotInput(inputPath: string, outputPath: string): Promise<void> {
  const same = path.resolve(inputPath) === path.resolve(outputPath) || (await sameInode(inputPath, outputPath));
  if (same) {
    throw new SummaryWriteError(`输出文件不能与输入文件相同（${outputPath}）：BANGFU 从不修改输入文件，请用 -o 指定另一个文件名，例如 ${suggestedOutput(inputPath)}`);
  }
}

async function sameInode(a: string, b: string): Promise<boolean> {
  try {
    const [sa, sb] = await Promise.all([fs.promises.stat(a), fs.promises.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false; // the output does not exist yet
  }
}

/** 台账.xlsx → 台账-汇总.xlsx, next to the input. */
export function suggestedOutput(inputPath: string): string {
  const ext = path.extname(inputPath);
  return path.join(path.dirname(inputPath), `${path.basename(inputPath, ext)}-汇总${ext || ".xlsx"}`);
}

/** Write next to the output first and rename, so a failed write never leaves half a file. */
async function saveWorkbook(workbook: ExcelJS.Workbook, outputPath: string, carry?: CarryOver): Promise<void> {
  const written = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const fixed = await finishPackage(written, carry);
  const dir = path.dirname(path.resolve(outputPath));
  const temp = path.join(dir, `.${path.basename(outputPath)}.${process.pid}.tmp`);
  try {
    await fs.promises.writeFile(temp, fixed);
    await fs.promises.rename(temp, outputPath);
  } catch (error) {
    await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? `文件夹 ${dir} 不存在`
        : code === "EACCES" || code === "EPERM"
          ? "没有写入权限"
          : code === "EBUSY"
            ? "文件正被其他程序（如 Excel）打开，请先关闭"
            : code === "EISDIR"
              ? "这是一个文件夹"
              : (error as Error).message;
    throw new SummaryWriteError(`无法写出 ${outputPath}：${reason}`);
  }
}

// ---------------------------------------------------------------- loading

export interface LoadedWorkbook {
  readonly workbook: ExcelJS.Workbook;
  /** The defined names as the file holds them, with their scope. */
  readonly names: readonly RawDefinedName[];
  /** Sheet names in the file's order. */
  readonly sheetOrder: readonly string[];
  /** Extensions of each sheet that exceljs drops and the writer puts back (see KEPT_EXTENSIONS). */
  readonly sheetExtensions: ReadonlyMap<string, readonly string[]>;
}

/**
 * Load an .xlsx with exceljs, and collect what its reader drops and this program must keep:
 * links to a place in the workbook (目录 → 台账!A1), which Excel and LibreOffice write as a
 * location without a relationship (restored here on text cells; the writer writes them back the
 * way Excel does); the defined names as the file holds them (constants, formulas, sheet-level
 * names); and the sheet extensions of KEPT_EXTENSIONS. The writer puts the last two back.
 */
export async function loadWorkbook(xlsx: Buffer): Promise<LoadedWorkbook> {
  const zip = await JSZip.loadAsync(xlsx);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const names = await rawDefinedNames(zip);
  const sheetOrder = sheetOrderOf((await zip.file("xl/workbook.xml")?.async("string")) ?? "");
  for (const [sheetName, links] of await rawInternalLinks(zip)) {
    const ws = workbook.getWorksheet(sheetName);
    if (!ws) continue;
    for (const link of links) {
      const cell = ws.getCell(link.ref.split(":")[0]);
      if (typeof cell.value !== "string") continue; // numbers, formulas, rich text: exceljs cannot link them without changing the value
      cell.value = link.tooltip === undefined ? { text: cell.value, hyperlink: `#${link.location}` } : { text: cell.value, hyperlink: `#${link.location}`, tooltip: link.tooltip };
    }
  }
  return { workbook, names, sheetOrder, sheetExtensions: await rawSheetExtensions(zip) };
}

/**
 * Worksheet extensions (extLst) that exceljs does not read but a ledger may well hold, each
 * self-contained: Excel 2010+ data validations — how Excel stores a drop-down list taken from
 * another sheet (收入分层 from a 字典 sheet) — and sparklines.
 */
const KEPT_EXTENSIONS = new Set(["{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}", "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"]);

async function rawSheetExtensions(zip: JSZip): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const [sheetName, part] of await sheetParts(zip)) {
    const xml = await zip.file(part)?.async("string");
    if (!xml || !xml.includes("extLst")) continue;
    // Namespaces declared on the sheet's root go onto each extension, which then stands alone.
    const root = /<(?:\w+:)?worksheet\b([^>]*)>/.exec(xml)?.[1] ?? "";
    const declarations = [...root.matchAll(/xmlns:([\w.-]+)\s*=\s*"([^"]*)"/g)];
    const kept: string[] = [];
    for (const m of xml.matchAll(/<(?:\w+:)?ext\b([^>]*)>[\s\S]*?<\/(?:\w+:)?ext>/g)) {
      if (!KEPT_EXTENSIONS.has(parseAttributes(m[1]).get("uri") ?? "")) continue;
      let element = m[0].replace(/^<\w+:ext\b/, "<ext").replace(/<\/\w+:ext>$/, "</ext>");
      const missing = declarations.filter(([, prefix]) => !new RegExp(`^<ext\\b[^>]*xmlns:${prefix}=`).test(element)).map(([d]) => d);
      if (missing.length > 0) element = element.replace(/^<ext\b/, `<ext ${missing.join(" ")}`);
      kept.push(element);
    }
    if (kept.length > 0) out.set(sheetName, kept);
  }
  return out;
}

/** Put the kept extensions back into the sheets exceljs wrote (extLst is a worksheet's last child). */
async function restoreSheetExtensions(zip: JSZip, extensions: ReadonlyMap<string, readonly string[]>): Promise<void> {
  if (extensions.size === 0) return;
  for (const [sheetName, part] of await sheetParts(zip)) {
    const wanted = extensions.get(sheetName);
    const file = zip.file(part);
    if (!wanted || !file) continue;
    let xml = await file.async("string");
    const missing = wanted.filter((ext) => !xml.includes(`uri="${parseAttributes(/^<ext\b([^>]*)>/.exec(ext)?.[1] ?? "").get("uri")}"`));
    if (missing.length === 0) continue;
    xml = xml.includes("</extLst>") ? xml.replace("</extLst>", `${missing.join("")}</extLst>`) : xml.replace(/<\/worksheet>\s*$/, `<extLst>${missing.join("")}</extLst></worksheet>`);
    zip.file(part, xml);
  }
}

/** Worksheet part paths by sheet name, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const workbookXml = await zip.file("xl/workbook.xml")?.async("string");
  const relsXml = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (!workbookXml || !relsXml) return out;
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const a = parseAttributes(m[1]);
    const target = a.get("Target") ?? "";
    targets.set(a.get("Id") ?? "", target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = parseAttributes(m[1]);
    const id = a.get("r:id") ?? [...a.entries()].find(([k]) => k.endsWith(":id"))?.[1];
    const part = id === undefined ? undefined : targets.get(id);
    if (part !== undefined && a.has("name")) out.set(a.get("name") ?? "", part);
  }
  return out;
}

interface InternalLink {
  readonly ref: string;
  readonly location: string;
  readonly tooltip?: string;
}

/** Hyperlinks with a location and no relationship: links within the workbook, which exceljs does not read. */
async function rawInternalLinks(zip: JSZip): Promise<Map<string, InternalLink[]>> {
  const out = new Map<string, InternalLink[]>();
  for (const [sheetName, part] of await sheetParts(zip)) {
    const xml = await zip.file(part)?.async("string");
    if (!xml || !xml.includes("location=")) continue;
    const links: InternalLink[] = [];
    for (const m of xml.matchAll(/<(?:\w+:)?hyperlink\b([^>]*?)\/?>/g)) {
      const a = parseAttributes(m[1]);
      if ([...a.keys()].some((k) => k.endsWith(":id")) || !a.has("location") || !a.has("ref")) continue;
      links.push({ ref: a.get("ref") ?? "", location: a.get("location") ?? "", ...(a.has("tooltip") ? { tooltip: a.get("tooltip") } : {}) });
    }
    if (links.length > 0) out.set(sheetName, links);
  }
  return out;
}

// ---------------------------------------------------------------- markers

export interface RawDefinedName {
  readonly name: string;
  /** Set for a sheet-level name (e.g. one Excel copied along with a sheet); markers are workbook-level only. */
  readonly localSheetId: number | null;
  readonly formula: string;
  /** The element as the file holds it (without a namespace prefix), to be written back as it was. */
  readonly xml: string;
}

/** The workbook's defined names as the file holds them, with their scope (exceljs forgets the scope). */
async function rawDefinedNames(zip: JSZip): Promise<RawDefinedName[]> {
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const out: RawDefinedName[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g)) {
    const attributes = parseAttributes(match[1]);
    const local = attributes.get("localSheetId");
    out.push({
      name: attributes.get("name") ?? "",
      localSheetId: local === undefined ? null : Number(local),
      formula: decodeXml(match[2] ?? ""),
      xml: match[0].replace(/^<\w+:definedName\b/, "<definedName").replace(/<\/\w+:definedName>$/, "</definedName>"),
    });
  }
  return out;
}

/** Sheet names in workbook order, from workbook.xml (what localSheetId counts). */
function sheetOrderOf(workbookXml: string): string[] {
  return [...workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)].map((m) => parseAttributes(m[1]).get("name") ?? "");
}

interface Removal {
  readonly replaced: string[];
  readonly ignoredMarkers: string[];
  /** The input's names to write back: all but the markers of regenerated or vanished tabs and the names scoped to a removed tab. */
  readonly carried: RawDefinedName[];
}

function removeGeneratedTabs(workbook: ExcelJS.Workbook, loaded: LoadedWorkbook, tables: readonly TabTable[]): Removal {
  const regenerated = new Set(tables.map((t) => generatedMarker(t.key)));
  const protectedSheets = new Set(tables.map((t) => t.meta.sourceSheet));
  const replaced: string[] = [];
  const ignoredMarkers: string[] = [];
  const droppedMarkers = new Set<RawDefinedName>();
  for (const n of loaded.names) {
    if (!n.name.startsWith(GENERATED_MARKER_PREFIX) || n.localSheetId !== null) continue;
    const sheetName = sheetOfReference(n.formula);
    const sheet = sheetName === null ? undefined : workbook.getWorksheet(sheetName);
    if (!sheet) {
      droppedMarkers.add(n); // a stale marker: its tab was deleted by hand
      continue;
    }
    if (!regenerated.has(n.name)) continue;
    droppedMarkers.add(n);
    if (protectedSheets.has(sheet.name)) ignoredMarkers.push(`${n.name} → ${sheet.name}`);
    else if (!replaced.includes(sheet.name)) replaced.push(sheet.name);
  }
  const order = workbook.worksheets.map((ws) => ws.name);
  replaced.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  for (const name of replaced) workbook.removeWorksheet(workbook.getWorksheet(name)!.id);
  const carried = loaded.names.filter((n) => !droppedMarkers.has(n) && !(n.localSheetId !== null && replaced.includes(loaded.sheetOrder[n.localSheetId] ?? "")));
  return { replaced, ignoredMarkers, carried };
}

/** exceljs writes the active tab as it read it; after removing sheets it may point past the last one. */
function keepActiveTabInRange(workbook: ExcelJS.Workbook): void {
  const count = workbook.worksheets.length;
  for (const view of workbook.views ?? []) {
    const v = view as { activeTab?: number; firstSheet?: number };
    if (v.activeTab !== undefined && v.activeTab >= count) v.activeTab = 0;
    if (v.firstSheet !== undefined && v.firstSheet >= count) v.firstSheet = 0;
  }
}


// ---------------------------------------------------------------- a tab

/** The chart, in words, for the note row that stands in for it. */
export function chartNote(table: TabTable, chart: ChartSpec): string {
  const kind = chart.kind === "stackedColumn" ? "堆积柱形图" : "簇状柱形图";
  const header = (i: number) => table.columns[i]?.header ?? `第${i + 1}列`;
  return `图表：${chart.title}（${kind}；分类：${header(chart.categoryColumn)}；系列：${chart.seriesColumns.map(header).join("、")}）。命令行生成的文件不含图表对象，数据见下表；在 Excel 加载项中生成时会绘制图表。`;
}

/** The notes as written: the table's, then the chart's note row. */
export function writtenNotes(table: TabTable): string[] {
  return table.chart ? [...table.notes, chartNote(table, table.chart)] : [...table.notes];
}

/**
 * One tab, laid out as every host lays it out (src/host/summaryLayout.ts: meta line, notes, a
 * blank row, header, body, total), with the chart's note row among the notes.
 */
function addTab(workbook: ExcelJS.Workbook, table: TabTable): WrittenTab {
  const name = freeSheetName(table.title, workbook.worksheets.map((ws) => ws.name));
  // Only the key's type differs (the ranking's key is not a SummaryKey); the layout copies it.
  const layout = layoutSummary({ ...table, notes: writtenNotes(table) } as SummaryTable);
  const { headerRow } = layout;
  const ws = workbook.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    // Summaries go upward on paper: A4 landscape, all columns on one page width, the header on every page.
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  layout.widths.forEach((width, c) => (ws.getColumn(c + 1).width = width));
  const links = new Map(layout.links.map((l) => [`${l.row}:${l.column}`, l]));

  for (let r = 1; r <= layout.rowCount; r++) {
    const isTotal = r === layout.totalRow;
    const isBody = r >= layout.firstBodyRow && r <= layout.lastBodyRow;
    for (let c = 1; c <= layout.columnCount; c++) {
      const value = layout.values[r - 1][c - 1];
      if (value === null && !isTotal && r !== headerRow) continue;
      const cell = ws.getCell(r, c);
      const format = layout.formats[r - 1][c - 1];
      const bold = layout.bold[r - 1][c - 1];
      const link = links.get(`${r}:${c}`);
      const written = cellValue(value, format);
      if (link) {
        cell.value = { text: written === null || written instanceof Date ? link.cell : String(written), hyperlink: `#${quoteSheet(link.sheet)}!${link.cell}` };
        cell.font = { underline: true, color: { argb: LINK_COLOUR }, ...(bold ? { bold: true } : {}) };
      } else if (written !== null) {
        cell.value = written;
      }
      if (r === layout.metaRow) cell.font = { size: 9, color: { argb: META_COLOUR } };
      else if (layout.noteRows.includes(r)) cell.font = { size: 9, color: { argb: NOTE_COLOUR } };
      else if (r === headerRow) {
        cell.font = { bold: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
        cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
        cell.border = { bottom: { style: "thin" } };
      } else if (isBody || isTotal) {
        const numFmt = NUMBER_FORMATS[format];
        if (numFmt && written !== null) cell.numFmt = numFmt;
        if (bold && !link) cell.font = { bold: true };
        if (isTotal) {
          cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: TOTAL_FILL } };
          cell.border = { top: { style: "thin" } };
        }
      }
    }
  }

  if (layout.filter) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, layout.lastBodyRow), column: layout.columnCount } };
  workbook.definedNames.add(`${quoteSheet(name)}!$A$1`, generatedMarker(table.key));
  return { key: table.key, name, title: table.title, renamed: name !== table.title, chartAsNote: table.chart !== undefined };
}

/** A grid value as Excel should hold it: ISO dates in a date cell as dates. */
function cellValue(value: string | number | null, format: CellFormat): string | number | Date | null {
  if (typeof value === "string" && format === "date") {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (iso) return new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
  }
  return value;
}

// ---------------------------------------------------------------- the package

/**
 * Repairs of what exceljs writes: internal links (below); comment boxes; and the order of the
 * parts, so that the streaming reader of `bangfu check` reads the output reliably (./package.ts).
 */
async function finishPackage(xlsx: Buffer, carry?: CarryOver): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  if (carry) {
    await restoreDefinedNames(zip, carry);
    await restoreSheetExtensions(zip, carry.sheetExtensions);
  }
  await fixInternalHyperlinks(zip);
  await fixCommentBoxes(zip);
  return storeWorkbookFirst(zip);
}

/** What the input holds that exceljs drops, to be put back into the output. */
interface CarryOver {
  /** The input's defined names to keep, as the input held them. */
  readonly carried: readonly RawDefinedName[];
  readonly inputSheetOrder: readonly string[];
  readonly sheetExtensions: ReadonlyMap<string, readonly string[]>;
  /** The markers of the tabs just written. */
  readonly markers: readonly { readonly name: string; readonly sheet: string }[];
}

/**
 * exceljs keeps only names that are cell ranges, and makes every name workbook-level: a name
 * holding a constant (农民增幅 = 0.07) or a formula would vanish and the ledger's formulas using
 * it break; sheet-level names (Excel's hidden _xlnm._FilterDatabase of each filtered sheet)
 * would merge into one. Write the input's names back as they were, each sheet-level name
 * renumbered to its sheet's new position, plus the markers of the new tabs.
 */
async function restoreDefinedNames(zip: JSZip, plan: CarryOver): Promise<void> {
  const part = zip.file("xl/workbook.xml");
  if (!part) return;
  let xml = await part.async("string");
  const outputOrder = sheetOrderOf(xml);
  const elements: string[] = [];
  for (const n of plan.carried) {
    if (n.localSheetId === null) {
      elements.push(n.xml);
      continue;
    }
    const position = outputOrder.indexOf(plan.inputSheetOrder[n.localSheetId] ?? "");
    if (position !== -1) elements.push(n.xml.replace(/localSheetId="\d+"/, `localSheetId="${position}"`));
  }
  for (const m of plan.markers) elements.push(`<definedName name="${encodeXml(m.name)}">${encodeXml(`${quoteSheet(m.sheet)}!$A$1`)}</definedName>`);
  const block = elements.length > 0 ? `<definedNames>${elements.join("")}</definedNames>` : "";
  xml = /<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/.test(xml) ? xml.replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, block) : xml.replace("</sheets>", `</sheets>${block}`);
  zip.file("xl/workbook.xml", xml);
}

/**
 * A comment whose box has no margins (LibreOffice writes none) is read by exceljs as margins
 * [NaN] and written back as inset="NaNmm": drop that attribute, as the file had none.
 */
async function fixCommentBoxes(zip: JSZip): Promise<void> {
  for (const part of Object.keys(zip.files).filter((p) => /^xl\/drawings\/[^/]+\.vml$/.test(p))) {
    const vml = await zip.file(part)!.async("string");
    if (vml.includes("NaN")) zip.file(part, vml.replace(/\s+inset="[^"]*NaN[^"]*"/g, ""));
  }
}

/**
 * exceljs writes a link to a cell of the workbook ("#'台账'!A12") as an external relationship
 * plus a location, which Excel opens as "#'台账'!A12#'台账'!A12" (exceljs issue 3027). Rewrite
 * every such link as Excel itself writes an internal one: a location and no relationship.
 */
async function fixInternalHyperlinks(zip: JSZip): Promise<void> {
  for (const sheetPath of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))) {
    const relsPath = sheetPath.replace(/([^/]+)$/, "_rels/$1.rels");
    const relsEntry = zip.file(relsPath);
    if (!relsEntry) continue;
    let rels = await relsEntry.async("string");
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b([^>]*?)\/>/g)) {
      const a = parseAttributes(m[1]);
      const target = decodeXml(a.get("Target") ?? "");
      if (a.get("Type")?.endsWith("/hyperlink") && target.startsWith("#")) targets.set(a.get("Id") ?? "", target.slice(1));
    }
    if (targets.size === 0) continue;
    let sheet = await zip.file(sheetPath)!.async("string");
    const dropped = new Set<string>();
    sheet = sheet.replace(/<hyperlink\b([^>]*?)\/>/g, (element, attributeText: string) => {
      const a = parseAttributes(attributeText);
      const id = a.get("r:id");
      if (id === undefined || !targets.has(id)) return element;
      dropped.add(id);
      const parts = [`ref="${encodeXml(a.get("ref") ?? "")}"`, `location="${encodeXml(targets.get(id) ?? "")}"`];
      if (a.has("tooltip")) parts.push(`tooltip="${encodeXml(a.get("tooltip") ?? "")}"`);
      return `<hyperlink ${parts.join(" ")}/>`;
    });
    if (dropped.size === 0) continue;
    rels = rels.replace(/<Relationship\b([^>]*?)\/>/g, (element, attributeText: string) => (dropped.has(parseAttributes(attributeText).get("Id") ?? "") ? "" : element));
    zip.file(sheetPath, sheet);
    if (/<Relationship\b/.test(rels)) zip.file(relsPath, rels);
    else zip.remove(relsPath);
  }
}

function parseAttributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ""));
  return out;
}

function decodeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[named as "amp"];
  });
}

function encodeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

// ---------------------------------------------------------------- reading generated tabs back

export type ReadValue = string | number | boolean | null;

export interface GeneratedTabContents {
  /** The key from the marker (lower case), e.g. "tiers". */
  readonly key: string;
  readonly name: string;
  readonly metaLine: string;
  /** The note rows, the chart's note row included. */
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
