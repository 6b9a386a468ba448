/**
 * The shared-strings table keeps plain items as UTF-8 bytes and decodes each when first read: every
 * item must come out as TextDecoder makes it of its own bytes alone — replacement characters for
 * malformed bytes, a leading byte-order mark dropped — whatever the items stored around it.
 */
import fc from "fast-check";
import { SharedStringTable } from "../../src/xlsx/sharedStrings";

type Item = { bytes: Uint8Array } | { text: string };

const encoder = new TextEncoder();
const alone = (bytes: Uint8Array) => new TextDecoder("utf-8").decode(bytes);

/** Text of any code points, as a cell may hold (Chinese, emoji, controls). */
const wellFormed = fc.string({ unit: "binary", maxLength: 12 }).map((text): Item => ({ bytes: encoder.encode(text) }));
const withBom = fc.string({ unit: "binary", maxLength: 6 }).map((text): Item => ({ bytes: encoder.encode(`\uFEFF${text}`) }));
/** Any bytes: lone continuation bytes, cut-off sequences, overlong forms, surrogates. */
const anyBytes = fc.uint8Array({ maxLength: 8 }).map((bytes): Item => ({ bytes }));
const made = fc.string({ maxLength: 6 }).map((text): Item => ({ text }));

function tableOf(items: readonly Item[]): SharedStringTable {
  const table = new SharedStringTable();
  for (const item of items) {
    if ("text" in item) table.addString(item.text);
    else {
      // Items are copied out of a larger buffer, as the scan hands them over.
      const buffer = new Uint8Array(item.bytes.length + 4).fill(0x80);
      buffer.set(item.bytes, 2);
      table.addBytes(buffer, 2, 2 + item.bytes.length);
    }
  }
  return table;
}

const expected = (item: Item) => ("text" in item ? item.text : alone(item.bytes));

describe("SharedStringTable", () => {
  test("any items, well-formed or not, read in any order: each as decoded alone", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ arbitrary: wellFormed, weight: 4 }, anyBytes, withBom, made), { maxLength: 300, size: "max" }),
        (items) => {
          const table = tableOf(items);
          const got = items.map((_, i) => table.get(items.length - 1 - i)).reverse();
          expect(got).toEqual(items.map(expected));
        },
      ),
      { numRuns: 200 },
    );
  });

  test("a sequence cut off at one item's end and finished at the next's start: two malformed items", () => {
    const cut = encoder.encode("中");
    const items: Item[] = Array.from({ length: 1024 }, (_, i) => ({ bytes: encoder.encode(`户${i}`) }));
    items[10] = { bytes: cut.subarray(0, 1) };
    items[11] = { bytes: cut.subarray(1) };
    items[500] = { bytes: new Uint8Array([0xef, 0xbb, 0xbf]) }; // a byte-order mark alone: ""
    items[501] = { bytes: new Uint8Array(0) };
    const table = tableOf(items);
    expect([table.get(10), table.get(11)]).toEqual(["\uFFFD", "\uFFFD\uFFFD"]);
    expect([table.get(500), table.get(501), table.get(502)]).toEqual(["", "", "户502"]);
    expect(items.map((_, i) => table.get(i))).toEqual(items.map(expected));
  });

  test("items added after some were read: all as decoded alone", () => {
    const table = new SharedStringTable();
    const texts = Array.from({ length: 3000 }, (_, i) => (i % 3 ? `37040219${i}` : `张${i}`));
    const add = (from: number, to: number) => {
      for (const text of texts.slice(from, to)) {
        const bytes = encoder.encode(text);
        table.addBytes(bytes, 0, bytes.length);
      }
    };
    add(0, 10);
    expect(table.get(3)).toBe(texts[3]);
    add(10, 3000);
    expect(Array.from({ length: 3000 }, (_, i) => table.get(i))).toEqual(texts);
    expect([table.get(3000), table.get(-1), table.count]).toEqual([undefined, undefined, 3000]);
  });
});
