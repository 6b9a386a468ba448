import type { CellRef } from "./model";

/** Sheet column letters for a 1-based column number: 1 → A, 26 → Z, 27 → AA. */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`列号应为正整数：${column}`);
  let letters = "";
  let n = column;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The 1-based column number of column letters: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]+$/.test(letters)) throw new RangeError(`不是列字母：${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * A cell as Excel writes it in a formula: 台账!H12, '2024 台账'!H12.
 * Excel quotes a sheet name unless it is a plain word (letters, digits, _ and .)
 * that does not start with a digit and cannot be read as a cell address.
 */
export function formatCellRef(sheetName: string, ref: CellRef): string {
  const address = `${ref.column}${ref.row}`;
  if (sheetName === "") return address;
  return `${quoteSheetName(sheetName)}!${address}`;
}

export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !looksLikeAddress(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

function looksLikeAddress(name: string): boolean {
  // A1-style (ABC123) and R1C1-style (R, C, R1C1, RC2) names would be read as references.
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^(r\d*c?\d*|c\d*)$/i.test(name);
}

/** A sheet name always in quotes, as defined names and hyperlinks accept it: '汇总-分层', 'O''Brien'. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * The sheet a reference formula points at: "='汇总-分层'!$A$1" → 汇总-分层, "Sheet1!$A$1" → Sheet1;
 * null when it names no sheet (e.g. "#REF!" after the tab was deleted).
 */
export function sheetOfReference(formula: string): string | null {
  const text = formula.trim().replace(/^=/, "");
  const quoted = /^'((?:[^']|'')+)'!/.exec(text);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^'!#]+)!/.exec(text);
  return plain ? plain[1] : null;
}
