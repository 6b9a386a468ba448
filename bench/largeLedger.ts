/**
 * Benchmark: write a synthetic person-level ledger of N rows (default 100,000) with the
 * streaming writer, then run `bangfu check` on it and report wall time and peak memory.
 * Usage: npx tsx bench/largeLedger.ts [rows] [out.xlsx]
 * Not a test: timings depend on the machine; the figures go into the README.
 */
import { spawnSync } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { checkCharacter } from "../src/values";

const HEADER = ["户编号", "证件号码", "姓名", "与户主关系", "行政村", "家庭人口数", "劳动技能", "工资性收入", "生产经营性收入", "财产性收入", "转移性收入", "生产经营性支出", "人均纯收入", "上年人均纯收入", "收入分层", "帮扶措施", "增收帮扶责任人", "最近走访日期", "是否参加城乡居民基本医疗保险", "是否参加城乡居民基本养老保险"];

function syntheticId(index: number): string {
  const birth = `19${String(40 + (index % 55)).padStart(2, "0")}0${1 + (index % 9)}1${index % 9}`;
  const first17 = `370402${birth}${String(index % 1000).padStart(3, "0")}`;
  return first17 + checkCharacter(first17);
}

export async function writeLedger(rows: number, file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = workbook.addWorksheet("台账");
  sheet.addRow(["某街道脱贫人口台账（合成数据）"]).commit();
  sheet.addRow(HEADER).commit();
  const membersPerHousehold = 3;
  for (let i = 0; i < rows; i++) {
    const household = Math.floor(i / membersPerHousehold);
    const income = 8000 + ((household * 37) % 10000);
    sheet
      .addRow([`H${String(household).padStart(7, "0")}`, syntheticId(i), `成员${i}`, i % membersPerHousehold === 0 ? "户主" : "子女", `村${household % 40}`, membersPerHousehold, "普通劳动力", income * 3, 0, 0, 0, 0, income, income - 500, income < 11000 ? "低收入" : income < 15000 ? "中等收入" : "高收入", "公益性岗位", "干部甲", "2025-12-01", "是", "是"])
      .commit();
  }
  await workbook.commit();
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 100_000);
  const file = process.argv[3] ?? path.join(os.tmpdir(), `bangfu-bench-${rows}.xlsx`);
  const started = Date.now();
  await writeLedger(rows, file);
  console.log(`wrote ${rows} rows to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const run = spawnSync("/usr/bin/time", ["-v", process.execPath, path.join(__dirname, "..", "bin", "bangfu.js"), "check", file, "--as-of", "2025-12-15", "--json"], { encoding: "utf8", maxBuffer: 1 << 30 });
  const stats = run.stderr;
  const wall = /Elapsed \(wall clock\) time.*: (.+)/.exec(stats)?.[1];
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stats)?.[1] ?? NaN);
  const report = JSON.parse(run.stdout) as { households: number; persons: number; findings: unknown[] };
  console.log(`bangfu check: exit ${run.status}, ${report.households} households, ${report.persons} persons, ${report.findings.length} findings; wall ${wall}, peak RSS ${(rss / 1024).toFixed(0)} MB`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
