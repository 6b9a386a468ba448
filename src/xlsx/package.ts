/**
 * The order of the parts inside an .xlsx (zip) file. exceljs stores xl/workbook.xml last, and
 * exceljs's own streaming reader (which `bangfu check` uses) then often loses it and fails with
 * "Cannot read properties of undefined (reading 'sheets')" (exceljs issue 3064). Excel stores the
 * workbook first; a file reordered that way is read reliably.
 */
import JSZip from "jszip";

/** Parts a reader needs before any worksheet, in the order Excel stores them. */
const LEADING_PARTS = [/^\[Content_Types\]\.xml$/, /^_rels\/\.rels$/, /^docProps\//, /^xl\/workbook\.xml$/, /^xl\/_rels\/workbook\.xml\.rels$/, /^xl\/styles\.xml$/, /^xl\/theme\//, /^xl\/sharedStrings\.xml$/];

/**
 * The same package with the workbook, its relationships, styles and shared strings before the
 * sheets (folder entries dropped). JSZip writes entries in the order of `zip.files` and reuses
 * the compressed data of parts it did not change, so only reordering costs next to nothing.
 */
export async function storeWorkbookFirst(zip: JSZip): Promise<Buffer> {
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
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** The streaming reader's symptom of a workbook part it did not get to in time. */
export function isLostWorkbookPart(error: unknown): boolean {
  return error instanceof TypeError && /reading 'sheets'/.test(error.message);
}
