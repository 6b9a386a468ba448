/**
 * A minimal .xlsx package writer for reader tests: every part is written by hand, so a test can
 * make exactly the odd-but-valid packages other programs write (no shared strings, absolute
 * relationship targets, 1904 dates, ISO date cells, rich and phonetic text, namespace prefixes,
 * cells without r=, non-standard part names, hidden sheets, a tab order unlike the part order).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/** A cell: a JS value (string → inline string, number, boolean) or a <c> element's XML as written ({ xml }). */
export type CellSpec = string | number | boolean | null | { readonly xml: string };

export interface SheetSpec {
  readonly name: string;
  readonly rows?: readonly (readonly CellSpec[])[];
  /** The whole worksheet part, instead of rows. */
  readonly xml?: string;
  readonly state?: "hidden" | "veryHidden";
  /** The part's name in the zip (default xl/worksheets/sheetN.xml). */
  readonly part?: string;
  /** <mergeCell ref=…> areas, e.g. "D4:D6". */
  readonly merges?: readonly string[];
}

export interface PackageSpec {
  readonly sheets: readonly SheetSpec[];
  /** A shared-strings part, when wanted; cells refer to it with { xml: '<c t="s">…' }. */
  readonly sharedStringsXml?: string;
  readonly date1904?: boolean;
  /** Relationship targets written absolute (/xl/worksheets/sheet1.xml), as openpyxl does. */
  readonly absoluteTargets?: boolean;
  /** Style 1 is a date format (numFmtId 14); always present. */
  readonly workbookPart?: string;
  /** The order of the sheet parts in the zip: "tabs" (default) or "reversed". */
  readonly partOrder?: "tabs" | "reversed";
}

export function columnLetters(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function cellXml(cell: CellSpec, ref: string): string {
  if (cell === null || cell === "") return "";
  if (typeof cell === "object") return cell.xml.replace("<c ", `<c r="${ref}" `).replace(/<c>/, `<c r="${ref}">`);
  if (typeof cell === "number") return `<c r="${ref}"><v>${cell}</v></c>`;
  if (typeof cell === "boolean") return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(cell)}</t></is></c>`;
}

export function worksheetXml(rows: readonly (readonly CellSpec[])[], merges: readonly string[] = []): string {
  const body = rows
    .map((row, r) => `<row r="${r + 1}">${row.map((cell, c) => cellXml(cell, `${columnLetters(c + 1)}${r + 1}`)).join("")}</row>`)
    .join("");
  const mergeXml =
    merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http:` +
    `//schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http:` +
    `//schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${body}</sheetData>${mergeXml}</worksheet>`
  );
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function buildXlsx(spec: PackageSpec): Uint8Array {
  const workbookPart = spec.workbookPart ?? "xl/workbook.xml";
  const dir = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  const target = (part: string) => (spec.absoluteTargets ? `/${part}` : part.startsWith(dir) ? part.slice(dir.length) : `/${part}`);
  const parts: [string, string][] = [];
  const sheetParts = spec.sheets.map((s, i) => s.part ?? `${dir}worksheets/sheet${i + 1}.xml`);
  const overrides = [
    `<Override PartName="/${workbookPart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
    ...sheetParts.map(
      (p) => `<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    ),
    `<Override PartName="/${dir}styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
    ...(spec.sharedStringsXml
      ? [
          `<Override PartName="/${dir}sharedStrings.xml" ` +
            `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`,
        ]
      : []),
  ];
  parts.push([
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http:` +
      `//schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ` +
      `ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default ` +
      `Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`,
  ]);
  parts.push([
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http:` +
      `//schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ` +
      `Type="${REL}/officeDocument" ` +
      `Target="${spec.absoluteTargets ? "/" : ""}${workbookPart}"/></Relationships>`,
  ]);
  const sheetsXml = spec.sheets
    .map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
    .join("");
  parts.push([
    workbookPart,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http:` +
      `//schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:` +
      `r="${REL}">${spec.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheetsXml}</sheets></workbook>`,
  ]);
  const n = spec.sheets.length;
  const rels = [
    ...sheetParts.map((p, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${target(p)}"/>`),
    `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="${target(`${dir}styles.xml`)}"/>`,
    ...(spec.sharedStringsXml
      ? [`<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="${target(`${dir}sharedStrings.xml`)}"/>`]
      : []),
  ];
  const relsPart = `${dir}_rels/${workbookPart.slice(dir.length)}.rels`;
  parts.push([
    relsPart,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http:` +
      `//schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  ]);
  parts.push([
    `${dir}styles.xml`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http:` +
      `//schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt ` +
      `numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;` +
      `"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills ` +
      `count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill ` +
      `patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs ` +
      `count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" ` +
      `xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" xfId="0" ` +
      `applyNumberFormat="1"/></cellXfs></styleSheet>`,
  ]);
  if (spec.sharedStringsXml) parts.push([`${dir}sharedStrings.xml`, spec.sharedStringsXml]);
  const sheetEntries: [string, string][] = spec.sheets.map((s, i) => [sheetParts[i], s.xml ?? worksheetXml(s.rows ?? [], s.merges)]);
  if (spec.partOrder === "reversed") sheetEntries.reverse();
  const files: Record<string, Uint8Array> = {};
  for (const [name, text] of [...parts, ...sheetEntries]) files[name] = strToU8(text);
  return zipSync(files, { level: 6 });
}

/** Shared strings from plain texts, or items written as XML ({ xml: "<si>…</si>" }). */
export function sharedStringsXml(items: readonly (string | { readonly xml: string })[]): string {
  const body = items
    .map((item) => (typeof item === "string" ? `<si><t xml:space="preserve">${xmlEscape(item)}</t></si>` : item.xml))
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http:` +
    `//schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" ` +
    `uniqueCount="${items.length}">${body}</sst>`
  );
}

/** Overwrite a 32-bit field of `part`'s record in the zip's central directory. */
function setDirectoryField(zip: Uint8Array, part: string, field: number, value: number): Uint8Array {
  const out = zip.slice();
  const name = strToU8(part);
  for (let i = 0; i + 46 < out.length; i++) {
    if (out[i] !== 0x50 || out[i + 1] !== 0x4b || out[i + 2] !== 1 || out[i + 3] !== 2) continue;
    const nameLength = out[i + 28] | (out[i + 29] << 8);
    if (nameLength !== name.length || !name.every((b, k) => out[i + 46 + k] === b)) continue;
    new DataView(out.buffer).setUint32(i + field, value >>> 0, true);
    return out;
  }
  throw new Error(`test helper: no entry ${part}`);
}

/** Overwrite the uncompressed size of `part` in the zip's central directory (a package that lies about its size). */
export function declareSize(zip: Uint8Array, part: string, size: number): Uint8Array {
  return setDirectoryField(zip, part, 24, size);
}

/** Overwrite the CRC-32 of `part` in the zip's central directory (a checksum its bytes do not match). */
export function declareCrc32(zip: Uint8Array, part: string, crc: number): Uint8Array {
  return setDirectoryField(zip, part, 16, crc);
}

/**
 * The zip with `extra` bytes after the deflate data of `part`, counted in its compressed size (local
 * header and central directory), the later entries moved along. zlib and fflate pass over such bytes;
 * Chromium's DecompressionStream refuses them.
 */
export function withBytesAfterDeflate(input: Uint8Array, part: string, extra: Uint8Array): Uint8Array {
  // A copy of its own: a Buffer's slice() is a view of the same memory, so slices are made of a plain Uint8Array.
  const zip = new Uint8Array(input);
  const view = new DataView(zip.buffer);
  let eocd = zip.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("test helper: no end of central directory");
  const count = view.getUint16(eocd + 10, true);
  const directoryAt = view.getUint32(eocd + 16, true);
  const directoryEnd = directoryAt + view.getUint32(eocd + 12, true);
  const central = zip.slice(directoryAt, directoryEnd);
  const centralView = new DataView(central.buffer);
  const pieces: Uint8Array[] = [];
  let written = 0;
  let found = false;
  for (let i = 0, p = 0; i < count; i++) {
    const nameLength = centralView.getUint16(p + 28, true);
    const name = new TextDecoder().decode(central.subarray(p + 46, p + 46 + nameLength));
    const local = centralView.getUint32(p + 42, true);
    const compressedSize = centralView.getUint32(p + 20, true);
    const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const entry = zip.slice(local, dataAt + compressedSize);
    centralView.setUint32(p + 42, written, true);
    if (name === part) {
      found = true;
      new DataView(entry.buffer).setUint32(18, compressedSize + extra.length, true);
      centralView.setUint32(p + 20, compressedSize + extra.length, true);
      pieces.push(entry, extra);
      written += entry.length + extra.length;
    } else {
      pieces.push(entry);
      written += entry.length;
    }
    p += 46 + nameLength + centralView.getUint16(p + 30, true) + centralView.getUint16(p + 32, true);
  }
  if (!found) throw new Error(`test helper: no entry ${part}`);
  const end = zip.slice(eocd, zip.length);
  new DataView(end.buffer).setUint32(16, written, true);
  const out = new Uint8Array(written + central.length + end.length);
  let at = 0;
  for (const piece of [...pieces, central, end]) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/**
 * The package with every shared-string cell written as an inline string and no shared-strings
 * part, as Apache POI's streaming writer (SXSSF, under EasyExcel and most Java exports) writes
 * text by default: each <si>'s content, rich runs and phonetic readings included, becomes the
 * cell's <is>.
 */
export function withInlineStrings(input: Uint8Array): Uint8Array {
  const parts = unzipSync(input);
  const sst = parts["xl/sharedStrings.xml"];
  if (!sst) throw new Error("withInlineStrings: the package has no xl/sharedStrings.xml");
  const items = [...strFromU8(sst).matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? "");
  const out: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(parts)) {
    if (name === "xl/sharedStrings.xml") continue;
    let text = strFromU8(bytes);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      text = text.replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_, before: string, after: string, index: string) => {
        const item = items[Number(index)];
        if (item === undefined) throw new Error(`withInlineStrings: ${name} refers to shared string ${index}, which is missing`);
        return `<c ${before}t="inlineStr"${after}><is>${item}</is></c>`;
      });
      if (/t="s"/.test(text)) throw new Error(`withInlineStrings: ${name} has a shared-string cell this rewrite does not know`);
    } else if (name === "[Content_Types].xml") text = text.replace(/<Override [^>]*sharedStrings[^>]*\/>/, "");
    else if (name === "xl/_rels/workbook.xml.rels") text = text.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, "");
    out[name] = strToU8(text);
  }
  return zipSync(out);
}
