/**
 * What the reader refuses, and how: a folder, a pipe, an encrypted workbook, an old .xls, an
 * empty or cut-off file, a damaged part, a part too large, rows beyond Excel's last row —
 * each with a Chinese message that says what to do, exit status 2, never a stack trace or an
 * English fragment. And packages that are unusual but valid, read as they are.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { openXlsx, WorkbookFileError } from "../../src/xlsx/workbook";
import { readLedgers } from "../../src/xlsx/readLedgers";
import { bytesSource, MAX_ZIP_ENTRIES } from "../../src/xlsx/zip";
import { writeBenchLedger } from "../../bench/ledgerFile";
import { runCli, useTempDir } from "../support/cli";
import { buildXlsx, CellSpec, declareSize, PackageSpec } from "../support/xlsxPackage";

const dir = useTempDir("bangfu-refusals-");
const LEDGER: CellSpec[][] = [
  ["户编号", "户主姓名", "人均纯收入", "增收帮扶责任人"],
  ["H1", "张三", 12000, "干部甲"],
  ["H2", "李四", 9000, "干部乙"],
];

function write(name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function rejection(call: () => Promise<unknown>): Promise<Error> {
  try {
    await call();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}

async function refused(file: string): Promise<string> {
  const { code, stdout, stderr } = await runCli(["check", file, "--as-of", "2025-12-15"]);
  expect(code).toBe(2);
  expect(stdout).toBe("");
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  const message = stderr
    .split(file)
    .join("〈文件〉")
    .replace(
      /--sheet|--max-old-space-size=\d+|NODE_OPTIONS|npm|\.xlsx|\.xls|Excel|WPS|BANGFU|OpenDocument|LibreOffice|Word|PowerPoint/g,
      "",
    )
    .replace(/\.(ods|docx?|pptx?|et)\b/g, "");
  expect(message).not.toMatch(/[A-Za-z]{3,}/);
  return stderr;
}

/** Bytes of an OLE compound file holding the named streams (only as much as the reader looks at). */
function oleFile(streams: readonly string[]): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  streams.forEach((name, i) => {
    const at = 1024 + i * 128;
    for (let c = 0; c < name.length; c++) bytes[at + 2 * c] = name.charCodeAt(c);
  });
  return bytes;
}

/**
 * The package with a zip64 end record that claims `entries` entries (the directory itself is
 * unchanged): what a file listing millions of parts looks like to the reader.
 */
function claimEntries(zip: Uint8Array, entries: number): Uint8Array {
  let eocd = zip.length - 22;
  while (eocd >= 0 && !(zip[eocd] === 0x50 && zip[eocd + 1] === 0x4b && zip[eocd + 2] === 5 && zip[eocd + 3] === 6)) eocd--;
  const old = new DataView(zip.buffer, zip.byteOffset + eocd, 22);
  const directorySize = old.getUint32(12, true);
  const directoryOffset = old.getUint32(16, true);
  const out = new Uint8Array(eocd + 56 + 20 + 22);
  out.set(zip.subarray(0, eocd));
  const v = new DataView(out.buffer);
  const record = eocd;
  v.setUint32(record, 0x06064b50, true);
  v.setBigUint64(record + 4, 44n, true);
  v.setBigUint64(record + 24, BigInt(entries), true);
  v.setBigUint64(record + 32, BigInt(entries), true);
  v.setBigUint64(record + 40, BigInt(directorySize), true);
  v.setBigUint64(record + 48, BigInt(directoryOffset), true);
  const locator = record + 56;
  v.setUint32(locator, 0x07064b50, true);
  v.setBigUint64(locator + 8, BigInt(record), true);
  v.setUint32(locator + 16, 1, true);
  const end = locator + 20;
  v.setUint32(end, 0x06054b50, true);
  v.setUint16(end + 8, 0xffff, true);
  v.setUint16(end + 10, 0xffff, true);
  v.setUint32(end + 12, 0xffffffff, true);
  v.setUint32(end + 16, 0xffffffff, true);
  return out;
}

describe("inputs that are no workbook", () => {
  test("a folder", async () => {
    const folder = path.join(dir(), "台账文件夹.xlsx");
    fs.mkdirSync(folder);
    expect(await refused(folder)).toContain("是文件夹");
  });

  test("a named pipe is refused at once, without waiting for a writer", async () => {
    const fifo = path.join(dir(), "pipe.xlsx");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    expect(await refused(fifo)).toContain("不是普通文件");
  });

  test("an encrypted (password-protected) workbook is called that, with how to remove the password", async () => {
    const stderr = await refused(write("加密.xlsx", oleFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"])));
    expect(stderr).toContain("密码");
    expect(stderr).toContain("用密码进行加密");
    expect(stderr).not.toContain(".xls）");
  });

  test("an old binary .xls is called that", async () => {
    expect(await refused(write("旧表.xlsx", oleFile(["Root Entry", "Workbook"])))).toContain("旧版 Excel（.xls）");
  });

  test("other files a user may pick by mistake are named as what they are, each with what to do", async () => {
    // WPS 表格's own .et format: saved again from WPS as .xlsx.
    const et = await refused(write("台账.et", oleFile(["Root Entry", "Workbook"])));
    expect(et).toContain("WPS 表格格式（.et）");
    expect(et).toContain("Excel 工作簿（*.xlsx）");
    expect(await refused(write("台账.et", "not a package"))).toContain("WPS 表格格式（.et）");
    // Word and PowerPoint files of the binary formats; a workbook embedding a Word object stays a workbook.
    expect(await refused(write("说明.doc", oleFile(["Root Entry", "WordDocument", "1Table"])))).toContain(
      "是 Word 文档（.doc），不是工作簿",
    );
    expect(await refused(write("汇报.ppt", oleFile(["Root Entry", "PowerPoint Document"])))).toContain("是 PowerPoint 演示文稿（.ppt）");
    expect(await refused(write("旧表.xls", oleFile(["Root Entry", "Workbook", "MBD0001", "WordDocument"])))).toContain(
      "旧版 Excel（.xls）",
    );
    // Packages: an OpenDocument spreadsheet (WPS and LibreOffice save these), a .docx, a .pptx.
    const ods = zipSync({
      mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
      "content.xml": strToU8("<office:document-content/>"),
    });
    const odsMessage = await refused(write("台账.ods", ods));
    expect(odsMessage).toContain("OpenDocument 表格（.ods）");
    expect(odsMessage).toContain("另存为");
    const docx = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") });
    expect(await refused(write("说明.docx", docx))).toContain("是 Word 文档（.docx），不是工作簿");
    const pptx = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "ppt/presentation.xml": strToU8("<p:presentation/>") });
    expect(await refused(write("汇报.pptx", pptx))).toContain("PowerPoint 演示文稿（.pptx）");
    // A package with none of these: damaged or not a workbook, without guessing what it is.
    const other = await refused(write("other.xlsx", zipSync({ "readme.txt": strToU8("x") })));
    expect(other).toContain("不是 Excel 工作簿");
    expect(other).not.toContain("Word");
  });

  test("an empty file, a text file, a cut-off file", async () => {
    expect(await refused(write("empty.xlsx", new Uint8Array(0)))).toContain("空文件");
    expect(await refused(write("text.xlsx", "户编号,姓名\nH1,张三\n"))).toContain("不是 .xlsx 文件");
    const whole = buildXlsx({ sheets: [{ name: "台账", rows: LEDGER }] });
    expect(await refused(write("cut.xlsx", whole.subarray(0, Math.floor(whole.length / 2))))).toContain("不完整");
  });

  test("a binary workbook (.xlsb) is called that", async () => {
    const rels =
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http:` +
      `//schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ` +
      `Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ` +
      `Target="xl/workbook.bin"/></Relationships>`;
    const zip = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "_rels/.rels": strToU8(rels),
      "xl/workbook.bin": new Uint8Array([0x83, 0x01, 0x00]),
    });
    expect(await refused(write("binary.xlsx", zip))).toContain(".xlsb");
  });

  test("a damaged sheet part: a Chinese message, no zlib words", async () => {
    const rows = Array.from({ length: 400 }, (_, i) => [`H${i}`, `户主${i}`, 12000 + i, "干部甲"]);
    const zip = buildXlsx({ sheets: [{ name: "台账", rows: [LEDGER[0], ...rows] }] });
    const bad = zip.slice();
    // Scramble the middle of the largest stretch of compressed data (the sheet part).
    const sheetAt = Buffer.from(bad).indexOf("xl/worksheets/sheet1.xml");
    for (let i = sheetAt + 200; i < sheetAt + 260; i++) bad[i] ^= 0x5a;
    expect(await refused(write("damaged.xlsx", bad))).toMatch(/损坏|无法读取/);
  });
});

describe("limits", () => {
  test("a sheet part that declares 2.9 GB is refused before anything is inflated, naming the limit", async () => {
    const zip = declareSize(buildXlsx({ sheets: [{ name: "台账", rows: LEDGER }] }), "xl/worksheets/sheet1.xml", 2_900_000_000);
    const stderr = await refused(write("huge.xlsx", zip));
    expect(stderr).toContain("2,766 MB");
    expect(stderr).toContain("上限 2,048 MB");
    expect(stderr).toContain("拆成");
  });

  test("a part larger than it declares is stopped once it passes the limit", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [`H${i}`, `户主${i}`, 12000, "干部甲"]);
    const zip = declareSize(buildXlsx({ sheets: [{ name: "台账", rows: [LEDGER[0], ...rows] }] }), "xl/worksheets/sheet1.xml", 100);
    const workbook = await openXlsx(bytesSource(zip), { label: "小.xlsx", limits: { sheetPartBytes: 4000 } });
    const error = await rejection(() => readLedgers(workbook));
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as Error).message).toContain("上限 0 MB");
  });

  test("a row beyond Excel's last row (1,048,576) is refused with that limit", async () => {
    const xml =
      `<worksheet xmlns="http:` +
      `//schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" ` +
      `t="inlineStr"><is><t>户编号</t></is></c></row><row r="1048577"><c ` +
      `r="A1048577"><v>1</v></c></row></sheetData></worksheet>`;
    const stderr = await refused(write("too-many-rows.xlsx", buildXlsx({ sheets: [{ name: "台账", xml }] })));
    expect(stderr).toContain("1,048,576");
  });

  test("a cell beyond Excel's last column (16,384, XFD) is refused with that limit", async () => {
    const xml =
      `<worksheet xmlns="http:` +
      `//schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" ` +
      `t="inlineStr"><is><t>户编号</t></is></c><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`;
    const stderr = await refused(write("too-many-columns.xlsx", buildXlsx({ sheets: [{ name: "台账", xml }] })));
    expect(stderr).toContain("16,384 列");
    expect(stderr).toContain("第 1 行");
  });

  test("a package claiming more parts than MAX_ZIP_ENTRIES is refused before they are listed, naming the limit", async () => {
    const zip = buildXlsx({ sheets: [{ name: "台账", rows: LEDGER }] });
    // The same package under a zip64 end record of 100,000 entries is still read (the limit itself is allowed)…
    await expect(openXlsx(bytesSource(claimEntries(zip, MAX_ZIP_ENTRIES)), { label: "x" })).rejects.toThrow(/压缩包结构有误/);
    // …one more is refused as too many, not as damaged.
    const stderr = await refused(write("many-parts.xlsx", claimEntries(zip, MAX_ZIP_ENTRIES + 1)));
    expect(stderr).toContain("100,001 个部分");
    expect(stderr).toContain(`上限 ${MAX_ZIP_ENTRIES.toLocaleString("en-US")} 个`);
  });

  test("memory running out stops the reading with the reader's message", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`H${i}`, `户主${i}`, 12000, "干部甲"]);
    const zip = buildXlsx({ sheets: [{ name: "台账", rows: [LEDGER[0], ...rows] }] });
    let calls = 0;
    const workbook = await openXlsx(bytesSource(zip), {
      label: "大.xlsx",
      checkMemory: (at) => {
        calls += 1;
        if ("sheet" in at && at.row > 10_000) throw new WorkbookFileError(`${at.sheet} 第 ${at.row} 行：内存将尽`);
      },
    });
    const error = await rejection(() => readLedgers(workbook));
    expect((error as Error).message).toMatch(/台账 第 1\d{4} 行：内存将尽/);
    expect(calls).toBeGreaterThan(0);
  });
});

describe("unusual but valid packages", () => {
  async function checks(spec: PackageSpec | Uint8Array, name: string): Promise<{ sheet: string; households: number }> {
    const file = write(name, spec instanceof Uint8Array ? spec : buildXlsx(spec));
    const { code, stdout, stderr } = await runCli(["check", file, "--as-of", "2025-12-15", "--json"]);
    if (code === 2 || code === 3) throw new Error(stderr);
    return JSON.parse(stdout) as { sheet: string; households: number };
  }

  test("a namespace-prefixed worksheet (<x:worksheet>, <x:row>, <x:c>)", async () => {
    const inline = (t: string) => `<x:c t="inlineStr"><x:is><x:t>${t}</x:t></x:is></x:c>`;
    const xml =
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:` +
      `sheetData><x:row r="1">${["户编号", "户主姓名", "人均纯收入"].map(inline).join("")}</x:` +
      `row><x:row r="2">${inline("H1")}${inline("张三")}<x:c><x:v>12000</x:v></x:c></x:row></x:` +
      `sheetData></x:worksheet>`;
    expect(await checks({ sheets: [{ name: "台账", xml }] }, "prefixed.xlsx")).toMatchObject({ sheet: "台账", households: 1 });
  });

  test("cells and rows without r=", async () => {
    const inline = (t: string) => `<c t="inlineStr"><is><t>${t}</t></is></c>`;
    const xml =
      `<worksheet xmlns="http:` +
      `//schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row>${["户编号", "户主姓名", "人均纯收入"].map(inline).join("")}</row><row>${inline("H1")}${inline("张三")}<c><v>12000</v></c></row><row>${inline("H2")}<c/><c><v>9000</v></c></row></sheetData></worksheet>`;
    expect(await checks({ sheets: [{ name: "台账", xml }] }, "no-refs.xlsx")).toMatchObject({ households: 2 });
  });

  test("non-standard part names, found through the relationships", async () => {
    const spec = buildXlsx({
      workbookPart: "content/book.xml",
      sheets: [{ name: "台账", rows: LEDGER, part: "content/data/ledger-part.xml" }],
    });
    expect(await checks(spec, "odd-names.xlsx")).toMatchObject({ sheet: "台账", households: 2 });
  });

  test("a zip with stored (uncompressed) parts", async () => {
    const packed = buildXlsx({ sheets: [{ name: "台账", rows: LEDGER }] });
    // Re-pack every part without compression.
    const stored = zipSync(unzipSync(packed), { level: 0 });
    expect(await checks(stored, "stored.xlsx")).toMatchObject({ households: 2 });
  });
});

describe("memory, for real", () => {
  test("a ledger too large for the memory node is given stops with the reader's message, not a V8 crash", () => {
    const rows: CellSpec[][] = [["户编号", "户主姓名", "证件号码", "人均纯收入", "增收帮扶责任人", "备注"]];
    for (let i = 0; i < 100_000; i++)
      rows.push([
        `H${i}`,
        `户主${i}`,
        `37040219800101${String(i % 10000).padStart(4, "0")}`,
        9000 + (i % 5000),
        `干部${i % 50}`,
        `第${i}户的说明文字`,
      ]);
    const file = write("too-big-for-64mb.xlsx", buildXlsx({ sheets: [{ name: "台账", rows }] }));
    const bin = path.join(__dirname, "..", "..", "bin", "bangfu.js");
    const run = spawnSync(process.execPath, ["--max-old-space-size=64", bin, "check", file, "--as-of", "2025-12-15", "--json"], {
      encoding: "utf8",
    });
    expect(run.stderr).not.toContain("FATAL");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/太大：读到第 [\d,]+ 行时已用去 \d+ MB 内存，本机给 BANGFU 的上限是 \d+ MB/);
    expect(run.stderr).toContain("拆成几个文件");
  }, 120_000);

  test("a summary too large for the memory node is given is refused with a message, not a V8 crash, and nothing is written", async () => {
    // 100,000 person rows as the national system exports them: with a 160 MB heap the check alone
    // completes, and the summary (tables and tabs about three times the ledger) did not: V8 aborted.
    const file = path.join(dir(), "summary-too-big.xlsx");
    await writeBenchLedger(100_000, file);
    const output = path.join(dir(), "summary-too-big-out.xlsx");
    const bin = path.join(__dirname, "..", "..", "bin", "bangfu.js");
    const run = spawnSync(process.execPath, ["--max-old-space-size=160", bin, "summary", file, "-o", output, "--as-of", "2025-12-15"], {
      encoding: "utf8",
    });
    expect(run.stderr).not.toContain("FATAL");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/内存，本机给 BANGFU 的上限是 \d+ MB/);
    expect(run.stderr).toContain("拆成几个文件");
    expect(fs.existsSync(output)).toBe(false);
    const check = spawnSync(process.execPath, ["--max-old-space-size=160", bin, "check", file, "--as-of", "2025-12-15", "--json"], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    expect(check.stderr).not.toContain("FATAL");
    expect(check.status).toBe(1);
  }, 180_000);

  test("memory the process held before the command is not counted against it (a test runner or a host running it in-process)", () => {
    // A 256 MB heap already holding ~150 MB of live strings, then a summary of a small workbook in the
    // same process. Measured against the whole heap, the reading stopped at once (0.3 of it was in use).
    const main = path.join(__dirname, "..", "..", "build", "cli", "main.js");
    const ledger = path.join(__dirname, "..", "..", "examples", "街道台账-按户.xlsx");
    const output = path.join(dir(), "in-process-out.xlsx");
    const script =
      `const keep = []; for (let i = 0; i < 30; i++) keep.push(Array.from({ length: 50000 }, (_, j) => (i + "-" + j).padEnd(40, "y")));` +
      `require(${JSON.stringify(main)}).main(["summary", ${JSON.stringify(ledger)}, "-o", ${JSON.stringify(output)}, "--as-of", "2025-12-15"])` +
      `.then((code) => { process.exitCode = code; console.log(keep.length); });`;
    const run = spawnSync(process.execPath, ["--max-old-space-size=256", "-e", script], { encoding: "utf8" });
    expect(run.stderr).not.toContain("内存");
    expect(run.status).toBe(0);
    expect(fs.existsSync(output)).toBe(true);
  }, 120_000);

  test("shared strings too many for the memory node is given stop with the reader's message, not a V8 crash", () => {
    // 3,000,000 short strings: a 13 MB file whose string table takes far more than 64 MB in memory.
    const count = 3_000_000;
    const items: string[] = [];
    for (let i = 0; i < count; i++) items.push(`<si><t>${i}</t></si>`);
    const sst =
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" ` +
      `uniqueCount="${count}">${items.join("")}</sst>`;
    const file = write("many-strings.xlsx", buildXlsx({ sharedStringsXml: sst, sheets: [{ name: "台账", rows: LEDGER }] }));
    const bin = path.join(__dirname, "..", "..", "bin", "bangfu.js");
    const run = spawnSync(process.execPath, ["--max-old-space-size=64", bin, "check", file, "--as-of", "2025-12-15"], { encoding: "utf8" });
    expect(run.stderr).not.toContain("FATAL");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /共享字符串（工作簿中不同文字的列表）太多：读到第 [\d,]+ 个时已用去 \d+ MB 内存，本机给 BANGFU 的上限是 \d+ MB/,
    );
  }, 120_000);
});
