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

/**
 * The shared strings as read: a plain item's text kept as its UTF-8 bytes and made a string the
 * first time a cell wants it (columns the ledger does not read — 人编号, 联系电话 — never cost a
 * string); rich, phonetic or escaped items made strings as they are read. An item is decoded by
 * utf8Text: a TextDecoder call per item cost ~0.4 s of the page's check of 100,000 rows (340,000
 * items at ~1 µs a call in Chromium).
 */
export class SharedStringTable implements SharedStrings {
  count = 0;
  private store = new Uint8Array(1 << 16);
  private used = 0;
  /** Start and end in `store` of item i at 2i and 2i + 1; -1 for an item made as a string. */
  private bounds = new Int32Array(1 << 12);
  /** The strings made so far (undefined: not yet). */
  private readonly strings: (string | undefined)[] = [];

  private slot(): number {
    const index = this.count++;
    if (2 * index + 2 > this.bounds.length) {
      const grown = new Int32Array(this.bounds.length * 2);
      grown.set(this.bounds);
      this.bounds = grown;
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
      text = utf8Text(this.store, this.bounds[2 * index], this.bounds[2 * index + 1]);
      this.strings[index] = text;
    }
    return text;
  }
}
