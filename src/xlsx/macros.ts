/**
 * The output's kind follows its extension, as Excel requires: Excel refuses to open a file
 * whose workbook content type does not match its extension (a macro-enabled package named
 * .xlsx, or a plain one named .xlsm). Summaries of an .xlsm ledger written as .xlsm keep the
 * macros (the VBA project is copied byte for byte); written as .xlsx they are a macro-free
 * workbook, as Excel's own "Save as .xlsx" makes: the VBA project and its signatures are
 * removed, every other part is kept.
 */
import JSZip from "jszip";
import { addOverride, removeOverride } from "./ooxml";
import { parseAttributes, parseRelationships, partNameKey, relsPathOf, relType, resolveTarget } from "./ooxml";

export type OutputKind = "xlsx" | "xlsm";

/** What became of the input's macros: none there, kept (.xlsm), dropped (.xlsx). */
export type MacroOutcome = "none" | "kept" | "dropped";

const MAIN_TYPES: Readonly<Record<OutputKind, string>> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  xlsm: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
};
const CONTENT_TYPES = "[Content_Types].xml";

/** The output kind of a file name, or null for any other extension (.csv, .xls, none…). */
export function outputKindOf(file: string): OutputKind | null {
  const match = /\.(xlsx|xlsm)$/i.exec(file);
  return match ? (match[1].toLowerCase() as OutputKind) : null;
}

/** Excel 4.0 macro sheets cannot be in an .xlsx, and removing them would lose the user's sheets. */
export class MacroSheetsError extends Error {
  constructor(readonly sheets: number) {
    super(`workbook holds ${sheets} macro sheet(s)`);
    this.name = "MacroSheetsError";
  }
}

/**
 * Make the package's workbook content type match `kind`; for an .xlsx, remove the VBA project.
 * Throws MacroSheetsError when an .xlsx is asked of a workbook with Excel 4.0 macro sheets.
 */
export async function matchPackageToKind(zip: JSZip, workbookPart: string, kind: OutputKind): Promise<MacroOutcome> {
  const relsPath = relsPathOf(workbookPart);
  let relsXml = (await zip.file(relsPath)?.async("string")) ?? "";
  let contentTypes = (await zip.file(CONTENT_TYPES)?.async("string")) ?? "";
  const rels = parseRelationships(relsXml);
  const vba = rels.filter((r) => relType(r) === "vbaProject" && !r.external);
  const macroSheets = rels.filter((r) => /^(xlMacrosheet|xlIntlMacrosheet)$/.test(relType(r)));
  if (kind === "xlsx" && macroSheets.length > 0) throw new MacroSheetsError(macroSheets.length);

  let outcome: MacroOutcome = vba.length > 0 ? "kept" : "none";
  if (kind === "xlsx" && vba.length > 0) {
    for (const rel of vba) {
      const part = resolveTarget(workbookPart, rel.target);
      // The project's own relationships point at its signatures: they go with it.
      const own = parseRelationships((await zip.file(relsPathOf(part))?.async("string")) ?? "");
      for (const signature of own.filter((r) => !r.external)) {
        const signaturePart = resolveTarget(part, signature.target);
        zip.remove(signaturePart);
        contentTypes = removeOverride(contentTypes, signaturePart);
      }
      zip.remove(relsPathOf(part));
      zip.remove(part);
      contentTypes = removeOverride(contentTypes, part);
      relsXml = relsXml.replace(rel.xml, "");
    }
    zip.file(relsPath, relsXml);
    outcome = "dropped";
  }
  if (mainType(contentTypes, workbookPart) !== MAIN_TYPES[kind]) contentTypes = addOverride(contentTypes, workbookPart, MAIN_TYPES[kind]);
  zip.file(CONTENT_TYPES, contentTypes);
  return outcome;
}

/** The content type [Content_Types].xml gives the workbook part. */
export function mainType(contentTypes: string, workbookPart: string): string | null {
  const key = partNameKey(workbookPart);
  for (const m of contentTypes.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
    const a = parseAttributes(m[0]);
    if ((a.get("PartName") ?? "").toLowerCase() === key) return a.get("ContentType") ?? null;
  }
  return null;
}
