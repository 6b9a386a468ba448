/**
 * The reader's three inflaters give the same bytes and fail the same way: the browser's
 * DecompressionStream (streamInflater), fflate where a browser's DecompressionStream takes no raw
 * deflate, and node's zlib (the command line's). Where one fails and fflate does not, fflate reads
 * on from where it stopped. The platform's is chosen by feature, not by name.
 */
import { deflateRawSync } from "node:zlib";
import { readLedgers } from "../../src/xlsx/readLedgers";
import { nodeInflater } from "../../src/xlsx/readWorkbook";
import { openXlsx, WorkbookFileError } from "../../src/xlsx/workbook";
import { zipSync } from "fflate";
import {
  bytesSource,
  defaultInflater,
  entryBytes,
  fflateInflater,
  Inflater,
  streamInflater,
  takesRawDeflate,
  ZipEntry,
} from "../../src/xlsx/zip";
import { entryNamed, INFLATERS } from "../support/inflaters";
import { buildXlsx, withBytesAfterDeflate } from "../support/xlsxPackage";

/** Text that compresses to several of the reader's 256 KB chunks: rows of a sheet, each different. */
function sheetLikeText(rows: number): Uint8Array {
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++)
    parts.push(`<row r="${r}"><c r="A${r}" t="s"><v>${(r * 7919) % 100_003}</v></c><c r="B${r}"><v>${r * 1.5}</v></c></row>`);
  return new TextEncoder().encode(parts.join(""));
}

async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, Math.min(bytes.length, at + size));
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return new Uint8Array(Buffer.concat(parts));
}

const plain = sheetLikeText(60_000);
const compressed = new Uint8Array(deflateRawSync(plain));

describe.each(INFLATERS)("%s", (_name, inflater) => {
  test("inflates a part of several megabytes, fed in chunks of any size, to the bytes deflated", async () => {
    expect(compressed.length).toBeGreaterThan(3 * 256 * 1024);
    for (const size of [256 * 1024, 4096, 1000]) {
      const out = await collect(inflater(inChunks(compressed, size)));
      expect(out.length).toBe(plain.length);
      expect(Buffer.from(out).equals(Buffer.from(plain))).toBe(true);
    }
  });

  test("damaged data is an error, not bytes", async () => {
    const bad = compressed.slice();
    for (let i = 1000; i < 1100; i++) bad[i] ^= 0x5a;
    await expect(collect(inflater(inChunks(bad, 64 * 1024)))).rejects.toThrow();
  });

  test("a failure of the source reaches the reader as that failure", async () => {
    const failing = async function* (): AsyncGenerator<Uint8Array> {
      yield compressed.subarray(0, 100_000);
      throw new Error("文件读取失败");
    };
    await expect(collect(inflater(failing()))).rejects.toThrow("文件读取失败");
  });

  test("a reader that stops early stops the inflating and the source, and nothing fails afterwards", async () => {
    let sourceClosed = false;
    const source = async function* (): AsyncGenerator<Uint8Array> {
      try {
        yield* inChunks(compressed, 16 * 1024);
      } finally {
        sourceClosed = true;
      }
    };
    const failures: unknown[] = [];
    const onFailure = (reason: unknown) => failures.push(reason);
    process.on("unhandledRejection", onFailure);
    try {
      let seen = 0;
      for await (const chunk of inflater(source())) {
        seen += chunk.length;
        if (seen > 0) break;
      }
      expect(seen).toBeGreaterThan(0);
      // Let the stream's cancellation and the feeding loop settle.
      for (let i = 0; i < 20 && !sourceClosed; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(sourceClosed).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
      expect(failures).toEqual([]);
    } finally {
      process.off("unhandledRejection", onFailure);
    }
  });

  test("through the reader: a workbook's ledger reads alike, a damaged sheet part is refused in Chinese", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [`H${i}`, `户主${i}`, 12000 + i, "干部甲"]);
    const zip = buildXlsx({ sheets: [{ name: "台账", rows: [["户编号", "户主姓名", "人均纯收入", "帮扶责任人"], ...rows] }] });
    expect((await entryNamed(zip, "xl/worksheets/sheet1.xml")).method).toBe(8);
    const { ledgers } = await readLedgers(await openXlsx(bytesSource(zip), { label: "台账.xlsx", inflater }));
    expect(ledgers[0].households).toHaveLength(2000);
    expect(ledgers[0].households[1999].values.perCapitaIncome).toBe(13999);

    const bad = zip.slice();
    const sheetAt = Buffer.from(bad).indexOf("xl/worksheets/sheet1.xml");
    for (let i = sheetAt + 200; i < sheetAt + 260; i++) bad[i] ^= 0x5a;
    const refused = await readLedgers(await openXlsx(bytesSource(bad), { label: "损坏.xlsx", inflater })).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(WorkbookFileError);
    expect((refused as Error).message).toMatch(/^无法读取文件 损坏\.xlsx：.*已损坏或不完整/);
  });
});

describe("an inflater that fails where fflate does not (Chromium's DecompressionStream after the end of the deflate data)", () => {
  const zip = zipSync({ "xl/worksheets/sheet1.xml": plain }, { level: 6 });
  const source = bytesSource(zip);
  const entryOf = (bytes: Uint8Array): Promise<ZipEntry> => entryNamed(bytes, "xl/worksheets/sheet1.xml");
  /** node's zlib, failing once it has given `after` bytes (0: before any). */
  const failingAfter = (after: number): Inflater =>
    async function* (compressed) {
      let given = 0;
      for await (const chunk of nodeInflater(compressed)) {
        if (given + chunk.length > after) {
          if (after > given) yield chunk.subarray(0, after - given);
          throw new TypeError("Junk found after end of compressed data.");
        }
        given += chunk.length;
        yield chunk;
      }
    };

  test.each([0, 1, 300_000, plain.length - 1])(
    "failing after %d bytes: fflate gives the rest, and the entry reads whole",
    async (after) => {
      const out = await collect(entryBytes(source, await entryOf(zip), { inflater: failingAfter(after) }));
      expect(Buffer.from(out).equals(Buffer.from(plain))).toBe(true);
    },
  );

  test("on damaged data fflate fails too, and the inflater's own failure is the one reported", async () => {
    const bad = zip.slice();
    const entry = await entryOf(bad);
    for (let i = entry.localHeaderOffset + 2000; i < entry.localHeaderOffset + 2100; i++) bad[i] ^= 0x5a;
    const refusing: Inflater = async function* () {
      throw new TypeError("Junk found after end of compressed data.");
    };
    await expect(collect(entryBytes(bytesSource(bad), entry, { inflater: refusing }))).rejects.toThrow("Junk found");
    await expect(collect(entryBytes(bytesSource(bad), entry, { inflater: fflateInflater }))).rejects.toThrow();
  });

  test.each(INFLATERS)("a workbook with bytes after its sheet's deflate data reads as without them (%s)", async (_name, inflater) => {
    const rows = Array.from({ length: 500 }, (_, i) => [`H${i}`, `户主${i}`, 12000 + i, "干部甲"]);
    const built = buildXlsx({ sheets: [{ name: "台账", rows: [["户编号", "户主姓名", "人均纯收入", "帮扶责任人"], ...rows] }] });
    const padded = withBytesAfterDeflate(built, "xl/worksheets/sheet1.xml", new Uint8Array([0, 0, 0, 0]));
    expect((await entryOf(padded)).compressedSize).toBe((await entryOf(built)).compressedSize + 4);
    const read = async (bytes: Uint8Array) =>
      (await readLedgers(await openXlsx(bytesSource(bytes), { label: "台账.xlsx", inflater }))).ledgers[0];
    expect((await read(padded)).households).toEqual((await read(built)).households);
  });
});

describe("the platform's inflater", () => {
  test("DecompressionStream is used where it takes raw deflate (this node does)", () => {
    expect(takesRawDeflate(DecompressionStream)).toBe(true);
    expect(defaultInflater()).toBe(streamInflater);
  });

  test("without DecompressionStream, or with one that refuses raw deflate (Chromium 80–102, WPS's), fflate is", () => {
    expect(takesRawDeflate(undefined)).toBe(false);
    class OlderStream extends DecompressionStream {
      constructor(format: CompressionFormat) {
        if (format === "deflate-raw") throw new TypeError(`Unsupported compression format: '${format}'`);
        super(format);
      }
    }
    expect(takesRawDeflate(OlderStream)).toBe(false);
  });
});
