/**
 * A damaged workbook — bytes flipped, cut off, inserted or zeroed anywhere: in a part's deflate
 * data, a local header, the central directory — is read or refused with the reader's Chinese
 * message, through each of the reader's inflaters; never another error (the command line would
 * call it an internal error) and never a hang.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { LedgerNotFoundError } from "../../src/ledger/model";
import { InputError } from "../../src/values";
import { readLedgers } from "../../src/xlsx/readLedgers";
import { openXlsx, WorkbookFileError } from "../../src/xlsx/workbook";
import { bytesSource, Inflater } from "../../src/xlsx/zip";
import { INFLATERS } from "../support/inflaters";
import { buildXlsx, sharedStringsXml } from "../support/xlsxPackage";

jest.setTimeout(300_000);

const seed = process.env.BANGFU_FC_SEED === undefined ? undefined : Number(process.env.BANGFU_FC_SEED);
// BANGFU_FC_RUNS=<n> searches longer (150 damaged files a workbook and inflater by default).
const RUNS = { numRuns: Number(process.env.BANGFU_FC_RUNS ?? 150), ...(seed === undefined ? {} : { seed }) };

/** A small ledger written by hand: shared strings, a merged area, a second sheet. */
function handWritten(): Uint8Array {
  const names = ["户编号", "户主姓名", "人均纯收入", "帮扶责任人"];
  const rows = Array.from({ length: 60 }, (_, i) => [`H${i}`, { xml: `<c t="s"><v>${4 + (i % 3)}</v></c>` }, 9000 + i * 37, "干部甲"]);
  return buildXlsx({
    sharedStringsXml: sharedStringsXml([...names, "张三", "李四", "王五"]),
    sheets: [
      { name: "台账", rows: [names.map((_, k) => ({ xml: `<c t="s"><v>${k}</v></c>` })), ...rows], merges: ["D2:D4"] },
      { name: "说明", rows: [["本表为示例"]] },
    ],
  });
}

const WORKBOOKS: readonly (readonly [string, Uint8Array])[] = [
  ["written by hand", handWritten()],
  [
    "the bundled sample (国家系统导出-人员.xlsx)",
    new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "..", "examples", "国家系统导出-人员.xlsx"))),
  ],
];

type Damage =
  | { readonly kind: "flip"; readonly at: readonly (readonly [number, number])[] }
  | { readonly kind: "cut"; readonly at: number }
  | { readonly kind: "insert"; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: "zero"; readonly at: number; readonly length: number };

/** A relative position (0–1) spread evenly over the file: fast-check's own doubles cluster at 0 and at the ends. */
const position = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);

/** Damage at relative positions, so one generator serves files of any size. */
const damage: fc.Arbitrary<(bytes: Uint8Array) => Uint8Array> = fc
  .oneof(
    fc.record({
      kind: fc.constant("flip" as const),
      at: fc.array(fc.tuple(position, fc.integer({ min: 1, max: 255 })), {
        minLength: 1,
        maxLength: 8,
      }),
    }),
    fc.record({ kind: fc.constant("cut" as const), at: position }),
    fc.record({
      kind: fc.constant("insert" as const),
      at: position,
      bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
    }),
    fc.record({
      kind: fc.constant("zero" as const),
      at: position,
      length: fc.integer({ min: 1, max: 64 }),
    }),
  )
  .map((d: Damage) => (bytes: Uint8Array) => damaged(bytes, d));

function damaged(bytes: Uint8Array, d: Damage): Uint8Array {
  const index = (at: number) => Math.floor(at * bytes.length);
  switch (d.kind) {
    case "flip": {
      const out = bytes.slice();
      for (const [at, xor] of d.at) out[index(at)] ^= xor;
      return out;
    }
    case "cut":
      return bytes.slice(0, index(d.at));
    case "insert": {
      const at = Math.min(bytes.length, index(d.at));
      const out = new Uint8Array(bytes.length + d.bytes.length);
      out.set(bytes.subarray(0, at));
      out.set(d.bytes, at);
      out.set(bytes.subarray(at), at + d.bytes.length);
      return out;
    }
    case "zero": {
      const out = bytes.slice();
      out.fill(0, index(d.at), index(d.at) + d.length);
      return out;
    }
  }
}

/** What reading gave: "read", or the refusal's kind and message; anything else is thrown on. */
async function outcome(bytes: Uint8Array, inflater: Inflater): Promise<string> {
  try {
    const { ledgers } = await readLedgers(await openXlsx(bytesSource(bytes), { label: "台账.xlsx", inflater }));
    return `read ${ledgers.length}`;
  } catch (error) {
    if (error instanceof WorkbookFileError || error instanceof LedgerNotFoundError || error instanceof InputError) return error.message;
    throw error;
  }
}

describe.each(WORKBOOKS)("a damaged workbook (%s)", (_name, original) => {
  test.each(INFLATERS)("read or refused in Chinese, through %s", async (_inflater, inflater) => {
    expect(await outcome(original, inflater)).toMatch(/^read [1-9]/);
    await fc.assert(
      fc.asyncProperty(damage, async (harm) => {
        const message = await outcome(harm(original), inflater);
        if (message.startsWith("read ")) return;
        // A refusal: Chinese, and no words of the zip library or zlib.
        expect(message).toMatch(/[\u4e00-\u9fff]/);
        expect(message).not.toMatch(/invalid|incorrect|unexpected|junk|zlib|inflate|Z_[A-Z_]+|RangeError|TypeError|undefined/i);
      }),
      RUNS,
    );
  });
});
