/**
 * A1 addresses as Office.js hands them over ("台账!B3:K200", "'2024 台账'!$A$1",
 * "Sheet1!A1:B2, Sheet1!D1") and as the adapter builds them.
 */
import { columnLetter, columnNumber } from "../ledger/cellRef";

export { quoteSheet, sheetOfReference } from "../ledger/cellRef";

/** A rectangle of cells, 1-based and inclusive. */
export interface CellBox {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** "B3:K200" for rows/columns (1-based, inclusive); a single cell as "B3". */
export function boxAddress(box: CellBox): string {
  const a = `${columnLetter(box.left)}${box.top}`;
  const b = `${columnLetter(box.right)}${box.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

const SHEET_PART = String.raw`(?:'(?:[^']|'')+'|[^'!,]+)!`;
const CELL_PART = String.raw`\$?([A-Za-z]{1,3})\$?(\d+)`;
const AREA = new RegExp(String.raw`(?:${SHEET_PART})?${CELL_PART}(?::${CELL_PART})?`, "g");

/**
 * The rectangles of an address or a list of them ("Sheet1!A1:B2, Sheet1!D1"); sheet names,
 * quoted or not, are skipped. Whole-row or whole-column references (1:1, A:A) are not handled.
 */
export function parseAreas(address: string): CellBox[] {
  const boxes: CellBox[] = [];
  for (const m of address.matchAll(AREA)) {
    const left = columnNumber(m[1]);
    const top = Number(m[2]);
    const right = m[3] ? columnNumber(m[3]) : left;
    const bottom = m[4] ? Number(m[4]) : top;
    boxes.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
  }
  return boxes;
}

/** The one rectangle of an address; throws when there is none. */
export function parseBox(address: string): CellBox {
  const [box] = parseAreas(address);
  if (!box) throw new Error(`Excel 返回了无法识别的区域地址：${address}`);
  return box;
}
