/** A value as a spreadsheet host hands it over: Excel, exceljs or a parsed CSV. */
export type CellValue = string | number | boolean | Date | null | undefined;

const WIDE = /[\uff01-\uff5e\u3000\u00a0\u2212]/;

/**
 * Full-width ASCII (U+FF01–U+FF5E) to half-width, ideographic and no-break
 * spaces to plain spaces. Ledgers typed with a Chinese IME are full of these.
 * The minus sign (U+2212, what text copied from Word or a web page carries) becomes the hyphen-minus.
 */
export function toHalfWidth(text: string): string {
  if (!WIDE.test(text)) return text; // most cells: nothing to change, no copy
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000 || code === 0x00a0) out += " ";
    else if (code === 0x2212) out += "-";
    else out += ch;
  }
  return out;
}

/** True for an empty cell: nothing, an empty string, only white space, or the text "null" (what some exports write for nothing). */
export function isBlank(value: unknown): value is null | undefined | "" {
  if (value === null || value === undefined) return true;
  if (typeof value !== "string") return false;
  // A first character that is no kind of space settles it without copying the text.
  const first = value.charCodeAt(0);
  // "null" written by an export for an empty field (Java's value + " " gives "null ").
  if ((first === 110 || first === 78) && value.length <= 6) return /^null\s*$/i.test(value);
  if ((first > 32 && first < 0x1680 && first !== 0xa0) || (first > 0x3000 && first !== 0xfeff)) return false;
  const trimmed = toHalfWidth(value).trim();
  return trimmed === "" || (trimmed.length === 4 && /^null$/i.test(trimmed));
}

/**
 * String(value), for any value a host may hand over: an object whose toString is broken (or a
 * symbol in a template) would otherwise throw a TypeError instead of being refused as a value.
 */
export function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

const SPACE = /\s/;

/** Half-width, trimmed, inner white space removed: the form in which text values are compared. */
export function compactText(value: unknown): string {
  const text = textOf(value);
  if (isVisibleAscii(text)) return text; // most ID numbers, codes and amounts: nothing to change
  const halfWidth = toHalfWidth(text);
  return SPACE.test(halfWidth) ? halfWidth.replace(/\s+/g, "") : halfWidth;
}

/** Only characters from "!" to "~": no white space of any kind and nothing full-width. */
function isVisibleAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 32 || code > 126) return false;
  }
  return true;
}
