/**
 * The .xlsx reader for any JavaScript platform (the offline web page, a worker, Node): give it the
 * file's bytes, a browser File/Blob, or any random-access source, and get ledgers back. Nothing
 * here touches Node's APIs; the command line's edge (./readWorkbook.ts) adds file opening, node's
 * native inflater and a heap watch.
 *
 *   const workbook = await openXlsx(blobSource(file), { label: file.name });
 *   const { ledgers, scanned } = await readLedgers(workbook, { onProgress });
 */
import { ByteSource, bytesSource } from "./zip";

export { openXlsx, readPointWhere, WorkbookFileError, DEFAULT_LIMITS, formatMegabytes } from "./workbook";
export type { OpenOptions, ReadLimits, ReadPoint, SheetInfo, XlsxWorkbook } from "./workbook";
export { readLedgers, readSheetInput, sheetNamed, sideLedgerOf } from "./readLedgers";
export type { LedgerReadOptions, LedgersRead, SheetScan } from "./readLedgers";
export { bytesSource, fflateInflater, MAX_ZIP_ENTRIES } from "./zip";
export type { ByteSource, Inflater } from "./zip";

/** A browser File or Blob as a byte source: only the parts read are loaded (Blob.slice). */
export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

/** Bytes already in memory (an ArrayBuffer from a file input, a fetch). */
export function arrayBufferSource(buffer: ArrayBuffer): ByteSource {
  return bytesSource(new Uint8Array(buffer));
}
