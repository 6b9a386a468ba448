/**
 * The order of the parts inside an .xlsx (zip) file. exceljs stores xl/workbook.xml last; Excel
 * stores the workbook first, and some streaming readers (exceljs's own, issue 3064) lose a
 * workbook part stored last. Written packages follow Excel's order.
 */
import type JSZip from "jszip";

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

/**
 * Parts stored uncompressed in the package read stay so: JSZip then copies their bytes as
 * they were instead of compressing them (parts it did not change keep their compressed bytes
 * either way). Relies on JSZip 3's loaded-entry internals; without them, parts get compressed.
 */
export function keepStoredParts(zip: JSZip): void {
  for (const file of Object.values(zip.files)) {
    const data = (file as unknown as { _data?: { compression?: { magic?: string } } })._data;
    if (data?.compression?.magic === "\x00\x00") (file as unknown as { options: { compression?: string } }).options.compression = "STORE";
  }
}
