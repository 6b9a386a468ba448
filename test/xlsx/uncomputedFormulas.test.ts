/**
 * Formulas whose results the file did not save. Programs that do not calculate (openpyxl, which
 * also drops every saved result when it loads and saves a workbook) write a formula with an empty
 * or no <v>; Excel and WPS calculate it on opening and show a value, so read as a blank it made
 * false findings (D01 "没有人均纯收入…请补填收入" on every household). XlsxWriter saves 0 as every
 * formula's result and asks for recalculation on opening (calcPr fullCalcOnLoad): read as they are,
 * the zeros were false findings too (D05 on every household). Such a ledger is refused with what to
 * do; once a spreadsheet program has calculated and saved it, it is checked.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { EMPTY_SETTINGS } from "../../src/host/types";
import { isFileError, PageSession } from "../../src/web/session";
import { runCli, useTempDir } from "../support/cli";
import { runOpenpyxl, runXlsxWriter } from "../support/openpyxl";
import { recalculateWithLibreOffice } from "../support/encryptedXlsx";
import { convertWithSoffice } from "../support/soffice";

const dir = useTempDir("bangfu-uncomputed-");
const AS_OF = "2025-12-15";

/**
 * A household ledger as a script writes it: a title row, per-capita income as a formula of the
 * household's net income and size, a 合计 row of SUMs. 2 of the 5 households are low-income
 * (10,000 and 10,666.67 yuan a head) and have no cadre; the tiers written are right.
 */
const LEDGER_WITH_FORMULAS = `
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "台账"
ws.append(["=\\"某街道\\"&\\"脱贫户台账\\""])
ws.append(["户编号", "户主姓名", "村", "家庭人口数", "家庭纯收入", "人均纯收入", "增收帮扶责任人", "收入分层"])
for i, (net, cadre, tier) in enumerate([(30000, None, "低收入"), (32000, None, "低收入"), (36000, "干部甲", "中等收入"),
                                        (45000, "干部甲", "高收入"), (39000, "干部乙", "中等收入")]):
    r = i + 3
    ws.append([f"H{i + 1:03d}", f"户主{i + 1}", "东村", 3, net, f"=ROUND(E{r}/D{r},2)", cadre, tier])
ws.append(["合计", None, None, "=SUM(D3:D7)", "=SUM(E3:E7)", None, None, None])
wb.save(sys.argv[1])
`;

/** What a script that adds a column to a ledger does: load, change, save (openpyxl keeps no formula result). */
const ADD_A_COLUMN = `
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["台账"]
ws.cell(row=2, column=9, value="备注")
wb.save(sys.argv[1])
`;

function written(name: string, script: string): string {
  const file = path.join(dir(), name);
  runOpenpyxl(script, file);
  return file;
}

describe("a ledger whose formulas have no saved result", () => {
  test("is refused with the cells, the cause and what to do (exit 2, kind file), never checked with blanks", async () => {
    const file = written("script.xlsx", LEDGER_WITH_FORMULAS);
    const { code, stdout, stderr } = await runCli(["check", file, "--as-of", AS_OF]);
    expect(code).toBe(2);
    expect(stdout).not.toContain("D01");
    expect(stderr).toContain("工作表“台账”中有 5 个单元格是公式，文件里却没有保存公式的计算结果（“人均纯收入”列：F3、F4、F5、F6、F7）");
    expect(stderr).toContain("请用 WPS 表格或 Excel 打开这个文件并保存一次");
    const json = await runCli(["check", file, "--as-of", AS_OF, "--json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { kind: "file", exitCode: 2 } });
    for (const command of [
      ["summary", file, "-o", path.join(dir(), "out.xlsx")],
      ["rank", file],
    ]) {
      const run = await runCli([...command, "--as-of", AS_OF]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("没有保存公式的计算结果");
    }
    expect(fs.existsSync(path.join(dir(), "out.xlsx"))).toBe(false);
  });

  test("the offline page says the same and checks nothing", async () => {
    const file = written("page.xlsx", LEDGER_WITH_FORMULAS);
    const session = new PageSession();
    const opened = await session.open(Object.assign(new Blob([fs.readFileSync(file)]), { name: "台账.xlsx" }));
    expect(opened.ledgerSheet).toBe("台账");
    const error = await session.check({ sheet: "台账", settings: EMPTY_SETTINGS, asOf: { year: 2025, month: 12, day: 15 } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isFileError(error)).toBe(true);
    expect((error as Error).message).toContain("台账.xlsx 的工作表“台账”中有 5 个单元格是公式，文件里却没有保存公式的计算结果");
  });

  test("counted past the rows the header is looked for in; the first five are named", async () => {
    const file = written(
      "long.xlsx",
      `
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "台账"
ws.append(["户编号", "户主姓名", "家庭人口数", "家庭纯收入", "人均纯收入", "增收帮扶责任人"])
for r in range(2, 42):
    ws.append([f"H{r:03d}", f"户主{r}", 2, 30000, f"=D{r}/C{r}", "干部甲"])
wb.save(sys.argv[1])
`,
    );
    const { code, stderr } = await runCli(["check", file, "--as-of", AS_OF]);
    expect(code).toBe(2);
    expect(stderr).toContain("有 40 个单元格是公式，文件里却没有保存公式的计算结果（“人均纯收入”列：E2、E3、E4、E5、E6 等）");
  });

  test("calculated and saved by LibreOffice, it is checked: the two low-income households without a cadre, nothing else", async () => {
    const file = written("to-calculate.xlsx", LEDGER_WITH_FORMULAS);
    const calculated = convertWithSoffice(file, "xlsx", dir());
    const { code, stdout } = await runCli(["check", path.join(calculated.outDir, calculated.files[0]), "--as-of", AS_OF, "--json"]);
    expect(code).toBe(1);
    const findings = (JSON.parse(stdout) as { findings: { rule: string; row: number }[] }).findings;
    expect(findings.map((f) => `${f.rule}@${f.row}`).sort()).toEqual(["M01@3", "M01@4"]);
  }, 180_000);

  test("a calculated ledger that a script then loads and saves with openpyxl has lost its results again: refused", async () => {
    const file = written("edited.xlsx", LEDGER_WITH_FORMULAS);
    const calculated = convertWithSoffice(file, "xlsx", dir());
    const edited = path.join(calculated.outDir, calculated.files[0]);
    runOpenpyxl(ADD_A_COLUMN, edited);
    const { code, stderr } = await runCli(["check", edited, "--as-of", AS_OF]);
    expect(code).toBe(2);
    expect(stderr).toContain("有 5 个单元格是公式");
  }, 180_000);

  test("formulas without results only in the title and the 合计 row, which are not read as households: checked", async () => {
    const file = written("totals-only.xlsx", LEDGER_WITH_FORMULAS.replace('f"=ROUND(E{r}/D{r},2)"', "round(net / 3, 2)"));
    const { code, stdout } = await runCli(["check", file, "--as-of", AS_OF, "--json"]);
    expect(code).toBe(1);
    const findings = (JSON.parse(stdout) as { findings: { rule: string; row: number }[] }).findings;
    expect(findings.map((f) => `${f.rule}@${f.row}`).sort()).toEqual(["M01@3", "M01@4"]);
  });
});

/** The same ledger written with XlsxWriter: the per-capita formulas saved as 0, fullCalcOnLoad set. */
const XLSXWRITER_LEDGER = `
wb = xlsxwriter.Workbook(sys.argv[1])
ws = wb.add_worksheet("台账")
ws.write_row(0, 0, ["户编号", "户主姓名", "村", "家庭人口数", "家庭纯收入", "人均纯收入", "增收帮扶责任人", "收入分层"])
rows = [(30000, None, "低收入"), (32000, None, "低收入"), (36000, "干部甲", "中等收入"), (45000, "干部甲", "高收入"), (39000, "干部乙", "中等收入")]
for i, (net, cadre, tier) in enumerate(rows):
    r = i + 1
    ws.write_row(r, 0, [f"H{i + 1:03d}", f"户主{i + 1}", "东村", 3, net])
    ws.write_formula(r, 5, f"=ROUND(E{r + 1}/D{r + 1},2)")
    if cadre:
        ws.write(r, 6, cadre)
    ws.write(r, 7, tier)
wb.close()
`;

describe("a ledger whose formulas were saved as placeholder zeros (XlsxWriter)", () => {
  test("is refused, saying the saved results are all 0 and the file asks to be recalculated", async () => {
    const file = path.join(dir(), "xlsxwriter.xlsx");
    runXlsxWriter(XLSXWRITER_LEDGER, file);
    const { code, stdout, stderr } = await runCli(["check", file, "--as-of", AS_OF]);
    expect(code).toBe(2);
    expect(stdout).not.toContain("D05");
    expect(stderr).toContain(
      "工作表“台账”中有 5 个单元格是公式，文件里保存的计算结果都是 0，并要求打开时重新计算全部公式（“人均纯收入”列：F2、F3、F4、F5、F6）",
    );
    expect(stderr).toContain("XlsxWriter");
  });

  test("calculated (LibreOffice told to calculate) and saved, it is checked: the two low-income households without a cadre", async () => {
    const file = path.join(dir(), "xlsxwriter-to-calculate.xlsx");
    runXlsxWriter(XLSXWRITER_LEDGER, file);
    // LibreOffice keeps the saved zeros unless told to calculate (Excel and WPS calculate on opening, as the file asks).
    const calculated = path.join(dir(), "xlsxwriter-calculated.xlsx");
    await recalculateWithLibreOffice(file, calculated);
    const { code, stdout } = await runCli(["check", calculated, "--as-of", AS_OF, "--json"]);
    expect(code).toBe(1);
    const findings = (JSON.parse(stdout) as { findings: { rule: string; row: number }[] }).findings;
    expect(findings.map((f) => `${f.rule}@${f.row}`).sort()).toEqual(["M01@2", "M01@3"]);
  }, 180_000);

  test("a file that asks to be recalculated but holds calculated results is read as it is: its zeros are results", async () => {
    // The script gives each formula its result, as a program that calculates does; one household's income is 0.
    const file = path.join(dir(), "xlsxwriter-with-results.xlsx");
    runXlsxWriter(
      XLSXWRITER_LEDGER.replace("rows = [(30000,", "rows = [(0,").replace(
        'ws.write_formula(r, 5, f"=ROUND(E{r + 1}/D{r + 1},2)")',
        'ws.write_formula(r, 5, f"=ROUND(E{r + 1}/D{r + 1},2)", None, round(net / 3, 2))',
      ),
      file,
    );
    const { code, stdout } = await runCli(["check", file, "--as-of", AS_OF, "--json"]);
    expect(code).toBe(1);
    const findings = (JSON.parse(stdout) as { findings: { rule: string; row: number }[] }).findings;
    expect(findings.map((f) => `${f.rule}@${f.row}`).sort()).toEqual(["M01@2", "M01@3"]);
  });
});
