/**
 * Small helpers for working on the parts of an .xlsx package (OPC: a zip of XML parts tied
 * together by relationship parts and [Content_Types].xml) as text, without parsing a worksheet.
 * Only the few small workbook-level parts are ever read as a whole; element matching is done
 * with regular expressions on those parts, tolerating a namespace prefix (x:workbook…), as
 * other tools than Excel write them. No Node API: the same code runs in a browser page.
 */
import { concatenate } from "./bytes";

export function parseAttributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ""));
  return out;
}

/** An xsd:boolean attribute ("1" or "true") of the first `element` in a small part (workbookPr date1904, calcPr fullCalcOnLoad). */
export function booleanAttribute(xml: string, element: string, attribute: string): boolean {
  const tag = new RegExp(`<(?:\\w+:)?${element}\\b([^>]*)>`).exec(xml);
  return tag !== null && /^(1|true)$/.test(parseAttributes(tag[1]).get(attribute) ?? "");
}

export function decodeXml(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g,
    (_, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      if (dec) return String.fromCodePoint(parseInt(dec, 10));
      return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[named as "amp"];
    },
  );
}

export function encodeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Text as XML content: escaped, without the control characters XML 1.0 cannot hold (a ledger cell may have them). */
export function xmlText(text: string): string {
  return encodeXml(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ""));
}

/** Set (or add) an attribute on an element's start tag (`<x a="1">` or `<x a="1"/>`). */
export function setAttribute(startTag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(startTag)) return startTag.replace(re, (_, head: string) => `${head}"${encodeXml(value)}"`);
  return startTag.replace(/\s*(\/?>)$/, (end: string) => ` ${name}="${encodeXml(value)}"${end.trim()}`);
}

/** The namespace prefix of a part's root element, with its colon ("x:"), or "" for none. */
export function rootPrefix(xml: string, localName: string): string {
  return new RegExp(`<(\\w+:)?${localName}\\b`).exec(xml)?.[1] ?? "";
}

/** The prefix bound to a namespace URI on the root element ("r"), or null when none is. */
export function prefixOf(xml: string, namespace: string): string | null {
  const root = /<(?:\w+:)?\w+\b[^>]*>/.exec(xml.replace(/^<\?[^>]*\?>\s*/, ""))?.[0] ?? "";
  for (const m of root.matchAll(/xmlns:([\w.-]+)\s*=\s*"([^"]*)"/g)) if (m[2] === namespace) return m[1];
  return null;
}

/** Give every unprefixed element of a fragment the prefix ("x:"); a no-op for "". */
export function withPrefix(fragment: string, prefix: string): string {
  if (prefix === "") return fragment;
  return fragment.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, (whole, slash: string, name: string) =>
    name.includes(":") ? whole : `<${slash}${prefix}${name}`,
  );
}

/**
 * A container element of a part: `<prefix:name …>children</prefix:name>` or its empty form.
 * `start` and `end` delimit the whole element in the text; `inner` is its content.
 */
export interface Container {
  readonly start: number;
  readonly end: number;
  readonly startTag: string;
  readonly inner: string;
  readonly selfClosing: boolean;
}

export function findContainer(xml: string, prefix: string, name: string, from = 0): Container | null {
  const open = new RegExp(`<${prefix}${name}\\b[^>]*?(/?)>`, "g");
  open.lastIndex = from;
  const m = open.exec(xml);
  if (!m) return null;
  if (m[1] === "/") return { start: m.index, end: m.index + m[0].length, startTag: m[0], inner: "", selfClosing: true };
  const close = `</${prefix}${name}>`;
  const at = xml.indexOf(close, m.index + m[0].length);
  if (at === -1) return null;
  return { start: m.index, end: at + close.length, startTag: m[0], inner: xml.slice(m.index + m[0].length, at), selfClosing: false };
}

/** The direct child elements of the given local name in a container's content, as written (leaf or with content). */
export function childElements(inner: string, prefix: string, name: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${prefix}${name}\\b[^>]*?(/?)>`, "g");
  const close = `</${prefix}${name}>`;
  let m: RegExpExecArray | null;
  while ((m = re.exec(inner))) {
    if (m[1] === "/") {
      out.push(m[0]);
      continue;
    }
    const at = inner.indexOf(close, m.index + m[0].length);
    if (at === -1) break;
    out.push(inner.slice(m.index, at + close.length));
    re.lastIndex = at + close.length;
  }
  return out;
}

// ---------------------------------------------------------------- relationships and part names

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target as written (decoded from XML). */
  readonly target: string;
  readonly external: boolean;
  /** The element as the file holds it. */
  readonly xml: string;
}

export function parseRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)(?:\/>|>\s*<\/(?:\w+:)?Relationship>)/g)) {
    const a = parseAttributes(m[1]);
    out.push({
      id: a.get("Id") ?? "",
      type: a.get("Type") ?? "",
      target: a.get("Target") ?? "",
      external: a.get("TargetMode") === "External",
      xml: m[0],
    });
  }
  return out;
}

/** The relationship type's last segment ("worksheet", "styles", "officeDocument"): transitional and strict URIs alike. */
export function relType(rel: Relationship): string {
  return rel.type.slice(rel.type.lastIndexOf("/") + 1);
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels; "" (the package) → _rels/.rels. */
export function relsPathOf(part: string): string {
  const dir = folderOf(part);
  return `${dir === "" ? "" : `${dir}/`}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;
}

/** The folder of a part name ("xl/workbook.xml" → "xl"; "" for a part at the package root). */
export function folderOf(part: string): string {
  const at = part.lastIndexOf("/");
  return at === -1 ? "" : part.slice(0, at);
}

/** A part path with "." and ".." segments and repeated slashes resolved (as POSIX path normalisation does). */
export function normalizePartPath(p: string): string {
  const out: string[] = [];
  for (const segment of p.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else out.push(segment);
  }
  return out.join("/");
}

/** The relationship target that leads from a part in folder `fromFolder` to `part` ("xl", "xl/charts/chart1.xml" → "charts/chart1.xml"). */
export function relativeTarget(fromFolder: string, part: string): string {
  const from = fromFolder.split("/").filter((s) => s !== "");
  const to = part.split("/").filter((s) => s !== "");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** The part a relationships part belongs to ("" for the package's own _rels/.rels), or null for a path that is no relationships part. */
export function sourceOfRels(relsPath: string): string | null {
  const m = /^((?:.*\/)?)_rels\/([^/]*)\.rels$/.exec(relsPath);
  if (!m) return null;
  return `${m[1]}${m[2]}`;
}

/** A relationship target as a zip entry name, resolved against the source part's folder. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target;
  try {
    t = decodeURI(target);
  } catch {
    // keep it as written
  }
  if (t.startsWith("/")) return normalizePartPath(t.slice(1));
  const base = folderOf(sourcePart);
  return normalizePartPath(base === "" ? t : `${base}/${t}`);
}

/** Content-type part names are absolute and compared without regard to case. */
export function partNameKey(part: string): string {
  return `/${part}`.toLowerCase();
}

// ---------------------------------------------------------------- [Content_Types].xml

export const CONTENT_TYPES_PART = "[Content_Types].xml";

/** [Content_Types].xml without the override of this part (if it has one). */
export function removeOverride(xml: string, part: string): string {
  const key = partNameKey(part);
  return xml.replace(/<(?:\w+:)?Override\b[^>]*?(?:\/>|>\s*<\/(?:\w+:)?Override>)/g, (element) =>
    (parseAttributes(element).get("PartName") ?? "").toLowerCase() === key ? "" : element,
  );
}

/** [Content_Types].xml with this part's override set to the type (any earlier override of it replaced). */
export function addOverride(xml: string, part: string, type: string): string {
  const prefix = rootPrefix(xml, "Types");
  const cleaned = removeOverride(xml, part);
  return cleaned.replace(
    new RegExp(`</${prefix}Types>\\s*$`),
    `<${prefix}Override PartName="/${encodeXml(part)}" ContentType="${type}"/></${prefix}Types>`,
  );
}

/** Bytes of UTF-8 gathered this many at a time while a part's pieces are encoded. */
const UTF8_CHUNK = 1 << 20;

/**
 * A part given as pieces of text, as UTF-8 bytes: the pieces are never joined into one string, so a part may be larger than the
 * largest string V8 makes (2^29 − 24 characters) and is never held as UTF-16 whole. Given as a
 * generator, each piece is garbage once encoded.
 */
export function utf8OfPieces(pieces: Iterable<string>): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let chunk = new Uint8Array(UTF8_CHUNK);
  let used = 0;
  for (const text of pieces) {
    // A UTF-16 code unit is at most three bytes of UTF-8.
    if (used + text.length * 3 > chunk.length) {
      chunks.push(chunk.subarray(0, used));
      chunk = new Uint8Array(Math.max(UTF8_CHUNK, text.length * 3));
      used = 0;
    }
    const { written } = encoder.encodeInto(text, chunk.subarray(used));
    used += written;
  }
  chunks.push(chunk.subarray(0, used));
  // A small part is a view of the first chunk: copied, so that the rest of the chunk is not kept with it.
  return chunks.length === 1 ? chunks[0].slice() : concatenate(chunks);
}
