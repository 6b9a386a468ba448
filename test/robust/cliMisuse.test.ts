/**
 * The command line used the wrong way, as a new user would: dates that are not check dates,
 * one file ranked twice, a macro workbook, an output that is not a workbook, a file whose name
 * starts with a hyphen, outputs the system refuses. Each gets a Chinese message (or a valid
 * result that says what was done); no English error text reaches the user.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Writable } from "node:stream";
import JSZip from "jszip";
import { runCli, useTempDir } from "../support/cli";
import { packageProblems } from "../support/workbooks";
import { SMALL_LEDGER, writeLedger } from "./fixtures";

const dir = useTempDir("bangfu-misuse-");
let ledger = "";
let other = "";

const VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";
const SIGNATURE_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProjectSignature";
const XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
/** Stand-in bytes for a VBA project: the writer copies or drops the part, it never reads it. */
const VBA_BYTES = Buffer.from("BANGFU test: stands for a compound-file VBA project", "utf8");

beforeAll(async () => {
  ledger = await writeLedger(path.join(dir(), "东街道.xlsx"));
  other = await writeLedger(path.join(dir(), "西街道.xlsx"), [SMALL_LEDGER[0], ["W001", "周一", "西街道", 10300, 10000, "吴干部"]]);
});

/** English words that must not reach a cadre: system-call error texts and error codes. */
const ENGLISH = /\bE[A-Z]{3,}\b|no such file|permission denied|no space|is a directory|unexpected|error:|at position/i;

/** What a message says apart from the file paths in it (the temporary folder's random name). */
function withoutPaths(text: string): string {
  return text.split(dir()).join("…");
}

describe("--as-of accepts dates from 2000-01-01 to 2100-12-31, written out", () => {
  test.each<[string]>([["1"], ["45000"], ["45000.5"], ["1800-01-01"], ["1999-12-31"], ["2101-01-01"], ["1900-01-01"]])(
    "--as-of %s is refused, stating the accepted range",
    async (value) => {
      const result = await runCli(["check", ledger, "--as-of", value]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("2000-01-01 至 2100-12-31");
      expect(result.stderr).toContain("YYYY-MM-DD");
    },
  );

  test.each<[string, string]>([
    ["2025-06-30", "2025-06-30"],
    ["20250630", "2025-06-30"],
    ["2025年6月30日", "2025-06-30"],
    ["2000-01-01", "2000-01-01"],
    ["2100-12-31", "2100-12-31"],
  ])("--as-of %s is the check date %s", async (value, iso) => {
    const result = await runCli(["check", ledger, "--as-of", value, "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).asOf).toBe(iso);
  });

  test("a date that does not exist is refused with the range too", async () => {
    const result = await runCli(["check", ledger, "--as-of", "2025-02-30"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("不是存在的日期");
    expect(result.stderr).toContain("2000-01-01 至 2100-12-31");
  });
});

describe("rank: one file given twice is refused, whatever path names it", () => {
  test.each<[string, () => string]>([
    ["the same path", () => ledger],
    ["./ and an absolute path", () => path.join(path.relative(process.cwd(), dir()), ".", "东街道.xlsx")],
    [
      "a symbolic link",
      () => {
        const link = path.join(dir(), "链接.xlsx");
        if (!fs.existsSync(link)) fs.symlinkSync(ledger, link);
        return link;
      },
    ],
    [
      "a hard link",
      () => {
        const link = path.join(dir(), "硬链接.xlsx");
        if (!fs.existsSync(link)) fs.linkSync(ledger, link);
        return link;
      },
    ],
  ])("%s", async (_label, second) => {
    const again = second();
    const result = await runCli(["rank", ledger, other, again, "--as-of", "2025-06-30"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(again);
    expect(result.stderr).toContain("每个街道的台账只能给一次");
  });

  test("two different files are ranked as two streets", async () => {
    const result = await runCli(["rank", ledger, other, "--as-of", "2025-06-30"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("2个街道");
  });
});

/** An .xlsm made from an exceljs workbook: a VBA project (with a signature) and the macro content type. */
async function macroWorkbook(file: string): Promise<string> {
  const plain = await writeLedger(path.join(dir(), "plain-for-xlsm.xlsx"));
  const zip = await JSZip.loadAsync(fs.readFileSync(plain));
  zip.file("xl/vbaProject.bin", VBA_BYTES);
  zip.file("xl/vbaProjectSignature.bin", Buffer.from("signature"));
  zip.file(
    "xl/_rels/vbaProject.bin.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http:` +
      `//schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ` +
      `Type="${SIGNATURE_REL}" Target="vbaProjectSignature.bin"/></Relationships>`,
  );
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace("</Relationships>", `<Relationship Id="rIdVba" Type="${VBA_REL}" Target="vbaProject.bin"/></Relationships>`),
  );
  let types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  types = types.replace(XLSX_MAIN, XLSM_MAIN);
  types = types.replace(
    "</Types>",
    `<Override PartName="/xl/vbaProject.bin" ` +
      `ContentType="application/vnd.ms-office.vbaProject"/><Override ` +
      `PartName="/xl/vbaProjectSignature.bin" ` +
      `ContentType="application/vnd.ms-office.vbaProjectSignature"/></Types>`,
  );
  expect(types).toContain(XLSM_MAIN);
  zip.file("[Content_Types].xml", types);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  return file;
}

async function contentTypes(file: string): Promise<string> {
  return (await (await JSZip.loadAsync(fs.readFileSync(file))).file("[Content_Types].xml")?.async("string")) ?? "";
}

describe(".xlsm in: the output's content type matches its extension", () => {
  let xlsm = "";
  beforeAll(async () => {
    xlsm = await macroWorkbook(path.join(dir(), "宏台账.xlsm"));
  });

  test("-o .xlsm keeps the VBA project byte for byte and the macro content type, and says so", async () => {
    const out = path.join(dir(), "宏台账-汇总.xlsm");
    const result = await runCli(["summary", xlsm, "-o", out, "--as-of", "2025-06-30"]);
    expect(result.stderr).toBe(`汇总工作表“台账”\n`);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`输入文件含宏（VBA），输出文件 ${out} 保留了宏。`);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(await zip.file("xl/vbaProject.bin")?.async("nodebuffer")).toEqual(VBA_BYTES);
    expect(await contentTypes(out)).toContain(XLSM_MAIN);
    expect(await packageProblems(out)).toEqual([]);
  });

  test("-o .xlsx writes a macro-free workbook: no VBA parts, the workbook content type, and says so", async () => {
    const out = path.join(dir(), "宏台账-汇总.xlsx");
    const result = await runCli(["summary", xlsm, "-o", out, "--as-of", "2025-06-30"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("输出为 .xlsx，不含宏");
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(Object.keys(zip.files).filter((p) => /vbaProject/i.test(p))).toEqual([]);
    const types = await contentTypes(out);
    expect(types).toContain(XLSX_MAIN);
    expect(types).not.toContain("macroEnabled");
    expect(types).not.toContain("vbaProject.bin");
    expect((await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "").not.toContain("vbaProject");
    expect(await packageProblems(out)).toEqual([]);
  });

  test("a plain .xlsx summarised into .xlsm gets the macro-enabled type (Excel refuses a mismatch); rank -o .xlsm too", async () => {
    const out = path.join(dir(), "普通-汇总.xlsm");
    const result = await runCli(["summary", ledger, "-o", out, "--as-of", "2025-06-30"]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("宏");
    expect(await contentTypes(out)).toContain(XLSM_MAIN);
    const ranked = path.join(dir(), "排名.xlsm");
    expect((await runCli(["rank", ledger, other, "-o", ranked, "--as-of", "2025-06-30"])).code).toBe(0);
    expect(await contentTypes(ranked)).toContain(XLSM_MAIN);
    expect(await packageProblems(ranked)).toEqual([]);
  });
});

describe("the output must be a workbook: .xlsx or .xlsm", () => {
  test.each<[string]>([["out.csv"], ["out.xls"], ["out"], ["out.xlsx.bak"]])(
    "summary -o %s is refused before anything is written",
    async (name) => {
      const out = path.join(dir(), name);
      const result = await runCli(["summary", ledger, "-o", out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("应以 .xlsx 结尾");
      expect(fs.existsSync(out)).toBe(false);
    },
  );

  test("rank -o out.csv too", async () => {
    const out = path.join(dir(), "rank.csv");
    const result = await runCli(["rank", ledger, other, "-o", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("应以 .xlsx 结尾");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("an upper-case extension is a workbook too", async () => {
    const out = path.join(dir(), "大写.XLSX");
    expect((await runCli(["summary", ledger, "-o", out, "--as-of", "2025-06-30"])).code).toBe(0);
    expect(await contentTypes(out)).toContain(XLSX_MAIN);
  });
});

describe("a file named -台账.xlsx, and a bare --", () => {
  let hyphen = "";
  beforeAll(async () => {
    hyphen = await writeLedger(path.join(dir(), "-台账.xlsx"));
  });

  test("after -- it is a file", async () => {
    const result = await runCli(["check", "--as-of", "2025-06-30", "--", hyphen]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("-台账.xlsx");
  });

  test("as ./-台账.xlsx it is a file", async () => {
    const relative = `.${path.sep}${path.relative(process.cwd(), hyphen)}`;
    const result = await runCli(["check", relative, "--as-of", "2025-06-30"]);
    expect(result.code).toBe(0);
  });

  test("given bare, the message says how to give it", async () => {
    const result = await runCli(["check", "-台账.xlsx"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("不认识的选项：-台账.xlsx。如果这是文件名，请写作 ./-台账.xlsx，或写在 -- 之后");
  });

  test("two files to check: both named, with where a side ledger or a second street goes; nothing is checked", async () => {
    for (const command of ["check", "summary"]) {
      const result = await runCli([command, "一村.xlsx", "二村.xlsx"]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("个台账文件，收到 2 个：“一村.xlsx”、“二村.xlsx”");
      expect(result.stderr).toContain("--with");
      expect(result.stderr).toContain("bangfu rank");
    }
  });

  test("a file name where the command goes: the command to type is given", async () => {
    const result = await runCli(["台账.xlsx"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("请写 bangfu check 台账.xlsx");
    const typo = await runCli(["chek", "台账.xlsx"]);
    expect(typo.stderr).toContain("不认识的命令：chek（可用的命令：check、summary、rank、help）");
  });

  test("a bare -- with no file asks for the file", async () => {
    const result = await runCli(["check", "--"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("请给出一个要检查的 .xlsx 文件");
  });

  test("summary: -o may name a file starting with a hyphen; files after -- in rank", async () => {
    const out = path.join(dir(), "-汇总.xlsx");
    expect((await runCli(["summary", "-o", out, "--as-of", "2025-06-30", "--", hyphen])).code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect((await runCli(["rank", "--as-of", "2025-06-30", "--", hyphen, other])).code).toBe(0);
  });
});

describe("outputs the system refuses: Chinese reasons, never the English error", () => {
  test("-o names a folder: refused before the work, as a folder", async () => {
    fs.mkdirSync(path.join(dir(), "又一个文件夹.xlsx"));
    const folder = await runCli(["summary", ledger, "-o", path.join(dir(), "又一个文件夹.xlsx")]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain("这是一个文件夹");
    expect(withoutPaths(folder.stderr)).not.toMatch(ENGLISH);
  });

  test("-o in a folder that does not exist", async () => {
    const result = await runCli(["summary", ledger, "-o", path.join(dir(), "没有这个文件夹", "汇总.xlsx")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("不存在");
    expect(withoutPaths(result.stderr)).not.toMatch(ENGLISH);
  });

  // The system's refusals come from the write itself; here the write stream fails as the system would make it fail.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the real fs, beside the mocked one
  const nodeFs = require("node:fs") as typeof fs;
  const realCreateWriteStream = nodeFs.createWriteStream;
  test.each<[string, string]>([
    ["ENOSPC", "磁盘空间不足"],
    ["EACCES", "没有权限"],
    ["EROFS", "该位置只读"],
    ["EISDIR", "这是一个文件夹"],
    ["EIO", "读写出错"],
    ["EWHATEVER", "系统错误（代码 EWHATEVER）"],
  ])("%s while writing: “%s”, the half-written temporary file removed", async (code, reason) => {
    const spy = jest.spyOn(nodeFs, "createWriteStream").mockImplementation(((file: fs.PathLike, options?: unknown) => {
      // Only the output's temporary file fails; the reader's own spooling goes through.
      if (!/写入失败-.*\.tmp$/.test(String(file))) return realCreateWriteStream.call(nodeFs, file, options as never);
      fs.writeFileSync(file, "partial");
      const stream = new Writable({
        write(_chunk, _encoding, callback) {
          callback(Object.assign(new Error(`${code}: something failed, write`), { code, syscall: "write" }));
        },
      });
      return stream as unknown as fs.WriteStream;
    }) as unknown as typeof fs.createWriteStream);
    try {
      const out = path.join(dir(), `写入失败-${code.length}${reason.length}.xlsx`);
      const result = await runCli(["summary", ledger, "-o", out, "--as-of", "2025-06-30"]);
      expect(spy.mock.calls.some(([file]) => String(file).endsWith(".tmp"))).toBe(true);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`无法写出汇总：无法写出 ${out}：${reason}`);
      expect(withoutPaths(result.stderr).replace(/EWHATEVER/g, "")).not.toMatch(ENGLISH);
      expect(fs.readdirSync(dir()).filter((f) => f.endsWith(".tmp"))).toEqual([]);
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });
});
