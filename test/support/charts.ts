/**
 * The charts on a sheet of an .xlsx file, read from the package the way a viewer finds them:
 * sheet → (relationship) drawing → (relationship) chart, parsed with a real XML parser.
 */
import * as fs from "node:fs";
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import { resolvePart, sheetPart } from "./workbooks";

const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface CachedRef {
  readonly ref: string;
  readonly ptCount: number;
  /** Points by index; a point the cache leaves out is null. */
  readonly values: readonly (string | null)[];
  readonly formatCode: string | null;
}

export interface ReadSeries {
  readonly name: CachedRef;
  readonly categories: CachedRef;
  readonly values: CachedRef;
  /** The series' fill colour (srgbClr), if it has one. */
  readonly colour: string | null;
}

export interface ReadChart {
  readonly chartPart: string;
  readonly drawingPart: string;
  readonly barDir: string | null;
  readonly grouping: string | null;
  readonly overlap: string | null;
  readonly title: string;
  readonly legendPosition: string | null;
  readonly series: readonly ReadSeries[];
  /** The anchor's cells, 0-based, as xdr:from / xdr:to hold them (NaN where the anchor has none). */
  readonly from: { column: number; row: number };
  readonly to: { column: number; row: number };
}

type Element = ReturnType<DOMParser["parseFromString"]>["documentElement"] & object;

function parse(xml: string): Element {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  if (!doc.documentElement) throw new Error("test helper: not XML");
  return doc.documentElement as Element;
}

function children(node: Element, ns: string, name: string): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes[i] as unknown as Element;
    if (child.nodeType === 1 && child.namespaceURI === ns && child.localName === name) out.push(child);
  }
  return out;
}

function child(node: Element | undefined, ns: string, ...path: string[]): Element | undefined {
  let at = node;
  for (const name of path) at = at ? children(at, ns, name)[0] : undefined;
  return at;
}

function all(node: Element, ns: string, name: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(ns, name)) as unknown as Element[];
}

const valOf = (node: Element | undefined) => node?.getAttribute("val") ?? null;

const relsOf = (part: string) => part.replace(/([^/]+)$/, "_rels/$1.rels");

async function targets(zip: JSZip, part: string): Promise<Map<string, { type: string; part: string }>> {
  const xml = await zip.file(relsOf(part))?.async("string");
  const out = new Map<string, { type: string; part: string }>();
  if (!xml) return out;
  for (const rel of all(parse(xml), "http://schemas.openxmlformats.org/package/2006/relationships", "Relationship")) {
    out.set(rel.getAttribute("Id") ?? "", {
      type: rel.getAttribute("Type") ?? "",
      part: resolvePart(part, rel.getAttribute("Target") ?? ""),
    });
  }
  return out;
}

function cachedRef(ref: Element | undefined): CachedRef {
  const f = child(ref, C, "f")?.textContent ?? "";
  const cache = child(ref, C, "strCache") ?? child(ref, C, "numCache");
  const ptCount = Number(valOf(child(cache, C, "ptCount")) ?? 0);
  const values: (string | null)[] = Array.from({ length: ptCount }, () => null);
  if (cache) for (const pt of children(cache, C, "pt")) values[Number(pt.getAttribute("idx"))] = child(pt, C, "v")?.textContent ?? null;
  return { ref: f, ptCount, values, formatCode: child(cache, C, "formatCode")?.textContent ?? null };
}

function refElement(node: Element | undefined): Element | undefined {
  return child(node, C, "strRef") ?? child(node, C, "numRef");
}

/** The charts on the named sheet, in the drawing's order. */
export async function chartsOnSheet(file: string, sheetName: string): Promise<ReadChart[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const sheet = await sheetPart(file, sheetName);
  const sheetXml = parse((await zip.file(sheet)?.async("string")) ?? "");
  const sheetRels = await targets(zip, sheet);
  const out: ReadChart[] = [];
  for (const drawingElement of all(sheetXml, "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "drawing")) {
    const drawingPart = sheetRels.get(drawingElement.getAttributeNS(R, "id") ?? "")?.part;
    if (!drawingPart) throw new Error(`test helper: the drawing of ${sheetName} has no relationship`);
    const drawing = parse((await zip.file(drawingPart)?.async("string")) ?? "");
    const drawingRels = await targets(zip, drawingPart);
    const anchors = ["twoCellAnchor", "oneCellAnchor", "absoluteAnchor"].flatMap((name) => children(drawing, XDR, name));
    for (const anchor of anchors) {
      const chartRef = all(anchor, C, "chart")[0];
      if (!chartRef) continue;
      const chartPart = drawingRels.get(chartRef.getAttributeNS(R, "id") ?? "")?.part;
      if (!chartPart) throw new Error("test helper: a chart frame without its relationship");
      const chartSpace = parse((await zip.file(chartPart)?.async("string")) ?? "");
      const chart = child(chartSpace, C, "chart");
      const bar = child(chart, C, "plotArea", "barChart");
      const cell = (name: string) => {
        const at = child(anchor, XDR, name);
        return { column: Number(child(at, XDR, "col")?.textContent), row: Number(child(at, XDR, "row")?.textContent) };
      };
      out.push({
        chartPart,
        drawingPart,
        barDir: valOf(child(bar, C, "barDir")),
        grouping: valOf(child(bar, C, "grouping")),
        overlap: valOf(child(bar, C, "overlap")),
        title: all(child(chart, C, "title") ?? chartSpace, A, "t")
          .map((t) => t.textContent ?? "")
          .join(""),
        legendPosition: valOf(child(chart, C, "legend", "legendPos")),
        series: (bar ? children(bar, C, "ser") : []).map((ser) => ({
          name: cachedRef(child(ser, C, "tx", "strRef")),
          categories: cachedRef(refElement(child(ser, C, "cat"))),
          values: cachedRef(refElement(child(ser, C, "val"))),
          colour: all(child(ser, C, "spPr") ?? ser, A, "srgbClr")[0]?.getAttribute("val") ?? null,
        })),
        from: cell("from"),
        to: cell("to"),
      });
    }
  }
  return out;
}

/** A range reference 'Sheet'!$B$5:$B$9 (or one cell) as its sheet and 1-based cells. */
export function cellsOfRef(ref: string): { sheet: string; cells: { row: number; column: number }[] } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) throw new Error(`test helper: not a range reference: ${ref}`);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [c1, r1] = [col(m[3]), Number(m[4])];
  const [c2, r2] = m[5] ? [col(m[5]), Number(m[6])] : [c1, r1];
  const cells: { row: number; column: number }[] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) cells.push({ row: r, column: c });
  return { sheet, cells };
}
