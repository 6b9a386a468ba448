/**
 * Writing a zip file (an .xlsx package) entry by entry, platform-neutral (no Node APIs): new
 * parts are compressed by a deflater the edge hands in (node's zlib on the command line, the
 * browser's CompressionStream where it takes raw deflate, fflate otherwise), parts copied from
 * the user's workbook keep their compressed bytes as they were. Headers carry the sizes and the
 * CRC-32 (no data descriptors), as Excel writes them; names outside ASCII are flagged UTF-8.
 */
import { deflateSync } from "fflate";
import { concatenate } from "./bytes";
import { Checksum, crc32 } from "./crc32";
import { takesRawDeflate } from "./zip";

/** Raw deflate of a whole part. */
export type Deflater = (bytes: Uint8Array) => Promise<Uint8Array>;

/** Compression methods of the zip format that .xlsx packages use. */
export const STORED = 0;
export const DEFLATED = 8;

/** Level 6, zlib's default: what Excel-sized packages were written with before (JSZip's pako at 6). */
export const DEFLATE_LEVEL = 6;

export type EntryContent =
  /** Bytes to write: compressed by the deflater, or stored as they are when `store` is set. */
  | { readonly kind: "bytes"; readonly bytes: Uint8Array; readonly store?: boolean }
  /** Bytes already compressed (copied from another zip): written as they are, with their CRC and sizes. */
  | {
      readonly kind: "compressed";
      readonly method: typeof STORED | typeof DEFLATED;
      readonly data: Uint8Array;
      readonly crc32: number;
      readonly size: number;
    };

export interface EntryToWrite {
  readonly name: string;
  /** Modification time, as the zip format keeps it (local time fields, read here as UTC, as JSZip wrote them). */
  readonly date: Date;
  readonly content: EntryContent;
}

export interface ZipWriting {
  readonly deflater: Deflater;
  readonly checksum: Checksum;
}

/** The writer cannot write this package without ZIP64 (not written: Excel 2007–2010 and several readers refuse it). */
export class ZipTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipTooLargeError";
  }
}

/** Why a package too large is not written, for the user (the command line and the page say which file). */
export const TOO_LARGE_FOR_XLSX =
  "加上汇总表后文件将超过 4 GB（或超过 65535 个部件），超出 .xlsx 文件的上限。请减少台账的行数或拆分成几个文件后再试";

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const VERSION_NEEDED = 20;
const UTF8_NAMES = 0x0800;
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

const encoder = new TextEncoder();

/** fflate's deflate (JavaScript): for platforms without a native one. */
export const fflateDeflater: Deflater = async (bytes) => deflateSync(bytes, { level: DEFLATE_LEVEL });

/**
 * The platform's CompressionStream("deflate-raw") as a Deflater: native code (Chromium 103,
 * Firefox 113, Safari 16.4 and later).
 */
export const streamDeflater: Deflater = async (bytes) => {
  const stream = new CompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  // Written and closed while the output is read, so a large part never waits on a full queue.
  const writing = writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  writing.catch(() => undefined); // a failure errors the stream too: the read below rejects with it
  const chunks: Uint8Array[] = [];
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  await writing;
  return concatenate(chunks);
};

/** CompressionStream where the platform's takes raw deflate, else fflate (older browsers, WPS's embedded Chromium). */
export function defaultDeflater(): Deflater {
  return takesRawDeflate((globalThis as { CompressionStream?: unknown }).CompressionStream) ? streamDeflater : fflateDeflater;
}

/** What a platform without an edge of its own (the page) writes with: its deflater, the JavaScript CRC-32. */
export function defaultWriting(): ZipWriting {
  return { deflater: defaultDeflater(), checksum: crc32 };
}

/** MS-DOS time and date (2-second steps, years 1980–2107), from the date's UTC fields. */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = date.getUTCFullYear();
  if (!(year >= 1980)) return { time: 0, date: (1 << 5) | 1 }; // 1980-01-01, the format's first day
  const clamped = Math.min(year, 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((clamped - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

interface Written {
  readonly name: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

/** The entry's data as written: compressed (or stored) bytes, method, CRC and sizes. */
async function prepared(content: EntryContent, writing: ZipWriting) {
  if (content.kind === "compressed") return content;
  const crc = writing.checksum(content.bytes);
  if (content.store) return { method: STORED, data: content.bytes, crc32: crc, size: content.bytes.length };
  return { method: DEFLATED, data: await writing.deflater(content.bytes), crc32: crc, size: content.bytes.length };
}

function header(signature: number, central: boolean, entry: Written): Uint8Array {
  const out = new Uint8Array((central ? 46 : 30) + entry.name.length);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(at, v, true);
    at += 4;
  };
  u32(signature);
  if (central) u16(VERSION_NEEDED); // made by: MS-DOS attributes, version 2.0
  u16(VERSION_NEEDED);
  u16(entry.flags);
  u16(entry.method);
  u16(entry.time);
  u16(entry.date);
  u32(entry.crc32);
  u32(entry.compressedSize);
  u32(entry.size);
  u16(entry.name.length);
  u16(0); // extra field
  if (central) {
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(entry.offset);
  }
  out.set(entry.name, at);
  return out;
}

/**
 * Write the entries as a zip file through `write` (called in order; awaited, so a slow sink holds
 * the writer back). One entry's data is held at a time. Throws ZipTooLargeError where the
 * package would need ZIP64, and whatever the deflater or the sink throws.
 */
export async function writeZip(
  entries: AsyncIterable<EntryToWrite> | Iterable<EntryToWrite>,
  write: (bytes: Uint8Array) => Promise<void> | void,
  writing: ZipWriting,
): Promise<void> {
  const written: Written[] = [];
  let offset = 0;
  const emit = async (bytes: Uint8Array) => {
    await write(bytes);
    offset += bytes.length;
  };
  for await (const entry of entries) {
    if (written.length === MAX_ENTRIES) throw new ZipTooLargeError(`more than ${MAX_ENTRIES} entries`);
    const data = await prepared(entry.content, writing);
    const name = encoder.encode(entry.name);
    const ascii = name.length === entry.name.length;
    const { time, date } = dosDateTime(entry.date);
    const record: Written = {
      name,
      flags: ascii ? 0 : UTF8_NAMES,
      method: data.method,
      time,
      date,
      crc32: data.crc32,
      compressedSize: data.data.length,
      size: data.size,
      offset,
    };
    if (record.size > MAX_32 || offset + 30 + name.length + record.compressedSize > MAX_32) {
      throw new ZipTooLargeError(`entry ${entry.name} ends beyond 4 GiB`);
    }
    written.push(record);
    await emit(header(LOCAL_HEADER, false, record));
    await emit(data.data);
  }
  const directoryStart = offset;
  for (const record of written) await emit(header(CENTRAL_HEADER, true, record));
  if (offset > MAX_32) throw new ZipTooLargeError("the central directory ends beyond 4 GiB");
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, END_OF_DIRECTORY, true);
  view.setUint16(8, written.length, true);
  view.setUint16(10, written.length, true);
  view.setUint32(12, offset - directoryStart, true);
  view.setUint32(16, directoryStart, true);
  await emit(end);
}

/** The whole zip in memory (the browser's download). */
export async function zipBytes(entries: AsyncIterable<EntryToWrite> | Iterable<EntryToWrite>, writing: ZipWriting): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeZip(entries, (bytes) => void chunks.push(bytes), writing);
  return concatenate(chunks);
}
