/**
 * The .xlsx renderer of summary tables (src/summaries/model.ts): a copy of the user's workbook
 * with the summary tabs added, or a new workbook holding only them (the street ranking).
 *
 * The user's workbook is never parsed sheet by sheet: the tabs are rendered into a small fresh
 * workbook (exceljs's streaming writer), whose sheet parts are then merged into the user's
 * package (./mergePackage.ts), which touches only the workbook-level parts. The user's sheets
 * come through byte for byte, with whatever they hold, and a ledger of 100,000 rows costs no
 * more to write than one of ten.
 *
 * A generated tab is recognised only by a workbook-level defined name, markerName(key),
 * pointing at it — never by the tab's name. Regenerating removes the tabs those names point
 * at and adds fresh ones; a user's sheet that carries a summary's name is left alone and the
 * new tab takes another name (汇总-分层(2)).
 *
 * exceljs cannot write charts: a table's chart (a column chart of the tab's own cells) is
 * written as DrawingML parts of its own (./chartPart.ts) once the tab has its part name in the
 * output package.
 */
import { quoteSheet, sheetOfReference } from "../ledger/cellRef";
import * as fs from "node:fs";
import * as path from "node:path";
import { PassThrough } from "node:stream";
import type ExcelJS from "exceljs";
import type JSZip from "jszip";
import { freeSheetName, layoutSummary } from "../host/summaryLayout";
import { CellFormat, GENERATED_MARKER_PREFIX, SummaryTable } from "../summaries/model";
import { plainCellValue } from "./cellValue";
import { addChartToSheet, chartOfLayout, SheetChart } from "./chartPart";
import { AddedSheet, MergeRequest, mergeRenderedSheets, openPackage, PackageError, RawDefinedName, WorkbookPackage } from "./mergePackage";
import { NUMBER_FORMATS } from "./numberFormats";
import { decodeXml, encodeXml, parseAttributes } from "./ooxml";
import { describeFileError } from "./fileErrors";
import { MacroOutcome, MacroSheetsError, matchPackageToKind, OutputKind, outputKindOf } from "./macros";
import { keepStoredParts, orderWorkbookFirst, writePackage } from "./package";
import { assertXlsx, WorkbookFileError } from "./readWorkbook";

// exceljs and JSZip take most of a second to load: only the commands that write load them
// (`bangfu check` starts without them).
function exceljs(): typeof ExcelJS {
  return require("exceljs") as typeof ExcelJS;
}
function jszip(): typeof JSZip {
  return require("jszip") as typeof JSZip;
}

// Re-exported for the tests and callers that knew them here.
export { quoteSheet, sheetOfReference } from "../ledger/cellRef";
export type { RawDefinedName } from "./mergePackage";

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

export { NUMBER_FORMATS } from "./numberFormats";

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
}

export interface WriteResult {
  readonly outputPath: string;
  readonly tabs: readonly WrittenTab[];
  /** Names of previously generated tabs that were removed (and replaced). */
  readonly replaced: readonly string[];
  /** Markers found pointing at a sheet that was kept anyway (the ledger itself); the marker was dropped. */
  readonly ignoredMarkers: readonly string[];
  /** The input's VBA macros: none, kept (.xlsm output) or dropped (.xlsx output). */
  readonly macros: MacroOutcome;
}

/**
 * Copy the workbook at `inputPath` to `outputPath` with the tables as tabs; the input file is
 * never written. Tabs generated before (by marker) for the same keys are replaced.
 */
export async function writeSummaryWorkbook(inputPath: string, outputPath: string, tables: readonly TabTable[]): Promise<WriteResult> {
  const kind = await checkOutputPath(outputPath);
  await assertXlsx(inputPath);
  await assertOutputIsNotInput(inputPath, outputPath);
  const unreadable = (error: unknown) =>
    new WorkbookFileError(`无法读取文件 ${inputPath}：${(error as Error).message}。文件可能已损坏，或不是 Excel 2007 及以上版本的 .xlsx 文件。`, error);
  let user: WorkbookPackage;
  try {
    user = await openPackage(await jszip().loadAsync(await fs.promises.readFile(inputPath)));
  } catch (error) {
    throw unreadable(error);
  }
  const removal = planRemoval(user, tables);
  const remaining = user.sheets.filter((_, i) => !removal.remove.has(i)).map((s) => s.name);
  const rendered = await renderTabs(tables, remaining, user.date1904);
  let added: readonly AddedSheet[];
  try {
    added = await mergeRenderedSheets(user, await openPackage(rendered.zip), removal);
  } catch (error) {
    if (error instanceof PackageError) throw unreadable(error);
    throw error;
  }
  await addCharts(user.zip, added, rendered.charts);
  let macros: MacroOutcome;
  try {
    macros = await matchPackageToKind(user.zip, user.workbookPart, kind);
  } catch (error) {
    if (!(error instanceof MacroSheetsError)) throw error;
    throw new SummaryWriteError(`${inputPath} 含 ${error.sheets} 张 Excel 4.0 宏表，写成 .xlsx 会丢失这些表：请用 -o 指定 .xlsm 输出文件，例如 ${suggestedOutput(inputPath)}`);
  }
  await savePackage(user.zip, outputPath);
  return { outputPath, tabs: rendered.tabs, replaced: removal.replaced, ignoredMarkers: removal.ignoredMarkers, macros };
}

/** Write the tables into a new workbook (e.g. the street ranking, which has no source workbook). */
export async function writeNewSummaryWorkbook(outputPath: string, tables: readonly TabTable[], refuse: readonly string[] = []): Promise<WriteResult> {
  const kind = await checkOutputPath(outputPath);
  for (const input of refuse) await assertOutputIsNotInput(input, outputPath);
  const rendered = await renderTabs(tables, [], false);
  const opened = await openPackage(rendered.zip);
  const sheets = opened.sheets.flatMap((s) => (s.part === null ? [] : [{ name: s.name, part: s.part }]));
  await addCharts(rendered.zip, sheets, rendered.charts);
  await matchPackageToKind(rendered.zip, opened.workbookPart, kind);
  await savePackage(rendered.zip, outputPath);
  return { outputPath, tabs: rendered.tabs, replaced: [], ignoredMarkers: [], macros: "none" };
}

// ---------------------------------------------------------------- the output file

/**
 * Check an output path before any work is done: it must end in .xlsx or .xlsm (the output is
 * a workbook, whatever the name says), its folder must exist, and it must not be a folder or
 * anything but a regular file. Returns the output kind.
 */
export async function checkOutputPath(outputPath: string): Promise<OutputKind> {
  const kind = outputKindOf(outputPath);
  if (kind === null) {
    throw new SummaryWriteError(`输出文件名 ${outputPath} 应以 .xlsx 结尾（台账含宏时也可用 .xlsm）：BANGFU 写出的是 Excel 工作簿。如需 CSV 等格式，请在 Excel 或 WPS 中打开后另存为`);
  }
  const dir = path.dirname(path.resolve(outputPath));
  const stat = await fs.promises.stat(outputPath).catch(() => null);
  if (stat?.isDirectory()) throw new SummaryWriteError(`无法写出 ${outputPath}：这是一个文件夹。请给出文件名，例如 ${path.join(outputPath, `汇总.${kind}`)}`);
  if (stat && !stat.isFile()) throw new SummaryWriteError(`无法写出 ${outputPath}：它不是普通文件（可能是设备或管道），请换一个文件名`);
  const dirStat = await fs.promises.stat(dir).catch(() => null);
  if (!dirStat?.isDirectory()) throw new SummaryWriteError(`无法写出 ${outputPath}：文件夹 ${dir} 不存在`);
  return kind;
}

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

/**
 * Write next to the output first and rename, so a failed write never leaves half a file. The
 * workbook part goes first in the zip, as Excel stores it (./package.ts).
 */
async function savePackage(zip: JSZip, outputPath: string): Promise<void> {
  orderWorkbookFirst(zip);
  keepStoredParts(zip);
  const dir = path.dirname(path.resolve(outputPath));
  const temp = path.join(dir, `.${path.basename(outputPath)}.${process.pid}.tmp`);
  const release = removeOnSignal(temp);
  try {
    await writePackage(zip, temp);
    await fs.promises.rename(temp, outputPath);
  } catch (error) {
    await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== "string") {
      // Not the file system: JSZip inflating a damaged part of the input. The detail stays for whoever maintains BANGFU.
      throw new SummaryWriteError(`无法写出 ${outputPath}：复制输入文件的内容时出错，输入文件可能已损坏。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试（技术信息：${(error as Error).message}）`);
    }
    throw new SummaryWriteError(`无法写出 ${outputPath}：${code === "ENOENT" ? `文件夹 ${dir} 不存在` : describeFileError(error)}`);
  } finally {
    release();
  }
}

// Temporary files being written. Ctrl+C (SIGINT), a closed terminal (SIGHUP) or SIGTERM would
// otherwise leave a hidden half-written .tmp beside the output: remove them, then die of the
// same signal as the process would have without this handler.
const pendingTemps = new Set<string>();
const STOP_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

function onStopSignal(signal: NodeJS.Signals): void {
  for (const temp of pendingTemps) fs.rmSync(temp, { force: true });
  pendingTemps.clear();
  for (const s of STOP_SIGNALS) process.removeListener(s, onStopSignal);
  process.kill(process.pid, signal);
}

function removeOnSignal(temp: string): () => void {
  if (pendingTemps.size === 0) for (const s of STOP_SIGNALS) process.on(s, onStopSignal);
  pendingTemps.add(temp);
  return () => {
    pendingTemps.delete(temp);
    if (pendingTemps.size === 0) for (const s of STOP_SIGNALS) process.removeListener(s, onStopSignal);
  };
}

// ---------------------------------------------------------------- markers

interface Removal extends MergeRequest {
  /** Names of the tabs removed, in workbook order. */
  readonly replaced: string[];
  readonly ignoredMarkers: string[];
}

/**
 * What regenerating these tables removes: the sheets the workbook-level markers of their keys
 * point at (never the source sheet itself), those markers, and markers left pointing at no
 * sheet. Markers of other keys and sheet-level copies of markers are the user's and stay.
 */
function planRemoval(user: WorkbookPackage, tables: readonly TabTable[]): Removal {
  const regenerated = new Set(tables.map((t) => generatedMarker(t.key)));
  const protectedSheets = new Set(tables.map((t) => t.meta.sourceSheet));
  const remove = new Set<number>();
  const ignoredMarkers: string[] = [];
  const dropNames = new Set<RawDefinedName>();
  const indexOf = (name: string) => {
    const exact = user.sheets.findIndex((s) => s.name === name);
    return exact !== -1 ? exact : user.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
  };
  for (const n of user.names) {
    if (!n.name.startsWith(GENERATED_MARKER_PREFIX) || n.localSheetId !== null) continue;
    const sheetName = sheetOfReference(n.formula);
    const index = sheetName === null ? -1 : indexOf(sheetName);
    if (index === -1) {
      dropNames.add(n); // a stale marker: its tab was deleted by hand
      continue;
    }
    if (!regenerated.has(n.name)) continue;
    dropNames.add(n);
    const sheet = user.sheets[index];
    if (protectedSheets.has(sheet.name)) ignoredMarkers.push(`${n.name} → ${sheet.name}`);
    else remove.add(index);
  }
  const replaced = [...remove].sort((a, b) => a - b).map((i) => user.sheets[i].name);
  return { remove, dropNames, replaced, ignoredMarkers };
}

// ---------------------------------------------------------------- rendering

interface RenderedTabs {
  /** A package holding only the tabs, with their markers and print titles. */
  readonly zip: JSZip;
  readonly tabs: WrittenTab[];
  /** The tabs' charts, by tab name, to add once the tabs have their parts in the output package. */
  readonly charts: ReadonlyMap<string, SheetChart>;
}

/** Each chart onto its tab's part in the package. */
async function addCharts(zip: JSZip, sheets: readonly AddedSheet[], charts: ReadonlyMap<string, SheetChart>): Promise<void> {
  for (const [name, chart] of charts) {
    const sheet = sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`internal: the tab ${name} of a chart is not in the package`);
    await addChartToSheet(zip, sheet.part, chart);
  }
}

/**
 * The tables as a workbook of their own, written by exceljs's streaming writer (row by row:
 * a list of 50,000 households costs little memory). Tab names avoid `taken`; dates are written
 * as serial numbers of the target workbook's date system.
 */
async function renderTabs(tables: readonly TabTable[], taken: readonly string[], date1904: boolean): Promise<RenderedTabs> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new (exceljs().stream.xlsx.WorkbookWriter)({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = "BANGFU";
  const names = [...taken];
  const tabs: WrittenTab[] = [];
  const charts = new Map<string, SheetChart>();
  for (const table of tables) {
    const { tab, chart } = addTab(workbook, table, names, date1904);
    names.push(tab.name);
    tabs.push(tab);
    if (chart) charts.set(tab.name, chart);
  }
  await workbook.commit();
  const zip = await jszip().loadAsync(Buffer.concat(chunks));
  await fixInternalHyperlinks(zip);
  await useInlineStrings(zip);
  return { zip, tabs, charts };
}

/**
 * exceljs's streaming writer writes text cells as t="str" (a formula's text result); write them
 * as Excel writes text it does not share: inline strings.
 */
async function useInlineStrings(zip: JSZip): Promise<void> {
  for (const part of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))) {
    const xml = await zip.file(part)!.async("string");
    zip.file(
      part,
      xml.replace(/<c\b([^>]*?)\st="str"([^>]*)>(?:<v>([^<]*)<\/v>|<v\/>)?<\/c>/g, (_, before: string, after: string, value: string | undefined) => {
        const text = value ?? "";
        const space = /^\s|\s$/.test(decodeXml(text)) ? ' xml:space="preserve"' : "";
        return `<c${before} t="inlineStr"${after}><is><t${space}>${text}</t></is></c>`;
      }),
    );
  }
}

// ---------------------------------------------------------------- a tab

/**
 * One tab, laid out as every host lays it out (src/host/summaryLayout.ts: meta line, notes, a
 * blank row, header, body, total), and its chart (under the table) as the chart part will
 * hold it. Rows are committed as they are written (the streaming writer then lets them go).
 */
function addTab(workbook: ExcelJS.Workbook, table: TabTable, taken: readonly string[], date1904: boolean): { tab: WrittenTab; chart: SheetChart | null } {
  const name = freeSheetName(table.title, taken);
  // Only the key's type differs (the ranking's key is not a SummaryKey); the layout copies it.
  const layout = layoutSummary(table as SummaryTable);
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
        cell.value = written instanceof Date ? excelDate(written, date1904) : written;
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
    ws.getRow(r).commit();
  }

  if (layout.filter) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, layout.lastBodyRow), column: layout.columnCount } };
  workbook.definedNames.add(`${quoteSheet(name)}!$A$1`, generatedMarker(table.key));
  ws.commit();
  return { tab: { key: table.key, name, title: table.title, renamed: name !== table.title }, chart: chartOfLayout(layout, name, date1904) };
}

/** A date as the serial number a cell holds, in the 1900 or the 1904 date system. */
function excelDate(date: Date, date1904: boolean): number {
  return (date.getTime() - (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / 86_400_000;
}

/** A grid value as Excel should hold it: ISO dates in a date cell as dates. */
function cellValue(value: string | number | null, format: CellFormat): string | number | Date | null {
  if (typeof value === "string" && format === "date") {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (iso) return new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
  }
  return value;
}

// ---------------------------------------------------------------- repairs of what exceljs writes

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
      const target = a.get("Target") ?? "";
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

// ---------------------------------------------------------------- loading (to read a workbook back)

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
  const pkg = await openPackage(await jszip().loadAsync(xlsx));
  const workbook = new (exceljs().Workbook)();
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
