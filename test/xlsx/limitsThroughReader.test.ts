/**
 * The value bounds (src/values/limits.ts) and the report of a second column for a field hold on
 * the streaming .xlsx path as they do for a host's rows: the same ledger, written as a file and
 * handed over as rows, gives the same problems, and `bangfu check` reports them as D03/D04.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readLedger } from "../../src/ledger";
import type { Ledger } from "../../src/ledger/model";
import { AGE_LIMIT, AMOUNT_LIMIT, MAX_HOUSEHOLD_SIZE, today } from "../../src/values";
import { readLedgers } from "../../src/xlsx/readLedgers";
import { openXlsx } from "../../src/xlsx/workbook";
import { bytesSource } from "../../src/xlsx/zip";
import { runCli, useTempDir } from "../support/cli";
import { residentId } from "../support/ledgerFixtures";
import { buildXlsx, CellSpec } from "../support/xlsxPackage";

const dir = useTempDir("bangfu-limits-");
const future = `${today().year + 1}0101`;

/** A title row, then a header with two columns for 人均纯收入, then values that break each bound. */
const ROWS: CellSpec[][] = [
  ["某街道脱贫户台账", null, null, null, null, null, null, null, null],
  ["户编号", "姓名", "与户主关系", "证件号码", "家庭人口数", "年龄", "出生日期", "年人均纯收入", "人均纯收入"],
  ["H1", "甲", "户主", residentId("19700101"), MAX_HOUSEHOLD_SIZE + 1, 55, null, 9000, AMOUNT_LIMIT],
  ["H1", "乙", "配偶", residentId("19720202", "102"), null, AGE_LIMIT, null, null, null],
  [
    "H2",
    "丙",
    "户主",
    residentId(future, "103"),
    3,
    null,
    `${future.slice(0, 4)}-${future.slice(4, 6)}-${future.slice(6)}`,
    null,
    "9".repeat(400),
  ],
  ["H2", "丁", "子女", residentId("20100303", "104"), null, 15, null, null, 12000],
];

function problemsOf(ledger: Ledger) {
  return ledger.problems.map((p) => ({ cell: p.cell, field: p.field, kind: p.kind, message: p.message }));
}

describe("bounds on the streaming .xlsx path", () => {
  let fromFile: Ledger;
  let fromRows: Ledger;
  beforeAll(async () => {
    const { ledgers } = await readLedgers(
      await openXlsx(bytesSource(buildXlsx({ sheets: [{ name: "台账", rows: ROWS }] })), { label: "台账.xlsx" }),
    );
    fromFile = ledgers[0];
    fromRows = readLedger({ name: "台账", cells: ROWS.map((row) => row.map((v) => (v === null ? "" : v))) });
  });

  test("the file and the rows give the same problems", () => {
    expect(problemsOf(fromFile)).toEqual(problemsOf(fromRows));
    expect(fromFile.problems.length).toBeGreaterThanOrEqual(6);
  });

  test("each bound is reported at its cell, stating the bound", () => {
    const at = (cell: string) => fromFile.problems.filter((p) => `${p.cell.column}${p.cell.row}` === cell).map((p) => p.message);
    expect(at("H2").join()).toContain("都是“人均纯收入”"); // the second column for the field, at its header cell
    expect(at("E3").join()).toContain(`一户最多按${MAX_HOUSEHOLD_SIZE}人计`);
    expect(at("I3").join()).toContain("10^15");
    expect(at("F4").join()).toContain(`应小于${AGE_LIMIT}岁`);
    expect(at("D5").join()).toContain("晚于今天");
    expect(at("G5").join()).toContain("晚于今天");
    expect(at("I5").join()).toContain("10^15");
  });

  test("bangfu check reports them under D03 and D04", async () => {
    const file = path.join(dir(), "越界.xlsx");
    fs.writeFileSync(file, buildXlsx({ sheets: [{ name: "台账", rows: ROWS }] }));
    const { code, stdout } = await runCli(["check", file, "--as-of", "2025-12-15", "--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { findings: { rule: string; row: number | null; column: string | null }[] };
    const cells = (rule: string) => report.findings.filter((f) => f.rule === rule).map((f) => `${f.column}${f.row}`);
    expect(cells("D04")).toEqual(expect.arrayContaining(["H2", "E3", "I3", "F4", "G5", "I5"]));
    expect(cells("D03")).toContain("D5");
  });
});
