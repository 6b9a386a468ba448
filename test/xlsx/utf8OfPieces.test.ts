/**
 * A rendered sheet part goes from its pieces of XML straight to UTF-8 (src/xlsx/ooxml.ts
 * utf8OfPieces), never joined into one string: the bytes are those of the joined text, whatever
 * the pieces hold (Chinese, characters outside the BMP, empty pieces, pieces longer than the
 * encoder's chunk), and a rewrite applies to each piece.
 */
import fc from "fast-check";
import { utf8OfPieces } from "../../src/xlsx/ooxml";

const encode = (text: string) => Buffer.from(new TextEncoder().encode(text)).toString("hex");
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

test("the bytes of the joined text, for any pieces", () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: "binary", maxLength: 40 }), { maxLength: 30 }), (pieces) => {
      expect(hex(utf8OfPieces(pieces))).toBe(encode(pieces.join("")));
    }),
    { numRuns: 300 },
  );
});

test("pieces longer than a chunk, and many of them: still the joined text", () => {
  const long = "户主姓名张三𠀀".repeat(100_000); // ~2.2 MB of UTF-8, more than one chunk
  const pieces = [`<?xml version="1.0"?>`, long, "", "<row/>".repeat(10), long, "</worksheet>"];
  const bytes = utf8OfPieces(pieces);
  expect(bytes.length).toBe(new TextEncoder().encode(pieces.join("")).length);
  expect(hex(bytes) === encode(pieces.join(""))).toBe(true);
});

test("pieces from a generator: each made as it is encoded", () => {
  let made = 0;
  function* rows() {
    for (let r = 1; r <= 3; r++) {
      made += 1;
      yield `<row r="${r}"/>`;
    }
  }
  const pieces = rows();
  expect(made).toBe(0);
  expect(new TextDecoder().decode(utf8OfPieces(pieces))).toBe('<row r="1"/><row r="2"/><row r="3"/>');
  expect(made).toBe(3);
});

test("no pieces: no bytes", () => {
  expect(utf8OfPieces([]).length).toBe(0);
});
