/**
 * What ET hands back, made to look like what Office.js hands back, so that one ledger reader
 * serves both:
 * - `Value2` of one cell is a scalar; of one row it may be a 1-D array; of more a 2-D array
 *   (rows of cells). The caller knows the shape it asked for, so the result is always rows × columns.
 * - an empty cell is `undefined` (or `null`): "" as in Office.js;
 * - a formula error is the COM error number (e.g. -2146826281 for #DIV/0!): its text, as
 *   Office.js gives it ("#DIV/0!");
 * - dates are serial numbers in both (Value2, not Value), and so are left alone.
 * Colours: ET speaks BGR numbers (VBA's RGB()), the rest of BANGFU "#RRGGBB".
 */

/**
 * COM error numbers of the sheet errors: 0x800A0000 + xlErr code (xlErrDiv0 = 2007 …), as a
 * signed 32-bit number. A ledger holds no genuine number this close to -2^31.
 */
export const ET_ERROR_TEXTS: ReadonlyMap<number, string> = new Map(
  [
    [2000, "#NULL!"],
    [2007, "#DIV/0!"],
    [2015, "#VALUE!"],
    [2023, "#REF!"],
    [2029, "#NAME?"],
    [2036, "#NUM!"],
    [2042, "#N/A"],
    [2043, "#GETTING_DATA"],
    [2045, "#SPILL!"],
    [2047, "#BLOCKED!"],
    [2048, "#UNKNOWN!"],
    [2049, "#FIELD!"],
    [2050, "#CALC!"],
  ].map(([code, text]) => [0x800a0000 | (code as number) | 0, text as string]),
);

/** The error's text for a COM error number, else null. */
export function etErrorText(value: unknown): string | null {
  return typeof value === "number" ? (ET_ERROR_TEXTS.get(value) ?? null) : null;
}

/** One cell as Office.js would give it. */
export function normaliseCell(value: unknown): unknown {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return etErrorText(value) ?? value;
  return value;
}

/**
 * A `Value2` result as `rows` × `columns` cells, normalised. Throws when the shape cannot be
 * the range's (a bridge that changed its conventions should fail loudly, not misalign columns).
 */
export function normaliseValue2(raw: unknown, rows: number, columns: number): unknown[][] {
  return shapeBlock(raw, rows, columns, normaliseCell);
}

/**
 * A block property (`Value2`, `Formula`) as `rows` × `columns` cells, each passed through `cell`:
 * one cell comes as a scalar, one row may come as a 1-D array (or, from some bridges, one column).
 */
export function shapeBlock(raw: unknown, rows: number, columns: number, cell: (value: unknown) => unknown): unknown[][] {
  if (!Array.isArray(raw)) {
    if (rows === 1 && columns === 1) return [[cell(raw)]];
    throw shapeError(`单个值`, rows, columns);
  }
  if (raw.length > 0 && !Array.isArray(raw[0])) {
    // 1-D: one row, or (some bridges) one column.
    if (rows === 1 && raw.length === columns) return [raw.map(cell)];
    if (columns === 1 && raw.length === rows) return raw.map((v) => [cell(v)]);
    throw shapeError(`一维数组（${raw.length} 个）`, rows, columns);
  }
  if (raw.length !== rows) throw shapeError(`${raw.length} 行`, rows, columns);
  return raw.map((row: unknown) => {
    if (!Array.isArray(row) || row.length !== columns)
      throw shapeError(`一行 ${Array.isArray(row) ? row.length : "非数组"} 列`, rows, columns);
    return row.map(cell);
  });
}

function shapeError(got: string, rows: number, columns: number): Error {
  return new Error(`WPS 返回的单元格数据形状不对：应为 ${rows} 行 × ${columns} 列，实际为${got}。`);
}

/** "#F8D7DA" → BGR number. */
export function hexToBgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new RangeError(`不是颜色：${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return r + g * 256 + b * 65536;
}

/** BGR number → "#RRGGBB". */
export function bgrToHex(bgr: number): string {
  const n = Math.max(0, Math.floor(bgr)) & 0xffffff;
  const hex = (v: number) => v.toString(16).padStart(2, "0").toUpperCase();
  return `#${hex(n & 0xff)}${hex((n >> 8) & 0xff)}${hex((n >> 16) & 0xff)}`;
}

/** ET's visibility values, and true from bridges that map xlSheetVisible to a boolean. */
export function isVisibleSheet(visible: unknown): boolean {
  return visible === -1 || visible === true;
}
