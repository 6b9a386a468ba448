/**
 * A workbook with the summary tabs added, host-neutral: the command line (./writeSummaries.ts,
 * which adds file I/O) and the offline page (in its worker) both build the output here, so both
 * write the same workbook.
 *
 * The user's workbook is never parsed sheet by sheet: the tabs are rendered on their own
 * (./renderTabs.ts) and merged into the user's package (./mergePackage.ts), which touches only
 * the workbook-level parts. The user's sheets come through byte for byte, with whatever they hold,
 * and a ledger of 100,000 rows costs no more to write than one of ten.
 *
 * A generated tab is recognised only by a workbook-level defined name, markerName(key),
 * pointing at it — never by the tab's name. Regenerating removes the tabs those names point
 * at and adds fresh ones; a user's sheet that carries a summary's name is left alone and the
 * new tab takes another name (汇总-分层(2)). A table's chart is added as DrawingML parts of its
 * own (./chartPart.ts) once the tab has its part name in the output package.
 */
import JSZip from "jszip";
import { sheetOfReference } from "../ledger/cellRef";
import { GENERATED_MARKER_PREFIX } from "../summaries/model";
import { addChartToSheet, SheetChart } from "./chartPart";
import { MacroOutcome, matchPackageToKind, OutputKind } from "./macros";
import { AddedSheet, MergeRequest, mergeRenderedSheets, openPackage, PackageError, RawDefinedName, WorkbookPackage } from "./mergePackage";
import { CONTENT_TYPES_PART } from "./ooxml";
import { orderWorkbookFirst, packageEntries } from "./package";
import { generatedMarker, MemoryCheck, renderTabs, TabTable, WrittenTab } from "./renderTabs";
import { defaultWriting, zipBytes, ZipWriting } from "./zipWriter";

export interface SummaryPackage {
  /** The output package; write it with packageBytes (browser) or a stream (Node). */
  readonly zip: JSZip;
  readonly tabs: readonly WrittenTab[];
  /** Names of previously generated tabs that were removed (and replaced). */
  readonly replaced: readonly string[];
  /** Markers found pointing at a sheet that was kept anyway (the ledger itself); the marker was dropped. */
  readonly ignoredMarkers: readonly string[];
  /** The input's VBA macros: none, kept (.xlsm output) or dropped (.xlsx output). */
  readonly macros: MacroOutcome;
}

/** The user's file is no package this program can add tabs to: a damaged zip, no workbook part… `cause` says what. */
export class UnreadablePackageError extends Error {
  override readonly cause: unknown;
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "UnreadablePackageError";
    this.cause = cause;
  }
}

/** The message for a file that cannot be read, naming it as the user knows it (a path, a file name). */
export function unreadableMessage(label: string, error: UnreadablePackageError): string {
  return `无法读取文件 ${label}：${error.message}。文件可能已损坏，或不是 Excel 2007 及以上版本的 .xlsx 文件。`;
}

/** What a zip library accepts as a package: the file's bytes, or a browser Blob/File. */
export type PackageInput = Uint8Array | ArrayBuffer | Blob;

/**
 * The user's workbook with the tables added as tabs (tabs generated before for the same keys
 * replaced), as a package of `kind` (./macros.ts: an .xlsx loses the input's VBA project). The
 * input is only read. Throws UnreadablePackageError for a file that is no usable package, and
 * MacroSheetsError when an .xlsx is asked of a workbook with Excel 4.0 macro sheets.
 */
export async function addSummaryTabs(
  input: PackageInput,
  tables: readonly TabTable[],
  kind: OutputKind = "xlsx",
  checkMemory?: MemoryCheck,
): Promise<SummaryPackage> {
  let user: WorkbookPackage;
  try {
    user = await openPackage(await JSZip.loadAsync(input));
  } catch (error) {
    throw new UnreadablePackageError(error);
  }
  const removal = planRemoval(user, tables);
  const remaining = user.sheets.filter((_, i) => !removal.remove.has(i)).map((s) => s.name);
  const rendered = renderTabs(tables, remaining, user.date1904, checkMemory);
  let added: readonly AddedSheet[];
  try {
    added = await mergeRenderedSheets(user, rendered, removal);
  } catch (error) {
    if (error instanceof PackageError) throw new UnreadablePackageError(error);
    throw error;
  }
  await addCharts(user.zip, added, rendered.charts);
  const macros = await matchPackageToKind(user.zip, user.workbookPart, kind);
  prepareForWriting(user.zip);
  return { zip: user.zip, tabs: rendered.tabs, replaced: removal.replaced, ignoredMarkers: removal.ignoredMarkers, macros };
}

/** A new workbook holding only the tables (e.g. the street ranking, which has no source workbook). */
export async function newSummaryPackage(
  tables: readonly TabTable[],
  kind: OutputKind = "xlsx",
  checkMemory?: MemoryCheck,
): Promise<SummaryPackage> {
  const base = await openPackage(emptyWorkbook());
  const rendered = renderTabs(tables, [], false, checkMemory);
  const added = await mergeRenderedSheets(base, rendered, { remove: new Set(), dropNames: new Set() });
  await addCharts(base.zip, added, rendered.charts);
  await matchPackageToKind(base.zip, base.workbookPart, kind);
  prepareForWriting(base.zip);
  return { zip: base.zip, tabs: rendered.tabs, replaced: [], ignoredMarkers: [], macros: "none" };
}

/**
 * The package's bytes (in a browser or a worker; the command line streams it to a file instead):
 * new parts compressed by the platform's deflater, the user's unchanged parts copied as they were.
 */
export function packageBytes(zip: JSZip, writing: ZipWriting = defaultWriting()): Promise<Uint8Array> {
  return zipBytes(packageEntries(zip), writing);
}

/** The workbook part first, as Excel stores it (some streaming readers need that: ./package.ts). */
function prepareForWriting(zip: JSZip): void {
  orderWorkbookFirst(zip);
}

// ---------------------------------------------------------------- a new workbook

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * A workbook with no sheets yet and no styles part: the merge adds the tabs and their styles,
 * which become the workbook's.
 */
function emptyWorkbook(): JSZip {
  const zip = new JSZip();
  zip.file(
    CONTENT_TYPES_PART,
    XML_DECLARATION +
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ` +
      `ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default ` +
      `Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `</Types>`,
  );
  zip.file(
    "_rels/.rels",
    XML_DECLARATION +
      `<Relationships xmlns="${PACKAGE_RELS_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http:` +
      `//schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" ` +
      `Target="docProps/core.xml"/>` +
      `</Relationships>`,
  );
  zip.file(
    "docProps/core.xml",
    XML_DECLARATION +
      `<cp:coreProperties xmlns:cp="http:` +
      `//schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http:` +
      `//purl.org/dc/elements/1.1/">` +
      `<dc:creator>BANGFU</dc:creator></cp:coreProperties>`,
  );
  zip.file(
    "xl/workbook.xml",
    XML_DECLARATION +
      `<workbook xmlns="${MAIN_NS}" xmlns:` +
      `r="${REL_NS}"><workbookPr/><bookViews><workbookView/></bookViews><sheets/><calcPr ` +
      `calcId="191029"/></workbook>`,
  );
  zip.file("xl/_rels/workbook.xml.rels", XML_DECLARATION + `<Relationships xmlns="${PACKAGE_RELS_NS}"></Relationships>`);
  return zip;
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

/** Each chart onto its tab's part in the package. */
async function addCharts(zip: JSZip, sheets: readonly AddedSheet[], charts: ReadonlyMap<string, SheetChart>): Promise<void> {
  for (const [name, chart] of charts) {
    const sheet = sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`internal: the tab ${name} of a chart is not in the package`);
    await addChartToSheet(zip, sheet.part, chart);
  }
}
