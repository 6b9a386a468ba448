/**
 * A JSZip package on its way out: the order of its parts, and its parts as entries for the zip
 * writer (./zipWriter.ts). exceljs stores xl/workbook.xml last; Excel stores the workbook first,
 * and some streaming readers (exceljs's own, issue 3064) lose a workbook part stored last.
 * Written packages follow Excel's order.
 */
import type JSZip from "jszip";
import { DEFLATED, EntryContent, EntryToWrite, STORED } from "./zipWriter";

/** Parts a reader needs before any worksheet, in the order Excel stores them. */
const LEADING_PARTS = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docProps\//,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/styles\.xml$/,
  /^xl\/theme\//,
  /^xl\/sharedStrings\.xml$/,
];

/** Reorder the entries of a package in place: the workbook part and what a reader needs before the sheets first; folder entries dropped. */
export function orderWorkbookFirst(zip: JSZip): void {
  const rank = (name: string) => {
    const i = LEADING_PARTS.findIndex((re) => re.test(name));
    return i === -1 ? LEADING_PARTS.length : i;
  };
  const entries = Object.entries(zip.files);
  const ordered = entries
    .filter(([, file]) => !file.dir)
    .map(([name, file], i) => ({ name, file, i }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.i - b.i);
  for (const [name] of entries) delete zip.files[name];
  for (const { name, file } of ordered) zip.files[name] = file;
}

/** What JSZip 3 keeps of a part it loaded and nobody changed since: its compressed bytes as read. */
interface LoadedData {
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly crc32: number;
  readonly compression: { readonly magic: string };
  readonly compressedContent: Uint8Array;
}

const METHODS: Readonly<Record<string, typeof STORED | typeof DEFLATED>> = { "\x00\x00": STORED, "\x08\x00": DEFLATED };

function loadedData(file: JSZip.JSZipObject): LoadedData | null {
  const data = (file as unknown as { _data?: Partial<LoadedData> })._data;
  if (!data || !(data.compressedContent instanceof Uint8Array) || typeof data.crc32 !== "number") return null;
  if (typeof data.uncompressedSize !== "number" || data.compressedContent.length !== data.compressedSize) return null;
  return METHODS[data.compression?.magic ?? ""] === undefined ? null : (data as LoadedData);
}

const utf8 = new TextEncoder();

/**
 * A new part's bytes. JSZip 3 keeps what zip.file() was given (as a promise of it): text is encoded
 * here at once, where JSZip's own way (file.async) copies it through arrays 16 KB at a time, which
 * cost more than deflating it. Anything else goes through file.async.
 */
async function contentBytes(file: JSZip.JSZipObject): Promise<Uint8Array> {
  const given = file as unknown as { _data?: unknown; _dataBinary?: unknown };
  const data: unknown = await given._data;
  if (typeof data === "string" && given._dataBinary === false) return utf8.encode(data);
  if (data instanceof Uint8Array) return data;
  return file.async("uint8array");
}

/**
 * The package's parts as entries to write (./zipWriter.ts), in the zip's order. A part of the
 * user's workbook that nothing changed keeps its compressed bytes as they were, stored or
 * deflated (relies on JSZip 3's loaded-entry internals; without them the part is compressed
 * again, to the same content); a new or changed part is handed over to be compressed.
 */
export async function* packageEntries(zip: JSZip): AsyncGenerator<EntryToWrite> {
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const loaded = loadedData(file);
    const content: EntryContent = loaded
      ? {
          kind: "compressed",
          method: METHODS[loaded.compression.magic],
          data: loaded.compressedContent,
          crc32: loaded.crc32 >>> 0,
          size: loaded.uncompressedSize,
        }
      : { kind: "bytes", bytes: await contentBytes(file) };
    yield { name, date: file.date, content };
  }
}
