/**
 * The .xlsx writer of summary tables (src/xlsx/writeSummaries.ts), on small tables built by hand:
 * layout, number formats, frozen header, filter, links to the ledger, markers; regeneration by
 * marker and never by name; the input file never written.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { markerName, SUMMARY_TITLES, SummaryKey, SummaryTable } from "../src/summaries/model";
import {
  generatedMarker,
  sheetOfReference,
  SummaryWriteError,
  TabTable,
  writeNewSummaryWorkbook,
  writeSummaryWorkbook,
} from "../src/xlsx/writeSummaries";
import { DOMParser } from "@xmldom/xmldom";
import { PERSON_ROWS } from "./summaries/fixtures";
import { readSummaryWorkbook } from "./support/readBack";
import {
  addChartToSheet,
  appWorksheetTitles,
  definedNames,
  dressLedger,
  load,
  packageProblems,
  partContents,
  sha256,
  sheetPart,
  sheetXml,
  snapshot,
  writeLinksAsExcelDoes,
  zipParts,
  zipText,
} from "./support/workbooks";

// Each test writes and reads whole workbooks; on a busy machine that takes more than Jest's default 5 s.
jest.setTimeout(60_000);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-writer-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const META = { sourceSheet: "台账", asOf: "2025-06-30", policyYear: 2025, generatedAt: "2025-07-01T09:30:00+08:00" };

/** Two villages and a total; a share, money, a count, a date; one cell's format overridden. */
function tiersTable(overrides: Partial<SummaryTable> = {}): SummaryTable {
  return {
    key: "tiers",
    title: "汇总-分层",
    meta: META,
    notes: ["分层标准：示例。"],
    columns: [
      { header: "村", width: 14, format: "text" },
      { header: "户数", width: 8, format: "integer" },
      { header: "低收入占比", width: 11, format: "percent" },
      { header: "人均纯收入平均值", width: 18, format: "yuan" },
      { header: "最近走访", width: 12, format: "date" },
    ],
    rows: [
      [{ value: "东村" }, { value: 4 }, { value: 0.25 }, { value: 12345.6 }, { value: "2025-06-20" }],
      [{ value: "西村" }, { value: 3 }, { value: 1 / 3 }, { value: "—", format: "text" }, { value: null }],
    ],
    totalRow: [{ value: "合计" }, { value: 7 }, { value: 0.2857 }, { value: 11000 }],
    chart: { kind: "stackedColumn", title: "各村收入分层户数", categoryColumn: 0, seriesColumns: [1, 2] },
    ...overrides,
  };
}

function findingsTable(sheet = "台账"): SummaryTable {
  return {
    key: "findings",
    title: "检查结果",
    meta: { ...META, sourceSheet: sheet },
    notes: [],
    columns: [
      { header: "规则", width: 7, format: "text" },
      { header: "单元格", width: 14, format: "text" },
      { header: "说明", width: 60, format: "text" },
    ],
    rows: [
      [{ value: "M01" }, { value: `${sheet}!U12`, link: { sheet, cell: "U12" } }, { value: "未明确增收帮扶责任人" }],
      [{ value: "M02" }, { value: `${sheet}!V5`, link: { sheet, cell: "$V$5" } }, { value: "超过一个月未走访" }],
      [{ value: "D01" }, { value: "—" }, { value: "整表问题" }],
    ],
    filter: true,
  };
}

/** A workbook with a ledger sheet 台账 (and any other sheets given as rows). */
async function ledgerWorkbook(file: string, extra: Record<string, unknown[][]> = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  ws.getRow(1).values = ["户编号", "户主姓名", "人均纯收入"];
  ws.getRow(2).values = ["H01", "张一", 9000];
  ws.getCell("C2").numFmt = "#,##0.00";
  ws.getCell("B2").font = { bold: true };
  for (const [name, rows] of Object.entries(extra)) {
    const sheet = wb.addWorksheet(name);
    rows.forEach((row, i) => (sheet.getRow(i + 1).values = row as ExcelJS.CellValue[]));
  }
  const full = path.join(dir, file);
  await wb.xlsx.writeFile(full);
  return full;
}

/** Rewrite the defined names of an .xlsx file (to plant markers as Excel would leave them). */
async function setDefinedNames(file: string, namesXml: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  let xml = await zip.file("xl/workbook.xml")!.async("string");
  xml = xml.replace(/<definedNames>[\s\S]*?<\/definedNames>/, "");
  xml = xml.replace("</sheets>", `</sheets><definedNames>${namesXml}</definedNames>`);
  zip.file("xl/workbook.xml", xml);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

describe("一张汇总表的版式", () => {
  let out: string;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const input = await ledgerWorkbook("layout.xlsx");
    out = path.join(dir, "layout-out.xlsx");
    await writeSummaryWorkbook(input, out, [tiersTable(), findingsTable()]);
    ws = (await load(out)).getWorksheet("汇总-分层")!;
  });

  test("row 1 the meta line, then the notes, a blank row, the header (no note row stands in for the chart)", () => {
    expect(ws.getCell("A1").value).toBe(
      "来源工作表：台账　检查日期：2025-06-30　政策年度：2025　生成时间：2025-07-01 09:30:00　（由 BANGFU 增收帮扶助手生成，重新生成时将被替换）",
    );
    expect(ws.getCell("A2").value).toBe("分层标准：示例。");
    expect(ws.getRow(3).cellCount).toBe(0);
    expect(ws.getRow(4).values).toEqual([undefined, "村", "户数", "低收入占比", "人均纯收入平均值", "最近走访"]);
  });

  test("header bold on a fill; widths as the columns say", () => {
    for (let c = 1; c <= 5; c++) {
      const cell = ws.getCell(4, c);
      expect(cell.font?.bold).toBe(true);
      expect(cell.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    }
    expect([1, 2, 3, 4, 5].map((c) => ws.getColumn(c).width)).toEqual([14, 8, 11, 18, 12]);
  });

  test("number formats: integer 0, percent 0.0%, yuan #,##0.00, date yyyy-mm-dd; a cell's own format wins", () => {
    expect(["A5", "B5", "C5", "D5", "E5"].map((a) => ws.getCell(a).numFmt ?? null)).toEqual([null, "0", "0.0%", "#,##0.00", "yyyy-mm-dd"]);
    expect(ws.getCell("B5").value).toBe(4);
    expect(ws.getCell("C5").value).toBe(0.25);
    expect(ws.getCell("D5").value).toBe(12345.6);
    expect(ws.getCell("E5").value).toEqual(new Date(Date.UTC(2025, 5, 20)));
    expect(ws.getCell("D6").value).toBe("—");
    expect(ws.getCell("D6").numFmt ?? null).toBeNull();
    expect(ws.getCell("E6").value).toBeNull();
  });

  test("the total row is bold, after the body", () => {
    expect(ws.getRow(7).values).toEqual([undefined, "合计", 7, 0.2857, 11000]);
    for (let c = 1; c <= 5; c++) expect(ws.getCell(7, c).font?.bold).toBe(true);
    expect(ws.getCell(7, 5).fill).toMatchObject({ fgColor: { argb: "FFF2F2F2" } });
    expect(ws.getCell(6, 1).font?.bold ?? false).toBe(false);
  });

  test("frozen below the header row; no filter unless asked", () => {
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4, topLeftCell: "A5" });
    expect(ws.autoFilter ?? null).toBeNull();
  });

  test("检查结果: filter on the header over the body; links go to the ledger cell, as Excel writes internal links", async () => {
    const findings = (await load(out)).getWorksheet("检查结果")!;
    // No notes: meta line, blank row, header on row 3.
    expect(findings.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(findings.autoFilter).toBe("A3:C6");
    expect(findings.getCell("B4").value).toEqual({ text: "台账!U12", hyperlink: "#'台账'!U12" });
    expect(findings.getCell("B5").value).toEqual({ text: "台账!V5", hyperlink: "#'台账'!V5" });
    expect(findings.getCell("B6").value).toBe("—");
    expect(findings.getCell("B4").font).toMatchObject({ underline: true });
    const { xml, rels } = await sheetXml(out, "检查结果");
    const links = [...xml.matchAll(/<hyperlink [^>]*\/>/g)].map((m) => m[0]);
    expect(links).toEqual([
      `<hyperlink ref="B4" location="&apos;台账&apos;!U12"/>`,
      `<hyperlink ref="B5" location="&apos;台账&apos;!V5"/>`,
    ]);
    // No relationship at all: exceljs's own external "#…" relationship is gone (exceljs issue 3027).
    expect(rels ?? "").not.toContain("hyperlink");
  });

  test("markers: a workbook-level defined name per tab, pointing at its A1; each tab's header row printed on every page", async () => {
    expect(await definedNames(out)).toEqual([
      { name: "BANGFU_GENERATED_TIERS", formula: "'汇总-分层'!$A$1", localSheetId: null },
      { name: "BANGFU_GENERATED_FINDINGS", formula: "'检查结果'!$A$1", localSheetId: null },
      { name: "_xlnm.Print_Titles", formula: "'汇总-分层'!$4:$4", localSheetId: "1" },
      { name: "_xlnm.Print_Titles", formula: "'检查结果'!$3:$3", localSheetId: "2" },
    ]);
  });

  test(
    "the table's chart is a chart part on its tab (test/xlsx/chartPart.test.ts checks it in " + "detail); a tab without a chart has none",
    async () => {
      const parts = await zipParts(out);
      expect(parts.filter((p) => /chart|drawing/i.test(p)).sort()).toEqual([
        "xl/charts/chart1.xml",
        "xl/drawings/_rels/drawing1.xml.rels",
        "xl/drawings/drawing1.xml",
      ]);
      expect((await sheetXml(out, "汇总-分层")).rels).toContain(`Target="../drawings/drawing1.xml"`);
      expect((await sheetXml(out, "检查结果")).xml).not.toContain("<drawing");
    },
  );

  test("read back: the tabs by marker, with notes, header, body and total", async () => {
    const contents = await readSummaryWorkbook(out);
    expect(contents.sheetNames).toEqual(["台账", "汇总-分层", "检查结果"]);
    expect(contents.tabs.map((t) => [t.key, t.name, t.headerRow])).toEqual([
      ["tiers", "汇总-分层", 4],
      ["findings", "检查结果", 3],
    ]);
    const tiers = contents.tabs[0];
    expect(tiers.notes).toEqual(["分层标准：示例。"]);
    expect(tiers.header).toEqual(["村", "户数", "低收入占比", "人均纯收入平均值", "最近走访"]);
    expect(tiers.rows).toEqual([
      ["东村", 4, 0.25, 12345.6, "2025-06-20"],
      ["西村", 3, 1 / 3, "—", null],
    ]);
    expect(tiers.totalRow).toEqual(["合计", 7, 0.2857, 11000, null]);
    expect(contents.tabs[1].rows.map((r) => r[1])).toEqual(["台账!U12", "台账!V5", "—"]);
  });
});

describe("标记与重新生成", () => {
  test("generatedMarker is markerName for every summary key", () => {
    for (const key of Object.keys(SUMMARY_TITLES) as SummaryKey[]) expect(generatedMarker(key)).toBe(markerName(key));
    expect(generatedMarker("ranking")).toBe("BANGFU_GENERATED_RANKING");
  });

  test("sheetOfReference reads quoted, plain and broken references", () => {
    expect(sheetOfReference("'汇总-分层'!$A$1")).toBe("汇总-分层");
    expect(sheetOfReference("'It''s'!$A$1")).toBe("It's");
    expect(sheetOfReference("检查结果!$A$1")).toBe("检查结果");
    expect(sheetOfReference("#REF!")).toBeNull();
  });

  test("a user's sheet named 汇总-分层 is kept as it is; the tab takes 汇总-分层(2); regenerating keeps one of each", async () => {
    const input = await ledgerWorkbook("user-sheet.xlsx", { "汇总-分层": [["我自己的分层统计"], ["东村", 4]] });
    const before = snapshot((await load(input)).getWorksheet("汇总-分层")!);
    const once = path.join(dir, "user-sheet-1.xlsx");
    const first = await writeSummaryWorkbook(input, once, [tiersTable()]);
    expect(first.tabs).toEqual([{ key: "tiers", name: "汇总-分层(2)", title: "汇总-分层", renamed: true }]);
    expect(first.replaced).toEqual([]);
    const twice = path.join(dir, "user-sheet-2.xlsx");
    const second = await writeSummaryWorkbook(once, twice, [tiersTable()]);
    expect(second.replaced).toEqual(["汇总-分层(2)"]);
    expect(second.tabs.map((t) => t.name)).toEqual(["汇总-分层(2)"]);
    const wb = await load(twice);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["台账", "汇总-分层", "汇总-分层(2)"]);
    expect(snapshot(wb.getWorksheet("汇总-分层")!)).toEqual(before);
    expect(await definedNames(twice)).toEqual([
      { name: "BANGFU_GENERATED_TIERS", formula: "'汇总-分层(2)'!$A$1", localSheetId: null },
      { name: "_xlnm.Print_Titles", formula: "'汇总-分层(2)'!$4:$4", localSheetId: "2" },
    ]);
  });

  test("a generated tab renamed by the user is still found by its marker and replaced", async () => {
    const input = await ledgerWorkbook("renamed.xlsx");
    const once = path.join(dir, "renamed-1.xlsx");
    await writeSummaryWorkbook(input, once, [tiersTable()]);
    // What Excel does when the user renames the tab: the sheet's name and the name's reference change together.
    const zip = await JSZip.loadAsync(fs.readFileSync(once));
    const xml = (await zip.file("xl/workbook.xml")!.async("string")).replace(/汇总-分层/g, "我的分层");
    zip.file("xl/workbook.xml", xml);
    fs.writeFileSync(once, await zip.generateAsync({ type: "nodebuffer" }));
    const twice = path.join(dir, "renamed-2.xlsx");
    const result = await writeSummaryWorkbook(once, twice, [tiersTable()]);
    expect(result.replaced).toEqual(["我的分层"]);
    expect((await load(twice)).worksheets.map((w) => w.name)).toEqual(["台账", "汇总-分层"]);
  });

  test("only workbook-level markers count: a sheet-level copy (Excel copies names with a copied sheet) is not one", async () => {
    const input = await ledgerWorkbook("local-name.xlsx", { 副本: [["我复制的表"]] });
    await setDefinedNames(input, `<definedName name="BANGFU_GENERATED_TIERS" localSheetId="1">&apos;副本&apos;!$A$1</definedName>`);
    const out = path.join(dir, "local-name-out.xlsx");
    const result = await writeSummaryWorkbook(input, out, [tiersTable()]);
    expect(result.replaced).toEqual([]);
    expect((await load(out)).worksheets.map((w) => w.name)).toEqual(["台账", "副本", "汇总-分层"]);
    // The sheet-level name is the user's: kept as it was.
    expect(await definedNames(out)).toEqual([
      { name: "BANGFU_GENERATED_TIERS", formula: "'副本'!$A$1", localSheetId: "1" },
      { name: "BANGFU_GENERATED_TIERS", formula: "'汇总-分层'!$A$1", localSheetId: null },
      { name: "_xlnm.Print_Titles", formula: "'汇总-分层'!$4:$4", localSheetId: "2" },
    ]);
  });

  test("a marker left pointing at nothing (#REF!) is dropped; a marker on the ledger itself never deletes it", async () => {
    const input = await ledgerWorkbook("stale.xlsx");
    await setDefinedNames(
      input,
      `<definedName name="BANGFU_GENERATED_FINDINGS">#REF!</definedName><definedName ` +
        `name="BANGFU_GENERATED_TIERS">&apos;台账&apos;!$A$1</definedName>`,
    );
    const out = path.join(dir, "stale-out.xlsx");
    const result = await writeSummaryWorkbook(input, out, [tiersTable(), findingsTable()]);
    expect(result.replaced).toEqual([]);
    expect(result.ignoredMarkers).toEqual(["BANGFU_GENERATED_TIERS → 台账"]);
    expect((await load(out)).worksheets.map((w) => w.name)).toEqual(["台账", "汇总-分层", "检查结果"]);
  });

  test("tabs of other keys, not regenerated now, keep their tabs and markers; user names are kept", async () => {
    const input = await ledgerWorkbook("partial.xlsx");
    const wb = await load(input);
    wb.definedNames.add("'台账'!$C$2", "本年收入");
    await wb.xlsx.writeFile(input);
    const once = path.join(dir, "partial-1.xlsx");
    await writeSummaryWorkbook(input, once, [tiersTable(), findingsTable()]);
    const twice = path.join(dir, "partial-2.xlsx");
    const result = await writeSummaryWorkbook(once, twice, [findingsTable()]);
    expect(result.replaced).toEqual(["检查结果"]);
    expect((await load(twice)).worksheets.map((w) => w.name)).toEqual(["台账", "汇总-分层", "检查结果"]);
    expect((await definedNames(twice)).map((n) => `${n.name}=${n.formula}`).sort()).toEqual(
      [
        "BANGFU_GENERATED_FINDINGS='检查结果'!$A$1",
        "BANGFU_GENERATED_TIERS='汇总-分层'!$A$1",
        "本年收入='台账'!$C$2",
        "_xlnm.Print_Titles='汇总-分层'!$4:$4",
        "_xlnm.Print_Titles='检查结果'!$3:$3",
      ].sort(),
    );
  });
});

describe("工作簿的名称（defined names）", () => {
  test(
    "the input's names come back as they were: constants, formulas, hidden sheet-level names, " + "renumbered when a tab before them goes",
    async () => {
      const input = await ledgerWorkbook("names.xlsx", { 其他: [["a", "b"]] });
      await setDefinedNames(
        input,
        [
          `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">&apos;台账&apos;!$A$1:$C$2</definedName>`,
          `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">&apos;其他&apos;!$A$1:$B$1</definedName>`,
          `<definedName name="本表名" localSheetId="1">&apos;其他&apos;!$A$1</definedName>`,
          `<definedName name="农民增幅" comment="统计局公布">0.07</definedName>`,
          `<definedName name="收入列">OFFSET(&apos;台账&apos;!$C$2,0,0,COUNTA(&apos;台账&apos;!$A:$A)-1,1)</definedName>`,
        ].join(""),
      );
      // First pass: 汇总-分层 lands after 其他. Move it before 其他 (as a user dragging the tab would), marker and all:
      // Excel renumbers the sheet-level names of both tabs (其他's 1 → 2, the new tab's print titles 2 → 1).
      const once = path.join(dir, "names-1.xlsx");
      await writeSummaryWorkbook(input, once, [tiersTable()]);
      const zip = await JSZip.loadAsync(fs.readFileSync(once));
      let xml = await zip.file("xl/workbook.xml")!.async("string");
      const sheets = [...xml.matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0]);
      xml = xml
        .replace(/<sheets>.*<\/sheets>/, `<sheets>${sheets[0]}${sheets[2]}${sheets[1]}</sheets>`)
        .replace(/localSheetId="([12])"/g, (_, n: string) => `localSheetId="${n === "1" ? 2 : 1}"`);
      zip.file("xl/workbook.xml", xml);
      fs.writeFileSync(once, await zip.generateAsync({ type: "nodebuffer" }));
      expect((await load(once)).worksheets.map((w) => w.name)).toEqual(["台账", "汇总-分层", "其他"]);

      const twice = path.join(dir, "names-2.xlsx");
      await writeSummaryWorkbook(once, twice, [tiersTable()]);
      expect((await load(twice)).worksheets.map((w) => w.name)).toEqual(["台账", "其他", "汇总-分层"]);
      expect(await definedNames(twice)).toEqual([
        { name: "_xlnm._FilterDatabase", formula: "'台账'!$A$1:$C$2", localSheetId: "0" },
        { name: "_xlnm._FilterDatabase", formula: "'其他'!$A$1:$B$1", localSheetId: "1" },
        { name: "本表名", formula: "'其他'!$A$1", localSheetId: "1" },
        { name: "农民增幅", formula: "0.07", localSheetId: null },
        { name: "收入列", formula: "OFFSET('台账'!$C$2,0,0,COUNTA('台账'!$A:$A)-1,1)", localSheetId: null },
        { name: "BANGFU_GENERATED_TIERS", formula: "'汇总-分层'!$A$1", localSheetId: null },
        { name: "_xlnm.Print_Titles", formula: "'汇总-分层'!$4:$4", localSheetId: "2" },
      ]);
      const raw = (await JSZip.loadAsync(fs.readFileSync(twice)).then((z) => z.file("xl/workbook.xml")!.async("string"))) ?? "";
      expect(raw).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">`);
      expect(raw).toContain(`<definedName name="农民增幅" comment="统计局公布">0.07</definedName>`);
    },
  );
});

describe("输入文件从不修改", () => {
  test("writing to the input's own path is refused in Chinese, and nothing is written", async () => {
    const input = await ledgerWorkbook("same.xlsx");
    const hash = sha256(input);
    await expect(writeSummaryWorkbook(input, input, [tiersTable()])).rejects.toThrow(SummaryWriteError);
    await expect(writeSummaryWorkbook(input, path.join(dir, ".", "same.xlsx"), [tiersTable()])).rejects.toThrow(
      /输出文件不能与输入文件相同/,
    );
    expect(sha256(input)).toBe(hash);
  });

  test("nor through a symbolic or hard link to it", async () => {
    const input = await ledgerWorkbook("linked.xlsx");
    const hash = sha256(input);
    const soft = path.join(dir, "soft-link.xlsx");
    const hard = path.join(dir, "hard-link.xlsx");
    fs.symlinkSync(input, soft);
    fs.linkSync(input, hard);
    await expect(writeSummaryWorkbook(input, soft, [tiersTable()])).rejects.toThrow(/输出文件不能与输入文件相同/);
    await expect(writeSummaryWorkbook(input, hard, [tiersTable()])).rejects.toThrow(/输出文件不能与输入文件相同/);
    expect(sha256(input)).toBe(hash);
  });

  test("the input's bytes are the same after writing a copy", async () => {
    const input = await ledgerWorkbook("bytes.xlsx");
    const hash = sha256(input);
    const mtime = fs.statSync(input).mtimeMs;
    await writeSummaryWorkbook(input, path.join(dir, "bytes-out.xlsx"), [tiersTable(), findingsTable()]);
    expect(sha256(input)).toBe(hash);
    expect(fs.statSync(input).mtimeMs).toBe(mtime);
  });

  test("a folder that does not exist: a Chinese message, no partial file", async () => {
    const input = await ledgerWorkbook("nofolder.xlsx");
    await expect(writeSummaryWorkbook(input, path.join(dir, "没有这个文件夹", "out.xlsx"), [tiersTable()])).rejects.toThrow(/不存在/);
  });
});

describe("工作簿中的其他内容", () => {
  test("a link from a cover sheet to the ledger (as Excel writes it: a location, no relationship) survives", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("目录").getCell("A1").value = { text: "转到台账", hyperlink: "#'台账'!A1" };
    wb.getWorksheet("目录")!.getCell("A2").value = { text: "政策原文", hyperlink: "https://example.org/plan" };
    wb.addWorksheet("台账").getRow(1).values = ["户编号", "户主姓名", "人均纯收入"];
    const raw = path.join(dir, "cover-raw.xlsx");
    await wb.xlsx.writeFile(raw);
    // The cover's link written the way Excel writes it (exceljs writes an external relationship, exceljs issue 3027).
    const excelLike = path.join(dir, "cover.xlsx");
    fs.copyFileSync(raw, excelLike);
    await writeLinksAsExcelDoes(excelLike);
    expect((await sheetXml(excelLike, "目录")).xml).toContain(`<hyperlink ref="A1" location="&apos;台账&apos;!A1"/>`);
    const out = path.join(dir, "cover-out.xlsx");
    await writeSummaryWorkbook(excelLike, out, [tiersTable()]);
    const { xml, rels } = await sheetXml(out, "目录");
    expect(xml).toContain(`<hyperlink ref="A1" location="&apos;台账&apos;!A1"/>`);
    expect(rels).toContain(`Target="https://example.org/plan"`);
    expect((await load(out)).getWorksheet("目录")!.getCell("A1").value).toEqual({ text: "转到台账", hyperlink: "#'台账'!A1" });
    // The writer does not rewrite a user's sheet at all: the cover as exceljs wrote it passes through as it was, too.
    const rawOut = path.join(dir, "cover-raw-out.xlsx");
    await writeSummaryWorkbook(raw, rawOut, [tiersTable()]);
    expect(await sheetXml(rawOut, "目录")).toEqual(await sheetXml(raw, "目录"));
  });

  test(
    "a drop-down list taken from another sheet (Excel 2010+ stores it in extLst, which exceljs " + "drops) comes through as it was",
    async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("台账").getRow(1).values = ["户编号", "人均纯收入", "收入分层"];
      wb.addWorksheet("字典").getColumn(1).values = ["高收入", "中等收入", "低收入"];
      const input = path.join(dir, "x14.xlsx");
      await wb.xlsx.writeFile(input);
      // As Excel writes it: the x14 namespace on the sheet's root, xm declared on the list.
      const zip = await JSZip.loadAsync(fs.readFileSync(input));
      const part = "xl/worksheets/sheet1.xml";
      const ext =
        `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1" xmlns:` +
        `xm="http://schemas.microsoft.com/office/excel/2006/main">` +
        `<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>字典!$A$1:$A$3</xm:` +
        `f></x14:formula1><xm:sqref>C2:C500</xm:sqref></x14:dataValidation></x14:` +
        `dataValidations></ext>`;
      let xml = await zip.file(part)!.async("string");
      xml = xml
        .replace("<worksheet ", `<worksheet xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" `)
        .replace("</worksheet>", `<extLst>${ext}</extLst></worksheet>`);
      zip.file(part, xml);
      fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));

      const out = path.join(dir, "x14-out.xlsx");
      await writeSummaryWorkbook(input, out, [tiersTable()]);
      const { xml: written } = await sheetXml(out, "台账");
      // The sheet is not rewritten: byte for byte the input's, the extension included.
      expect(written).toBe(xml);
      expect(written).toContain("<xm:f>字典!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>C2:C500</xm:sqref>");
      expect(written.endsWith("</extLst></worksheet>")).toBe(true);
      // Twice: still one, still as it was.
      const again = path.join(dir, "x14-again.xlsx");
      await writeSummaryWorkbook(out, again, [tiersTable()]);
      expect((await sheetXml(again, "台账")).xml.match(/CCE6A557/g)).toHaveLength(1);
      expect((await sheetXml(again, "台账")).xml).toBe(xml);
    },
  );

  test("a non-finite number is left blank rather than written as an invalid value", async () => {
    const input = await ledgerWorkbook("nan.xlsx");
    const out = path.join(dir, "nan-out.xlsx");
    const t = tiersTable({
      rows: [[{ value: "东村" }, { value: Number.NaN }, { value: Number.POSITIVE_INFINITY }, { value: 1 }, { value: null }]],
      totalRow: undefined,
      chart: undefined,
    });
    await writeSummaryWorkbook(input, out, [t]);
    const tab = (await readSummaryWorkbook(out)).tabs[0];
    expect(tab.rows).toEqual([["东村", null, null, 1, null]]);
  });
});

describe("新工作簿", () => {
  test("writeNewSummaryWorkbook: only the tables, with markers; refuses to overwrite a listed input", async () => {
    const ranking: TabTable = { ...tiersTable(), key: "ranking", title: "街道排名", chart: undefined };
    const out = path.join(dir, "new.xlsx");
    const result = await writeNewSummaryWorkbook(out, [ranking]);
    expect(result.tabs.map((t) => t.name)).toEqual(["街道排名"]);
    const written = await load(out);
    expect(written.worksheets.map((w) => w.name)).toEqual(["街道排名"]);
    expect(written.worksheets[0].pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const names = await definedNames(out);
    expect(names.filter((n) => n.name.startsWith("BANGFU_"))).toEqual([
      { name: "BANGFU_GENERATED_RANKING", formula: "'街道排名'!$A$1", localSheetId: null },
    ]);
    // Printed summaries repeat their header row on every page.
    expect(names.filter((n) => n.name === "_xlnm.Print_Titles")).toEqual([
      { name: "_xlnm.Print_Titles", formula: "'街道排名'!$4:$4", localSheetId: "0" },
    ]);
    const input = await ledgerWorkbook("street.xlsx");
    await expect(writeNewSummaryWorkbook(input, [ranking], [input])).rejects.toThrow(/输出文件不能与输入文件相同/);
  });
});

/** Rewrite parts of an .xlsx file in place. */
async function editParts(file: string, edit: (part: string, xml: string) => string | null, parts: readonly string[]): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  for (const part of parts) {
    const xml = (await zip.file(part)?.async("string")) ?? "";
    const edited = edit(part, xml);
    if (edited === null) zip.remove(part);
    else zip.file(part, edited);
  }
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

describe("包级合并：用户的部件一字不改", () => {
  /** The parts the merge rewrites; every other part of the input must come through byte for byte. */
  const REWRITTEN = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/app.xml"];
  const TABLES = () => [tiersTable(), findingsTable()];
  let input: string;
  let once: string;
  let twice: string;
  let chartParts: string[];

  beforeAll(async () => {
    // A dressed ledger (merged title, styles, formulas, comments, validations, conditional format, filter, print
    // area) with a chart and a text box on it, behind a cover linking to it, and a user's own sheet named 汇总-分层.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("封面").getCell("A1").value = { text: "转到台账", hyperlink: "#'台账'!A3" };
    const ws = wb.addWorksheet("台账");
    PERSON_ROWS.forEach((row, i) => (ws.getRow(i + 1).values = row as ExcelJS.CellValue[]));
    dressLedger(ws, 2, PERSON_ROWS.length, PERSON_ROWS[1].length);
    const mine = wb.addWorksheet("汇总-分层");
    mine.getCell("A1").value = "我自己的分层统计";
    mine.getCell("A1").font = { bold: true, color: { argb: "FF7030A0" } };
    mine.getCell("B2").value = { formula: "COUNTA('台账'!A3:A17)", result: 15 };
    input = path.join(dir, "package.xlsx");
    await wb.xlsx.writeFile(input);
    chartParts = await addChartToSheet(input, "台账", { categories: "'台账'!$C$3:$C$8", values: "'台账'!$F$3:$F$8" });
    once = path.join(dir, "package-1.xlsx");
    twice = path.join(dir, "package-2.xlsx");
    await writeSummaryWorkbook(input, once, TABLES());
    await writeSummaryWorkbook(once, twice, TABLES());
  });

  test("every part of the input the merge does not rewrite is byte for byte the same in the output", async () => {
    const [before, after] = [await partContents(input), await partContents(once)];
    const untouched = [...before.keys()].filter((p) => !REWRITTEN.includes(p));
    // The guard: the ledger's sheet, comments, drawing and chart, the shared strings, the theme are among them.
    expect(untouched).toEqual(
      expect.arrayContaining([
        await sheetPart(input, "台账"),
        ...chartParts,
        "xl/sharedStrings.xml",
        "xl/theme/theme1.xml",
        "docProps/core.xml",
      ]),
    );
    expect(untouched.some((p) => /comments/.test(p)) && untouched.some((p) => p.endsWith(".vml"))).toBe(true);
    for (const part of untouched)
      expect({ part, same: after.get(part)?.equals(before.get(part)!) ?? "missing" }).toEqual({ part, same: true });
    // What is rewritten is only added to: the user's styles keep their places, so no user cell changes look.
    for (const section of ["numFmts", "fonts", "fills", "borders", "cellXfs"]) {
      const inner = (xml: string) => new RegExp(`<${section}\\b[^>]*>([\\s\\S]*?)</${section}>`).exec(xml)?.[1] ?? "";
      expect(inner(after.get("xl/styles.xml")!.toString()).startsWith(inner(before.get("xl/styles.xml")!.toString()))).toBe(true);
    }
  });

  test("the ledger's chart and text box (parts exceljs can neither read nor write) are kept, and still tied in", async () => {
    const ledger = await sheetXml(once, "台账");
    expect(ledger.xml).toMatch(/<drawing r:id="rIdDrawing1"\/>/);
    expect(ledger.rels).toContain(`Target="../drawings/drawing1.xml"`);
    const types = (await zipText(once, "[Content_Types].xml")) ?? "";
    expect(types).toContain(
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
    );
    expect(types).toContain(
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
    );
    expect((await zipText(once, "xl/drawings/drawing1.xml")) ?? "").toContain("请核对人均纯收入");
  });

  test("regenerating gives the same parts, part for part (same names, same sheet ids, styles that do not grow)", async () => {
    const [first, second] = [await partContents(once), await partContents(twice)];
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [part, bytes] of first) expect({ part, same: second.get(part)?.equals(bytes) }).toEqual({ part, same: true });
  });

  test("the user's sheet named 汇总-分层 survives byte for byte, twice; the new tab is 汇总-分层(2)", async () => {
    const part = await sheetPart(input, "汇总-分层");
    const [a, b, c] = [await partContents(input), await partContents(once), await partContents(twice)];
    expect(b.get(part)?.equals(a.get(part)!)).toBe(true);
    expect(c.get(part)?.equals(a.get(part)!)).toBe(true);
    expect((await load(twice)).worksheets.map((w) => w.name)).toEqual(["封面", "台账", "汇总-分层", "汇总-分层(2)", "检查结果"]);
  });

  test(
    "package integrity as Excel checks it: overrides for every sheet and none for removed ones," +
      " unique ids, resolvable relationships, styles in range",
    async () => {
      expect(await packageProblems(input)).toEqual([]);
      expect(await packageProblems(once)).toEqual([]);
      expect(await packageProblems(twice)).toEqual([]);
      const workbook = (await zipText(twice, "xl/workbook.xml")) ?? "";
      expect([...workbook.matchAll(/<sheet [^>]*sheetId="(\d+)"/g)].map((m) => m[1])).toEqual(["1", "2", "3", "4", "5"]);
      // docProps/app.xml lists the sheets as they now are.
      expect(await appWorksheetTitles(twice)).toEqual(["封面", "台账", "汇总-分层", "汇总-分层(2)", "检查结果"]);
      // The new tabs are not selected along with the user's (which would group them).
      for (const tab of ["汇总-分层(2)", "检查结果"]) expect((await sheetXml(twice, tab)).xml).not.toContain("tabSelected");
      // Text as inline strings: the user's shared strings part is not touched.
      expect((await sheetXml(twice, "检查结果")).xml).toContain(`t="inlineStr"><is><t>M01</t></is>`);
    },
  );

  test("a chart the user put on a generated tab goes with that tab when it is regenerated; the ledger's stays", async () => {
    const decorated = path.join(dir, "package-decorated.xlsx");
    fs.copyFileSync(once, decorated);
    const added = await addChartToSheet(decorated, "检查结果", { categories: "'检查结果'!$A$4:$A$6", values: "'检查结果'!$A$4:$A$6" }, "9");
    const generatedPart = await sheetPart(decorated, "检查结果");
    const again = path.join(dir, "package-decorated-2.xlsx");
    const result = await writeSummaryWorkbook(decorated, again, [findingsTable()]);
    expect(result.replaced).toEqual(["检查结果"]);
    const parts = await zipParts(again);
    for (const part of added) expect(parts).not.toContain(part);
    expect(parts).not.toContain(generatedPart.replace(/([^/]+)$/, "_rels/$1.rels"));
    for (const part of chartParts) expect(parts).toContain(part);
    expect((await zipText(again, "[Content_Types].xml")) ?? "").not.toContain("drawing9");
    expect(await packageProblems(again)).toEqual([]);
  });

  test(
    "a calculation chain naming a cell on a removed tab is dropped (Excel rebuilds it); one " +
      "naming only the user's sheets is kept as it was",
    async () => {
      const ids = Object.fromEntries(
        [
          ...((await zipText(once, "xl/workbook.xml")) ?? "").matchAll(
            /<sheet [^>]*name="([^"]+)" sheetId="(\d+)"|<sheet [^>]*sheetId="(\d+)" name="([^"]+)"/g,
          ),
        ].map((m) => [m[1] ?? m[4], m[2] ?? m[3]]),
      );
      const withChain = async (name: string, chain: string): Promise<string> => {
        const file = path.join(dir, name);
        fs.copyFileSync(once, file);
        const zip = await JSZip.loadAsync(fs.readFileSync(file));
        zip.file(
          "xl/calcChain.xml",
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http:` +
            `//schemas.openxmlformats.org/spreadsheetml/2006/main">${chain}</calcChain>`,
        );
        const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
        zip.file(
          "xl/_rels/workbook.xml.rels",
          rels.replace(
            "</Relationships>",
            `<Relationship Id="rIdChain" Type="http:` +
              `//schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" ` +
              `Target="calcChain.xml"/></Relationships>`,
          ),
        );
        const types = await zip.file("[Content_Types].xml")!.async("string");
        zip.file(
          "[Content_Types].xml",
          types.replace(
            "</Types>",
            `<Override PartName="/xl/calcChain.xml" ` +
              `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`,
          ),
        );
        fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
        return file;
      };
      // The ledger's formula column, then a formula the user typed on 检查结果 (an entry without i is on the previous entry's sheet).
      const stale = await withChain(
        "chain-stale.xlsx",
        `<c r="S3" i="${ids["台账"]}"/><c r="S4"/><c r="B2" i="${ids["汇总-分层"]}"/><c r="H2" i="${ids["检查结果"]}"/>`,
      );
      const out = path.join(dir, "chain-stale-out.xlsx");
      await writeSummaryWorkbook(stale, out, TABLES());
      expect(await zipParts(out)).not.toContain("xl/calcChain.xml");
      expect((await zipText(out, "xl/_rels/workbook.xml.rels")) ?? "").not.toContain("calcChain");
      expect((await zipText(out, "[Content_Types].xml")) ?? "").not.toContain("calcChain");
      expect(await packageProblems(out)).toEqual([]);

      const clean = await withChain("chain-clean.xlsx", `<c r="S3" i="${ids["台账"]}"/><c r="S4"/><c r="B2" i="${ids["汇总-分层"]}"/>`);
      const cleanOut = path.join(dir, "chain-clean-out.xlsx");
      await writeSummaryWorkbook(clean, cleanOut, TABLES());
      expect(await zipText(cleanOut, "xl/calcChain.xml")).toBe(await zipText(clean, "xl/calcChain.xml"));
      expect((await zipText(cleanOut, "xl/_rels/workbook.xml.rels")) ?? "").toContain(`Target="calcChain.xml"`);
      expect(await packageProblems(cleanOut)).toEqual([]);
    },
  );

  test("the workbook window's active tab stays on its sheet when generated tabs before it are removed", async () => {
    const input2 = await ledgerWorkbook("views.xlsx");
    const moved = path.join(dir, "views-1.xlsx");
    await writeSummaryWorkbook(input2, moved, TABLES());
    // As Excel saves it after the user dragged 汇总-分层 to the front and looked at the ledger last.
    await editParts(
      moved,
      (_, xml) => {
        const sheets = [...xml.matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0]);
        return xml
          .replace(
            /<sheets>.*<\/sheets>/,
            `<bookViews><workbookView activeTab="1" firstSheet="0"/></bookViews><sheets>${sheets[1]}${sheets[0]}${sheets[2]}</sheets>`,
          )
          .replace(/localSheetId="([01])"/g, (_m, n: string) => `localSheetId="${n === "1" ? 0 : 1}"`);
      },
      ["xl/workbook.xml"],
    );
    expect((await load(moved)).worksheets.map((w) => w.name)).toEqual(["汇总-分层", "台账", "检查结果"]);
    const again = path.join(dir, "views-2.xlsx");
    await writeSummaryWorkbook(moved, again, TABLES());
    const workbook = (await zipText(again, "xl/workbook.xml")) ?? "";
    expect((await load(again)).worksheets.map((w) => w.name)).toEqual(["台账", "汇总-分层", "检查结果"]);
    expect(workbook).toContain(`<workbookView activeTab="0" firstSheet="0"/>`);
    expect(await packageProblems(again)).toEqual([]);
  });

  test("number formats: the user's custom ids keep their codes; a code the user has is reused, a clashing id is renumbered", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("台账");
    ws.getRow(1).values = ["户编号", "系数", "走访日期"];
    ws.getRow(2).values = ["H01", 0.125, new Date(Date.UTC(2025, 5, 1))];
    ws.getCell("B2").numFmt = "0.000"; // exceljs gives it id 164, which the rendered tabs also use first
    ws.getCell("C2").numFmt = "yyyy-mm-dd";
    const input2 = path.join(dir, "formats.xlsx");
    await wb.xlsx.writeFile(input2);
    const before = snapshot((await load(input2)).getWorksheet("台账")!);
    const out = path.join(dir, "formats-out.xlsx");
    await writeSummaryWorkbook(input2, out, [tiersTable()]);
    const styles = (await zipText(out, "xl/styles.xml")) ?? "";
    const formats = Object.fromEntries([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [m[2], m[1]]));
    expect(formats).toEqual({ "0.000": "164", "yyyy-mm-dd": "165", "0.0%": "166" });
    const after = await load(out);
    expect(snapshot(after.getWorksheet("台账")!)).toEqual(before);
    const tab = after.getWorksheet("汇总-分层")!;
    expect(["B5", "C5", "D5", "E5"].map((a) => tab.getCell(a).numFmt)).toEqual(["0", "0.0%", "#,##0.00", "yyyy-mm-dd"]);
    expect(await packageProblems(out)).toEqual([]);
  });

  test("docProps/app.xml as Chinese Excel writes it (工作表, 命名范围): the sheet list follows the tabs, names of removed tabs go", async () => {
    const file = path.join(dir, "app-zh.xlsx");
    fs.copyFileSync(once, file);
    const vt = (tag: string, text: string) => `<vt:${tag}>${text}</vt:${tag}>`;
    const titles = [
      "封面",
      "台账",
      "汇总-分层",
      "汇总-分层(2)",
      "检查结果",
      "台账!Print_Area",
      "'汇总-分层(2)'!Print_Titles",
      "'检查结果'!Print_Titles",
    ];
    await editParts(
      file,
      (_, xml) =>
        xml
          .replace(
            /<HeadingPairs>[\s\S]*<\/HeadingPairs>/,
            `<HeadingPairs><vt:vector size="4" baseType="variant"><vt:` +
              `variant>${vt("lpstr", "工作表")}</vt:variant><vt:variant>${vt("i4", "5")}</vt:variant><vt:` +
              `variant>${vt("lpstr", "命名范围")}</vt:variant><vt:variant>${vt("i4", "3")}</vt:` +
              `variant></vt:vector></HeadingPairs>`,
          )
          .replace(
            /<TitlesOfParts>[\s\S]*<\/TitlesOfParts>/,
            `<TitlesOfParts><vt:vector size="8" ` +
              `baseType="lpstr">${titles.map((t) => vt("lpstr", t.replace(/'/g, "&apos;"))).join("")}</vt:` +
              `vector></TitlesOfParts>`,
          ),
      ["docProps/app.xml"],
    );
    const out = path.join(dir, "app-zh-out.xlsx");
    await writeSummaryWorkbook(file, out, [tiersTable()]);
    const app = (await zipText(out, "docProps/app.xml")) ?? "";
    expect(/<HeadingPairs>([\s\S]*)<\/HeadingPairs>/.exec(app)?.[1]).toBe(
      `<vt:vector size="4" baseType="variant"><vt:variant>${vt("lpstr", "工作表")}</vt:` +
        `variant><vt:variant>${vt("i4", "5")}</vt:variant><vt:` +
        `variant>${vt("lpstr", "命名范围")}</vt:variant><vt:variant>${vt("i4", "2")}</vt:` +
        `variant></vt:vector>`,
    );
    const listed = [...app.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]).slice(2);
    // 汇总-分层(2) was regenerated (now last; its old print titles' entry went); 检查结果 was not, and keeps its entry.
    expect(listed).toEqual([
      "封面",
      "台账",
      "汇总-分层",
      "检查结果",
      "汇总-分层(2)",
      "台账!Print_Area",
      "&apos;检查结果&apos;!Print_Titles",
    ]);
    expect(/<TitlesOfParts><vt:vector size="(\d+)"/.exec(app)?.[1]).toBe("7");
    expect((await load(out)).worksheets.map((w) => w.name)).toEqual(["封面", "台账", "汇总-分层", "检查结果", "汇总-分层(2)"]);
  });

  test("a workbook in the 1904 date system gets its dates in that system", async () => {
    const input1904 = await ledgerWorkbook("date1904.xlsx");
    await editParts(input1904, (_, xml) => xml.replace(/<workbookPr\b([^>]*?)\/>/, `<workbookPr$1 date1904="1"/>`), ["xl/workbook.xml"]);
    expect((await zipText(input1904, "xl/workbook.xml")) ?? "").toContain(`date1904="1"`);
    const out = path.join(dir, "date1904-out.xlsx");
    await writeSummaryWorkbook(input1904, out, [tiersTable()]);
    // 2025-06-20 is day 45828 counted from 1900 (Excel's default), day 44366 from 1904.
    expect((await sheetXml(out, "汇总-分层")).xml).toMatch(/<c r="E5" s="\d+"><v>44366<\/v><\/c>/);
    expect((await load(out)).getWorksheet("汇总-分层")!.getCell("E5").value).toEqual(new Date(Date.UTC(2025, 5, 20)));
    const out1900 = path.join(dir, "date1900-out.xlsx");
    await writeSummaryWorkbook(await ledgerWorkbook("date1900.xlsx"), out1900, [tiersTable()]);
    expect((await sheetXml(out1900, "汇总-分层")).xml).toMatch(/<c r="E5" s="\d+"><v>45828<\/v><\/c>/);
  });

  test(
    "workbook and styles parts written with a namespace prefix (x:workbook, as .NET tools " + "write them) get prefixed additions",
    async () => {
      const prefixed = await ledgerWorkbook("prefixed.xlsx", { 备注: [["说明"]] });
      const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
      await editParts(
        prefixed,
        (_, xml) =>
          xml
            .replace(/<(\/?)([A-Za-z][\w.]*)(?=[\s/>])/g, (whole, slash: string, name: string) =>
              name === "xml" ? whole : `<${slash}x:${name}`,
            )
            .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`),
        ["xl/workbook.xml", "xl/styles.xml"],
      );
      expect((await zipText(prefixed, "xl/workbook.xml")) ?? "").toContain("<x:sheets>");
      await setDefinedNamesPrefixed(
        prefixed,
        `<x:definedName name="BANGFU_GENERATED_TIERS">&apos;备注&apos;!$A$1</x:definedName><x:` +
          `definedName name="本表" localSheetId="1">&apos;备注&apos;!$A$1</x:definedName>`,
      );
      const out = path.join(dir, "prefixed-out.xlsx");
      const result = await writeSummaryWorkbook(prefixed, out, [tiersTable(), findingsTable()]);
      expect(result.replaced).toEqual(["备注"]);
      const parse = (xml: string) => new DOMParser().parseFromString(xml, "text/xml");
      const workbook = parse((await zipText(out, "xl/workbook.xml")) ?? "");
      const sheets = Array.from(workbook.getElementsByTagNameNS(MAIN, "sheet")).map((e) => e.getAttribute("name"));
      expect(sheets).toEqual(["台账", "汇总-分层", "检查结果"]);
      const names = Array.from(workbook.getElementsByTagNameNS(MAIN, "definedName")).map(
        (e) => `${e.getAttribute("name")}@${e.getAttribute("localSheetId") ?? "-"}`,
      );
      expect(names).toEqual(["BANGFU_GENERATED_TIERS@-", "BANGFU_GENERATED_FINDINGS@-", "_xlnm.Print_Titles@1", "_xlnm.Print_Titles@2"]);
      // nothing unprefixed
      expect(workbook.getElementsByTagName("sheet").length + workbook.getElementsByTagName("definedName").length).toBe(0);
      const styles = parse((await zipText(out, "xl/styles.xml")) ?? "");
      const cellXfs = styles.getElementsByTagNameNS(MAIN, "cellXfs")[0];
      expect(Number(cellXfs.getAttribute("count"))).toBe(cellXfs.getElementsByTagNameNS(MAIN, "xf").length);
      expect(styles.getElementsByTagName("xf").length).toBe(0);
      const relId = Array.from(workbook.getElementsByTagNameNS(MAIN, "sheet"))
        .find((e) => e.getAttribute("name") === "汇总-分层")!
        .getAttribute("r:id");
      const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec((await zipText(out, "xl/_rels/workbook.xml.rels")) ?? "")![1];
      const used = Math.max(...[...((await zipText(out, `xl/${target}`)) ?? "").matchAll(/ s="(\d+)"/g)].map((m) => Number(m[1])));
      expect(used).toBeGreaterThan(0);
      expect(used).toBeLessThan(cellXfs.getElementsByTagNameNS(MAIN, "xf").length);
    },
  );
});

/** setDefinedNames for a workbook part written with the x: prefix. */
async function setDefinedNamesPrefixed(file: string, namesXml: string): Promise<void> {
  await editParts(
    file,
    (_, xml) =>
      xml
        .replace(/<x:definedNames>[\s\S]*?<\/x:definedNames>/, "")
        .replace("</x:sheets>", `</x:sheets><x:definedNames>${namesXml}</x:definedNames>`),
    ["xl/workbook.xml"],
  );
}
