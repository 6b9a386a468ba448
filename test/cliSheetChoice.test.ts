/**
 * Which sheet `bangfu check` / `bangfu rank` take without --sheet (issue 3 §1, §3): the header may
 * stand anywhere in the first 15 rows, a two-row header included; a sheet holding only a header
 * (an empty template) is no ledger to check when a real one follows.
 */
import { CliRun, runCli, useTempDir } from "./support/cli";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";

const dir = useTempDir("bangfu-sheet-choice-");

function run(...argv: string[]): Promise<CliRun> {
  return runCli(argv);
}

/** A title in A1, a two-row header on rows 15–16 whose top row alone names only 户编号, one household on row 17. */
async function twoRowHeaderOnRow15(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("台账");
  ws.getCell("A1").value = "XX街道脱贫户台账";
  ws.getRow(15).values = ["户编号", "收入情况", "", "", "", "", "基本情况", ""];
  ws.getRow(16).values = ["", "工资性收入", "生产经营性收入", "财产性收入", "转移性收入", "生产经营性支出", "家庭人口数", "人均纯收入"];
  ws.mergeCells("A15:A16");
  ws.mergeCells("B15:F15");
  ws.mergeCells("G15:H15");
  ws.getRow(17).values = ["H001", 10000, 5000, 0, 3000, 1000, 2, 8500];
  const file = path.join(dir(), "row15.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("表头在第15—16行（两行表头）", () => {
  test("check finds it without --sheet, as it does with --sheet", async () => {
    const file = await twoRowHeaderOnRow15();
    const named = await run("check", file, "--sheet", "台账", "--as-of", "2025-12-15", "--json");
    expect(named.code).not.toBe(2);
    expect(JSON.parse(named.stdout)).toMatchObject({ headerRow: 15, households: 1 });
    const auto = await run("check", file, "--as-of", "2025-12-15", "--json");
    expect(auto.stderr).not.toContain("无法检查");
    expect(auto.code).toBe(named.code);
    expect(JSON.parse(auto.stdout)).toMatchObject({ sheet: "台账", headerRow: 15, households: 1 });
  });

  test("rank takes the sheet too", async () => {
    const file = await twoRowHeaderOnRow15();
    const { code, stderr } = await run("rank", file, "--as-of", "2025-12-15");
    expect(stderr).not.toContain("无法排名");
    expect(code).toBe(0);
  });
});

describe("只有表头的工作表（空模板）", () => {
  async function workbook(name: string, sheets: { name: string; rows: unknown[][] }[]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    for (const sheet of sheets) {
      const ws = wb.addWorksheet(sheet.name);
      for (const row of sheet.rows) ws.addRow(row);
    }
    const file = path.join(dir(), name);
    await wb.xlsx.writeFile(file);
    return file;
  }

  const HEADER = ["户编号", "户主姓名", "人均纯收入", "帮扶措施", "增收帮扶责任人"];

  test("an empty template before the ledger is passed over, and the ledger is checked", async () => {
    const file = await workbook("template-first.xlsx", [
      { name: "模板", rows: [HEADER] },
      { name: "台账", rows: [HEADER, ["H001", "张三", 9000, "", ""]] },
    ]);
    const { code, stdout, stderr } = await run("check", file, "--as-of", "2025-12-15", "--json");
    expect(stderr).toContain("检查工作表“台账”");
    expect(stderr).toContain("“模板”");
    expect(JSON.parse(stdout)).toMatchObject({ sheet: "台账", households: 1 });
    expect(code).toBe(1);
  });

  test("a workbook whose only ledger-like sheet has no data rows: exit 2, saying so", async () => {
    const file = await workbook("header-only.xlsx", [{ name: "台账", rows: [HEADER] }]);
    const { code, stderr } = await run("check", file, "--as-of", "2025-12-15");
    expect(code).toBe(2);
    expect(stderr).toContain("只有表头，没有数据行");
  });

  test("named with --sheet, a header-only sheet is checked, and the text says there is nothing under the header", async () => {
    const file = await workbook("header-only-named.xlsx", [{ name: "台账", rows: [HEADER] }]);
    const { code, stdout } = await run("check", file, "--sheet", "台账", "--as-of", "2025-12-15");
    expect(code).toBe(0);
    expect(stdout).toContain("0户");
    expect(stdout).toContain("表头下没有数据行");
  });
});

describe("不是工作簿的 zip 文件", () => {
  test("a zip without worksheets: a renamed .docx is called a Word document, a plain archive one without worksheets", async () => {
    const docx = new JSZip();
    docx.file("word/document.xml", "<document/>");
    const renamedDocx = path.join(dir(), "renamed-docx.xlsx");
    fs.writeFileSync(renamedDocx, await docx.generateAsync({ type: "nodebuffer" }));
    const word = await run("check", renamedDocx);
    expect(word.code).toBe(2);
    expect(word.stderr).toContain("是 Word 文档（.docx），不是工作簿");
    expect(word.stderr).toContain(".xlsx");

    const archive = new JSZip();
    archive.file("说明.txt", "x");
    const renamedZip = path.join(dir(), "renamed-zip.xlsx");
    fs.writeFileSync(renamedZip, await archive.generateAsync({ type: "nodebuffer" }));
    const plain = await run("check", renamedZip);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain("没有工作表");
    expect(plain.stderr).toContain(".xlsx");
  });
});

describe("台账之后的工作表（一村一表）", () => {
  const HEADER = ["户编号", "户主姓名", "家庭人口数", "人均纯收入", "上年人均纯收入", "帮扶措施", "增收帮扶责任人"];

  /** A street's workbook with one ledger sheet per village, then a hidden ledger, an empty sheet, notes and an empty template. */
  async function villages(name: string, street: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("一村").addRows([HEADER, [`${street}1`, "甲", 2, 12000, 10000, "务工", "干部甲"]]);
    wb.addWorksheet("二村").addRows([HEADER, [`${street}2`, "乙", 2, 5000, 10000, "务工", "干部甲"]]);
    wb.addWorksheet("旧表", { state: "hidden" }).addRows([HEADER, [`${street}3`, "丙", 2, 9000, 9000, "务工", "干部甲"]]);
    // Not ledgers, so not named: the empty sheet a new workbook comes with, notes, a template with a header and no rows.
    wb.addWorksheet("Sheet3");
    wb.addWorksheet("填表说明").addRows([["填表说明"], ["1. 人均纯收入按国家统计口径填写"], ["2. 每户一行"]]);
    wb.addWorksheet("空白模板").addRows([HEADER]);
    const file = path.join(dir(), name);
    await wb.xlsx.writeFile(file);
    return file;
  }

  test("check and summary name the visible sheets after the one they read, and how to reach them", async () => {
    const file = await villages("villages.xlsx", "Y");
    const checked = await run("check", file, "--as-of", "2025-12-15", "--json");
    expect(JSON.parse(checked.stdout)).toMatchObject({ sheet: "一村", households: 1 });
    expect(checked.stderr).toBe("检查工作表“一村”；其后的工作表“二村”未检查（每次只检查一个工作表，可用 --sheet 指定）\n");
    const summary = await run("summary", file, "-o", path.join(dir(), "villages-汇总.xlsx"), "--as-of", "2025-12-15");
    expect(summary.code).toBe(0);
    expect(summary.stderr).toContain("汇总工作表“一村”；其后的工作表“二村”未检查");
    // Named with --sheet, nothing is passed over.
    const named = await run("check", file, "--sheet", "一村", "--as-of", "2025-12-15", "--json");
    expect(named.stderr).toBe("");
  });

  test("rank over several files says which sheet of a file counted and which were not read", async () => {
    const first = await villages("甲街道.xlsx", "J");
    const second = await villages("乙街道.xlsx", "Y");
    const { code, stderr } = await run("rank", first, second, "--as-of", "2025-12-15");
    expect(code).toBe(0);
    for (const file of [first, second])
      expect(stderr).toContain(
        `注意：${file} 只有工作表“一村”计入排名，其后的工作表“二村”未读取（每个文件算一个街道，只取第一个台账工作表）`,
      );
  });
});
