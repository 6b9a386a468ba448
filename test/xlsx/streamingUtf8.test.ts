/**
 * The streaming reader must return Chinese text intact however the zip stream is chunked: a
 * multi-byte character may be split between two inflated chunks (exceljs 4.4's reader turned
 * such characters into U+FFFD). Files written by exceljs's streaming writer, as users' tools do.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { readLedgerSheetFromFile } from "../../src/xlsx/readWorkbook";

const WORDS = ["普通劳动力", "技能劳动力", "是", "否", "低收入", "中等收入", "公益性岗位、庭院经济"];

async function writeRows(file: string, rows: number, useSharedStrings: boolean): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings });
  const sheet = workbook.addWorksheet("台账");
  sheet.addRow(["户编号", "劳动技能", "帮扶措施"]).commit();
  for (let i = 0; i < rows; i++) sheet.addRow([`H${i}`, WORDS[i % WORDS.length], `${WORDS[(i * 3) % WORDS.length]}${i}`]).commit();
  await workbook.commit();
}

describe("streaming read of Chinese text", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-utf8-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ["inline strings", false],
    ["shared strings", true],
  ])("%s: 30,000 rows come back exactly as written", async (_label, shared) => {
    const file = path.join(dir, `utf8-${shared}.xlsx`);
    const rows = 30_000;
    await writeRows(file, rows, shared);
    const { sheet } = await readLedgerSheetFromFile(file, { sheetName: "台账" });
    const cells = sheet?.cells ?? [];
    expect(cells).toHaveLength(rows + 1);
    const corrupted = cells.filter((row) => row.some((value) => typeof value === "string" && value.includes("\uFFFD")));
    expect(corrupted).toEqual([]);
    for (let i = 0; i < rows; i += 997) {
      expect(cells[i + 1]).toEqual([`H${i}`, WORDS[i % WORDS.length], `${WORDS[(i * 3) % WORDS.length]}${i}`]);
    }
  });
});
