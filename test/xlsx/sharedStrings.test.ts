/**
 * The shared-strings table decodes its items' UTF-8 a block at a time: every item must come out as
 * the decoder makes it of its own bytes alone — replacement characters for malformed bytes, a
 * leading byte-order mark dropped — whatever the items around it.
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
  test("well-formed items, some opening with a byte-order mark: each as decoded alone, in one decoder call a block", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ arbitrary: wellFormed, weight: 8 }, withBom, made), { minLength: 2048, maxLength: 2600 }),
        (items) => {
          const want = items.map(expected);
          const table = tableOf(items);
          const decode = jest.spyOn(TextDecoder.prototype, "decode");
          let got: (string | undefined)[];
          let calls: number;
          try {
            got = items.map((_, i) => table.get(i));
            calls = decode.mock.calls.length;
          } finally {
            decode.mockRestore();
          }
          expect(got).toEqual(want);
          // Two whole blocks of 1024 in two calls; the items of the block still open one call each at most.
          expect(calls).toBeLessThanOrEqual(2 + (items.length - 2048));
        },
      ),
      { numRuns: 25, endOnFailure: true }, // 2,048 items or more: a counterexample is reported as found, not shrunk
    );
  });

  test("malformed bytes anywhere: every item still as decoded alone", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ arbitrary: wellFormed, weight: 20 }, anyBytes, withBom, made), { minLength: 1024, maxLength: 2200 }),
        (items) => {
          const table = tableOf(items);
          const got = items.map((_, i) => table.get(items.length - 1 - i)).reverse();
          expect(got).toEqual(items.map(expected));
        },
      ),
      { numRuns: 40, endOnFailure: true },
    );
  });

  test("cases a block could join wrongly: a sequence cut off at one item's end and finished at the next's start", () => {
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

  test("an item read before its block is full, then more items: all as decoded alone", () => {
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
