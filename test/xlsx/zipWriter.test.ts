/**
 * The package writer (src/xlsx/zipWriter.ts) and its JSZip adapter (packageEntries in
 * src/xlsx/package.ts): what it writes reads back — through this project's reader, through JSZip
 * with its CRC check, and through Python's zipfile, a reader written by others — whichever
 * deflater wrote it; the user's unchanged parts keep their compressed bytes; failures reach the
 * caller.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { crc32 as zlibCrc32 } from "node:zlib";
import fc from "fast-check";
import JSZip from "jszip";
import { concatenate } from "../../src/xlsx/bytes";
import { crc32 } from "../../src/xlsx/crc32";
import { packageEntries } from "../../src/xlsx/package";
import { nodeChecksum, nodeDeflater } from "../../src/xlsx/readWorkbook";
import { bytesSource, compressedChunks, entryBytes, readZipDirectory, takesRawDeflate } from "../../src/xlsx/zip";
import {
  defaultDeflater,
  Deflater,
  DEFLATED,
  EntryToWrite,
  fflateDeflater,
  STORED,
  streamDeflater,
  writeZip,
  ZipTooLargeError,
  zipBytes,
  ZipWriting,
} from "../../src/xlsx/zipWriter";
import { INFLATERS } from "../support/inflaters";

const DEFLATERS: readonly (readonly [string, Deflater])[] = [
  ["CompressionStream", streamDeflater],
  ["fflate", fflateDeflater],
  ["node's zlib", nodeDeflater],
];
const utf8 = new TextEncoder();
const WHEN = new Date(Date.UTC(2025, 11, 15, 10, 20, 30));
const SHEET_XML = utf8.encode(
  `<worksheet><sheetData>${Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i * 7}</v></c></row>`).join("")}</sheetData></worksheet>`,
);

let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-zipwriter-"));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** What Python's zipfile makes of a zip: each entry's name, method, date, CRC check and bytes (hex). */
function pythonRead(bytes: Uint8Array): { name: string; method: number; date: number[]; bad: string | null; hex: string }[] {
  const file = path.join(work, `py-${Math.random().toString(36).slice(2)}.zip`);
  fs.writeFileSync(file, bytes);
  const script = [
    "import json, sys, zipfile",
    "z = zipfile.ZipFile(sys.argv[1])",
    "bad = z.testzip()",
    "def entry(i):",
    "    return {'name': i.filename, 'method': i.compress_type, 'date': list(i.date_time), 'bad': bad, 'hex': z.read(i).hex()}",
    "print(json.dumps([entry(i) for i in z.infolist()]))",
  ].join("\n");
  const run = spawnSync("python3", ["-c", script, file], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`python3 zipfile: ${run.stderr}`);
  return JSON.parse(run.stdout) as ReturnType<typeof pythonRead>;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

async function ourRead(zip: Uint8Array): Promise<Map<string, Uint8Array>> {
  const source = bytesSource(zip);
  const out = new Map<string, Uint8Array>();
  for (const [name, entry] of await readZipDirectory(source)) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of entryBytes(source, entry, { inflater: INFLATERS[1][1] })) chunks.push(chunk);
    out.set(name, concatenate(chunks));
  }
  return out;
}

describe("writeZip", () => {
  describe.each(DEFLATERS)("with the %s deflater", (_, deflater) => {
    const writing: ZipWriting = { deflater, checksum: crc32 };

    test("deflated, stored and copied entries read back alike through this reader, JSZip (CRC checked) and Python's zipfile", async () => {
      const copiedData = await fflateDeflater(utf8.encode("已压缩的部件"));
      const entries: EntryToWrite[] = [
        { name: "[Content_Types].xml", date: WHEN, content: { kind: "bytes", bytes: utf8.encode("<Types/>") } },
        { name: "xl/worksheets/sheet1.xml", date: WHEN, content: { kind: "bytes", bytes: SHEET_XML } },
        { name: "xl/media/image1.png", date: WHEN, content: { kind: "bytes", bytes: new Uint8Array([137, 80, 78, 71]), store: true } },
        { name: "xl/empty.xml", date: WHEN, content: { kind: "bytes", bytes: new Uint8Array(0) } },
        {
          name: "xl/copied.xml",
          date: WHEN,
          content: { kind: "compressed", method: DEFLATED, data: copiedData, crc32: zlibCrc32("已压缩的部件"), size: 18 },
        },
      ];
      const zip = await zipBytes(entries, writing);
      const expected = new Map<string, Uint8Array>([
        ["[Content_Types].xml", utf8.encode("<Types/>")],
        ["xl/worksheets/sheet1.xml", SHEET_XML],
        ["xl/media/image1.png", new Uint8Array([137, 80, 78, 71])],
        ["xl/empty.xml", new Uint8Array(0)],
        ["xl/copied.xml", utf8.encode("已压缩的部件")],
      ]);

      const ours = await ourRead(zip);
      expect([...ours.keys()]).toEqual([...expected.keys()]);
      for (const [name, bytes] of expected) expect([name, hex(ours.get(name)!)]).toEqual([name, hex(bytes)]);

      const jszip = await JSZip.loadAsync(zip, { checkCRC32: true });
      for (const [name, bytes] of expected) expect([name, hex(await jszip.file(name)!.async("uint8array"))]).toEqual([name, hex(bytes)]);

      const python = pythonRead(zip);
      expect(python.map((e) => e.name)).toEqual([...expected.keys()]);
      expect(python[0].bad).toBeNull();
      for (const e of python) expect([e.name, e.hex]).toEqual([e.name, hex(expected.get(e.name)!)]);
      expect(python.map((e) => e.method)).toEqual([DEFLATED, DEFLATED, STORED, DEFLATED, DEFLATED]);
      expect(python[0].date).toEqual([2025, 12, 15, 10, 20, 30]);
    });

    test("a part of 5 MB of ledger XML: deflated to less than a quarter, read back whole", async () => {
      const big = utf8.encode(new TextDecoder().decode(SHEET_XML).repeat(80));
      const zip = await zipBytes([{ name: "xl/worksheets/sheet1.xml", date: WHEN, content: { kind: "bytes", bytes: big } }], writing);
      expect(big.length).toBeGreaterThan(5_000_000);
      expect(zip.length).toBeLessThan(big.length / 4);
      expect(hex((await ourRead(zip)).get("xl/worksheets/sheet1.xml")!) === hex(big)).toBe(true);
    });
  });

  test("any bytes, any names: what Python's zipfile reads is what was written", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ bytes: fc.uint8Array({ maxLength: 2000, size: "max" }), store: fc.boolean() }), {
          minLength: 1,
          maxLength: 5,
        }),
        async (parts) => {
          const entries = parts.map((p, i) => ({ name: `part${i}.bin`, date: WHEN, content: { kind: "bytes" as const, ...p } }));
          const python = pythonRead(await zipBytes(entries, { deflater: nodeDeflater, checksum: crc32 }));
          expect(python.map((e) => e.hex)).toEqual(parts.map((p) => hex(p.bytes)));
          expect(python[0].bad).toBeNull();
        },
      ),
      { numRuns: 25 },
    );
  });

  test("a name outside ASCII is flagged UTF-8: Python's zipfile and this reader read it as written", async () => {
    const zip = await zipBytes([{ name: "xl/media/照片 1.png", date: WHEN, content: { kind: "bytes", bytes: new Uint8Array([1, 2]) } }], {
      deflater: fflateDeflater,
      checksum: crc32,
    });
    expect(pythonRead(zip).map((e) => e.name)).toEqual(["xl/media/照片 1.png"]);
    expect([...(await readZipDirectory(bytesSource(zip))).keys()]).toEqual(["xl/media/照片 1.png"]);
    // General-purpose flag of the local header: bit 11 set (UTF-8 names), bit 3 clear (no data descriptor).
    expect(new DataView(zip.buffer, zip.byteOffset).getUint16(6, true)).toBe(0x0800);
  });

  test("a date before 1980, which the format cannot hold, is written as 1980-01-01", async () => {
    const zip = await zipBytes([{ name: "a.xml", date: new Date(0), content: { kind: "bytes", bytes: utf8.encode("<a/>") } }], {
      deflater: fflateDeflater,
      checksum: crc32,
    });
    expect(pythonRead(zip)[0].date).toEqual([1980, 1, 1, 0, 0, 0]);
  });

  test("an entry of 4 GiB or more (it would need ZIP64) is refused before a byte of it is written", async () => {
    const written: Uint8Array[] = [];
    const entries: EntryToWrite[] = [
      { name: "a.xml", date: WHEN, content: { kind: "bytes", bytes: utf8.encode("<a/>") } },
      {
        name: "huge.xml",
        date: WHEN,
        content: { kind: "compressed", method: DEFLATED, data: new Uint8Array(10), crc32: 0, size: 2 ** 32 },
      },
    ];
    await expect(writeZip(entries, (b) => void written.push(b), { deflater: fflateDeflater, checksum: crc32 })).rejects.toBeInstanceOf(
      ZipTooLargeError,
    );
    const names = written.map((b) => new TextDecoder().decode(b));
    expect(names.some((t) => t.includes("a.xml"))).toBe(true);
    expect(names.some((t) => t.includes("huge.xml"))).toBe(false);
  });

  test("more than 65,535 entries (ZIP64 again) is refused", async () => {
    function* many(): Generator<EntryToWrite> {
      for (let i = 0; i <= 0xffff; i++)
        yield { name: `p${i}`, date: WHEN, content: { kind: "bytes", bytes: new Uint8Array(0), store: true } };
    }
    await expect(writeZip(many(), () => undefined, { deflater: fflateDeflater, checksum: crc32 })).rejects.toBeInstanceOf(ZipTooLargeError);
  });

  test("a deflater's failure and a sink's failure reach the caller as they are", async () => {
    const broken = new Error("deflater broke");
    const entries: EntryToWrite[] = [{ name: "a.xml", date: WHEN, content: { kind: "bytes", bytes: utf8.encode("<a/>") } }];
    await expect(writeZip(entries, () => undefined, { deflater: () => Promise.reject(broken), checksum: crc32 })).rejects.toBe(broken);
    const full = Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
    await expect(
      writeZip(
        entries,
        () => {
          throw full;
        },
        { deflater: fflateDeflater, checksum: crc32 },
      ),
    ).rejects.toBe(full);
  });

  test("the sink is awaited: nothing more is written until a slow write is done", async () => {
    const order: string[] = [];
    const entries: EntryToWrite[] = ["a", "b"].map((n) => ({
      name: `${n}.xml`,
      date: WHEN,
      content: { kind: "bytes", bytes: utf8.encode("<x/>") },
    }));
    let pending = 0;
    await writeZip(
      entries,
      async () => {
        expect(pending).toBe(0);
        pending += 1;
        await new Promise((resolve) => setImmediate(resolve));
        pending -= 1;
        order.push("written");
      },
      { deflater: fflateDeflater, checksum: crc32 },
    );
    // Two entries (header and data each), two directory records, the end record.
    expect(order).toHaveLength(7);
  });

  test("the platform's deflater: CompressionStream where it takes raw deflate (node 20 here), else fflate", () => {
    expect(takesRawDeflate(globalThis.CompressionStream)).toBe(true);
    expect(defaultDeflater()).toBe(streamDeflater);
    expect(takesRawDeflate(undefined)).toBe(false);
    class Refusing {
      constructor(format: string) {
        if (format === "deflate-raw") throw new TypeError("Unsupported compression format");
      }
    }
    expect(takesRawDeflate(Refusing)).toBe(false);
    const saved = globalThis.CompressionStream;
    try {
      (globalThis as { CompressionStream?: unknown }).CompressionStream = Refusing;
      expect(defaultDeflater()).toBe(fflateDeflater);
    } finally {
      globalThis.CompressionStream = saved;
    }
  });

  test("node's checksum, where there is one, gives the CRC the JavaScript one gives", async () => {
    const entries: EntryToWrite[] = [{ name: "s.xml", date: WHEN, content: { kind: "bytes", bytes: SHEET_XML } }];
    const a = await zipBytes(entries, { deflater: nodeDeflater, checksum: crc32 });
    const b = await zipBytes(entries, { deflater: nodeDeflater, checksum: nodeChecksum ?? crc32 });
    expect(hex(a)).toBe(hex(b));
  });
});

describe("packageEntries: a loaded workbook written again", () => {
  /** A package as a user's file might be: one part stored, the others deflated by JSZip. */
  async function userFile(): Promise<Uint8Array> {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/worksheets/sheet1.xml", SHEET_XML);
    zip.file("xl/media/image1.png", new Uint8Array([137, 80, 78, 71, 13, 10]), { compression: "STORE" });
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  /** The compressed bytes of each entry of a zip, by name. */
  async function compressedOf(zip: Uint8Array): Promise<Map<string, { method: number; hex: string }>> {
    const source = bytesSource(zip);
    const out = new Map<string, { method: number; hex: string }>();
    for (const [name, entry] of await readZipDirectory(source)) {
      const chunks: Uint8Array[] = [];
      for await (const chunk of compressedChunks(source, entry)) chunks.push(chunk);
      out.set(name, { method: entry.method, hex: hex(concatenate(chunks)) });
    }
    return out;
  }

  test("unchanged parts keep their compressed bytes and method (stored stays stored); changed and new parts are compressed", async () => {
    const input = await userFile();
    const zip = await JSZip.loadAsync(input);
    // Read as the merge reads the parts it looks at: reading leaves a part's compressed bytes as they were.
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toBe(new TextDecoder().decode(SHEET_XML));
    zip.file("[Content_Types].xml", '<Types xmlns="changed"/>');
    zip.file("xl/worksheets/sheet2.xml", "<worksheet>新的表</worksheet>");
    zip.file("xl/media/image2.png", new Uint8Array([1, 2, 3]));
    const written = await zipBytes(packageEntries(zip), { deflater: nodeDeflater, checksum: crc32 });

    const before = await compressedOf(input);
    const after = await compressedOf(written);
    expect(after.get("xl/worksheets/sheet1.xml")).toEqual(before.get("xl/worksheets/sheet1.xml"));
    expect(after.get("xl/media/image1.png")).toEqual({ method: STORED, hex: hex(new Uint8Array([137, 80, 78, 71, 13, 10])) });
    expect(after.get("[Content_Types].xml")?.method).toBe(DEFLATED);

    const back = await JSZip.loadAsync(written, { checkCRC32: true });
    expect(await back.file("[Content_Types].xml")!.async("string")).toBe('<Types xmlns="changed"/>');
    expect(await back.file("xl/worksheets/sheet2.xml")!.async("string")).toBe("<worksheet>新的表</worksheet>");
    expect([...(await back.file("xl/media/image2.png")!.async("uint8array"))]).toEqual([1, 2, 3]);
    expect(hex(await back.file("xl/worksheets/sheet1.xml")!.async("uint8array"))).toBe(hex(SHEET_XML));
    // The same parts in the same order; folder entries are not written (Excel writes none).
    const parts = (files: JSZip["files"]) => Object.keys(files).filter((name) => !files[name].dir);
    expect(Object.keys(back.files)).toEqual(parts(zip.files));
  });

  test("without JSZip's loaded-entry internals, a part is compressed again, to the same content", async () => {
    const zip = await JSZip.loadAsync(await userFile());
    const sheet = zip.file("xl/worksheets/sheet1.xml")!;
    // What a JSZip without those internals would look like to the adapter; its own reading stands in for JSZip's.
    const internals = sheet as unknown as { _data: object };
    internals._data = { ...internals._data, compressedContent: undefined };
    sheet.async = (async () => SHEET_XML) as typeof sheet.async;
    const entries: EntryToWrite[] = [];
    for await (const entry of packageEntries(zip)) entries.push(entry);
    expect(entries.find((e) => e.name === "xl/worksheets/sheet1.xml")?.content).toEqual({ kind: "bytes", bytes: SHEET_XML });
  });

  test("text added as a binary string goes through JSZip's own reading, and reads back as written", async () => {
    const zip = new JSZip();
    zip.file("a.bin", "\x01\x02\xff", { binary: true });
    const back = await JSZip.loadAsync(await zipBytes(packageEntries(zip), { deflater: fflateDeflater, checksum: crc32 }), {
      checkCRC32: true,
    });
    expect([...(await back.file("a.bin")!.async("uint8array"))]).toEqual([1, 2, 255]);
  });
});

describe("INFLATERS read what every deflater wrote", () => {
  test.each(DEFLATERS)("%s", async (_, deflater) => {
    const zip = await zipBytes([{ name: "s.xml", date: WHEN, content: { kind: "bytes", bytes: SHEET_XML } }], {
      deflater,
      checksum: crc32,
    });
    const source = bytesSource(zip);
    const entry = (await readZipDirectory(source)).get("s.xml")!;
    for (const [, inflater] of INFLATERS) {
      const chunks: Uint8Array[] = [];
      for await (const chunk of entryBytes(source, entry, { inflater })) chunks.push(chunk);
      expect(hex(concatenate(chunks)) === hex(SHEET_XML)).toBe(true);
    }
  });
});
