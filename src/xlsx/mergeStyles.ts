/**
 * Styles of freshly rendered tabs appended to a user's xl/styles.xml: number formats, fonts,
 * fills, borders, cell formats (cellXfs) and differential formats (dxfs) of the rendered
 * workbook go after the user's own, each reusing an identical entry the user's file already has
 * (so that regenerating the tabs does not make the styles grow); the map says where each rendered
 * entry went, and the rendered tabs are written with the merged indexes (./renderTabs.ts). The
 * user's entries keep their indexes, so none of the user's sheets needs to change.
 */
import { childElements, findContainer, parseAttributes, rootPrefix, setAttribute, withPrefix } from "./ooxml";

export interface StyleMap {
  /** Rendered cellXfs index → merged index (the rendered tabs are written with these: ./renderTabs.ts). */
  readonly xf: readonly number[];
}

/** The children of styleSheet, in the order the schema requires. */
const SECTIONS = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;
type Section = (typeof SECTIONS)[number];

/**
 * Entries every styles part starts with, which rendered cells mean as "the workbook's default" (font 0, fills none and gray125, border 0,
 * format 0).
 */
const RESERVED: Partial<Record<Section, number>> = { fonts: 1, fills: 2, borders: 1, cellStyleXfs: 1, cellXfs: 1 };

const CHILD: Partial<Record<Section, string>> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellStyleXfs: "xf",
  cellXfs: "xf",
  dxfs: "dxf",
};

/** The first id a custom number format may take; lower ids are Excel's built-in formats. */
const FIRST_CUSTOM_NUMFMT = 164;

function entries(xml: string, prefix: string, section: Section): string[] {
  const container = findContainer(xml, prefix, section);
  return container ? childElements(container.inner, prefix, CHILD[section] ?? "") : [];
}

/**
 * Merge the rendered styles part (as exceljs writes it: no namespace prefix) into the user's.
 * Returns the new text of the user's part and where each rendered format went.
 */
export function mergeStyles(userXml: string, renderedXml: string): { xml: string; map: StyleMap } {
  const prefix = rootPrefix(userXml, "styleSheet");
  let xml = userXml;

  // Number formats: a rendered custom format reuses the user's format of the same code, else takes a free id.
  const userFormats = entries(xml, prefix, "numFmts").map((e) => parseAttributes(e.replace(/>[\s\S]*$/, ">")));
  const idOfCode = new Map<string, number>();
  let lastId = FIRST_CUSTOM_NUMFMT - 1;
  for (const a of userFormats) {
    const id = Number(a.get("numFmtId"));
    if (!Number.isFinite(id)) continue;
    lastId = Math.max(lastId, id);
    const code = a.get("formatCode");
    if (code !== undefined && !idOfCode.has(code)) idOfCode.set(code, id);
  }
  const numFmtMap = new Map<number, number>();
  const newFormats: string[] = [];
  for (const element of entries(renderedXml, "", "numFmts")) {
    const a = parseAttributes(element);
    const id = Number(a.get("numFmtId"));
    const code = a.get("formatCode") ?? "";
    if (id < FIRST_CUSTOM_NUMFMT) continue;
    let target = idOfCode.get(code);
    if (target === undefined) {
      target = ++lastId;
      idOfCode.set(code, target);
      newFormats.push(setAttribute(element, "numFmtId", String(target)));
    }
    numFmtMap.set(id, target);
  }
  const mapNumFmt = (id: number) => numFmtMap.get(id) ?? id;
  xml = append(
    xml,
    prefix,
    "numFmts",
    newFormats.map((f) => withPrefix(f, prefix)),
  );

  const fonts = appendSection(xml, prefix, "fonts", entries(renderedXml, "", "fonts"), (e) => e);
  xml = fonts.xml;
  const fills = appendSection(xml, prefix, "fills", entries(renderedXml, "", "fills"), (e) => e);
  xml = fills.xml;
  const borders = appendSection(xml, prefix, "borders", entries(renderedXml, "", "borders"), (e) => e);
  xml = borders.xml;
  const remapXf = (styleXfMap: readonly number[] | null) => (element: string) => {
    const start = /^<xf\b[^>]*>/.exec(element)?.[0] ?? "";
    const a = parseAttributes(start);
    let tag = start;
    const set = (name: string, map: (n: number) => number) => {
      if (a.has(name)) tag = setAttribute(tag, name, String(map(Number(a.get(name)))));
    };
    set("numFmtId", mapNumFmt);
    set("fontId", (n) => fonts.map[n] ?? 0);
    set("fillId", (n) => fills.map[n] ?? 0);
    set("borderId", (n) => borders.map[n] ?? 0);
    if (styleXfMap) set("xfId", (n) => styleXfMap[n] ?? 0);
    return tag + element.slice(start.length);
  };
  // The rendered cell formats derive from the rendered "Normal" style, which maps onto the user's style 0.
  const styleXfs = appendSection(xml, prefix, "cellStyleXfs", entries(renderedXml, "", "cellStyleXfs"), remapXf(null));
  xml = styleXfs.xml;
  const cellXfs = appendSection(xml, prefix, "cellXfs", entries(renderedXml, "", "cellXfs"), remapXf(styleXfs.map));
  xml = cellXfs.xml;
  const dxfs = appendSection(xml, prefix, "dxfs", entries(renderedXml, "", "dxfs"), (e) =>
    e.replace(/<numFmt\b[^>]*>/g, (tag) => setAttribute(tag, "numFmtId", String(mapNumFmt(Number(parseAttributes(tag).get("numFmtId")))))),
  );
  return { xml: dxfs.xml, map: { xf: cellXfs.map } };
}

/**
 * Append the rendered entries of a section that the user's section does not already hold
 * (compared as written); the reserved first entries map onto the user's own.
 */
function appendSection(
  xml: string,
  prefix: string,
  section: Section,
  rendered: readonly string[],
  remap: (element: string) => string,
): { xml: string; map: number[] } {
  const existing = entries(xml, prefix, section);
  const indexOf = new Map<string, number>();
  existing.forEach((e, i) => {
    if (!indexOf.has(e)) indexOf.set(e, i);
  });
  const reserved = Math.min(RESERVED[section] ?? 0, existing.length);
  const added: string[] = [];
  const map = rendered.map((element, i) => {
    if (i < reserved) return i;
    const written = withPrefix(remap(element), prefix);
    const found = indexOf.get(written);
    if (found !== undefined) return found;
    const index = existing.length + added.length;
    added.push(written);
    indexOf.set(written, index);
    return index;
  });
  return { xml: append(xml, prefix, section, added, existing.length + added.length), map };
}

/**
 * Add children (already carrying the part's prefix) at the end of a section, creating it in its schema place if missing, and set its count.
 */
function append(xml: string, prefix: string, section: Section, children: readonly string[], count?: number): string {
  if (children.length === 0) return xml;
  const written = children.join("");
  const container = findContainer(xml, prefix, section);
  if (container) {
    const total = count ?? childElements(container.inner, prefix, CHILD[section] ?? "").length + children.length;
    const startTag = setAttribute(
      container.selfClosing ? container.startTag.replace(/\s*\/>$/, ">") : container.startTag,
      "count",
      String(total),
    );
    return xml.slice(0, container.start) + startTag + container.inner + written + `</${prefix}${section}>` + xml.slice(container.end);
  }
  const element = `<${prefix}${section} count="${count ?? children.length}">${written}</${prefix}${section}>`;
  for (const later of SECTIONS.slice(SECTIONS.indexOf(section) + 1)) {
    const next = findContainer(xml, prefix, later);
    if (next) return xml.slice(0, next.start) + element + xml.slice(next.start);
  }
  const close = xml.lastIndexOf(`</${prefix}styleSheet>`);
  return xml.slice(0, close) + element + xml.slice(close);
}
