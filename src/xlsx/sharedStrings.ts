/**
 * The shared strings of a workbook as the worksheet scan consults them (./sheetXml.ts reads the
 * part into a SharedStringTable). Platform-neutral.
 */
import { utf8Text } from "./utf8";

/** The shared strings of a workbook, by index. */
export interface SharedStrings {
  readonly count: number;
  /** The string at `index`; undefined when there is none. */
  get(index: number): string | undefined;
}

/** A table of strings already made (tests, hosts). */
export function sharedStringsOf(strings: readonly string[]): SharedStrings {
  return { count: strings.length, get: (index) => strings[index] };
}

/** Throws on any malformed byte, keeps a byte-order mark: a block it decodes maps byte for byte onto its items. */
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Items per block decoded at once: one decoder call for many short items (each call costs ~1 µs in Chromium). */
const BLOCK_ITEMS = 1024;
/** A block decoded whole (its items' offsets in `units`), or one whose items are decoded one by one (malformed UTF-8). */
const DECODED = 1;
const ITEM_BY_ITEM = 2;

/**
 * The shared strings as read: a plain item's text kept as its UTF-8 bytes and made a string the
 * first time a cell wants it (columns the ledger does not read — 人编号, 联系电话 — never cost a
 * string of their own); rich, phonetic or escaped items made strings as they are read.
 *
 * The bytes are decoded a block of items at a time and each item cut from its block's text: the
 * same strings as decoding each item alone (a malformed block is decoded item by item, and a
 * byte-order mark opening an item is dropped, as the decoder drops it from an item alone), at a
 * fraction of the decoder calls — ~0.4 s of the page's check of 100,000 rows went to 340,000 calls.
 */
export class SharedStringTable implements SharedStrings {
  count = 0;
  private store = new Uint8Array(1 << 16);
  private used = 0;
  /** Start and end in `store` of item i at 2i and 2i + 1; -1 for an item made as a string. */
  private bounds = new Int32Array(1 << 12);
  /** Once its block is decoded: start and end of item i in the block's text. */
  private units = new Int32Array(1 << 12);
  /** The strings made so far (undefined: not yet). */
  private readonly strings: (string | undefined)[] = [];
  private readonly blockTexts: string[] = [];
  private readonly blockStates: (typeof DECODED | typeof ITEM_BY_ITEM)[] = [];

  private slot(): number {
    const index = this.count++;
    if (2 * index + 2 > this.bounds.length) {
      this.bounds = grownInt32(this.bounds);
      this.units = grownInt32(this.units);
    }
    return index;
  }

  addBytes(buf: Uint8Array, from: number, to: number): void {
    const index = this.slot();
    const length = to - from;
    if (this.used + length > this.store.length) {
      const grown = new Uint8Array(Math.max(this.store.length * 2, this.used + length));
      grown.set(this.store.subarray(0, this.used));
      this.store = grown;
    }
    // Items are short: a loop copies them faster than a subarray and set() each.
    const store = this.store;
    let at = this.used;
    this.bounds[2 * index] = at;
    for (let k = from; k < to; k++) store[at++] = buf[k];
    this.bounds[2 * index + 1] = at;
    this.used = at;
    this.strings.push(undefined);
  }

  addString(text: string): void {
    const index = this.slot();
    this.bounds[2 * index] = -1;
    this.strings.push(text);
  }

  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    let text = this.strings[index];
    if (text === undefined) {
      text = this.decode(index);
      this.strings[index] = text;
    }
    return text;
  }

  private decode(index: number): string {
    const block = Math.floor(index / BLOCK_ITEMS);
    const first = block * BLOCK_ITEMS;
    const end = first + BLOCK_ITEMS;
    // A block still being filled is not decoded as a block: items added later would not be in its text.
    const state = end <= this.count ? (this.blockStates[block] ??= this.decodeBlock(block, first, end)) : ITEM_BY_ITEM;
    if (state === DECODED) return this.blockTexts[block].slice(this.units[2 * index], this.units[2 * index + 1]);
    return utf8Text(this.store, this.bounds[2 * index], this.bounds[2 * index + 1]);
  }

  /** Decodes the block's bytes in one call and records where each item's text lies in it. */
  private decodeBlock(block: number, first: number, end: number): typeof DECODED | typeof ITEM_BY_ITEM {
    const { store, bounds, units } = this;
    let from = -1;
    let to = -1;
    for (let i = first; i < end; i++) {
      const start = bounds[2 * i];
      const stop = bounds[2 * i + 1];
      if (start < 0) continue;
      // An item opening with a continuation byte would join a sequence cut off at the end of the one before.
      if (start < stop && (store[start] & 0xc0) === 0x80) return ITEM_BY_ITEM;
      if (from < 0) from = start;
      to = stop;
    }
    if (from < 0) return ITEM_BY_ITEM;
    let text: string;
    try {
      text = STRICT_UTF8.decode(store.subarray(from, to));
    } catch {
      return ITEM_BY_ITEM; // bytes no decoder reads whole: each item is decoded alone, with replacement characters
    }
    // Well-formed UTF-8: one UTF-16 unit per sequence, two for a four-byte one.
    let unit = 0;
    for (let i = first; i < end; i++) {
      const start = bounds[2 * i];
      if (start < 0) continue;
      const stop = bounds[2 * i + 1];
      const bom = stop - start >= 3 && store[start] === 0xef && store[start + 1] === 0xbb && store[start + 2] === 0xbf;
      units[2 * i] = bom ? unit + 1 : unit;
      for (let k = start; k < stop; k++) {
        const b = store[k];
        if ((b & 0xc0) !== 0x80) unit += b >= 0xf0 ? 2 : 1;
      }
      units[2 * i + 1] = unit;
    }
    if (unit !== text.length) return ITEM_BY_ITEM;
    this.blockTexts[block] = text;
    return DECODED;
  }
}

function grownInt32(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
