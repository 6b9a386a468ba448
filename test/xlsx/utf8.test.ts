/**
 * The short-value UTF-8 decoder gives exactly what TextDecoder gives, for any bytes: well-formed
 * text of any code points, malformed and cut-off sequences, surrogates and overlong forms, a
 * byte-order mark at the start (dropped) or inside (kept), below and above the length where it
 * hands over to TextDecoder.
 */
import fc from "fast-check";
import { RepeatedTexts, utf8Text } from "../../src/xlsx/utf8";

const decoder = new TextDecoder("utf-8");
const encoder = new TextEncoder();

/** Bytes that are mostly UTF-8 sequences, pieces of them, and anything else. */
const piece = fc.oneof(
  fc.string({ unit: "binary", maxLength: 4 }).map((text) => [...encoder.encode(text)]),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).chain((text) => {
    const bytes = [...encoder.encode(text)];
    return fc.integer({ min: 0, max: bytes.length }).map((cut) => bytes.slice(0, cut));
  }),
  fc.constant([0xef, 0xbb, 0xbf]),
  fc.array(fc.integer({ min: 0x80, max: 0xff }), { maxLength: 3 }),
  fc.array(fc.integer({ min: 0, max: 0xff }), { maxLength: 3 }),
  fc.constantFrom([0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]),
);
const bytes = fc.array(piece, { maxLength: 40, size: "max" }).map((pieces) => Uint8Array.from(pieces.flat()));

test("any bytes: the same text as TextDecoder, also when read from inside a larger buffer", () => {
  fc.assert(
    fc.property(bytes, fc.nat(5), fc.nat(5), (value, before, after) => {
      const buffer = new Uint8Array(before + value.length + after).fill(0xa5);
      buffer.set(value, before);
      expect(utf8Text(buffer, before, before + value.length)).toBe(decoder.decode(value));
    }),
    { numRuns: 3000 },
  );
});

test.each<[string, number[], string]>([
  ["empty", [], ""],
  ["ASCII", [...encoder.encode("370402199001011234")], "370402199001011234"],
  ["Chinese", [...encoder.encode("张三")], "张三"],
  ["outside the BMP", [...encoder.encode("𠀀")], "𠀀"],
  ["a leading byte-order mark dropped", [0xef, 0xbb, 0xbf, 0x41], "A"],
  ["a second byte-order mark kept", [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], "\uFEFF"],
  ["a cut-off sequence", [0xe4, 0xb8], "\uFFFD"],
  ["a lone continuation byte", [0x41, 0x80, 0x42], "A\uFFFDB"],
  ["an encoded surrogate", [0xed, 0xa0, 0x80], "\uFFFD\uFFFD\uFFFD"],
  ["an overlong slash", [0xc0, 0xaf], "\uFFFD\uFFFD"],
  ["65 bytes, read by TextDecoder", [...encoder.encode("户".repeat(21) + "A1")], "户".repeat(21) + "A1"],
])("%s", (_, value, text) => {
  expect(utf8Text(Uint8Array.from(value), 0, value.length)).toBe(text);
  expect(decoder.decode(Uint8Array.from(value))).toBe(text);
});

describe("RepeatedTexts", () => {
  test("values repeated and not, more than its slots, colliding: each read as TextDecoder reads it", () => {
    // 20,000 distinct short values in 4,096 slots: every slot is shared, so a stale or wrong entry would show.
    const pool = Array.from({ length: 20_000 }, (_, i) => encoder.encode(i % 7 === 0 ? `村${i}` : i % 5 === 0 ? "是" : `${i}`));
    fc.assert(
      fc.property(fc.array(fc.nat(pool.length - 1), { minLength: 2000, maxLength: 3000 }), bytes, (picks, odd) => {
        const texts = new RepeatedTexts();
        for (const value of [...picks.map((i) => pool[i]), odd, odd]) {
          const buffer = new Uint8Array(value.length + 2).fill(0x22);
          buffer.set(value, 1);
          expect(texts.text(buffer, 1, 1 + value.length)).toBe(decoder.decode(value));
        }
      }),
      { numRuns: 30 },
    );
  });

  test("the same bytes at another place in another buffer give the same text; a prefix of them does not", () => {
    const texts = new RepeatedTexts();
    const a = encoder.encode("xx户主yy");
    const b = encoder.encode("户主");
    expect(texts.text(a, 2, 8)).toBe("户主");
    expect(texts.text(b, 0, b.length)).toBe("户主");
    expect(texts.text(b, 0, 3)).toBe("户");
    expect(texts.text(b, 0, 0)).toBe("");
  });
});
