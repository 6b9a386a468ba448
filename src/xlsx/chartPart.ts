/**
 * A summary tab's chart as DrawingML, written into the package by hand (exceljs cannot write
 * charts): a chart part (xl/charts/chartN.xml), the drawing part that places it on the tab
 * (xl/drawings/drawingN.xml, one twoCellAnchor graphicFrame), the relationships sheet → drawing
 * → chart and their content-type overrides.
 *
 * The chart refers to the tab's own cells (c:f) and carries their values (c:strCache,
 * c:numCache), so a viewer that does not recalculate still draws it. It is a column chart,
 * stacked or clustered as the table's ChartSpec says, titled, with a legend below, placed under
 * the table (one blank row between), so it never covers a cell of the table.
 *
 * Part names are the first free chartN / drawingN of the package: a user's own charts and
 * drawings are never renamed or rewritten. When a generated tab is regenerated, the merge
 * removes its sheet and the parts only it reached (this drawing and chart) first.
 *
 * Host-neutral (no Node API): the browser page writes the same workbook with this code.
 */
import type JSZip from "jszip";
import type { GridValue, SummaryLayout } from "../host/summaryLayout";
import { columnLetter, quoteSheet } from "../ledger/cellRef";
import type { ChartSpec } from "../summaries/model";
import { NUMBER_FORMATS } from "./numberFormats";
import {
  addOverride,
  CONTENT_TYPES_PART,
  encodeXml,
  folderOf,
  parseRelationships,
  prefixOf,
  relativeTarget,
  relsPathOf,
  rootPrefix,
  xmlText,
} from "./ooxml";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const DRAWINGML_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const SPREADSHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
export const DRAWING_REL = `${REL_NS}/drawing`;
export const CHART_REL = `${REL_NS}/chart`;
export const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Series colours: the accent colours of Office's default theme in order, which Excel (and so
 * the add-in's chart) gives series one after another. Written out, so every viewer shows them.
 */
export const SERIES_COLOURS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"] as const;
const GRIDLINE_COLOUR = "D9D9D9";

/** Screen measures Excel uses for the default font (Calibri 11): a character of column width, a default column. */
const PX_PER_CHARACTER = 7;
const DEFAULT_COLUMN_PX = 64;
const EMU_PER_PX = 9525;
/** The chart's size: as wide as the table, within these bounds; CHART_ROWS default rows tall. */
const MIN_CHART_PX = 520;
const PX_PER_CATEGORY = 60;
const CHART_ROWS = 20;

/** A cell of the sheet grid, 0-based, with an offset into it in EMU (as xdr:from / xdr:to hold them). */
export interface AnchorCell {
  readonly column: number;
  readonly columnOffset: number;
  readonly row: number;
  readonly rowOffset: number;
}

export interface ChartSeries {
  readonly name: string;
  /** The header cell naming the series, e.g. '汇总-分层'!$E$6. */
  readonly nameRef: string;
  /** The series' cells, e.g. '汇总-分层'!$E$7:$E$12. */
  readonly valuesRef: string;
  /** The cells' values as the tab holds them (null for a blank or a text such as "—"). */
  readonly values: readonly (number | null)[];
  readonly formatCode: string;
}

/** Everything the chart part and its drawing need, taken from a laid-out tab. */
export interface SheetChart {
  readonly kind: ChartSpec["kind"];
  readonly title: string;
  readonly categoriesRef: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly from: AnchorCell;
  readonly to: AnchorCell;
  /** The workbook counts dates from 1904. */
  readonly date1904: boolean;
}

/** The chart of a laid-out tab named `sheetName`, or null when the tab has none. */
export function chartOfLayout(layout: SummaryLayout, sheetName: string, date1904 = false): SheetChart | null {
  const placement = layout.chart;
  if (!placement) return null;
  const sheet = quoteSheet(sheetName);
  const range = (column: number) => {
    const letter = columnLetter(column);
    return `${sheet}!$${letter}$${placement.firstRow}:$${letter}$${placement.lastRow}`;
  };
  const cells = (column: number): GridValue[] => {
    const out: GridValue[] = [];
    for (let r = placement.firstRow; r <= placement.lastRow; r++) out.push(layout.values[r - 1]?.[column - 1] ?? null);
    return out;
  };
  const categories = cells(placement.categoryColumn).map((v) => (v === null ? "" : String(v)));
  const series = placement.seriesColumns.map((column, i): ChartSeries => ({
    name: placement.seriesNames[i],
    nameRef: `${sheet}!$${columnLetter(column)}$${layout.headerRow}`,
    valuesRef: range(column),
    values: cells(column).map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null)),
    formatCode: formatCodeOf(layout, column),
  }));
  const { from, to } = placeBelow(layout, categories.length);
  return {
    kind: placement.kind,
    title: placement.title,
    categoriesRef: range(placement.categoryColumn),
    categories,
    series,
    from,
    to,
    date1904,
  };
}

/** The number format of a series column: that of its first number cell ("—" cells are text). */
function formatCodeOf(layout: SummaryLayout, column: number): string {
  const placement = layout.chart!;
  for (let r = placement.firstRow; r <= placement.lastRow; r++) {
    const format = layout.formats[r - 1]?.[column - 1];
    if (format !== undefined && format !== "text") return NUMBER_FORMATS[format] ?? "General";
  }
  return "General";
}

/**
 * Under the table with one blank row between, from column A: as wide as the table (at least
 * MIN_CHART_PX, and no wider than its categories need), CHART_ROWS rows tall.
 */
function placeBelow(layout: SummaryLayout, categoryCount: number): { from: AnchorCell; to: AnchorCell } {
  const columnPx = (c: number) => (c < layout.widths.length ? Math.round(layout.widths[c] * PX_PER_CHARACTER) : DEFAULT_COLUMN_PX);
  let tablePx = 0;
  for (let c = 0; c < layout.columnCount; c++) tablePx += columnPx(c);
  const width = Math.max(MIN_CHART_PX, Math.min(tablePx, MIN_CHART_PX / 2 + PX_PER_CATEGORY * categoryCount));
  let column = 0;
  let left = width;
  while (left >= columnPx(column)) left -= columnPx(column++);
  // layout.rowCount is the table's last row (1-based); 0-based, +1 leaves one blank row.
  const top = layout.rowCount + 1;
  return {
    from: { column: 0, columnOffset: 0, row: top, rowOffset: 0 },
    to: { column, columnOffset: left * EMU_PER_PX, row: top + CHART_ROWS, rowOffset: 0 },
  };
}

// ---------------------------------------------------------------- the parts' XML

const val = (name: string, value: string | number) => `<c:${name} val="${value}"/>`;

function strCache(values: readonly string[]): string {
  return (
    `<c:` +
    `strCache>${val("ptCount", values.length)}${values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v)}</c:v></c:pt>`).join("")}</c:` +
    `strCache>`
  );
}

/** Numbers as a cache: blanks are left out (a gap), numbers written in full precision. */
function numCache(values: readonly (number | null)[], formatCode: string): string {
  const points = values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${String(v)}</c:v></c:pt>`)).join("");
  return `<c:numCache><c:formatCode>${encodeXml(formatCode)}</c:formatCode>${val("ptCount", values.length)}${points}</c:numCache>`;
}

function solidFill(colour: string): string {
  return `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>`;
}

/** Rich text of a title: the chart's title in 14 pt, not bold (as Excel titles a new chart). */
function titleXml(text: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="0"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="1400" b="0"/><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>${val("overlay", 0)}</c:title>`
  );
}

const CATEGORY_AXIS_ID = 500_100_001;
const VALUE_AXIS_ID = 500_100_002;

/** The chart part (c:chartSpace) of a column chart. */
export function chartSpaceXml(chart: SheetChart): string {
  const stacked = chart.kind === "stackedColumn";
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser>${val("idx", i)}${val("order", i)}` +
        `<c:tx><c:strRef><c:f>${encodeXml(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        `<c:spPr>${solidFill(SERIES_COLOURS[i % SERIES_COLOURS.length])}</c:spPr>${val("invertIfNegative", 0)}` +
        `<c:cat><c:strRef><c:f>${encodeXml(chart.categoriesRef)}</c:f>${strCache(chart.categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${encodeXml(s.valuesRef)}</c:f>${numCache(s.values, s.formatCode)}</c:numRef></c:val>` +
        `</c:ser>`,
    )
    .join("");
  const valueFormat = chart.series[0]?.formatCode ?? "General";
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWINGML_NS}" xmlns:r="${REL_NS}">` +
    `${val("date1904", chart.date1904 ? 1 : 0)}${val("lang", "zh-CN")}${val("roundedCorners", 0)}` +
    `<c:chart>${titleXml(chart.title)}${val("autoTitleDeleted", 0)}<c:plotArea><c:layout/>` +
    `<c:barChart>${val("barDir", "col")}${val("grouping", stacked ? "stacked" : "clustered")}${val("varyColors", 0)}${series}` +
    // Excel's own defaults for each kind: stacked bars overlap fully, clustered ones stand apart.
    `${val("gapWidth", stacked ? 150 : 219)}${val("overlap", stacked ? 100 : -27)}${val("axId", CATEGORY_AXIS_ID)}${val("axId", VALUE_AXIS_ID)}</c:` +
    `barChart>` +
    `<c:catAx>${val("axId", CATEGORY_AXIS_ID)}<c:scaling>${val("orientation", "minMax")}</c:` +
    `scaling>${val("delete", 0)}${val("axPos", "b")}` +
    `<c:numFmt formatCode="General" ` +
    `sourceLinked="1"/>${val("majorTickMark", "none")}${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}` +
    `${val("crossAx", VALUE_AXIS_ID)}${val("crosses", "autoZero")}${val("auto", 1)}${val("lblAlgn", "ctr")}${val("lblOffset", 100)}${val("noMultiLvlLbl", 0)}</c:` +
    `catAx>` +
    `<c:valAx>${val("axId", VALUE_AXIS_ID)}<c:scaling>${val("orientation", "minMax")}</c:scaling>${val("delete", 0)}${val("axPos", "l")}` +
    `<c:majorGridlines><c:spPr><a:ln w="9525">${solidFill(GRIDLINE_COLOUR)}</a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${encodeXml(valueFormat)}" ` +
    `sourceLinked="1"/>${val("majorTickMark", "none")}${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}` +
    `${val("crossAx", CATEGORY_AXIS_ID)}${val("crosses", "autoZero")}${val("crossBetween", "between")}</c:valAx>` +
    `</c:plotArea><c:legend>${val("legendPos", "b")}${val("overlay", 0)}</c:` +
    `legend>${val("plotVisOnly", 1)}${val("dispBlanksAs", "gap")}</c:chart>` +
    `</c:chartSpace>`
  );
}

function anchorCell(name: "from" | "to", cell: AnchorCell): string {
  return (
    `<xdr:${name}><xdr:col>${cell.column}</xdr:col><xdr:` +
    `colOff>${Math.round(cell.columnOffset)}</xdr:colOff><xdr:row>${cell.row}</xdr:row><xdr:` +
    `rowOff>${Math.round(cell.rowOffset)}</xdr:rowOff></xdr:${name}>`
  );
}

/** The drawing part: one graphic frame holding the chart of relationship `chartRelId`. */
export function drawingXml(chart: SheetChart, chartRelId: string): string {
  return (
    XML_DECLARATION +
    `<xdr:wsDr xmlns:xdr="${SPREADSHEET_DRAWING_NS}" xmlns:a="${DRAWINGML_NS}">` +
    `<xdr:twoCellAnchor>${anchorCell("from", chart.from)}${anchorCell("to", chart.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" ` +
    `name="${xmlText(chart.title)}" descr="${xmlText(chart.title)}"/><xdr:` +
    `cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:` +
    `r="${REL_NS}" r:id="${chartRelId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

// ---------------------------------------------------------------- into the package

/** Elements a worksheet may hold after <drawing>, in schema order (CT_Worksheet). */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** The first free part name stem1.xml, stem2.xml… (compared without regard to case, with its relationships part). */
function freePart(zip: JSZip, stem: string): string {
  const taken = new Set(Object.keys(zip.files).map((p) => p.toLowerCase()));
  for (let n = 1; ; n++) {
    const part = `${stem}${n}.xml`;
    if (!taken.has(part.toLowerCase()) && !taken.has(relsPathOf(part).toLowerCase())) return part;
  }
}

function relationshipsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return (
    XML_DECLARATION +
    `<Relationships ` +
    `xmlns="${PACKAGE_RELS_NS}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${encodeXml(r.target)}"/>`).join("")}</Relationships>`
  );
}

/**
 * Put the chart on the sheet whose part is `sheetPart` (a tab this program generated, which has
 * no drawing yet): adds the chart and drawing parts under free names, their relationships and
 * content types, and the sheet's <drawing> element. Returns the parts added.
 */
export async function addChartToSheet(zip: JSZip, sheetPart: string, chart: SheetChart): Promise<string[]> {
  const sheetEntry = zip.file(sheetPart);
  if (!sheetEntry) throw new Error(`internal: no sheet part ${sheetPart}`);
  let sheetXml = await sheetEntry.async("string");
  const prefix = rootPrefix(sheetXml, "worksheet");
  if (new RegExp(`<${prefix}drawing\\b`).test(sheetXml)) throw new Error(`internal: sheet ${sheetPart} already has a drawing`);

  // Beside the worksheets folder, as Excel puts them: xl/charts, xl/drawings.
  const base = folderOf(folderOf(sheetPart));
  const inBase = (name: string) => (base === "" ? name : `${base}/${name}`);
  const chartPart = freePart(zip, inBase("charts/chart"));
  zip.file(chartPart, chartSpaceXml(chart));
  const drawingPart = freePart(zip, inBase("drawings/drawing"));
  zip.file(drawingPart, drawingXml(chart, "rId1"));
  zip.file(
    relsPathOf(drawingPart),
    relationshipsXml([{ id: "rId1", type: CHART_REL, target: relativeTarget(folderOf(drawingPart), chartPart) }]),
  );

  const sheetRelsPath = relsPathOf(sheetPart);
  const sheetRelsXml = (await zip.file(sheetRelsPath)?.async("string")) ?? null;
  const existing = sheetRelsXml === null ? [] : parseRelationships(sheetRelsXml);
  const ids = new Set(existing.map((r) => r.id));
  let n = 1;
  while (ids.has(`rId${n}`)) n++;
  const drawingRelId = `rId${n}`;
  const drawingRel =
    `Relationship Id="${drawingRelId}" Type="${DRAWING_REL}" ` +
    `Target="${encodeXml(relativeTarget(folderOf(sheetPart), drawingPart))}"/>`;
  if (sheetRelsXml === null) {
    zip.file(
      sheetRelsPath,
      relationshipsXml([{ id: drawingRelId, type: DRAWING_REL, target: relativeTarget(folderOf(sheetPart), drawingPart) }]),
    );
  } else {
    const relsPrefix = rootPrefix(sheetRelsXml, "Relationships");
    const closing = new RegExp(`</${relsPrefix}Relationships>\\s*$`);
    const selfClosing = new RegExp(`<${relsPrefix}Relationships\\b([^>]*?)\\s*/>\\s*$`);
    const updated = closing.test(sheetRelsXml)
      ? sheetRelsXml.replace(closing, `<${relsPrefix}${drawingRel}</${relsPrefix}Relationships>`)
      : sheetRelsXml.replace(
          selfClosing,
          (_, attributes: string) => `<${relsPrefix}Relationships${attributes}><${relsPrefix}${drawingRel}</${relsPrefix}Relationships>`,
        );
    zip.file(sheetRelsPath, updated);
  }

  const r = prefixOf(sheetXml, REL_NS);
  const element =
    r === null ? `<${prefix}drawing xmlns:r="${REL_NS}" r:id="${drawingRelId}"/>` : `<${prefix}drawing ${r}:id="${drawingRelId}"/>`;
  sheetXml = insertBeforeFollowing(sheetXml, prefix, element);
  zip.file(sheetPart, sheetXml);

  let types = (await zip.file(CONTENT_TYPES_PART)?.async("string")) ?? "";
  types = addOverride(types, chartPart, CHART_TYPE);
  types = addOverride(types, drawingPart, DRAWING_TYPE);
  zip.file(CONTENT_TYPES_PART, types);
  return [chartPart, drawingPart, relsPathOf(drawingPart)];
}

/** The worksheet with `element` where <drawing> goes: before the first element that must follow it, else at the end. */
function insertBeforeFollowing(sheetXml: string, prefix: string, element: string): string {
  const dataEnd = Math.max(0, sheetXml.lastIndexOf(`</${prefix}sheetData>`), sheetXml.lastIndexOf(`<${prefix}sheetData/>`));
  const tail = sheetXml.slice(dataEnd);
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const m = new RegExp(`<${prefix}${name}\\b`).exec(tail);
    if (m && (at === -1 || m.index < at)) at = m.index;
  }
  if (at === -1) {
    at = tail.lastIndexOf(`</${prefix}worksheet>`);
    if (at === -1) throw new Error("internal: a worksheet part without its closing tag");
  }
  return sheetXml.slice(0, dataEnd + at) + element + sheetXml.slice(dataEnd + at);
}
