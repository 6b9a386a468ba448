import type { CellValue } from "../../src/values";

/**
 * Reading back written workbooks with exceljs (./readBack.ts), which hands over rich text,
 * formulas, hyperlinks and errors as objects. Reduce them to what a user sees in the cell: the text, the formula's result,
 * the link's text, the error's code (which the checks then report as unreadable).
 */
export function plainCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((part) => String((part as { text?: unknown }).text ?? "")).join("");
    if ("result" in v || "formula" in v || "sharedFormula" in v) return plainCellValue(v.result);
    if ("text" in v) return plainCellValue(v.text);
    if ("error" in v) return String(v.error);
  }
  return String(value);
}
