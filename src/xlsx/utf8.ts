/**
 * UTF-8 bytes to text, for the many short values of a worksheet (a cell's text, an inline string).
 * Platform-neutral.
 *
 * A TextDecoder call costs ~1 µs in Chromium whatever the length — 0.9 s of the page's check of a
 * 100,000-row sheet of inline strings — so a short value is decoded here, by the WHATWG Encoding
 * Standard's UTF-8 decoder written out (replacement characters for malformed bytes, a leading
 * byte-order mark dropped: exactly what TextDecoder gives); a long one by TextDecoder.
 */

const UTF8 = new TextDecoder("utf-8");

/** Longer values go to TextDecoder: one call is cheap beside the bytes it decodes. */
const SHORT = 64;
/** A value of n bytes has at most n UTF-16 units. */
const units = new Uint16Array(SHORT);
const REPLACEMENT = 0xfffd;

/** The text of buf[from, to) as `new TextDecoder("utf-8").decode(buf.subarray(from, to))` gives it. */
export function utf8Text(buf: Uint8Array, from: number, to: number): string {
  if (to - from > SHORT) return UTF8.decode(buf.subarray(from, to));
  if (to - from >= 3 && buf[from] === 0xef && buf[from + 1] === 0xbb && buf[from + 2] === 0xbf) from += 3;
  let k = from;
  while (k < to && buf[k] < 0x80) k++;
  if (k === to) return String.fromCharCode.apply(null, buf.subarray(from, to) as unknown as number[]);
  let n = 0;
  for (let j = from; j < k; j++) units[n++] = buf[j];
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let codePoint = 0;
  while (k < to) {
    const byte = buf[k];
    if (needed === 0) {
      k++;
      if (byte < 0x80) units[n++] = byte;
      else if (byte >= 0xc2 && byte <= 0xdf) {
        needed = 1;
        codePoint = byte & 0x1f;
      } else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0;
        else if (byte === 0xed) upper = 0x9f;
        needed = 2;
        codePoint = byte & 0xf;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90;
        else if (byte === 0xf4) upper = 0x8f;
        needed = 3;
        codePoint = byte & 0x7;
      } else units[n++] = REPLACEMENT;
      continue;
    }
    if (byte < lower || byte > upper) {
      // The sequence ends malformed: one replacement, and this byte is read again as a new start.
      needed = seen = codePoint = 0;
      lower = 0x80;
      upper = 0xbf;
      units[n++] = REPLACEMENT;
      continue;
    }
    k++;
    lower = 0x80;
    upper = 0xbf;
    codePoint = (codePoint << 6) | (byte & 0x3f);
    if (++seen !== needed) continue;
    if (codePoint > 0xffff) {
      codePoint -= 0x10000;
      units[n++] = 0xd800 + (codePoint >> 10);
      units[n++] = 0xdc00 + (codePoint & 0x3ff);
    } else units[n++] = codePoint;
    needed = seen = codePoint = 0;
  }
  if (needed !== 0) units[n++] = REPLACEMENT;
  return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
}

/** Slots of RepeatedTexts (a power of two) and the longest value, in bytes, it keeps. */
const SLOTS = 4096;
const WIDTH = 16;

/**
 * Short values seen before, by their bytes: the same string again for a value repeated down a
 * column (是, 户主, a village's name) instead of a new one decoded for every cell. A direct-mapped
 * table of the last value per slot; a value longer than WIDTH bytes is decoded each time.
 */
export class RepeatedTexts {
  private readonly keys = new Uint8Array(SLOTS * WIDTH);
  private readonly lengths = new Int8Array(SLOTS).fill(-1);
  private readonly texts: string[] = new Array<string>(SLOTS).fill("");

  /** utf8Text(buf, from, to), the string made the last time these bytes were seen where it can. */
  text(buf: Uint8Array, from: number, to: number): string {
    const n = to - from;
    if (n > WIDTH) return utf8Text(buf, from, to);
    let hash = 0x811c9dc5; // FNV-1a
    for (let k = from; k < to; k++) hash = Math.imul(hash ^ buf[k], 0x01000193);
    const slot = (hash >>> 0) % SLOTS;
    const base = slot * WIDTH;
    const keys = this.keys;
    if (this.lengths[slot] === n) {
      let k = 0;
      while (k < n && keys[base + k] === buf[from + k]) k++;
      if (k === n) return this.texts[slot];
    }
    const text = utf8Text(buf, from, to);
    this.lengths[slot] = n;
    for (let k = 0; k < n; k++) keys[base + k] = buf[from + k];
    this.texts[slot] = text;
    return text;
  }
}
