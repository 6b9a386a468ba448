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

/** Excel's last row: a row number beyond it is no worksheet Excel could have written. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/** What the reader does with each row; return false to stop reading the part. */
export interface RowHandler {
  /**
   * `cells[c]` is column c + 1's value (undefined when blank); `width` is one past the last column
   * set. The array is reused for the next row: copy what must be kept.
   */
  row(rowNumber: number, cells: readonly unknown[], width: number): boolean;
}

export interface WorksheetScanOptions {
  readonly sharedStrings: readonly string[];
  /** 1904 date system: date-formatted numbers are shifted to the 1900 system. */
  readonly date1904: boolean;
  /** Style indexes (s=) whose number format is a date; only consulted for a 1904 workbook. */
  readonly dateStyles: ReadonlySet<number>;
  /** Decode only these columns (0-based); null: all. May be changed between rows (after the header is found). */
  wanted: Uint8Array | null;
}

export interface WorksheetScanResult {
  /** Merged areas, 1-based inclusive; only when the part was read to its end. */
  readonly merges: { top: number; left: number; bottom: number; right: number }[];
  readonly complete: boolean;
  readonly lastRow: number;
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

/** Days between 1899-12-30 (day 0 of the 1900 system, as Excel counts after 1900-03-01) and 1904-01-01. */
const DAYS_1904 = 1462;

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

/**
 * The number written in text[from, to), as Number() reads it, without cutting a string out first.
 * Plain decimals of up to 15 digits are exact integers divided by a power of ten: IEEE division
 * rounds correctly, so the result is the double Number() gives. Anything else goes to Number().
 */
function numberAt(text: string, from: number, to: number): number {
  let i = from;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i += 1;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits += 1;
      if (decimals >= 0) decimals += 1;
    } else if (c === 46 && decimals < 0) {
      decimals = 0;
    } else {
      return to > from ? Number(text.slice(from, to)) : NaN; // exponent, spaces, INF…
    }
  }
  if (digits === 0) return NaN;
  if (digits > 15) return Number(text.slice(from, to));
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
  return negative ? -value : value;
}

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

/**
 * Scan a worksheet part. Rows are handed to `handler` as they complete; chunk boundaries may fall
 * anywhere (inside a tag, a character or a row). Cells and rows without r= follow the previous one.
 */
export async function scanWorksheet(chunks: AsyncIterable<Uint8Array>, options: WorksheetScanOptions, handler: RowHandler): Promise<WorksheetScanResult> {
  const decoder = new TextDecoder("utf-8");
  const merges: WorksheetScanResult["merges"] = [];
  let pending = "";
  let phase: "before" | "rows" | "after" = "before";
  let p = "";
  let rowOpen = "<row";
  let rowClose = "</row>";
  let cOpen = "<c";
  let cClose = "</c>";
  let vOpen = "<v>";
  let vClose = "</v>";
  let isOpen = "<is>";
  let dataClose = "</sheetData>";
  let mergeOpen = "<mergeCell";
  const cells: unknown[] = [];
  let lastRow = 0;
  let stopped = false;

  const setPrefix = (prefix: string) => {
    p = prefix;
    rowOpen = `<${p}row`;
    rowClose = `</${p}row>`;
    cOpen = `<${p}c`;
    cClose = `</${p}c>`;
    vOpen = `<${p}v>`;
    vClose = `</${p}v>`;
    isOpen = `<${p}is>`;
    dataClose = `</${p}sheetData>`;
    mergeOpen = `<${p}mergeCell`;
  };

  /** Parse the rows wholly inside text[0, end); returns where parsing stopped. */
  const rows = (text: string, end: number): number => {
    let i = 0;
    for (;;) {
      const rs = text.indexOf(rowOpen, i);
      if (rs < 0 || rs >= end) return end;
      if (!isNameEnd(text.charCodeAt(rs + rowOpen.length))) {
        i = rs + rowOpen.length;
        continue;
      }
      const tagEnd = text.indexOf(">", rs);
      const r = attribute(text, rs, tagEnd, "r");
      const rowNumber = r === null ? lastRow + 1 : Number(r);
      if (!(rowNumber > lastRow) || !Number.isInteger(rowNumber)) throw new SheetXmlError("malformed", `row number ${r} after ${lastRow}`, lastRow);
      if (rowNumber > EXCEL_MAX_ROWS) throw new SheetXmlError("tooManyRows", `row ${rowNumber}`, rowNumber);
      lastRow = rowNumber;
      if (text.charCodeAt(tagEnd - 1) === 47) {
        i = tagEnd + 1; // <row/>: an empty row
        continue;
      }
      const close = text.indexOf(rowClose, tagEnd);
      if (close < 0 || close > end) throw new SheetXmlError("malformed", "unclosed row", rowNumber);
      const width = rowCells(text, tagEnd + 1, close, rowNumber);
      i = close + rowClose.length;
      const go = handler.row(rowNumber, cells, width);
      for (let c = 0; c < width; c++) cells[c] = undefined;
      if (!go) {
        stopped = true;
        return i;
      }
    }
  };

  const { sharedStrings, date1904, dateStyles } = options;

  /** Fill `cells` from one row's content text[start, end); returns the width. */
  const rowCells = (text: string, start: number, end: number, rowNumber: number): number => {
    const wanted = options.wanted;
    let column = 0;
    let width = 0;
    let i = start;
    for (;;) {
      const cs = text.indexOf(cOpen, i);
      if (cs < 0 || cs >= end) return width;
      let j = cs + cOpen.length;
      if (!isNameEnd(text.charCodeAt(j))) {
        i = j;
        continue;
      }
      // One pass over the start tag: r=, t= and s= (attribute order is free).
      let refColumn = 0;
      let typeStart = -1;
      let typeEnd = -1;
      let styleStart = -1;
      let styleEnd = -1;
      let selfClosing = false;
      for (;;) {
        const ch = text.charCodeAt(j);
        if (ch === 62) break; // >
        if (ch === 47) {
          selfClosing = true; // />
          j += 1;
          break;
        }
        if (ch === 32 || ch === 9 || ch === 10 || ch === 13) {
          j += 1;
          continue;
        }
        const eq = text.indexOf("=", j);
        if (eq < 0 || eq > end) throw new SheetXmlError("malformed", "bad cell tag", rowNumber);
        const quote = text.charCodeAt(eq + 1) === 39 ? "'" : '"';
        const valueStart = eq + 2;
        const valueEnd = text.indexOf(quote, valueStart);
        if (eq - j === 1) {
          const name = text.charCodeAt(j);
          if (name === 114) {
            // r="AB12": the column letters
            for (let k = valueStart; k < valueEnd; k++) {
              const c = text.charCodeAt(k) | 32;
              if (c < 97 || c > 122) break;
              refColumn = refColumn * 26 + (c - 96);
            }
          } else if (name === 116) {
            typeStart = valueStart;
            typeEnd = valueEnd;
          } else if (name === 115) {
            styleStart = valueStart;
            styleEnd = valueEnd;
          }
        }
        j = valueEnd + 1;
      }
      const tagEnd = j;
      column = refColumn > 0 ? refColumn : column + 1;
      if (column > EXCEL_MAX_COLUMNS) throw new SheetXmlError("tooManyColumns", `column ${column}`, rowNumber);
      let contentEnd = tagEnd;
      // The common cell is <c …><v>value</v></c>: one search for the value's end finds the cell's end too.
      let valueFrom = -1;
      if (selfClosing) {
        i = tagEnd + 1;
      } else if (text.startsWith(vOpen, tagEnd + 1)) {
        const from = tagEnd + 1 + vOpen.length;
        const to = text.indexOf("<", from);
        if (to >= 0 && text.startsWith(vClose, to) && text.startsWith(cClose, to + vClose.length)) {
          valueFrom = from;
          contentEnd = to;
          i = to + vClose.length + cClose.length;
        }
      }
      if (!selfClosing && valueFrom < 0) {
        contentEnd = text.indexOf(cClose, tagEnd);
        if (contentEnd < 0 || contentEnd > end) throw new SheetXmlError("malformed", "unclosed cell", rowNumber);
        i = contentEnd + cClose.length;
      }
      const index = column - 1;
      if (selfClosing || (wanted !== null && wanted[index] !== 1)) continue;
      // t: absent or "n" (number), "s" (shared string), "inlineStr", "str", "b", "e", "d".
      const typeLength = typeEnd - typeStart;
      const t0 = typeStart < 0 ? 110 : text.charCodeAt(typeStart);
      let value: unknown;
      if (t0 === 105 /* inlineStr */) {
        const is = text.indexOf(isOpen, tagEnd);
        if (is < 0 || is > contentEnd) continue;
        value = stringItem(text, is + isOpen.length, contentEnd, p);
      } else {
        let from = valueFrom;
        let to = contentEnd;
        if (from < 0) {
          const v = text.indexOf(vOpen, tagEnd);
          if (v < 0 || v > contentEnd) continue; // no value: a formula not yet calculated, or a styled blank
          from = v + vOpen.length;
          to = text.indexOf(vClose, from);
        }
        if (t0 === 115 && typeLength === 1) {
          let n = 0;
          for (let k = from; k < to; k++) {
            const d = text.charCodeAt(k) - 48;
            if (d < 0 || d > 9) {
              n = -1;
              break;
            }
            n = n * 10 + d;
          }
          value = n >= 0 && to > from ? sharedStrings[n] : undefined;
          if (value === undefined) throw new SheetXmlError("malformed", `shared string ${text.slice(from, to)} missing`, rowNumber);
        } else if (t0 === 110 && typeLength <= 1) {
          const number = numberAt(text, from, to);
          if (Number.isNaN(number)) continue;
          value = date1904 && styleStart >= 0 && dateStyles.has(Number(text.slice(styleStart, styleEnd))) ? number + DAYS_1904 : number;
        } else if (t0 === 98 /* b */) {
          const raw = text.slice(from, to).trim();
          value = raw === "1" || raw === "true";
        } else if (t0 === 100 /* d */) {
          const raw = text.slice(from, to);
          const serial = isoToSerial(raw);
          value = serial === null ? decodeText(raw) : serial;
        } else {
          value = decodeText(text.slice(from, to)); // str (a formula's text result) and e (an error: #DIV/0!)
        }
      }
      cells[index] = value;
      if (column > width) width = column;
    }
  };

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
      const root = /<(\w+:)?worksheet[\s>]/.exec(pending);
      if (!root) {
        if (final || pending.length > 1 << 20) throw new SheetXmlError("notWorksheet", "no worksheet element");
        return;
      }
      setPrefix(root[1] ?? "");
      const data = pending.indexOf(`<${p}sheetData`, root.index);
      if (data < 0) {
        if (final) phase = "after";
        return;
      }
      const tagEnd = pending.indexOf(">", data);
      if (tagEnd < 0) return;
      const selfClosed = pending.charCodeAt(tagEnd - 1) === 47; // <sheetData/>: no rows
      pending = pending.slice(tagEnd + 1);
      phase = selfClosed ? "after" : "rows";
    }
    if (phase === "rows") {
      // </sheetData> can only be in the text just added (or straddle its start).
      const close = pending.indexOf(dataClose, Math.max(0, pending.length - added - dataClose.length));
      const lastClose = pending.lastIndexOf(rowClose);
      const end = close >= 0 ? close : final ? pending.length : lastClose < 0 ? 0 : lastClose + rowClose.length;
      if (end > 0 || close >= 0) {
        const stop = rows(pending, end);
        if (stopped) return;
        if (close >= 0) {
          phase = "after";
          pending = pending.slice(close + dataClose.length);
        } else {
          pending = pending.slice(stop);
        }
      }
    }
    if (phase === "after") {
      const used = mergesIn(pending);
      pending = pending.slice(used);
      // Keep only a possibly cut-off tag at the end.
      const lt = pending.lastIndexOf("<");
      pending = lt < 0 ? "" : pending.slice(lt);
    }
  };

  let added = 0;
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    added = text.length;
    pending += text;
    take(false);
    if (stopped) return { merges, complete: false, lastRow };
  }
  const rest = decoder.decode();
  added = rest.length + pending.length; // search all that is left
  pending += rest;
  take(true);
  return { merges, complete: !stopped, lastRow };
}

/**
 * Every string item of a shared-strings part, in order. The table is held while sheets are read:
 * `afterChunk` (given the items so far) may stop the reading by throwing, e.g. when memory runs out.
 */
export async function scanSharedStrings(chunks: AsyncIterable<Uint8Array>, afterChunk?: (items: number) => void): Promise<string[]> {
  const decoder = new TextDecoder("utf-8");
  const out: string[] = [];
  let pending = "";
  let p: string | null = null;
  let siOpen = "<si";
  let siClose = "</si>";
  const items = (final: boolean) => {
    if (p === null) {
      const root = /<(\w+:)?sst[\s>]/.exec(pending);
      if (!root) {
        if (final) p = "";
        else return;
      } else p = root[1] ?? "";
      siOpen = `<${p}si`;
      siClose = `</${p}si>`;
    }
    let i = 0;
    for (;;) {
      const s = pending.indexOf(siOpen, i);
      if (s < 0) break;
      if (!isNameEnd(pending.charCodeAt(s + siOpen.length))) {
        if (s + siOpen.length >= pending.length && !final) break;
        i = s + siOpen.length;
        continue;
      }
      const tagEnd = pending.indexOf(">", s);
      if (tagEnd < 0) break;
      if (pending.charCodeAt(tagEnd - 1) === 47) {
        out.push(""); // <si/>
        i = tagEnd + 1;
        continue;
      }
      const close = pending.indexOf(siClose, tagEnd);
      if (close < 0) break;
      out.push(stringItem(pending, tagEnd + 1, close, p));
      i = close + siClose.length;
    }
    pending = pending.slice(i);
  };
  for await (const chunk of chunks) {
    pending += decoder.decode(chunk, { stream: true });
    items(false);
    afterChunk?.(out.length);
  }
  pending += decoder.decode();
  items(true);
  return out;
}
