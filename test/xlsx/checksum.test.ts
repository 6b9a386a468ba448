/**
 * Every part read whole is checked against the CRC-32 the zip's directory gives: a bit changed in
 * deflate data can still inflate, to other digits, and such a part is refused as damaged (as Excel
 * and Python's zipfile refuse it), not read with wrong values.
 */
import { crc32 as zlibCrc32 } from "node:zlib";
import fc from "fast-check";
import { inflateSync, unzipSync, zipSync } from "fflate";
import { crc32 } from "../../src/xlsx/crc32";
import { readLedgers } from "../../src/xlsx/readLedgers";
import { nodeChecksum } from "../../src/xlsx/readWorkbook";
import { openXlsx, WorkbookFileError } from "../../src/xlsx/workbook";
import { bytesSource, Inflater, ZipEntry } from "../../src/xlsx/zip";
import { entryNamed, INFLATERS } from "../support/inflaters";
import { buildXlsx, declareCrc32 } from "../support/xlsxPackage";

const SHEET = "xl/worksheets/sheet1.xml";
const HEADER = ["户编号", "户主姓名", "人均纯收入", "帮扶责任人"];

describe("crc32 (JavaScript)", () => {
  test("the check value of the standard: CRC-32 of 123456789 is CBF43926", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  test("agrees with zlib's on any bytes, continued over any cuts", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300, size: "max" }), fc.array(fc.nat(300), { maxLength: 4 }), (bytes, cuts) => {
        const at = [0, ...cuts.map((c) => Math.min(c, bytes.length)).sort((a, b) => a - b), bytes.length];
        let crc = 0;
        for (let i = 1; i < at.length; i++) crc = crc32(bytes.subarray(at[i - 1], at[i]), crc);
        expect(crc).toBe(zlibCrc32(bytes));
      }),
      { numRuns: 500 },
    );
  });

  test("node's own is handed in where node has one (this one does)", () => {
    expect(nodeChecksum).toBeDefined();
    expect(nodeChecksum?.(new TextEncoder().encode("123456789"), 0)).toBe(0xcbf43926);
  });
});

function dataStart(zip: Uint8Array, entry: ZipEntry): number {
  const at = entry.localHeaderOffset;
  return at + 30 + (zip[at + 26] | (zip[at + 27] << 8)) + (zip[at + 28] | (zip[at + 29] << 8));
}

/** Whether byte k of a sheet's XML is inside a <v> element (a cell's value). */
function inValue(xml: Uint8Array, k: number): boolean {
  let open = k;
  while (open > 0 && xml[open] !== 60) open--;
  return xml[open + 1] === 118 && xml[open + 2] === 62;
}

/**
 * The first single-bit change in the sheet's deflate data that still inflates, to bytes of the same
 * length that differ only in digits: a changed income, which nothing but the checksum can tell.
 */
async function silentlyChanged(zip: Uint8Array): Promise<{ zip: Uint8Array; before: string; after: string }> {
  const entry = await entryNamed(zip, SHEET);
  const start = dataStart(zip, entry);
  const data = zip.subarray(start, start + entry.compressedSize);
  const plain = inflateSync(data);
  const isDigit = (b: number) => b >= 48 && b <= 57;
  for (let i = 64; i < data.length; i++) {
    for (let bit = 0; bit < 8; bit++) {
      const changed = data.slice();
      changed[i] ^= 1 << bit;
      let out: Uint8Array;
      try {
        out = inflateSync(changed);
      } catch {
        continue;
      }
      if (out.length !== plain.length) continue;
      const differing = [...out.keys()].filter((k) => out[k] !== plain[k]);
      if (differing.length === 0 || !differing.every((k) => isDigit(out[k]) && isDigit(plain[k]) && inValue(plain, k))) continue;
      const damaged = zip.slice();
      damaged.set(changed, start);
      const around = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(Math.max(0, differing[0] - 20), differing[0] + 20));
      return { zip: damaged, before: around(plain), after: around(out) };
    }
  }
  throw new Error("no silent change found");
}

async function outcome(zip: Uint8Array, inflater: Inflater, checksum?: (b: Uint8Array, p?: number) => number): Promise<string> {
  try {
    const { ledgers } = await readLedgers(await openXlsx(bytesSource(zip), { label: "台账.xlsx", inflater, checksum }));
    return `read ${ledgers[0].households.length} households`;
  } catch (error) {
    if (error instanceof WorkbookFileError) return error.message;
    throw error;
  }
}

const rows = Array.from({ length: 300 }, (_, i) => [`H${i}`, `户主${i}`, 9000 + i * 37, "干部甲"]);
const WORKBOOK = buildXlsx({ sheets: [{ name: "台账", rows: [HEADER, ...rows] }] });
const DAMAGED_SHEET = /^无法读取文件 台账\.xlsx：工作表“台账”部分已损坏或不完整/;

describe.each(INFLATERS)("through %s", (_name, inflater) => {
  test("a bit changed in the sheet's deflate data that inflates to other digits: refused as damaged, not read", async () => {
    const { zip, before, after } = await silentlyChanged(WORKBOOK);
    expect(after).not.toBe(before);
    expect(await outcome(WORKBOOK, inflater)).toBe("read 300 households");
    expect(await outcome(zip, inflater)).toMatch(DAMAGED_SHEET);
    expect(await outcome(zip, inflater, nodeChecksum)).toMatch(DAMAGED_SHEET);
  });

  test("a checksum in the directory that does not match the sheet: refused", async () => {
    const entry = await entryNamed(WORKBOOK, SHEET);
    const zip = declareCrc32(WORKBOOK, SHEET, entry.crc32 ^ 1);
    expect(await outcome(zip, inflater)).toMatch(DAMAGED_SHEET);
  });

  test("a stored (uncompressed) sheet with a digit changed: refused", async () => {
    const stored = zipSync(unzipSync(WORKBOOK), { level: 0 });
    const entry = await entryNamed(stored, SHEET);
    expect(entry.method).toBe(0);
    expect(await outcome(stored, inflater)).toBe("read 300 households");
    const start = dataStart(stored, entry);
    const text = new TextDecoder().decode(stored.subarray(start, start + entry.compressedSize));
    const digit = text.indexOf("<v>9000</v>") + 3;
    const changed = stored.slice();
    changed[start + digit] = "8".charCodeAt(0);
    expect(await outcome(changed, inflater)).toMatch(DAMAGED_SHEET);
  });
});
