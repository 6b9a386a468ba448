/**
 * SECURITY.md states the limits the code enforces: each number below is read from the code's
 * constant, so changing a limit without the document (or the other way round) fails here.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ACCEPTED_YEARS, POLICY_FILE_MAX_BYTES } from "../../src/policy";
import { AGE_LIMIT, AMOUNT_LIMIT, EARLIEST_BIRTH_YEAR, MAX_FUNCTION_CELLS, MAX_HOUSEHOLD_SIZE } from "../../src/values";
import { HEAP_SHARE } from "../../src/xlsx/readWorkbook";
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "../../src/xlsx/sheetXml";
import { DEFAULT_LIMITS, MEMORY_CHECK_ROWS } from "../../src/xlsx/workbook";
import { MAX_ZIP_ENTRIES } from "../../src/xlsx/zip";
import { FileWorkbookHost, SETTINGS_KEY } from "../../src/web/fileHost";
import { REPO } from "./fixtures";

const doc = fs.readFileSync(path.join(REPO, "SECURITY.md"), "utf8");
const [chinese, english] = doc.split("# Security (English)");

describe("SECURITY.md", () => {
  test("has the sections the project promised, in Chinese and in English", () => {
    for (const heading of ["## 读什么、写什么", "## 从不做的事", "## 输入的上限", "## 报告问题"]) expect(chinese).toContain(heading);
    for (const heading of ["## What it reads and writes", "## What it never does", "## Limits", "## Reporting a problem"])
      expect(english).toContain(heading);
    for (const never of ["不上传", "不修改台账单元格", "不写输入文件"]) expect(chinese).toContain(never);
    for (const never of ["No upload", "Never changes a ledger cell", "Never writes its input"]) expect(english).toContain(never);
  });

  test("states every limit with the value the code enforces", () => {
    expect(Math.log10(AMOUNT_LIMIT)).toBe(15);
    const limits: [string, string][] = [
      ["amount", "10^15"],
      ["household size", `1—${MAX_HOUSEHOLD_SIZE} 人`],
      ["age", `0—${AGE_LIMIT - 1} 岁`],
      ["birth year", `${EARLIEST_BIRTH_YEAR} 年以后`],
      ["function cells", MAX_FUNCTION_CELLS.toLocaleString("en-US")],
      ["policy file", `最大 ${POLICY_FILE_MAX_BYTES / 1024 / 1024} MB`],
      ["check dates", `${ACCEPTED_YEARS.first}-01-01 至 ${ACCEPTED_YEARS.last}-12-31`],
    ];
    for (const [what, text] of limits) expect({ what, stated: chinese.includes(text) }).toEqual({ what, stated: true });
    expect(english).toContain(`household size 1–${MAX_HOUSEHOLD_SIZE}`);
    expect(english).toContain(`age 0–${AGE_LIMIT - 1}`);
    expect(english).toContain(`at most ${MAX_FUNCTION_CELLS.toLocaleString("en-US")} cells`);
  });

  test("states the workbook reader's limits with the values the code enforces, and nothing is left to fill in there", () => {
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString("en-US")} MB`;
    const count = (n: number) => n.toLocaleString("en-US");
    const section = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to));
    const reader = section(chinese, "读取 .xlsx 工作簿的上限", "## 报告问题");
    const readerEnglish = section(english, "- Reading .xlsx workbooks", "## Reporting a problem");
    const limits: [string, string][] = [
      ["sheet part", mb(DEFAULT_LIMITS.sheetPartBytes)],
      ["shared strings", mb(DEFAULT_LIMITS.sharedStringsBytes)],
      ["small parts", `每个 ${mb(DEFAULT_LIMITS.smallPartBytes)}`],
      ["rows and columns", `${count(EXCEL_MAX_ROWS)} 行 / ${count(EXCEL_MAX_COLUMNS)} 列`],
      ["parts", `${count(MAX_ZIP_ENTRIES)} 个`],
      ["memory share", `${HEAP_SHARE * 100}%`],
      ["memory check", `每读 ${count(MEMORY_CHECK_ROWS)} 行`],
    ];
    for (const [what, text] of limits) expect({ what, stated: reader.includes(text) }).toEqual({ what, stated: true });
    for (const text of [
      `${mb(DEFAULT_LIMITS.sheetPartBytes)} uncompressed`,
      `at most ${mb(DEFAULT_LIMITS.sharedStringsBytes)}`,
      `${mb(DEFAULT_LIMITS.smallPartBytes)} each`,
      `${count(EXCEL_MAX_ROWS)} rows and ${count(EXCEL_MAX_COLUMNS)} columns`,
      `${count(MAX_ZIP_ENTRIES)} parts`,
      `${HEAP_SHARE * 100}% of node's`,
      `every ${count(MEMORY_CHECK_ROWS)} rows`,
    ]) {
      expect(readerEnglish).toContain(text);
    }
    expect(reader).not.toContain("待补充");
    expect(readerEnglish).not.toMatch(/to be completed/i);
  });

  test("says what the offline page reads and keeps in the browser, field by field as the page stores it", async () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (key: string) => kept.get(key) ?? null, setItem: (key: string, value: string) => void kept.set(key, value) };
    const file = { fileName: "东村台账.xlsx", bytes: 1, sheets: ["台账"], ledgerSheet: "台账", passedOver: [] };
    const host = new FileWorkbookHost(file, storage, () => undefined);
    await host.saveSettings({
      policyYear: 2025,
      policyJson: "{}",
      mappings: { 台账: { 人均: "perCapitaIncome" } },
      includeMonitored: true,
    });
    const fields = Object.keys(JSON.parse(kept.get(SETTINGS_KEY) ?? "{}") as object).sort();
    // Each field the page stores, as SECURITY.md names it in Chinese and in English.
    const named: Record<string, [string, string]> = {
      includeMonitored: ["检查范围", "check scope"],
      mappings: ["按文件名保存的列映射", "column mappings by file name"],
      policyJson: ["参数文件的内容", "the policy file's content"],
      policyYear: ["政策年度", "policy year"],
    };
    expect(fields).toEqual(Object.keys(named).sort());
    const pageRow = chinese.split("\n").find((line) => line.startsWith("| 离线网页版")) ?? "";
    const pageEnglish = english.split("\n").find((line) => line.startsWith("- **Offline page**")) ?? "";
    for (const [zh, en] of [...Object.values(named), ["界面语言", "interface language"]]) {
      expect({ zh, stated: pageRow.includes(zh) }).toEqual({ zh, stated: true });
      expect({ en, stated: pageEnglish.includes(en) }).toEqual({ en, stated: true });
    }
    expect(pageRow).toContain("localStorage");
    expect(pageEnglish).toContain("localStorage");
  });

  test("the README points to it", () => {
    const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
    expect(readme.match(/\(SECURITY\.md\)/g)?.length).toBeGreaterThanOrEqual(2);
  });
});
