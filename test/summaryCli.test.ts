/**
 * `bangfu summary` and `bangfu rank` (issue 4, 命令行) on real .xlsx files written here.
 * The tab numbers asserted are the hand-worked figures of test/summaries/fixtures.ts; the
 * street figures are worked out in the comments below.
 */
import { CliRun, runCli, useTempDir } from "./support/cli";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { resolvePolicy } from "../src/policy";
import { buildRankingTable, rankStreets, streetNameOf } from "../src/summaries/ranking";
import { readSummaryWorkbook } from "./support/readBack";
import { AS_OF, read } from "./support/ledgerFixtures";
import { H01_HEAD_ID, H05_HEAD_ID, H09_HEAD_ID, PERSON_ROWS } from "./summaries/fixtures";
import { chartsOnSheet } from "./support/charts";
import { definedNames, dressLedger, load, sha256, sheetXml, snapshot, zipParts } from "./support/workbooks";

// Each test writes and reads whole workbooks; on a busy machine that takes more than Jest's default 5 s.
jest.setTimeout(60_000);

const REPO = path.resolve(__dirname, "..");
const dir = useTempDir("bangfu-summary-cli-");

function run(...argv: string[]): Promise<CliRun> {
  return runCli(argv);
}

const SUMMARY_TABS = ["汇总-分层", "汇总-措施", "汇总-资金", "汇总-增收", "重点户清单", "检查结果"];

/**
 * The fixture ledger of the summary tests (title row 1, header row 2, H01…H09 on rows 3–17),
 * dressed like a real one, behind a cover sheet that links to it; optionally with a user's own
 * sheet named 汇总-分层.
 */
async function ledgerFile(name: string, options: { userSheet?: boolean } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet("封面");
  cover.getCell("A1").value = "某街道脱贫户增收帮扶台账";
  cover.getCell("A1").font = { size: 20, bold: true };
  cover.getCell("A3").value = { text: "转到台账", hyperlink: "#'台账'!A3" };
  cover.getCell("A4").value = { text: "方案原文", hyperlink: "https://example.org/plan-2023-2025" };
  const ws = wb.addWorksheet("台账");
  PERSON_ROWS.forEach((row, i) => (ws.getRow(i + 1).values = row as ExcelJS.CellValue[]));
  dressLedger(ws, 2, PERSON_ROWS.length, PERSON_ROWS[1].length);
  wb.definedNames.add("'台账'!$F$3:$F$17", "本年人均纯收入");
  if (options.userSheet) {
    const mine = wb.addWorksheet("汇总-分层");
    mine.getCell("A1").value = "我自己做的分层统计（不要动）";
    mine.getCell("A1").font = { bold: true, color: { argb: "FF7030A0" } };
    mine.getRow(2).values = ["村", "低收入户数"];
    mine.getRow(3).values = ["东村", 1];
    mine.getCell("B4").value = { formula: "SUM(B3:B3)", result: 1 };
  }
  const file = path.join(dir(), name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Generated tabs minus the generation time, to compare two generations. */
async function tabsWithoutTime(file: string) {
  const contents = await readSummaryWorkbook(file);
  return contents.tabs.map((t) => ({ ...t, metaLine: t.metaLine.replace(/生成时间：[^　]*/, "生成时间：…") }));
}

describe("bangfu summary", () => {
  let input: string;
  let output: string;
  let inputHash: string;
  let result: CliRun;
  beforeAll(async () => {
    input = await ledgerFile("台账.xlsx");
    inputHash = sha256(input);
    output = path.join(dir(), "台账-汇总.xlsx");
    result = await run("summary", input, "-o", output, "--as-of", "2025-06-30");
  });

  test("exit 0 (findings or not), says which tabs were written and where", () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("汇总工作表“台账”（已跳过：“封面”，不像台账）\n");
    expect(result.stdout).toContain(`已写出 ${output}（输入文件 ${input} 未修改）：`);
    for (const tab of SUMMARY_TABS) expect(result.stdout).toContain(`  + ${tab}\n`);
    expect(result.stdout).toContain("台账“台账”：9户、15人；检查日期 2025-06-30，政策参数 2025年；检查发现错误");
    // The chart is a real chart now: no line says it was left out.
    expect(result.stdout).not.toContain("图表");
  });

  test("the input file's bytes are unchanged", () => {
    expect(sha256(input)).toBe(inputHash);
  });

  test("the output holds the user's sheets first, then the six tabs, each with its marker", async () => {
    expect((await load(output)).worksheets.map((w) => w.name)).toEqual(["封面", "台账", ...SUMMARY_TABS]);
    const markers = (await definedNames(output)).filter((n) => n.name.startsWith("BANGFU_GENERATED_"));
    expect(markers.map((n) => `${n.name}=${n.formula}`)).toEqual([
      "BANGFU_GENERATED_TIERS='汇总-分层'!$A$1",
      "BANGFU_GENERATED_MEASURES='汇总-措施'!$A$1",
      "BANGFU_GENERATED_FUNDS='汇总-资金'!$A$1",
      "BANGFU_GENERATED_GROWTH='汇总-增收'!$A$1",
      "BANGFU_GENERATED_FOCUS='重点户清单'!$A$1",
      "BANGFU_GENERATED_FINDINGS='检查结果'!$A$1",
    ]);
  });

  test(
    "the ledger sheet is unchanged: every cell's value, formula and style, comments, " + "validations, widths, merges, panes, filter",
    async () => {
      const before = snapshot((await load(input)).getWorksheet("台账")!);
      const after = snapshot((await load(output)).getWorksheet("台账")!);
      expect(after).toEqual(before);
      // The snapshot sees what the fixture put there (a guard against comparing two empty things).
      const cells = before.cells as Record<string, { value: unknown; formula: string | null; note: unknown; style: { fill?: unknown } }>;
      expect(cells.S3.formula).toBe('IF(G3>0,F3/G3-1,"")');
      expect(cells.S4.value).toMatchObject({ sharedFormula: "S3" });
      expect(cells.C3.note).toBe("户主电话待核实");
      expect(cells.F3.style.fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
      expect(Object.keys(before.dataValidations as object)).toContain("F20");
      expect(before.merges).toEqual(["A1:R1"]);
      expect(before.printArea).toBe("A1:S17");
    },
  );

  test("the cover sheet and the user's defined name are unchanged too, its link to the ledger included", async () => {
    const [a, b] = [await load(input), await load(output)];
    expect(snapshot(b.getWorksheet("封面")!)).toEqual(snapshot(a.getWorksheet("封面")!));
    expect(b.getWorksheet("封面")!.getCell("A3").value).toEqual({ text: "转到台账", hyperlink: "#'台账'!A3" });
    expect((await definedNames(output)).find((n) => n.name === "本年人均纯收入")).toEqual({
      name: "本年人均纯收入",
      formula: "'台账'!$F$3:$F$17",
      localSheetId: null,
    });
  });

  test("汇总-分层 carries the hand-worked totals; every tab states its source, check date, policy year and time", async () => {
    const contents = await readSummaryWorkbook(output);
    expect(contents.tabs.map((t) => t.name)).toEqual(SUMMARY_TABS);
    for (const tab of contents.tabs)
      expect(tab.metaLine).toMatch(
        /^来源工作表：台账　检查日期：2025-06-30　政策年度：2025　生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/,
      );
    const tiers = contents.tabs[0];
    expect(tiers.rows.map((r) => r[0])).toEqual(["东村", "西村", "（未填村）"]);
    expect(tiers.totalRow?.map((v) => (typeof v === "number" ? Number(v.toFixed(6)) : v))).toEqual([
      "合计",
      9, // households H01…H09
      15, // persons: 8 + 6 + 1 member rows
      2,
      0.25, // high: H03, H07 of the 8 with income
      3,
      0.375, // middle: H02, H06, H08
      3,
      0.375, // low: H01, H05, H09
      1, // H04: income unknown
      12375, // (9000+12000+16000+10000+11000+13000+20000+8000) / 8
      11500, // (11000 + 12000) / 2
    ]);
  });

  test("formats and frozen header on the written tabs; 重点户清单 dates are dates", async () => {
    const wb = await load(output);
    const focus = wb.getWorksheet("重点户清单")!;
    const headerRow = (focus.views[0] as { ySplit: number }).ySplit;
    expect(focus.views[0]).toMatchObject({ state: "frozen" });
    expect(focus.getRow(headerRow).getCell(1).value).toBe("户编号");
    const first = focus.getRow(headerRow + 1);
    expect(first.getCell(1).value).toEqual({ text: "H01", hyperlink: "#'台账'!A3" });
    expect(first.getCell(5).value).toBe(9000);
    expect(first.getCell(5).numFmt).toBe("#,##0.00");
    expect(first.getCell(7).value).toEqual(new Date(Date.UTC(2025, 5, 20)));
    expect(first.getCell(7).numFmt).toBe("yyyy-mm-dd");
    expect(focus.autoFilter).toBeTruthy();
    const tiers = wb.getWorksheet("汇总-分层")!;
    const tiersHeader = (tiers.views[0] as { ySplit: number }).ySplit;
    expect(tiers.getRow(tiersHeader + 1).getCell(5).numFmt).toBe("0.0%");
  });

  test("ID numbers masked by default, in full with --full-ids", async () => {
    const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;
    const ids = async (file: string) => (await readSummaryWorkbook(file)).tabs.find((t) => t.key === "focus")!.rows.map((r) => r[2]);
    expect(await ids(output)).toEqual([masked(H01_HEAD_ID), masked(H05_HEAD_ID), masked(H09_HEAD_ID)]);
    const full = path.join(dir(), "full-ids.xlsx");
    expect((await run("summary", input, "-o", full, "--as-of", "2025-06-30", "--full-ids")).code).toBe(0);
    expect(await ids(full)).toEqual([H01_HEAD_ID, H05_HEAD_ID, H09_HEAD_ID]);
  });

  test("检查结果 links each cell reference to the ledger cell", async () => {
    const { xml } = await sheetXml(output, "检查结果");
    expect(xml).toMatch(/<hyperlink ref="F\d+" location="&apos;台账&apos;![A-Z]+\d+"\/>/);
    expect(xml).not.toContain("r:id=");
  });

  test("regenerating (summary on the output of summary) gives the same tabs, replaced not duplicated", async () => {
    const again = path.join(dir(), "台账-汇总-2.xlsx");
    const second = await run("summary", output, "-o", again, "--as-of", "2025-06-30");
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`替换了上次由 BANGFU 生成的工作表：${SUMMARY_TABS.map((t) => `“${t}”`).join("、")}。`);
    expect((await load(again)).worksheets.map((w) => w.name)).toEqual(["封面", "台账", ...SUMMARY_TABS]);
    expect(await tabsWithoutTime(again)).toEqual(await tabsWithoutTime(output));
    expect(snapshot((await load(again)).getWorksheet("台账")!)).toEqual(snapshot((await load(input)).getWorksheet("台账")!));
    expect((await definedNames(again)).filter((n) => n.name.startsWith("BANGFU_GENERATED_"))).toHaveLength(6);
  });

  test("the written package stores the workbook part before the sheets (as Excel does)", async () => {
    const parts = await zipParts(output);
    const first = parts.findIndex((p) => p.startsWith("xl/worksheets/"));
    for (const part of ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml"])
      expect(parts.indexOf(part)).toBeLessThan(first);
  });

  test("check reads a workbook whose parts exceljs stored in its own order (workbook last; exceljs issue 3064), every time", async () => {
    // Written back by plain exceljs, the summary workbook has its workbook part last; exceljs's streaming
    // reader then loses it most of the time ("Cannot read properties of undefined (reading 'sheets')").
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const plain = path.join(dir(), "exceljs-order.xlsx");
    await wb.xlsx.writeFile(plain);
    const parts = await zipParts(plain);
    expect(parts.indexOf("xl/workbook.xml")).toBeGreaterThan(parts.findIndex((p) => p.startsWith("xl/worksheets/sheet")));
    for (let i = 0; i < 5; i++) {
      const checked = await run("check", plain, "--as-of", "2025-06-30", "--json");
      expect({ code: checked.code, sheet: checked.stdout ? JSON.parse(checked.stdout).sheet : checked.stderr }).toEqual({
        code: 1,
        sheet: "台账",
      });
    }
  });

  test("a user's sheet named 汇总-分层 survives unchanged, twice; the new tab takes 汇总-分层(2)", async () => {
    const withSheet = await ledgerFile("有自己汇总表的台账.xlsx", { userSheet: true });
    const before = snapshot((await load(withSheet)).getWorksheet("汇总-分层")!);
    const once = path.join(dir(), "有自己汇总表-1.xlsx");
    const first = await run("summary", withSheet, "-o", once, "--as-of", "2025-06-30");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("  + 汇总-分层(2)（工作簿中已有用户自己的“汇总-分层”工作表，保留未动，新表改名为“汇总-分层(2)”）");
    const twice = path.join(dir(), "有自己汇总表-2.xlsx");
    expect((await run("summary", once, "-o", twice, "--as-of", "2025-06-30")).code).toBe(0);
    for (const file of [once, twice]) {
      const wb = await load(file);
      expect(wb.worksheets.map((w) => w.name)).toEqual(["封面", "台账", "汇总-分层", "汇总-分层(2)", ...SUMMARY_TABS.slice(1)]);
      expect(snapshot(wb.getWorksheet("汇总-分层")!)).toEqual(before);
    }
    expect(await tabsWithoutTime(twice)).toEqual(await tabsWithoutTime(once));
  });
});

describe("bangfu summary：退出码与提示", () => {
  let input: string;
  beforeAll(async () => {
    input = await ledgerFile("exit.xlsx");
  });

  test("2 without -o, with a usage hint", async () => {
    const { code, stderr } = await run("summary", input);
    expect(code).toBe(2);
    expect(stderr).toContain("请用 -o 指定输出文件");
    expect(stderr).toContain("bangfu summary 文件.xlsx -o 输出.xlsx");
  });

  test("2 when -o names the input itself; the input is not touched", async () => {
    const hash = sha256(input);
    const { code, stdout, stderr } = await run("summary", input, "-o", input);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("输出文件不能与输入文件相同");
    expect(sha256(input)).toBe(hash);
  });

  test("2 for a missing file, a file without a ledger, an unknown --sheet; no output written", async () => {
    const out = path.join(dir(), "never.xlsx");
    const missing = await run("summary", path.join(dir(), "不存在.xlsx"), "-o", out);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("找不到文件");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").getCell("A1").value = "填表说明";
    const noLedger = path.join(dir(), "no-ledger.xlsx");
    await wb.xlsx.writeFile(noLedger);
    const none = await run("summary", noLedger, "-o", out);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("没有找到台账");
    const sheet = await run("summary", input, "-o", out, "--sheet", "花名册");
    expect(sheet.code).toBe(2);
    expect(sheet.stderr).toContain("花名册");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("2 when the output folder does not exist", async () => {
    const { code, stderr } = await run("summary", input, "-o", path.join(dir(), "没有的文件夹", "out.xlsx"), "--as-of", "2025-06-30");
    expect(code).toBe(2);
    expect(stderr).toContain("无法写出汇总");
    expect(stderr).toContain("不存在");
  });

  test("--sheet picks the ledger sheet by name", async () => {
    const out = path.join(dir(), "named-sheet.xlsx");
    const { code, stderr } = await run("summary", input, "-o", out, "--sheet", "台账", "--as-of", "2025-06-30");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect((await readSummaryWorkbook(out)).tabs).toHaveLength(6);
  });

  test("help lists summary and rank", async () => {
    const { code, stdout } = await run("help");
    expect(code).toBe(0);
    expect(stdout).toContain("bangfu summary 文件.xlsx -o 输出.xlsx");
    expect(stdout).toContain("bangfu rank 文件.xlsx");
  });

  test("node bin/bangfu.js summary: the real process exits 0 and writes the file", () => {
    const out = path.join(dir(), "bin-out.xlsx");
    const result = spawnSync(
      process.execPath,
      [path.join(REPO, "bin", "bangfu.js"), "summary", input, "-o", out, "--as-of", "2025-06-30"],
      { cwd: REPO, encoding: "utf8" },
    );
    expect(result.stderr).toContain("汇总工作表“台账”");
    expect(result.status).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });
});

// ---------------------------------------------------------------- rank

const STREET_HEADER = ["户编号", "户主姓名", "乡镇", "村", "家庭人口数", "人均纯收入", "上年人均纯收入"];

async function streetFile(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheetName);
    rows.forEach((row, i) => (ws.getRow(i + 1).values = row as ExcelJS.CellValue[]));
  }
  const file = path.join(dir(), name);
  await wb.xlsx.writeFile(file);
  return file;
}

/**
 * 东街道 (file 东街道.xlsx): 11000/10000 and 13200/12000 → 24200 / 22000 − 1 = 10%; means 12100 and 11000.
 * 西街道 (file xi.xlsx, named by its 乡镇 column): 10500/10000 and 9450/9000 → 19950 / 19000 − 1 = 5% (< 7%: 靠后); means 9975, 9500.
 * 南街道 (file 南街道.xlsx, no 乡镇 column: named by the file): 10800/10000 → 8%; N2 has no last year's income (not counted).
 * 北街道 (file 北街道.xlsx): no 上年人均纯收入 column → no growth, not ranked.
 * District: 5 comparable of 7 households; 54950 / 51000 − 1 = 7.745098…%; means 10990 and 10200.
 */
describe("bangfu rank", () => {
  let files: string[];
  let result: CliRun;
  let output: string;
  beforeAll(async () => {
    files = [
      await streetFile("xi.xlsx", {
        台账: [STREET_HEADER, ["X1", "西一", "西街道", "西一村", 2, 10500, 10000], ["X2", "西二", "西街道", "西二村", 3, 9450, 9000]],
      }),
      await streetFile("东街道.xlsx", {
        台账: [STREET_HEADER, ["D1", "东一", "东街道", "东一村", 2, 11000, 10000], ["D2", "东二", "东街道", "东二村", 1, 13200, 12000]],
      }),
      await streetFile("南街道.xlsx", {
        台账: [
          ["户编号", "户主姓名", "村", "人均纯收入", "上年人均纯收入"],
          ["N1", "南一", "南村", 10800, 10000],
          ["N2", "南二", "南村", 12000, ""],
        ],
      }),
      await streetFile("北街道.xlsx", {
        台账: [
          ["户编号", "户主姓名", "乡镇", "人均纯收入"],
          ["B1", "北一", "北街道", 12000],
        ],
      }),
    ];
    output = path.join(dir(), "街道排名.xlsx");
    result = await run("rank", ...files, "-o", output, "--as-of", "2025-12-15");
  });

  test("exit 0; the ranking printed in order of growth, the lagging street marked, the unrankable last", () => {
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("街道脱贫户人均纯收入增幅排名（4个街道；检查日期 2025-12-15，政策参数 2025年）");
    expect(lines[1]).toMatch(/^当地农民人均可支配收入增幅：7\.0%（内置默认值，尚未确认/);
    const body = lines.slice(lines.findIndex((l) => l.startsWith("排名")) + 1);
    const row = (i: number) => body[i].trim().split(/\s+/);
    expect(row(0)).toEqual(["1", "东街道", "2", "2", "11,000.00", "12,100.00", "10.0%", "+3.0个百分点"]);
    expect(row(1)).toEqual(["2", "南街道", "2", "1", "10,000.00", "10,800.00", "8.0%", "+1.0个百分点"]);
    expect(row(2)).toEqual(["3", "西街道", "2", "2", "9,500.00", "9,975.00", "5.0%", "-2.0个百分点", "←", "靠后"]);
    expect(row(3)).toEqual(["—", "北街道", "1", "0", "—", "—", "—", "—", "无法计算"]);
    expect(row(4)).toEqual(["全区", "7", "5", "10,200.00", "10,990.00", "7.7%", "+0.7个百分点"]);
    expect(result.stdout).toContain(
      "增速靠后的街道（增幅低于当地农民收入增幅 7.0%）：西街道。方案三（三）：对年度脱贫群众收入增速靠后的街道，进行全区通报。",
    );
    expect(result.stdout).toContain("无法计算增幅（没有两年收入齐全的户），未参加排名：北街道。");
    expect(result.stdout).toContain(`已写出 ${output}：\n  + 街道排名`);
  });

  test("the printed table's columns line up (CJK characters are two columns wide)", () => {
    const lines = result.stdout.split("\n");
    const start = lines.findIndex((l) => l.startsWith("排名"));
    const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u4e00-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
    // The growth column is right-aligned: every row's "%" ends at the same display column (four rows have one).
    const withGrowth = lines.slice(start + 1, start + 6).filter((l) => l.includes("%"));
    expect(withGrowth).toHaveLength(4);
    expect(new Set(withGrowth.map((l) => width(l.slice(0, l.indexOf("%") + 1)))).size).toBe(1);
    // …and the header's 增幅 ends there too.
    expect(width(lines[start].slice(0, lines[start].indexOf("增幅") + 2))).toBe(
      width(withGrowth[0].slice(0, withGrowth[0].indexOf("%") + 1)),
    );
  });

  test("OUT.xlsx: a new workbook with the 街道排名 tab, its marker, the figures and the lagging mark", async () => {
    const contents = await readSummaryWorkbook(output);
    expect(contents.sheetNames).toEqual(["街道排名"]);
    const [tab] = contents.tabs;
    expect(tab.key).toBe("ranking");
    expect(tab.metaLine).toMatch(
      /^来源工作表：4个街道台账：xi\.xlsx、东街道\.xlsx、南街道\.xlsx、北街道\.xlsx　检查日期：2025-12-15　政策年度：2025/,
    );
    expect(tab.header).toEqual([
      "排名",
      "街道",
      "来源",
      "户数",
      "两年收入齐全户数",
      "本年人均纯收入平均值",
      "上年人均纯收入平均值",
      "增幅",
      "当地农民收入增幅",
      "差距（增幅−农民）",
      "是否靠后",
    ]);
    const round = (row: readonly unknown[]) => row.map((v) => (typeof v === "number" ? Number(v.toFixed(6)) : v));
    expect(tab.rows.map(round)).toEqual([
      [1, "东街道", "东街道.xlsx", 2, 2, 12100, 11000, 0.1, 0.07, 0.03, null],
      [2, "南街道", "南街道.xlsx", 2, 1, 10800, 10000, 0.08, 0.07, 0.01, null],
      [3, "西街道", "xi.xlsx", 2, 2, 9975, 9500, 0.05, 0.07, -0.02, "靠后"],
      ["—", "北街道", "北街道.xlsx", 1, 0, "—", "—", "—", 0.07, "—", "无法计算"],
    ]);
    expect(round(tab.totalRow ?? [])).toEqual(["全区", null, null, 7, 5, 10990, 10200, 0.077451, 0.07, 0.007451, null]);
    expect(tab.notes.some((n) => n.includes("增速靠后的街道：西街道。"))).toBe(true);
    expect(tab.notes.some((n) => n.startsWith("图表："))).toBe(false);
    // The clustered column chart of growth against the farmers', on the tab's cells; 北街道's "—" is a gap.
    const [chart] = await chartsOnSheet(output, "街道排名");
    expect([chart.barDir, chart.grouping, chart.title]).toEqual(["col", "clustered", "各街道脱贫户人均纯收入增幅"]);
    const body = `$${tab.headerRow + 1}:$`;
    expect(chart.series.map((s) => [s.name.values[0], s.values.ref])).toEqual([
      ["增幅", `'街道排名'!$H${body}H$${tab.headerRow + 4}`],
      ["当地农民收入增幅", `'街道排名'!$I${body}I$${tab.headerRow + 4}`],
    ]);
    expect(chart.series[0].categories.values).toEqual(["东街道", "南街道", "西街道", "北街道"]);
    expect(chart.series.map((s) => s.values.values.map((v) => (v === null ? null : Number(Number(v).toFixed(6)))))).toEqual([
      [0.1, 0.08, 0.05, null],
      [0.07, 0.07, 0.07, 0.07],
    ]);
    const ws = (await load(output)).getWorksheet("街道排名")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: tab.headerRow });
    expect(ws.getCell(tab.headerRow + 1, 8).numFmt).toBe("0.0%");
    expect(ws.getCell(tab.headerRow + 1, 6).numFmt).toBe("#,##0.00");
    expect(ws.getCell(tab.headerRow + 3, 2).font?.bold).toBe(true); // 西街道, lagging
  });

  test("--policy with the farmers' growth at 9%: 南街道 (8%) is lagging too, and the value is no longer unconfirmed", async () => {
    const policy = path.join(dir(), "growth-9.json");
    fs.writeFileSync(policy, JSON.stringify({ years: { "2025": { farmersIncomeGrowth: 0.09 } } }), "utf8");
    const { code, stdout } = await run("rank", ...files, "--as-of", "2025-12-15", "--policy", policy);
    expect(code).toBe(0);
    expect(stdout.split("\n")[1]).toBe("当地农民人均可支配收入增幅：9.0%");
    expect(stdout).toContain("增速靠后的街道（增幅低于当地农民收入增幅 9.0%）：南街道、西街道。");
  });

  test("one workbook holding several ledger sheets: each ledger sheet is a street; other sheets are passed over", async () => {
    const file = await streetFile("全区.xlsx", {
      说明: [["各街道台账汇总"], ["请勿修改表头"]],
      东街道台账: [STREET_HEADER, ["D1", "东一", "东街道", "东一村", 2, 11000, 10000]],
      西街道台账: [STREET_HEADER, ["X1", "西一", "西街道", "西一村", 2, 10300, 10000]],
      第三片区: [
        ["户编号", "户主姓名", "人均纯收入", "上年人均纯收入"],
        ["T1", "三一", 10600, 10000],
      ],
    });
    const out = path.join(dir(), "全区-排名.xlsx");
    const { code, stdout } = await run("rank", file, "-o", out, "--as-of", "2025-12-15");
    expect(code).toBe(0);
    // 东 10%, 第三片区 6% (no 乡镇 column: the sheet's name), 西 3%.
    const contents = await readSummaryWorkbook(out);
    expect(contents.tabs[0].rows.map((r) => [r[0], r[1], r[2], r[10]])).toEqual([
      [1, "东街道", "全区.xlsx / 东街道台账", null],
      [2, "第三片区", "全区.xlsx / 第三片区", "靠后"],
      [3, "西街道", "全区.xlsx / 西街道台账", "靠后"],
    ]);
    expect(stdout).toContain("增速靠后的街道（增幅低于当地农民收入增幅 7.0%）：第三片区、西街道。");
  });

  test("exit 2: no file; a missing file; a file without a ledger (named); -o naming an input", async () => {
    const none = await run("rank");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("bangfu rank 文件.xlsx");
    const missing = await run("rank", files[0], path.join(dir(), "不存在.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("找不到文件");
    const noLedger = await streetFile("只有说明.xlsx", { 说明: [["填表说明"]] });
    const refused = await run("rank", files[0], noLedger);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`文件 ${noLedger} 中没有找到台账工作表`);
    expect(refused.stdout).toBe("");
    const hash = sha256(files[1]);
    const overwrite = await run("rank", files[0], files[1], "-o", files[1]);
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toContain("输出文件不能与输入文件相同");
    expect(sha256(files[1])).toBe(hash);
  });

  test("without -o the ranking is only printed", async () => {
    const { code, stdout } = await run("rank", ...files, "--as-of", "2025-12-15");
    expect(code).toBe(0);
    expect(stdout).not.toContain("已写出");
  });
});

describe("街道排名（纯函数）", () => {
  const POLICY = resolvePolicy(2025);
  const ledger = (rows: unknown[][]) => read([["户编号", "户主姓名", "乡镇", "人均纯收入", "上年人均纯收入"], ...rows]);

  test("the street is the most common 乡镇 value (the first seen on a tie), else the fallback", () => {
    expect(
      streetNameOf(
        ledger([
          ["A", "a", "甲街道", 1, 1],
          ["B", "b", "乙街道", 1, 1],
          ["C", "c", "乙街道", 1, 1],
        ]),
        "文件名",
      ),
    ).toBe("乙街道");
    expect(
      streetNameOf(
        ledger([
          ["A", "a", "甲街道", 1, 1],
          ["B", "b", "乙街道", 1, 1],
        ]),
        "文件名",
      ),
    ).toBe("甲街道");
    expect(streetNameOf(ledger([["A", "a", "", 1, 1]]), "文件名")).toBe("文件名");
  });

  test("equal growth shares a rank; the next takes its place number; two ledgers of one street are told apart", () => {
    const ranking = rankStreets(
      [
        { ledger: ledger([["A", "a", "甲街道", 11000, 10000]]), source: "a.xlsx", fallbackName: "a" }, // 10%
        { ledger: ledger([["B", "b", "乙街道", 22000, 20000]]), source: "b.xlsx", fallbackName: "b" }, // 10%
        { ledger: ledger([["C", "c", "乙街道", 10500, 10000]]), source: "c.xlsx", fallbackName: "c" }, // 5%
      ],
      { policy: POLICY, asOf: AS_OF },
    );
    expect(ranking.streets.map((s) => [s.rank, s.name, s.lagging])).toEqual([
      [1, "甲街道", false],
      [1, "乙街道（b.xlsx）", false],
      [3, "乙街道（c.xlsx）", true],
    ]);
    const table = buildRankingTable(ranking, { generatedAt: "2025-07-01T09:30:00+08:00", source: "3个街道台账" });
    expect(table.key).toBe("ranking");
    expect(table.title).toBe("街道排名");
    expect(table.rows.map((r) => r[0].value)).toEqual([1, 1, 3]);
  });
});
