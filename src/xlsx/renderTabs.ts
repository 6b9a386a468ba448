/**
 * Summary tabs as SpreadsheetML, written by hand: one worksheet part per table (cells as inline
 * strings and numbers, styles, number formats, the header frozen, column widths, A4 landscape one
 * page wide, the header row printed on every page, an AutoFilter where asked, links to the
 * ledger's cells), the styles part they use, and the defined names that mark them
 * (BANGFU_GENERATED_…) and set their print titles.
 *
 * The parts go into a user's package through ./mergePackage.ts, which appends these styles to the
 * user's and renumbers the cells' style indexes; a tab's chart is added afterwards
 * (./chartPart.ts). No Node API: the command line and the offline page write the same bytes.
 */
import { columnLetter, quoteSheet } from "../ledger/cellRef";
import { freeSheetName, layoutSummary, storedValue, SummaryLayout } from "../host/summaryLayout";
import { CellFormat, GENERATED_MARKER_PREFIX, SummaryTable } from "../summaries/model";
import { chartOfLayout, SheetChart } from "./chartPart";
import type { RawDefinedName } from "./mergePackage";
import { NUMBER_FORMATS } from "./numberFormats";
import { encodeXml, xmlText } from "./ooxml";

/**
 * A table as the writer takes it: a SummaryTable, or a table of the same shape whose key is
 * not (yet) a SummaryKey — the street ranking ("ranking").
 */
export type TabTable = Omit<SummaryTable, "key"> & { readonly key: string };

export interface WrittenTab {
  readonly key: string;
  /** The tab's name in the output: the table's title, or title(2)… when a user's sheet has that name. */
  readonly name: string;
  readonly title: string;
  /** The title was taken by a user's sheet, which was left as it was. */
  readonly renamed: boolean;
}

/**
 * A sheet part as pieces of XML, in order: never joined into one string (a findings tab of
 * 1,048,576 ledger rows is ~500 MB of XML, near V8's largest string), nor held as pieces, but
 * made and encoded piece by piece (./ooxml.ts utf8OfPieces). No element spans two pieces.
 */
export interface RenderedSheet {
  readonly name: string;
  /**
   * The part's pieces, made as they are iterated (each call starts again). `xfMap`: the styles part
   * the tab is written with is merged into the workbook's (./mergeStyles.ts): a cell's style index in
   * the rendered styles → its index in the merged ones (an index the map lacks becomes 0).
   */
  readonly pieces: (xfMap?: readonly number[]) => Iterable<string>;
}

/** The rendered tabs, ready to merge: sheet parts in tab order, their styles part and defined names. */
export interface RenderedSheets {
  readonly sheets: readonly RenderedSheet[];
  /** A whole styles part (no namespace prefix) whose first entries are the defaults every styles part starts with. */
  readonly stylesXml: string;
  /** Markers first, then print titles; localSheetId counts among the rendered sheets. */
  readonly names: readonly RawDefinedName[];
}

export interface RenderedTabs extends RenderedSheets {
  readonly tabs: readonly WrittenTab[];
  /** The tabs' charts, by tab name, to add once the tabs have their parts in the output package. */
  readonly charts: ReadonlyMap<string, SheetChart>;
}

/** The marker of a generated tab: the same name as markerName(key), for any table key. */
export function generatedMarker(key: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(key)) throw new Error(`summary key "${key}" cannot make a defined name`);
  return `${GENERATED_MARKER_PREFIX}${key.toUpperCase()}`;
}

/**
 * Called every MEMORY_CHECK_ROWS rows while the tabs are rendered and encoded: the command line's
 * throws with a message when node's heap is nearly full (a V8 abort would lose it); the page's does nothing.
 */
export type MemoryCheck = () => void;
export const MEMORY_CHECK_ROWS = 4096;

/** Colours of the generated tabs (ARGB). */
export const HEADER_FILL = "FFDDEBF7";
export const TOTAL_FILL = "FFF2F2F2";
const META_COLOUR = "FF595959";
const NOTE_COLOUR = "FF9C5700";
const LINK_COLOUR = "FF0563C1";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Render the tables as tabs. Tab names avoid `taken` (the user's sheets kept); dates become serial
 * numbers of the target workbook's date system.
 */
export function renderTabs(
  tables: readonly TabTable[],
  taken: readonly string[],
  date1904: boolean,
  checkMemory: MemoryCheck = () => undefined,
): RenderedTabs {
  const styles = new StyleBook();
  const names = [...taken];
  const sheets: RenderedSheet[] = [];
  const tabs: WrittenTab[] = [];
  const charts = new Map<string, SheetChart>();
  const markers: RawDefinedName[] = [];
  const printTitles: RawDefinedName[] = [];
  tables.forEach((table, index) => {
    const name = freeSheetName(table.title, names);
    names.push(name);
    // Only the key's type differs (the ranking's key is not a SummaryKey); the layout copies it.
    const layout = layoutSummary(table as SummaryTable);
    sheets.push({ name, pieces: sheetXml(layout, styles, date1904, checkMemory) });
    tabs.push({ key: table.key, name, title: table.title, renamed: name !== table.title });
    markers.push(definedName(generatedMarker(table.key), null, `${quoteSheet(name)}!$A$1`));
    printTitles.push(definedName("_xlnm.Print_Titles", index, `${quoteSheet(name)}!$${layout.headerRow}:$${layout.headerRow}`));
    const chart = chartOfLayout(layout, name, date1904);
    if (chart) charts.set(name, chart);
  });
  return { sheets, stylesXml: styles.xml(), names: [...markers, ...printTitles], tabs, charts };
}

function definedName(name: string, localSheetId: number | null, formula: string): RawDefinedName {
  const scope = localSheetId === null ? "" : ` localSheetId="${localSheetId}"`;
  return { name, localSheetId, formula, xml: `<definedName name="${encodeXml(name)}"${scope}>${encodeXml(formula)}</definedName>` };
}

// ---------------------------------------------------------------- a tab

function inlineString(text: string): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<is><t${space}>${xmlText(text)}</t></is>`;
}

/** Which kind of row a cell is in: its style follows from that, its format, boldness and link. */
const ROW_KINDS = ["meta", "note", "header", "body", "total", "other"] as const;
type RowKind = (typeof ROW_KINDS)[number];

/** The number formats by a small code; text (no number format) is 0, as a blank is. */
const FORMATS = Object.keys(NUMBER_FORMATS) as CellFormat[];
const FORMAT_CODES = Object.fromEntries(FORMATS.map((f) => [f, NUMBER_FORMATS[f] === undefined ? 0 : FORMATS.indexOf(f)])) as Record<
  CellFormat,
  number
>;

function rowKindOf(layout: SummaryLayout, r: number): RowKind {
  if (r === layout.metaRow) return "meta";
  if (layout.noteRows.includes(r)) return "note";
  if (r === layout.headerRow) return "header";
  if (r === layout.totalRow) return "total";
  return r >= layout.firstBodyRow && r <= layout.lastBodyRow ? "body" : "other";
}

/** A cell's style; one per distinct (row kind, link, bold, number format), so sheetXml asks once each. */
function cellStyle(kind: RowKind, link: boolean, bold: boolean, numFmt: string | undefined): CellStyle {
  const style: CellStyle = {};
  if (link) style.font = { underline: true, colour: LINK_COLOUR, bold };
  if (kind === "meta") style.font = { size: 9, colour: META_COLOUR };
  else if (kind === "note") style.font = { size: 9, colour: NOTE_COLOUR };
  else if (kind === "header") {
    style.font = { bold: true };
    style.fill = HEADER_FILL;
    style.alignment = "header";
    style.border = "bottom";
  } else if (kind === "body" || kind === "total") {
    if (numFmt) style.numFmt = numFmt;
    if (bold && !link) style.font = { bold: true };
    if (kind === "total") {
      style.fill = TOTAL_FILL;
      style.border = "top";
    }
  }
  return style;
}

/**
 * One tab, laid out as every host lays it out (src/host/summaryLayout.ts: meta line, notes, a
 * blank row, header, body, total), as the part's pieces, made when they are asked for: a findings
 * tab of 1,048,576 ledger rows is ~500 MB of XML, which as strings held at once did not fit in a
 * 2 GB heap. The cells' styles are added to the style book first, in the order the cells come, so
 * that the styles part is whole before any piece is made. Rows without a cell are left out. Per
 * cell only its own text is built: column letters, links by position and style indexes are looked
 * up (a findings tab of 100,000 rows has half a million cells).
 */
function sheetXml(
  layout: SummaryLayout,
  styles: StyleBook,
  date1904: boolean,
  checkMemory: MemoryCheck,
): (xfMap?: readonly number[]) => Generator<string> {
  const { headerRow, columnCount } = layout;
  const links = new Map(layout.links.map((l) => [l.row * (columnCount + 1) + l.column, l]));
  /**
   * A cell's style as a small number: its row kind, link, boldness and number format (a blank has
   * none), or -1 for a cell left out (a blank outside the header and total rows).
   */
  const styleKey = (kind: RowKind, r: number, c: number): number => {
    const raw = layout.values[r - 1][c - 1];
    if (raw === null && kind !== "total" && kind !== "header") return -1;
    const link = links.size > 0 && links.has(r * (columnCount + 1) + c) ? 1 : 0;
    const format = raw === null ? 0 : FORMAT_CODES[layout.formats[r - 1][c - 1]];
    return ((ROW_KINDS.indexOf(kind) * 2 + link) * 2 + (layout.bold[r - 1][c - 1] ? 1 : 0)) * FORMATS.length + format;
  };
  const xfOf: number[] = [];
  for (let r = 1; r <= layout.rowCount; r++) {
    const kind = rowKindOf(layout, r);
    for (let c = 1; c <= columnCount; c++) {
      const key = styleKey(kind, r, c);
      if (key < 0 || xfOf[key] !== undefined) continue;
      const raw = layout.values[r - 1][c - 1];
      const numFmt = raw !== null ? NUMBER_FORMATS[layout.formats[r - 1][c - 1]] : undefined;
      xfOf[key] = styles.xf(cellStyle(kind, links.has(r * (columnCount + 1) + c), layout.bold[r - 1][c - 1], numFmt));
    }
  }

  return function* pieces(xfMap?: readonly number[]) {
    // The s= attribute of each style key, in the workbook's indexes; the default style (0) is written as none.
    const styleAttributes = xfOf.map((xf) => (xf === 0 ? "" : ` s="${xfMap ? (xfMap[xf] ?? 0) : xf}"`));
    const letters = Array.from({ length: columnCount }, (_, i) => columnLetter(i + 1));
    const linkElements: string[] = [];
    const lastColumn = columnLetter(columnCount);
    const firstBody = `A${headerRow + 1}`;
    // The part's pieces: the start, a row each, the end.
    yield XML_DECLARATION;
    yield `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
    yield `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`;
    yield `<dimension ref="A1:${lastColumn}${layout.rowCount}"/>`;
    yield (
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" ` +
      `topLeftCell="${firstBody}" activePane="bottomLeft" state="frozen"/>`
    );
    yield `<selection pane="bottomLeft" activeCell="${firstBody}" sqref="${firstBody}"/></sheetView></sheetViews>`;
    yield `<sheetFormatPr defaultRowHeight="15"/>`;
    yield colsXml(layout.widths);
    yield `<sheetData>`;
    for (let r = 1; r <= layout.rowCount; r++) {
      if (r % MEMORY_CHECK_ROWS === 0) checkMemory();
      const kind = rowKindOf(layout, r);
      const values = layout.values[r - 1];
      let cells = "";
      for (let c = 1; c <= columnCount; c++) {
        const key = styleKey(kind, r, c);
        if (key < 0) continue;
        const raw = values[c - 1];
        const link = links.size > 0 ? links.get(r * (columnCount + 1) + c) : undefined;
        const address = `${letters[c - 1]}${r}`;
        let value = storedValue(raw, layout.formats[r - 1][c - 1], date1904);
        if (link) {
          // A link shows text: its value, or the target cell when it has none (or holds a date).
          value = value === null || value !== raw ? link.cell : String(value);
          linkElements.push(`<hyperlink ref="${address}" location="${encodeXml(`${quoteSheet(link.sheet)}!${link.cell}`)}"/>`);
        }
        const sAttr = styleAttributes[key];
        if (value === null) cells += `<c r="${address}"${sAttr}/>`;
        else if (typeof value === "number") cells += `<c r="${address}"${sAttr}><v>${value}</v></c>`;
        else cells += `<c r="${address}"${sAttr} t="inlineStr">${inlineString(value)}</c>`;
      }
      if (cells !== "") yield `<row r="${r}">${cells}</row>`;
    }
    yield `</sheetData>`;
    if (layout.filter) yield `<autoFilter ref="A${headerRow}:${lastColumn}${Math.max(headerRow, layout.lastBodyRow)}"/>`;
    if (linkElements.length > 0) {
      yield `<hyperlinks>`;
      yield* linkElements;
      yield `</hyperlinks>`;
    }
    yield `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
    // Summaries go upward on paper: A4 landscape, all columns on one page width.
    yield `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`;
    yield `</worksheet>`;
  };
}

/** Column widths in characters, runs of equal widths as one <col>. */
function colsXml(widths: readonly number[]): string {
  if (widths.length === 0) return "";
  const cols: string[] = [];
  let start = 0;
  for (let i = 1; i <= widths.length; i++) {
    if (i < widths.length && widths[i] === widths[start]) continue;
    cols.push(`<col min="${start + 1}" max="${i}" width="${widths[start]}" customWidth="1"/>`);
    start = i;
  }
  return `<cols>${cols.join("")}</cols>`;
}

// ---------------------------------------------------------------- styles

interface FontStyle {
  readonly bold?: boolean;
  readonly underline?: boolean;
  /** Points. */
  readonly size?: number;
  /** ARGB. */
  readonly colour?: string;
}

interface CellStyle {
  font?: FontStyle;
  /** Solid fill, ARGB. */
  fill?: string;
  /** A thin line above or below. */
  border?: "top" | "bottom";
  /** The header's: centred both ways, wrapped. */
  alignment?: "header";
  /** A number format code (NUMBER_FORMATS). */
  numFmt?: string;
}

/** Excel's built-in number formats by code: these are referred to by id, not written. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = { "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
const FIRST_CUSTOM_NUMFMT = 164;

/**
 * The distinct fonts, fills, borders, number formats and cell formats the tabs use, each written
 * once. The first entries are the defaults every styles part starts with (the merge maps them onto
 * the user's own defaults): font 0, fills none and gray125, border 0, cell format 0.
 */
class StyleBook {
  private readonly fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private readonly numFmts = new Map<string, number>();
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  /** The cell format index of a style (0 for none). */
  xf(style: CellStyle): number {
    const fontId = style.font ? indexIn(this.fonts, fontXml(style.font)) : 0;
    const fillId = style.fill
      ? indexIn(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${style.fill}"/></patternFill></fill>`)
      : 0;
    const borderId = style.border ? indexIn(this.borders, borderXml(style.border)) : 0;
    const numFmtId = style.numFmt ? this.numFmtId(style.numFmt) : 0;
    const applies = [
      numFmtId ? ' applyNumberFormat="1"' : "",
      style.font ? ' applyFont="1"' : "",
      style.fill ? ' applyFill="1"' : "",
      style.border ? ' applyBorder="1"' : "",
      style.alignment ? ' applyAlignment="1"' : "",
    ].join("");
    if (applies === "") return 0;
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    return indexIn(
      this.xfs,
      style.alignment ? `${head}><alignment horizontal="center" vertical="center" wrapText="1"/></xf>` : `${head}/>`,
    );
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_NUMFMT + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  /** The styles part (no namespace prefix, as ./mergeStyles.ts reads a rendered one). */
  xml(): string {
    const section = (name: string, items: readonly string[]) => `<${name} count="${items.length}">${items.join("")}</${name}>`;
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${encodeXml(code)}"/>`);
    return (
      XML_DECLARATION +
      `<styleSheet xmlns="${MAIN_NS}">` +
      (numFmts.length > 0 ? section("numFmts", numFmts) : "") +
      section("fonts", this.fonts) +
      section("fills", this.fills) +
      section("borders", this.borders) +
      section("cellStyleXfs", ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']) +
      section("cellXfs", this.xfs) +
      section("cellStyles", ['<cellStyle name="Normal" xfId="0" builtinId="0"/>']) +
      `</styleSheet>`
    );
  }
}

function indexIn(list: string[], xml: string): number {
  const found = list.indexOf(xml);
  if (found !== -1) return found;
  list.push(xml);
  return list.length - 1;
}

/** Only what the style sets: the rest (name, size) comes from the workbook's default font. */
function fontXml(font: FontStyle): string {
  return `<font>${font.bold ? "<b/>" : ""}${font.underline ? "<u/>" : ""}${font.size ? `<sz val="${font.size}"/>` : ""}${font.colour ? `<color rgb="${font.colour}"/>` : ""}</font>`;
}

function borderXml(side: "top" | "bottom"): string {
  return `<border><left/><right/>${side === "top" ? '<top style="thin"/>' : "<top/>"}${side === "bottom" ? '<bottom style="thin"/>' : "<bottom/>"}<diagonal/></border>`;
}
