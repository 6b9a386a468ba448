/**
 * A tight scan of SpreadsheetML parts as they stream out of the zip: worksheet rows and shared
 * strings. Not a general XML parser: it looks only for the few elements a cell value is made of
 * (row, c, v, is/t, rPh, mergeCell), in whatever namespace prefix the part uses (<x:row>), and
 * allocates nothing per cell beyond the value itself. Platform-neutral (no Node APIs).
 *
 * Cell values are handed over as a host would (Excel's own range.values): text, numbers, booleans,
 * an error as its text (#DIV/0!), and dates as 1900-system serial numbers (a 1904 workbook's
 * date-formatted cells and ISO t="d" cells are converted), so one ledger reader serves every host.
 */

import type { RowFormulas } from "../ledger/model";
import { SharedStrings, SharedStringTable } from "./sharedStrings";
import { RepeatedTexts, utf8Text } from "./utf8";
import { DAYS_1904_TO_1900 } from "../values/dates";

/** Excel's last row: a row number beyond it is no worksheet Excel could have written. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/** What the reader does with each row; return false to stop reading the part. */
export interface RowHandler {
  /**
   * `cells[c]` is column c + 1's value (undefined when blank); `width` is one past the last column
   * set. `formulas` lists the cells (among those wanted) holding a formula whose saved result is
   * missing or possibly a placeholder, as written by a program that does not calculate (openpyxl,
   * XlsxWriter): Excel or WPS shows another value. The arrays are reused for the next row: copy what must be kept.
   */
  row(rowNumber: number, cells: readonly unknown[], width: number, formulas: RowFormulas): boolean;
}

export interface WorksheetScanOptions {
  readonly sharedStrings: SharedStrings;
  /** 1904 date system: date-formatted numbers are shifted to the 1900 system. */
  readonly date1904: boolean;
  /** Style indexes (s=) whose number format is a date; only consulted for a 1904 workbook. */
  readonly dateStyles: ReadonlySet<number>;
  /** The workbook asks to be recalculated on opening (calcPr fullCalcOnLoad): a formula's saved 0 may be a placeholder. */
  readonly fullCalcOnLoad: boolean;
  /** Decode only these columns (0-based); null: all. May be changed between rows (after the header is found). */
  wanted: Uint8Array | null;
}

export interface WorksheetScanResult {
  /** Merged areas, 1-based inclusive; only when the part was read to its end. */
  readonly merges: { top: number; left: number; bottom: number; right: number }[];
  readonly complete: boolean;
  readonly lastRow: number;
  /** A formula among the cells wanted had a saved result other than 0: the file was calculated. */
  readonly calculatedFormulas: boolean;
}

export class SheetXmlError extends Error {
  constructor(
    readonly kind: "notWorksheet" | "tooManyRows" | "tooManyColumns" | "malformed",
    message: string,
    readonly row: number = 0,
  ) {
    super(message);
    this.name = "SheetXmlError";
  }
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;

/** Text content as written in a part: XML entities, then OOXML's _xHHHH_ escapes (_x000D_ for a carriage return). */
export function decodeText(raw: string): string {
  let text = raw;
  if (text.indexOf("&") >= 0) {
    text = text.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, named: string | undefined) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(parseInt(dec, 10)) : NAMED[named as string],
    );
  }
  if (text.indexOf("_x") >= 0) text = text.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return text;
}

function isNameEnd(code: number): boolean {
  // space, tab, CR, LF, '>', '/'
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

/** The value of attribute `name` in the tag text[start, end), or null. Quotes of either kind. */
function attribute(text: string, start: number, end: number, name: string): string | null {
  let at = text.indexOf(name, start);
  while (at >= 0 && at < end) {
    const before = text.charCodeAt(at - 1);
    let eq = at + name.length;
    if ((before === 32 || before === 9 || before === 10 || before === 13) && text.charCodeAt(eq) === 61) {
      const quote = text.charCodeAt(eq + 1);
      eq += 2;
      const close = text.indexOf(quote === 39 ? "'" : '"', eq);
      return close < 0 || close > end ? null : text.slice(eq, close);
    }
    at = text.indexOf(name, at + 1);
  }
  return null;
}

/** A cell reference's column, 1-based ("AB12" → 28); 0 when it has no letters. */
function columnOfRef(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return n;
}

function rowOfRef(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) > 57) i++;
  return Number(ref.slice(i));
}

/** "A1:C3" → a box; null for a reference that is not one. */
function parseArea(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b = a] = ref.split(":");
  const left = columnOfRef(a);
  const right = columnOfRef(b);
  const top = rowOfRef(a);
  const bottom = rowOfRef(b);
  if (!(left > 0 && right >= left && top > 0 && bottom >= top)) return null;
  return { top, left, bottom, right };
}

/**
 * The text of a rich or plain string item (<si>, <is>) in text[start, end): every <t> outside
 * phonetic runs (<rPh>). Walks the item's tags one by one: no search runs past the item.
 */
function stringItem(text: string, start: number, end: number, p: string): string {
  const tClose = `</${p}t>`;
  const phoneticClose = `</${p}rPh>`;
  let out = "";
  let i = start;
  while (i < end) {
    const lt = text.indexOf("<", i);
    if (lt < 0 || lt >= end) break;
    let n = lt + 1;
    if (p !== "" && text.startsWith(p, n)) n += p.length;
    const c = text.charCodeAt(n);
    if (c === 116 /* t */ && isNameEnd(text.charCodeAt(n + 1))) {
      const tagEnd = text.indexOf(">", n);
      if (text.charCodeAt(tagEnd - 1) === 47) {
        i = tagEnd + 1; // <t/>
        continue;
      }
      const close = text.indexOf(tClose, tagEnd);
      if (close < 0 || close > end) break;
      out += text.slice(tagEnd + 1, close);
      i = close + tClose.length;
    } else if (c === 114 /* r */ && text.startsWith("rPh", n) && isNameEnd(text.charCodeAt(n + 3))) {
      // A phonetic reading (<rPh><t>hu</t></rPh>): not part of the text.
      const close = text.indexOf(phoneticClose, n);
      i = close < 0 || close > end ? end : close + phoneticClose.length;
    } else {
      i = lt + 1;
    }
  }
  return decodeText(out);
}

const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** An ISO date or date-time (t="d") as a 1900-system serial; null if it is not one. */
export function isoToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?/.exec(iso.trim());
  if (!m) return null;
  const days = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 + 25_569; // 1970-01-01 is serial 25569
  const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  // Excel counts the fictitious 1900-02-29: serials before 1900-03-01 are one lower.
  const serial = days < 61 ? days - 1 : days;
  return serial + seconds / 86_400;
}

/** One character per byte: indexes in the text are byte offsets (structure is ASCII; values are decoded as UTF-8). */
const LATIN1 = new TextDecoder("latin1");

function isNameEndByte(code: number): boolean {
  return code === 62 || code === 47 || isSpace(code);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/** Whether buf[at…] holds the namespace prefix (the bytes of "x:"; none for the default namespace). */
function prefixAt(buf: Uint8Array, at: number, prefix: Uint8Array): boolean {
  for (let k = 0; k < prefix.length; k++) if (buf[at + k] !== prefix[k]) return false;
  return true;
}

/** Whether buf[at…] holds prefix + name followed by a name end (space, '>', '/'). */
function nameAt(buf: Uint8Array, at: number, prefix: Uint8Array, name: Uint8Array): boolean {
  if (!prefixAt(buf, at, prefix)) return false;
  const n = at + prefix.length;
  for (let k = 0; k < name.length; k++) if (buf[n + k] !== name[k]) return false;
  const end = buf[n + name.length];
  return end === 62 || end === 47 || isSpace(end);
}

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Set by plainItemEnd: where a plain item's text bytes lie. */
let plainFrom = 0;
let plainTo = 0;

/**
 * Where a plain string item ends: when buf[from…] — a string item's content after <si> or <is> —
 * opens with one <t> (<t xml:space="preserve">) of text with no markup, entity or _xHHHH_ escape,
 * closed by </t> before `limit`, the position after that </t> (and the text's bytes, the item's
 * UTF-8, are plainFrom to plainTo); -1 otherwise. The caller checks that the item closes there;
 * rich runs, phonetic readings and escapes are read as text by stringItem.
 */
function plainItemEnd(buf: Uint8Array, from: number, limit: number, prefix: Uint8Array): number {
  const pl = prefix.length;
  if (!(buf[from] === 60 && prefixAt(buf, from + 1, prefix) && buf[from + 1 + pl] === 116 && isNameEndByte(buf[from + 2 + pl]))) return -1;
  let gt = from + 2 + pl;
  while (gt < limit && buf[gt] !== 62) gt++;
  if (gt >= limit || buf[gt - 1] === 47) return -1; // <t/>
  let to = gt + 1;
  for (; to < limit; to++) {
    const b = buf[to];
    if (b === 60) break;
    if (b === 38 || b === 95) return -1; // &amp; or _x000D_: decoded by stringItem
  }
  if (!(to + pl + 4 <= limit && isEndTag(buf, to, prefix, T))) return -1;
  plainFrom = gt + 1;
  plainTo = to;
  return to + pl + 4;
}

/** Whether buf[at…] is the end tag </prefix:name> exactly. */
function isEndTag(buf: Uint8Array, at: number, prefix: Uint8Array, name: Uint8Array): boolean {
  if (!(buf[at] === 60 && buf[at + 1] === 47 && prefixAt(buf, at + 2, prefix))) return false;
  const n = at + 2 + prefix.length;
  for (let k = 0; k < name.length; k++) if (buf[n + k] !== name[k]) return false;
  return buf[n + name.length] === 62;
}

const ROW = ascii("row");
const SHEET_DATA = ascii("sheetData");
const SI = ascii("si");
const IS = ascii("is");
const T = ascii("t");
/** What closes the rows read so far: a row, or the sheet's data. */
const ROW_ENDS = [ROW, SHEET_DATA];

/**
 * The number written in buf[from, to), as Number() reads it, without making a string first.
 * Plain decimals of up to 15 digits are exact integers divided by a power of ten: IEEE division
 * rounds correctly, so the result is the double Number() gives. Anything else goes to Number().
 */
function numberIn(buf: Uint8Array, from: number, to: number): number {
  let i = from;
  const negative = buf[i] === 45;
  if (negative) i += 1;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < to; i++) {
    const c = buf[i];
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits += 1;
      if (decimals >= 0) decimals += 1;
    } else if (c === 46 && decimals < 0) {
      decimals = 0;
    } else {
      return to > from ? Number(LATIN1.decode(buf.subarray(from, to))) : NaN; // exponent, spaces, INF…
    }
  }
  if (digits === 0) return NaN;
  if (digits > 15) return Number(LATIN1.decode(buf.subarray(from, to)));
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
  return negative ? -value : value;
}

/** A whole number of at most 9 digits in buf[from, to); -1 for anything else. */
function indexIn(buf: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = buf[k] - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Thrown inside a row that runs past the bytes inflated so far: the row is read again with more. */
const INCOMPLETE = -1;

/**
 * The rows of a worksheet's <sheetData>, straight from the inflated bytes: no text is decoded but
 * the values of the columns wanted, and a cell costs a few byte comparisons. A row that runs past
 * the bytes at hand is read again once more have arrived (nothing of it is handed over before).
 */
class RowScanner {
  lastRow = 0;
  stopped = false;
  /** </sheetData> was reached. */
  ended = false;
  private readonly cells: unknown[] = [];
  private readonly formulas = { uncomputed: [] as number[], zeroResults: [] as number[] };
  calculatedFormulas = false;
  private readonly prefixText: string;
  /** Inline strings repeat down a column as shared strings would: one string for each repeated value. */
  private readonly repeated = new RepeatedTexts();

  constructor(
    private readonly prefix: Uint8Array,
    private readonly options: WorksheetScanOptions,
    private readonly handler: RowHandler,
  ) {
    this.prefixText = LATIN1.decode(prefix);
  }

  /** Read the rows in buf from `from`; returns where reading stopped (the start of a row not yet complete). */
  rows(buf: Uint8Array, from: number, final: boolean): number {
    const len = buf.length;
    const prefix = this.prefix;
    let pos = from;
    for (;;) {
      let lt = pos;
      while (lt < len && buf[lt] !== 60) lt++;
      if (lt >= len) return len;
      // Enough bytes to tell the tag's name (</sheetData> is the longest looked for).
      if (!final && lt + prefix.length + 12 > len) return lt;
      if (buf[lt + 1] === 47) {
        const close = nameAt(buf, lt + 2, prefix, SHEET_DATA);
        let gt = lt + 2;
        while (gt < len && buf[gt] !== 62) gt++;
        if (gt >= len) return final ? len : lt;
        if (close) {
          this.ended = true;
          return gt + 1;
        }
        pos = gt + 1;
      } else if (nameAt(buf, lt + 1, prefix, ROW)) {
        const next = this.row(buf, lt + 1 + prefix.length + 3);
        if (next === INCOMPLETE) {
          if (final) throw new SheetXmlError("malformed", "unclosed row", this.lastRow + 1);
          return lt;
        }
        if (this.stopped) return next;
        pos = next;
      } else {
        let gt = lt + 1;
        while (gt < len && buf[gt] !== 62) gt++;
        if (gt >= len) return final ? len : lt;
        pos = gt + 1;
      }
    }
  }

  /** One row, from just after "<row"; returns the position after it, or INCOMPLETE. */
  private row(buf: Uint8Array, at: number): number {
    const len = buf.length;
    const prefix = this.prefix;
    const pl = prefix.length;
    // The start tag: r= is the only attribute read.
    let j = at;
    let rFrom = -1;
    let rTo = -1;
    let selfClosing = false;
    for (;;) {
      if (j >= len) return INCOMPLETE;
      const ch = buf[j];
      if (ch === 62) break;
      if (ch === 47) {
        selfClosing = true;
        j += 1;
        if (j >= len) return INCOMPLETE;
        break;
      }
      if (isSpace(ch)) {
        j += 1;
        continue;
      }
      const name = j;
      const value = attributeValue(buf, j, this.lastRow);
      if (value === INCOMPLETE) return INCOMPLETE;
      if (attributeEnd - name === 1 && buf[name] === 114) {
        rFrom = valueStart;
        rTo = value;
      }
      j = value + 1;
    }
    let rowNumber: number;
    if (rFrom < 0) rowNumber = this.lastRow + 1;
    else {
      rowNumber = indexIn(buf, rFrom, rTo);
      if (rowNumber < 0) rowNumber = Number(LATIN1.decode(buf.subarray(rFrom, rTo)));
    }
    if (!(rowNumber > this.lastRow) || !Number.isInteger(rowNumber)) {
      throw new SheetXmlError(
        "malformed",
        `row number ${rFrom < 0 ? rowNumber : LATIN1.decode(buf.subarray(rFrom, rTo))} after ${this.lastRow}`,
        this.lastRow,
      );
    }
    if (rowNumber > EXCEL_MAX_ROWS) throw new SheetXmlError("tooManyRows", `row ${rowNumber}`, rowNumber);
    if (selfClosing) {
      this.lastRow = rowNumber; // <row/>: an empty row
      return j + 1;
    }

    const cells = this.cells;
    const formulas = this.formulas;
    formulas.uncomputed.length = 0;
    formulas.zeroResults.length = 0;
    const { wanted, sharedStrings, date1904 } = this.options;
    let column = 0;
    let width = 0;
    let i = j + 1;
    for (;;) {
      let lt = i;
      while (lt < len && buf[lt] !== 60) lt++;
      // "</row>" or "<c " must be readable whole.
      if (lt + pl + 6 > len) return this.unfinished(width);
      if (buf[lt + 1] === 47) {
        if (
          prefixAt(buf, lt + 2, prefix) &&
          buf[lt + 2 + pl] === 114 &&
          buf[lt + 3 + pl] === 111 &&
          buf[lt + 4 + pl] === 119 &&
          buf[lt + 5 + pl] === 62
        ) {
          i = lt + 6 + pl;
          break;
        }
        i = lt + 1;
        continue;
      }
      if (!(prefixAt(buf, lt + 1, prefix) && buf[lt + 1 + pl] === 99)) {
        i = lt + 1;
        continue;
      }
      j = lt + 2 + pl;
      let ch = buf[j];
      if (!(ch === 62 || ch === 47 || isSpace(ch))) {
        i = j;
        continue;
      }
      // The start tag, in one pass: r=, t= and s= (attribute order is free).
      let refColumn = 0;
      let typeFrom = -1;
      let typeTo = -1;
      let styleFrom = -1;
      let styleTo = -1;
      selfClosing = false;
      for (;;) {
        if (j >= len) return this.unfinished(width);
        ch = buf[j];
        if (ch === 62) break;
        if (ch === 47) {
          selfClosing = true;
          j += 1;
          if (j >= len) return this.unfinished(width);
          break;
        }
        if (isSpace(ch)) {
          j += 1;
          continue;
        }
        const name = j;
        const value = attributeValue(buf, j, rowNumber);
        if (value === INCOMPLETE) return this.unfinished(width);
        if (attributeEnd - name === 1) {
          const n = buf[name];
          if (n === 114) {
            // r="AB12": the column letters
            for (let k = valueStart; k < value; k++) {
              const c = buf[k] | 32;
              if (c < 97 || c > 122) break;
              refColumn = refColumn * 26 + (c - 96);
            }
          } else if (n === 116) {
            typeFrom = valueStart;
            typeTo = value;
          } else if (n === 115) {
            styleFrom = valueStart;
            styleTo = value;
          }
        }
        j = value + 1;
      }
      column = refColumn > 0 ? refColumn : column + 1;
      if (column > EXCEL_MAX_COLUMNS) throw new SheetXmlError("tooManyColumns", `column ${column}`, rowNumber);
      if (selfClosing) {
        i = j + 1;
        continue;
      }
      // The content. The common cell is <c …><v>value</v></c>: read in one go.
      let valueFrom = -1;
      let valueTo = -1;
      let inlineFrom = -1;
      let inlineTo = -1;
      let contentEnd = -1;
      let formula = false;
      const c0 = j + 1;
      if (buf[c0] === 60 && prefixAt(buf, c0 + 1, prefix) && buf[c0 + 1 + pl] === 118 && buf[c0 + 2 + pl] === 62) {
        const from = c0 + 3 + pl;
        let to = from;
        while (to < len && buf[to] !== 60) to++;
        if (to + 8 + 2 * pl > len) return this.unfinished(width);
        if (
          buf[to + 1] === 47 &&
          prefixAt(buf, to + 2, prefix) &&
          buf[to + 2 + pl] === 118 &&
          buf[to + 3 + pl] === 62 &&
          buf[to + 4 + pl] === 60 &&
          buf[to + 5 + pl] === 47 &&
          prefixAt(buf, to + 6 + pl, prefix) &&
          buf[to + 6 + 2 * pl] === 99 &&
          buf[to + 7 + 2 * pl] === 62
        ) {
          valueFrom = from;
          valueTo = to;
          contentEnd = to;
          i = to + 8 + 2 * pl;
        }
      }
      if (contentEnd < 0) {
        // Anything else (a formula, an inline string, <v> elsewhere): walk the tags to </c>.
        let k = c0;
        for (;;) {
          while (k < len && buf[k] !== 60) k++;
          if (k + pl + 4 > len) return this.unfinished(width);
          if (buf[k + 1] === 47) {
            if (prefixAt(buf, k + 2, prefix) && buf[k + 2 + pl] === 99 && buf[k + 3 + pl] === 62) {
              contentEnd = k;
              i = k + pl + 4;
              break;
            }
            if (inlineFrom >= 0 && inlineTo < 0 && nameAt(buf, k + 2, prefix, IS)) inlineTo = k;
          } else if (prefixAt(buf, k + 1, prefix)) {
            const a = buf[k + 1 + pl];
            if (a === 118 && buf[k + 2 + pl] === 62 && valueFrom < 0) {
              valueFrom = k + pl + 3;
              let e = valueFrom;
              while (e < len && buf[e] !== 60) e++;
              if (e >= len) return this.unfinished(width);
              valueTo = e;
              k = e;
              continue;
            }
            if (a === 105 && buf[k + 2 + pl] === 115 && buf[k + 3 + pl] === 62 && inlineFrom < 0) inlineFrom = k + pl + 4;
            else if (a === 102) {
              const after = buf[k + 2 + pl]; // <f>, <f t="shared" si="0"/>, <f/>
              if (after === 62 || after === 47 || isSpace(after)) formula = true;
            }
          }
          k += 1;
        }
      }
      const index = column - 1;
      if (wanted !== null && wanted[index] !== 1) continue;
      // t: absent or "n" (number), "s" (shared string), "inlineStr", "str", "b", "e", "d".
      const typeLength = typeTo - typeFrom;
      const t0 = typeFrom < 0 ? 110 : buf[typeFrom];
      let value: unknown;
      if (t0 === 105 /* inlineStr */) {
        if (inlineFrom < 0) continue;
        if (inlineTo >= 0 && plainItemEnd(buf, inlineFrom, inlineTo, prefix) === inlineTo)
          value = this.repeated.text(buf, plainFrom, plainTo);
        else {
          const text = utf8Text(buf, inlineFrom, contentEnd);
          value = stringItem(text, 0, text.length, this.prefixText);
        }
      } else {
        // A formula without its result (no <v>, or an empty one where the result is not text): unknown, not blank.
        if (formula && (valueFrom < 0 || (valueFrom === valueTo && !(t0 === 115 && typeLength === 3)))) {
          formulas.uncomputed.push(index);
          continue;
        }
        if (valueFrom < 0) continue; // no value: a styled blank
        if (t0 === 115 && typeLength === 1) {
          const n = indexIn(buf, valueFrom, valueTo);
          value = n >= 0 ? sharedStrings.get(n) : undefined;
          if (value === undefined)
            throw new SheetXmlError("malformed", `shared string ${LATIN1.decode(buf.subarray(valueFrom, valueTo))} missing`, rowNumber);
        } else if (t0 === 110 && typeLength <= 1) {
          const number = numberIn(buf, valueFrom, valueTo);
          if (Number.isNaN(number)) continue;
          const shifted = date1904 && styleFrom >= 0 && this.options.dateStyles.has(styleIndex(buf, styleFrom, styleTo));
          value = shifted ? number + DAYS_1904_TO_1900 : number;
          if (formula) {
            if (number !== 0) this.calculatedFormulas = true;
            else if (this.options.fullCalcOnLoad) formulas.zeroResults.push(index);
          }
        } else if (t0 === 98 /* b */) {
          const raw = LATIN1.decode(buf.subarray(valueFrom, valueTo)).trim();
          value = raw === "1" || raw === "true";
        } else if (t0 === 100 /* d */) {
          const raw = utf8Text(buf, valueFrom, valueTo);
          const serial = isoToSerial(raw);
          value = serial === null ? decodeText(raw) : serial;
        } else {
          value = decodeText(this.repeated.text(buf, valueFrom, valueTo)); // str (a formula's text result) and e (an error: #DIV/0!)
        }
        if (formula && t0 !== 110) this.calculatedFormulas = true; // a text, error or boolean result
      }
      cells[index] = value;
      if (column > width) width = column;
    }
    this.lastRow = rowNumber;
    const go = this.handler.row(rowNumber, cells, width, formulas);
    for (let c = 0; c < width; c++) cells[c] = undefined;
    if (!go) this.stopped = true;
    return i;
  }

  /** A row cut off by the end of the bytes at hand: forget its cells, read it again later. */
  private unfinished(width: number): number {
    for (let c = 0; c < width; c++) this.cells[c] = undefined;
    return INCOMPLETE;
  }
}

function styleIndex(buf: Uint8Array, from: number, to: number): number {
  const n = indexIn(buf, from, to);
  return n >= 0 ? n : Number(LATIN1.decode(buf.subarray(from, to)));
}

/** Where the last attribute's name ended and its value started (set by attributeValue). */
let attributeEnd = 0;
let valueStart = 0;

/**
 * An attribute at buf[at] (name, optional spaces, '=', optional spaces, a quoted value): returns
 * the position of the closing quote, and sets attributeEnd and valueStart; INCOMPLETE when the
 * bytes end first.
 */
function attributeValue(buf: Uint8Array, at: number, row: number): number {
  const len = buf.length;
  let k = at;
  while (k < len) {
    const c = buf[k];
    if (c === 61 || c === 62 || c === 47 || isSpace(c)) break;
    k++;
  }
  attributeEnd = k;
  while (k < len && isSpace(buf[k])) k++;
  if (k >= len) return INCOMPLETE;
  if (buf[k] !== 61) throw new SheetXmlError("malformed", "bad tag", row);
  k++;
  while (k < len && isSpace(buf[k])) k++;
  if (k >= len) return INCOMPLETE;
  const quote = buf[k];
  if (quote !== 34 && quote !== 39) throw new SheetXmlError("malformed", "bad tag", row);
  valueStart = k + 1;
  let e = valueStart;
  while (e < len && buf[e] !== quote) e++;
  return e >= len ? INCOMPLETE : e;
}

/**
 * Just after the last closing tag "</" + prefix + name + ">" in buf, for any of the names, whose
 * '>' lies at or after `from`; 0 when there is none.
 */
function lastCloseEnd(buf: Uint8Array, from: number, prefix: Uint8Array, names: readonly Uint8Array[]): number {
  for (let i = buf.length - 1; i >= from; i--) {
    if (buf[i] !== 62) continue;
    for (const name of names) {
      const at = i - prefix.length - name.length - 2; // "</" + prefix + name, before the '>'
      if (at < 0 || buf[at] !== 60 || buf[at + 1] !== 47 || !prefixAt(buf, at + 2, prefix)) continue;
      let k = 0;
      while (k < name.length && buf[at + 2 + prefix.length + k] === name[k]) k++;
      if (k === name.length) return i + 1;
    }
  }
  return 0;
}

/** Bytes that arrive in chunks, kept until read; the unread rest moves to the front. */
class ByteQueue {
  bytes = new Uint8Array(256 * 1024);
  length = 0;

  push(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + chunk.length));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.bytes.set(chunk, this.length);
    this.length += chunk.length;
  }

  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  drop(count: number): void {
    if (count <= 0) return;
    this.bytes.copyWithin(0, count, this.length);
    this.length -= count;
  }
}

/**
 * Scan a worksheet part. Rows are handed to `handler` as they complete; chunk boundaries may fall
 * anywhere (inside a tag, a character or a row). Cells and rows without r= follow the previous one.
 */
export async function scanWorksheet(
  chunks: AsyncIterable<Uint8Array>,
  options: WorksheetScanOptions,
  handler: RowHandler,
): Promise<WorksheetScanResult> {
  const merges: WorksheetScanResult["merges"] = [];
  const queue = new ByteQueue();
  let phase: "before" | "rows" | "after" = "before";
  let scanner = null as RowScanner | null;
  let mergeOpen = "<mergeCell";
  let tail = "";
  /** Bytes at the front of the queue already searched for the end of a row. */
  let searched = 0;
  let prefix: Uint8Array = new Uint8Array(0);

  const mergesIn = (text: string): number => {
    let i = 0;
    for (;;) {
      const m = text.indexOf(mergeOpen, i);
      if (m < 0) return i;
      const tagEnd = text.indexOf(">", m);
      if (tagEnd < 0) return m;
      if (isNameEnd(text.charCodeAt(m + mergeOpen.length))) {
        const ref = attribute(text, m, tagEnd, "ref");
        const area = ref === null ? null : parseArea(ref);
        if (area) merges.push(area);
      }
      i = tagEnd + 1;
    }
  };

  const take = (final: boolean) => {
    if (phase === "before") {
      const head = LATIN1.decode(queue.view());
      const root = /<(\w+:)?worksheet[\s>]/.exec(head);
      if (!root) {
        if (final || head.length > 1 << 20) throw new SheetXmlError("notWorksheet", "no worksheet element");
        return;
      }
      const p = root[1] ?? "";
      mergeOpen = `<${p}mergeCell`;
      const data = head.indexOf(`<${p}sheetData`, root.index);
      if (data < 0) {
        if (final) phase = "after";
        return;
      }
      const tagEnd = head.indexOf(">", data);
      if (tagEnd < 0) return;
      const selfClosed = head.charCodeAt(tagEnd - 1) === 47; // <sheetData/>: no rows
      queue.drop(tagEnd + 1);
      prefix = ascii(p);
      scanner = new RowScanner(prefix, options, handler);
      phase = selfClosed ? "after" : "rows";
    }
    if (phase === "rows") {
      // Only whole rows are read: up to the last </row> (or </sheetData>) among the bytes added,
      // so no row is ever read twice and reading never runs off the end of the bytes at hand.
      const view = queue.view();
      const end = final ? view.length : lastCloseEnd(view, searched, prefix, ROW_ENDS);
      searched = view.length;
      if (end > 0) {
        const rows = scanner as RowScanner;
        const stop = rows.rows(view.subarray(0, end), 0, true);
        if (rows.stopped) return;
        queue.drop(stop);
        searched -= stop;
        if (rows.ended) phase = "after";
      }
    }
    if (phase === "after") {
      tail += LATIN1.decode(queue.view());
      queue.drop(queue.length);
      tail = tail.slice(mergesIn(tail));
      // Keep only a possibly cut-off tag at the end.
      const lt = tail.lastIndexOf("<");
      tail = lt < 0 ? "" : tail.slice(lt);
    }
  };

  for await (const chunk of chunks) {
    queue.push(chunk);
    take(false);
    if (scanner?.stopped) return { merges, complete: false, lastRow: scanner.lastRow, calculatedFormulas: scanner.calculatedFormulas };
  }
  take(true);
  return { merges, complete: !scanner?.stopped, lastRow: scanner?.lastRow ?? 0, calculatedFormulas: scanner?.calculatedFormulas ?? false };
}

/**
 * Every string item of a shared-strings part, in order. The table is held while sheets are read:
 * `afterChunk` (given the items so far) may stop the reading by throwing, e.g. when memory runs out.
 */
export async function scanSharedStrings(chunks: AsyncIterable<Uint8Array>, afterChunk?: (items: number) => void): Promise<SharedStrings> {
  const queue = new ByteQueue();
  const table = new SharedStringTable();
  let prefix: Uint8Array | null = null;
  let prefixText = "";
  let searched = 0;

  /** The items wholly inside buf; returns where reading stopped. */
  const items = (buf: Uint8Array, final: boolean): number => {
    const p = prefix as Uint8Array;
    const pl = p.length;
    const len = buf.length;
    let pos = 0;
    for (;;) {
      let lt = pos;
      while (lt < len && buf[lt] !== 60) lt++;
      if (lt >= len) return len;
      if (lt + pl + 4 > len) return final ? len : lt;
      if (!(prefixAt(buf, lt + 1, p) && buf[lt + 1 + pl] === 115 && buf[lt + 2 + pl] === 105 && isNameEndByte(buf[lt + 3 + pl]))) {
        pos = lt + 1;
        continue;
      }
      let gt = lt + 3 + pl;
      while (gt < len && buf[gt] !== 62) gt++;
      if (gt >= len) return final ? len : lt;
      if (buf[gt - 1] === 47) {
        table.addString(""); // <si/>
        pos = gt + 1;
        continue;
      }
      const c = gt + 1;
      // A plain item is kept as its bytes, read once; anything else (runs, phonetic readings, escapes) is decoded as text up to </si>.
      const plainEnd = plainItemEnd(buf, c, len, p);
      if (plainEnd >= 0 && plainEnd + pl + 5 <= len && isEndTag(buf, plainEnd, p, SI)) {
        table.addBytes(buf, plainFrom, plainTo);
        pos = plainEnd + pl + 5;
        continue;
      }
      let close = c;
      for (;;) {
        while (close < len && buf[close] !== 60) close++;
        if (close + pl + 5 > len) return final ? len : lt;
        if (isEndTag(buf, close, p, SI)) break;
        close += 1;
      }
      const text = utf8Text(buf, c, close);
      table.addString(stringItem(text, 0, text.length, prefixText));
      pos = close + pl + 5;
    }
  };

  const take = (final: boolean) => {
    if (prefix === null) {
      const head = LATIN1.decode(queue.view().subarray(0, 1 << 20));
      const root = /<(\w+:)?sst[\s>]/.exec(head);
      if (!root && !final) return;
      prefixText = root?.[1] ?? "";
      prefix = ascii(prefixText);
    }
    // Only whole items are read: up to the last </si> among the bytes added (as rows are).
    const view = queue.view();
    const end = final ? view.length : lastCloseEnd(view, searched, prefix, [SI]);
    searched = view.length;
    if (end > 0) {
      const stop = items(view.subarray(0, end), true);
      queue.drop(stop);
      searched -= stop;
    }
  };

  for await (const chunk of chunks) {
    queue.push(chunk);
    take(false);
    afterChunk?.(table.count);
  }
  take(true);
  return table;
}
