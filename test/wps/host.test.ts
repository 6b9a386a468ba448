/**
 * The WPS host over the fake ET: what is particular to ET (the shared behaviour is in
 * test/host/contract.test.ts): normalising Value2, the bridge-call bound for a large sheet,
 * sheet order, prompts, charts, the hidden data sheet.
 */
import * as fs from "fs";
import * as path from "path";
import type { Finding } from "../../src/checks/types";
import { layoutSummary } from "../../src/host/summaryLayout";
import { SETTINGS_KEY } from "../../src/host/settings";
import { EMPTY_SETTINGS, HostError, type PaneSettings } from "../../src/host/types";
import { readLedger } from "../../src/ledger";
import { toExcelSerial } from "../../src/values/dates";
import { WpsWorkbookHost } from "../../src/wps/host";
import { blockRowsFor, MERGE_ROWS } from "../../src/wps/read";
import { DATA_SHEET, readStore, STRUCTURE_PROTECTED_MESSAGE } from "../../src/wps/store";
import { functionSettingsKey } from "../../src/wps/functionSettings";
import { marksKey } from "../../src/wps/marks";
import { brokenRecordMessage } from "../../src/host/marks";
import { hyperlinkFormula } from "../../src/wps/write";
import { FINDINGS, TIERS } from "../host/sampleTables";
import { FakeEt } from "./fakeEt";

const noPause = { pause: async () => undefined };
const host = (et: FakeEt) => new WpsWorkbookHost(et.app, { read: noPause });

const finding = (cell: string, severity: Finding["severity"] = "error"): Finding => ({
  rule: "D03",
  severity,
  clause: "—",
  household: "H01",
  cell: { column: cell.replace(/\d+/g, ""), row: Number(cell.replace(/\D+/g, "")) },
  message: `问题 ${cell}`,
  data: { kind: "invalidIdNumber", value: null, problem: "校验位错误" },
});

describe("reading through ET", () => {
  test("normalises ET's values: empty cells, error numbers, a one-row sheet, a one-cell sheet; dates stay serials", async () => {
    const serial = toExcelSerial({ year: 2025, month: 5, day: 6 });
    const et = new FakeEt([
      {
        name: "台账",
        cells: [
          ["户编号", "人均纯收入", "走访日期"],
          ["H01", null, serial],
          ["H02", 12000, null],
        ],
        origin: { row: 3, column: 2 },
      },
      { name: "一行", cells: [["户编号", "姓名", "人数"]] },
      { name: "一格", cells: [["台账"]] },
      { name: "空", cells: [] },
    ]);
    const h = host(et);
    const sheet = await h.readSheet("台账");
    expect(sheet.cells).toEqual([
      ["户编号", "人均纯收入", "走访日期"],
      ["H01", "", serial],
      ["H02", 12000, ""],
    ]);
    expect(sheet.origin).toEqual({ row: 3, column: 2 });
    const errors = new FakeEt([
      {
        name: "表",
        cells: [
          ["a", "b"],
          [1, null],
        ],
        errors: { B2: "#DIV/0!" },
      },
    ]);
    expect((await host(errors).readSheet("表")).cells).toEqual([
      ["a", "b"],
      [1, "#DIV/0!"],
    ]);
    expect((await h.readSheet("一行")).cells).toEqual([["户编号", "姓名", "人数"]]);
    expect((await h.readSheet("一格")).cells).toEqual([["台账"]]);
    expect(await h.readSheet("空")).toEqual({ name: "空", cells: [[""]], origin: { row: 1, column: 1 }, merges: [] });
  });

  test("cells that only carry formatting (UsedRange includes them) are trimmed, as Office's valuesOnly does", async () => {
    const et = new FakeEt([
      { name: "台账", cells: [[null], ["户编号", "姓名"], ["H01", "张三"]], fills: { A1: "#FFFF00", E200: "#DDEBF7" } },
    ]);
    const sheet = await host(et).readSheet("台账");
    expect(sheet.origin).toEqual({ row: 2, column: 1 });
    expect(sheet.cells).toEqual([
      ["户编号", "姓名"],
      ["H01", "张三"],
    ]);
  });

  test("finds merged header cells (a title row and a two-row header) and the ledger reads through them", async () => {
    const et = new FakeEt([
      {
        name: "台账",
        cells: [
          ["某街道脱贫户台账", null, null, null],
          ["户编号", "姓名", "收入情况", null],
          [null, null, "工资性收入", "人均纯收入"],
          ["H01", "张三", 5000, 9000],
        ],
        merges: ["A1:D1", "A2:A3", "B2:B3", "C2:D2"],
      },
    ]);
    const sheet = await host(et).readSheet("台账");
    expect(new Set(sheet.merges?.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`))).toEqual(
      new Set(["1,1,1,4", "2,1,3,1", "2,2,3,2", "2,3,2,4"]),
    );
    expect(readLedger(sheet).households.map((h) => h.key)).toEqual(["H01"]);
  });

  test("merged areas down data rows are found column by column, in about 4·log2(rows) calls each", async () => {
    const rows = 20_000;
    // Villages of 40 households, each 村 merged down over its rows in column C; one 帮扶责任人 merged over B5:B6.
    const villages = 25;
    const merges = ["B5:B6", ...Array.from({ length: villages }, (_, v) => `C${2 + v * 40}:C${1 + (v + 1) * 40}`)];
    const et = new FakeEt([
      {
        name: "台账",
        cells: [["户编号", "增收帮扶责任人", "村"]],
        merges,
        computed: {
          box: { top: 2, left: 1, bottom: rows + 1, right: 3 },
          value: (r, c) =>
            c === 1 ? `H${r}` : c === 2 ? (r === 6 ? undefined : `干部${r}`) : (r - 2) % 40 === 0 ? `村${(r - 2) / 40}` : undefined,
        },
      },
    ]);
    const before = et.bridgeCalls;
    const sheet = await host(et).readSheet("台账");
    const calls = et.bridgeCalls - before;
    const found = new Set((sheet.merges ?? []).map((m) => `${m.top},${m.left},${m.bottom},${m.right}`));
    expect(found).toEqual(new Set(["5,2,6,2", ...Array.from({ length: villages }, (_, v) => `${2 + v * 40},3,${1 + (v + 1) * 40},3`)]));
    expect(calls).toBeLessThanOrEqual(200 + (villages + 1) * 4 * Math.ceil(Math.log2(rows)));
    const ledger = readLedger(sheet);
    expect(ledger.households.find((h) => h.key === "H6")?.values.supportCadre).toBe("干部5");
    expect(ledger.households.find((h) => h.key === "H41")?.values.village).toBe("村0");
    expect(ledger.households.find((h) => h.key === "H42")?.values.village).toBe("村1");
  }, 60_000);

  test("100,000 rows × 34 columns read in a bounded number of bridge calls", async () => {
    const rows = 100_000;
    const columns = 34;
    const et = new FakeEt([
      { name: "说明", cells: [["本工作簿"]] },
      {
        name: "台账",
        cells: [["某街道脱贫户台账"]],
        merges: [`A1:AH1`],
        computed: {
          box: { top: 2, left: 1, bottom: rows + 1, right: columns },
          value: (r, c) => (r === 2 ? `列${c}` : c === 1 ? `H${r}` : r * c),
        },
      },
      { name: "附表", cells: [["x"]] },
    ]);
    const h = host(et);
    const progress: number[] = [];
    const before = et.bridgeCalls;
    const sheet = await h.readSheet("台账", (read) => progress.push(read));
    const calls = et.bridgeCalls - before;
    expect(sheet.cells).toHaveLength(rows + 1);
    expect(sheet.cells[rows][33]).toBe((rows + 1) * 34);
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 34 }]);
    // The bound (src/wps/read.ts): find 3 + 2·sheets, date system 1, used range 2, header merges
    // 2 + 2·MERGE_ROWS + 4, data merges 2 (none below the header), values 2 per block.
    const blocks = Math.ceil((rows + 1) / blockRowsFor(columns));
    const bound = 3 + 2 * 3 + 1 + 2 + 2 + 2 * MERGE_ROWS + 4 + 2 + 2 * blocks;
    expect(blocks).toBe(35);
    expect(calls).toBeLessThanOrEqual(bound);
    expect(bound).toBe(122);
    // The README states these figures in its Chinese and its English section: both as measured here.
    const readme = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");
    expect(/：(\d+) 次桥接调用\*\*（上限 (\d+) 次/.exec(readme)?.slice(1).map(Number)).toEqual([calls, bound]);
    expect(/takes (\d+) bridge calls \(bound (\d+)\)/.exec(readme)?.slice(1).map(Number)).toEqual([calls, bound]);
    expect(progress).toHaveLength(blocks);
    expect(progress[progress.length - 1]).toBe(rows + 1);
  }, 60_000);
});

describe("writing summary tabs through ET", () => {
  test(
    "tabs go after the last sheet in order (not before the active one); replacing asks nothing;" + " screen updating is restored",
    async () => {
      const et = new FakeEt(
        [
          { name: "台账", cells: [["户编号"], ["H01"]] },
          { name: "说明", cells: [["x"]] },
        ],
        { activeSheet: "台账" },
      );
      const h = host(et);
      expect(await h.writeSummaries([TIERS, FINDINGS])).toEqual(["汇总-分层", "检查结果"]);
      expect(et.visibleSheetNames()).toEqual(["台账", "说明", "汇总-分层", "检查结果"]);
      expect(et.active?.name).toBe("汇总-分层");
      expect(et.sheet("汇总-分层").selection).toBe("A1");
      expect(await h.writeSummaries([TIERS])).toEqual(["汇总-分层"]);
      expect(et.visibleSheetNames()).toEqual(["台账", "说明", "检查结果", "汇总-分层"]);
      expect(et.prompts).toEqual([]);
      expect(et.displayAlerts).toBe(true);
      expect(et.screenUpdating).toBe(true);
      expect(h.lastWrite[0]).toMatchObject({ replaced: "汇总-分层", chart: "AddChart2" });
    },
  );

  test("in a workbook of the 1904 date system (Workbook.Date1904), dates are written as its serial numbers", async () => {
    const et = new FakeEt([{ name: "台账", cells: [["户编号"]] }], { date1904: true });
    await host(et).writeSummaries([FINDINGS]);
    const f = layoutSummary(FINDINGS);
    expect(et.peek(et.sheet("检查结果"), `C${f.firstBodyRow}`)?.value).toBe(toExcelSerial({ year: 2025, month: 3, day: 5 }, true));
    expect(toExcelSerial({ year: 2025, month: 3, day: 5 }, true)).toBe(45721 - 1462);
  });

  test("formats before values: text stays text, dates are serials shown as dates, links are HYPERLINK formulas", async () => {
    const et = new FakeEt([{ name: "台账", cells: [["户编号"]] }]);
    await host(et).writeSummaries([TIERS, FINDINGS]);
    const tiers = et.sheet("汇总-分层");
    const layout = layoutSummary(TIERS);
    const firstBody = layout.firstBodyRow;
    expect(et.peek(tiers, `A${firstBody}`)).toMatchObject({ value: "001", numberFormat: "@" });
    expect(et.peek(tiers, "A3")?.value).toBe("=SUM(A1) 不是公式");
    expect(et.peek(tiers, `E${firstBody}`)).toMatchObject({ value: 12345.6, numberFormat: "#,##0.00" });
    expect(tiers.frozen).toEqual({ rows: layout.headerRow, columns: 0 });
    expect(tiers.columnWidths.get(1)).toBe(14);
    expect(et.peek(tiers, `A${layout.headerRow}`)).toMatchObject({ bold: true, fill: { color: 0xf7ebdd, pattern: 1 } });

    const findings = et.sheet("检查结果");
    const f = layoutSummary(FINDINGS);
    expect(et.peek(findings, `C${f.firstBodyRow}`)).toMatchObject({
      value: toExcelSerial({ year: 2025, month: 3, day: 5 }),
      numberFormat: "yyyy-mm-dd",
    });
    const link = et.peek(findings, `B${f.firstBodyRow}`);
    expect(link).toMatchObject({
      value: "台账!C12",
      formula: hyperlinkFormula({ row: 0, column: 0, sheet: "台账", cell: "C12" }, "台账!C12"),
      underline: 2,
    });
    expect(link?.formula).toBe(`=HYPERLINK("#'台账'!C12","台账!C12")`);
    expect(findings.autoFilter).toBe(`A${f.headerRow}:D${f.lastBodyRow}`);
  });

  test("a real chart: AddChart2, its automatic series replaced by the table's; ChartObjects on older builds", async () => {
    const et = new FakeEt([{ name: "台账", cells: [["户编号"]] }]);
    await host(et).writeSummaries([TIERS]);
    const [chart] = et.sheet("汇总-分层").charts;
    const layout = layoutSummary(TIERS);
    const body = (c: string) => `汇总-分层!${c}${layout.firstBodyRow}:${c}${layout.lastBodyRow}`;
    expect(chart).toMatchObject({ via: "AddChart2", chartType: 53, title: "各村收入分层", legendPosition: -4107 });
    expect(chart.series.filter((s) => !s.deleted)).toEqual([
      { name: "高收入户", values: body("B"), xValues: body("A"), deleted: false },
      { name: "中等收入户", values: body("C"), xValues: body("A"), deleted: false },
      { name: "低收入户", values: body("D"), xValues: body("A"), deleted: false },
    ]);
    expect(chart.series.some((s) => s.deleted)).toBe(true); // the selection's series were there and are gone

    const older = new FakeEt([{ name: "台账", cells: [["户编号"]] }], { charts: "chartObjectsOnly" });
    const h = host(older);
    await h.writeSummaries([TIERS]);
    expect(older.sheet("汇总-分层").charts[0]).toMatchObject({ via: "ChartObjects", chartType: 53 });
    const none = new FakeEt([{ name: "台账", cells: [["户编号"]] }], { charts: "none" });
    const h2 = host(none);
    await h2.writeSummaries([TIERS]);
    expect(h2.lastWrite[0].chart).toBe("unsupported");
  });
});

describe("the hidden data sheet: settings and mark records", () => {
  const LONG: PaneSettings = {
    policyYear: 2025,
    policyJson: JSON.stringify({ description: "本地参数".repeat(40), years: { "2025": { hourlyMinimumWage: 21 } } }),
    mappings: Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`台账${i}`, { 户码: "householdId" as const, 备注: null }])),
  };

  test("settings longer than a document property's 255 characters round-trip, on a very hidden sheet that is never listed", async () => {
    const et = new FakeEt(
      [
        { name: "台账", cells: [["户编号"]] },
        { name: "说明", cells: [["x"]] },
      ],
      { activeSheet: "说明" },
    );
    const h = host(et);
    expect(await h.loadSettings()).toEqual(EMPTY_SETTINGS);
    expect(JSON.stringify(LONG).length).toBeGreaterThan(255);
    await h.saveSettings(LONG);
    expect(et.sheet(DATA_SHEET).visible).toBe(2);
    expect(et.liveSheets().map((s) => s.name)).toEqual(["台账", "说明", DATA_SHEET]);
    expect(await h.listSheets()).toEqual(["台账", "说明"]);
    expect(et.active?.name).toBe("说明");
    expect(await new WpsWorkbookHost(et.app).loadSettings()).toEqual(LONG);
    expect(JSON.parse(readStore(et.app).get(SETTINGS_KEY)!)).toEqual({ version: 1, ...LONG });
    // The functions' page learns the policy part.
    expect(JSON.parse(et.pluginStorage.get(functionSettingsKey("台账.xlsx")) as string)).toEqual({
      policyYear: 2025,
      policyJson: LONG.policyJson,
    });
  });

  test("a protected workbook structure: saving settings says how to unprotect", async () => {
    const et = new FakeEt([{ name: "台账", cells: [["户编号"]] }], { protectStructure: true });
    const error = (await host(et)
      .saveSettings(LONG)
      .catch((e: unknown) => e)) as HostError;
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ kind: "protectedSheet", message: STRUCTURE_PROTECTED_MESSAGE });
  });

  test("marks can be cleared by a later session (a new host); a fill the user changed since is kept", async () => {
    const et = new FakeEt([
      {
        name: "台账",
        cells: [
          ["户编号", "姓名"],
          ["H01", "张三"],
          ["H02", "李四"],
        ],
        fills: { B2: "#FFFF00" },
      },
    ]);
    expect(await host(et).markFindings("台账", [finding("B2"), finding("A3", "warning")])).toBe(2);
    expect(et.fill("台账", "B2")).toBe("#F8D7DA");
    expect(et.fill("台账", "A3")).toBe("#FFF3CD");
    et.cellAt(et.sheet("台账"), 3, 1).fill = { color: 0x50b000, pattern: 1 }; // the user recolours A3
    const later = host(et);
    expect(await later.clearMarks("台账")).toBe(1 + 1);
    expect(later.lastClear).toEqual({ cleared: 2, keptUserFills: 1 });
    expect(et.fill("台账", "B2")).toBe("#FFFF00");
    expect(et.fill("台账", "A3")).toBe("#00B050");
    expect(readStore(et.app).has(marksKey("台账"))).toBe(false);
  });

  test("a broken record is reported, dropped, and marking works again", async () => {
    const et = new FakeEt([{ name: "台账", cells: [["户编号"], ["H01"]] }]);
    const h = host(et);
    await h.markFindings("台账", [finding("A2")]);
    const data = et.sheet(DATA_SHEET);
    et.cellAt(data, 2, 3).value = "{不是 JSON";
    await expect(h.clearMarks("台账")).rejects.toMatchObject({ kind: "other", message: brokenRecordMessage("台账") });
    expect(await h.markFindings("台账", [finding("A2")])).toBe(1);
  });

  test("selectCell activates the sheet first (Range.Select needs it)", async () => {
    const et = new FakeEt([
      { name: "台账", cells: [["a"]] },
      { name: "说明", cells: [["b"]] },
    ]);
    await host(et).selectCell("说明", { row: 4, column: "c" });
    expect(et.active?.name).toBe("说明");
    expect(et.sheet("说明").selection).toBe("C4");
  });

  test("no open workbook: a clear message", async () => {
    const h = host(new FakeEt([], { noWorkbook: true }));
    await expect(h.listSheets()).rejects.toMatchObject({ kind: "other", message: expect.stringContaining("没有打开的工作簿") });
  });
});
