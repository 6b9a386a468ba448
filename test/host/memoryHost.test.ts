import type { Finding } from "../../src/checks/types";
import { MemoryWorkbookHost } from "../../src/host/memoryHost";
import { layoutSummary } from "../../src/host/summaryLayout";
import { EMPTY_SETTINGS, HostError } from "../../src/host/types";
import { CELL_EDIT_MODE_MESSAGE } from "../../src/host/messages";
import { headerRowOf, metaLine } from "../../src/summaries/model";
import { readLedger } from "../../src/ledger";
import { FINDINGS as FINDINGS_TABLE, META, TIERS } from "./sampleTables";

const LEDGER = [
  ["户编号", "姓名", "人均纯收入"],
  ["H01", "张三", 9000],
  ["H02", "李四", 12000],
];

const finding = (severity: Finding["severity"], cell: string | null, message: string): Finding => ({
  rule: "M01",
  severity,
  clause: "第二条",
  household: "H01",
  cell: cell === null ? null : { column: cell[0], row: Number(cell.slice(1)) },
  message,
  data: { kind: "noCadre" },
});

function workbook() {
  return new MemoryWorkbookHost([
    {
      name: "台账",
      cells: LEDGER,
      origin: { row: 2, column: 1 },
      fills: { B3: "#FFFF00" },
      notes: { C4: "用户批注" },
      formulas: { C4: "=C3+3000" },
      merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
    },
    { name: "说明", cells: [["本表说明"]] },
    { name: "隐藏", cells: [], hidden: true },
  ]);
}

describe("MemoryWorkbookHost", () => {
  test("lists visible sheets, knows the active one, reads with origin, merges and progress", async () => {
    const host = new MemoryWorkbookHost(
      [
        {
          name: "台账",
          cells: LEDGER,
          origin: { row: 2, column: 1 },
          merges: [
            { top: 1, left: 1, bottom: 1, right: 3 },
            { top: 40, left: 1, bottom: 41, right: 1 },
          ],
        },
        { name: "隐藏", cells: [], hidden: true },
      ],
      { progressRows: 2 },
    );
    expect(await host.listSheets()).toEqual(["台账"]);
    expect(await host.activeSheet()).toBe("台账");
    const progress: [number, number][] = [];
    const sheet = await host.readSheet("台账", (r, t) => progress.push([r, t]));
    expect(sheet).toEqual({
      name: "台账",
      cells: LEDGER,
      origin: { row: 2, column: 1 },
      merges: [
        { top: 1, left: 1, bottom: 1, right: 3 },
        { top: 40, left: 1, bottom: 41, right: 1 },
      ],
    });
    expect(progress).toEqual([
      [2, 3],
      [3, 3],
    ]);
    expect(readLedger(sheet).households.map((h) => h.key)).toEqual(["H01", "H02"]);
    expect(host.calls).toEqual(["listSheets()", "activeSheet()", "readSheet(台账)"]);
  });

  test("a missing sheet is a HostError sheetMissing", async () => {
    const host = workbook();
    await expect(host.readSheet("旧")).rejects.toMatchObject({ kind: "sheetMissing" });
    await expect(host.selectCell("旧", { row: 1, column: "A" })).rejects.toBeInstanceOf(HostError);
  });

  test("writeSummaries renders the same grid as the Excel adapter and marks the tab with a workbook name", async () => {
    const host = workbook();
    expect(await host.writeSummaries([TIERS, FINDINGS_TABLE])).toEqual(["汇总-分层", "检查结果"]);
    const tab = host.sheet("汇总-分层")!;
    expect(tab.cells).toEqual(layoutSummary(TIERS).values);
    expect(tab.cells[0][0]).toBe(metaLine(META));
    expect(tab.cells[headerRowOf(TIERS) - 1]).toEqual(["村", "高收入户", "中等收入户", "低收入户", "户均收入（元）", "低收入占比"]);
    expect(tab.summary?.frozenRows).toBe(headerRowOf(TIERS));
    expect(tab.summary?.layout.chart).toMatchObject({
      kind: "stackedColumn",
      categoryColumn: 1,
      seriesColumns: [2, 3, 4],
      firstRow: 6,
      lastRow: 7,
    });
    expect(host.sheet("检查结果")?.summary?.layout.links).toEqual([
      { row: 4, column: 2, sheet: "台账", cell: "C12" },
      { row: 5, column: 2, sheet: "台账", cell: "F13" },
    ]);
    expect([...host.names]).toEqual([
      ["BANGFU_GENERATED_TIERS", "汇总-分层"],
      ["BANGFU_GENERATED_FINDINGS", "检查结果"],
    ]);
    expect(await host.activeSheet()).toBe("汇总-分层");
  });

  test(
    "a user's sheet with the title is kept (汇总-分层(2)); regenerating replaces only the " + "generated tab; the ledger is never deleted",
    async () => {
      const host = new MemoryWorkbookHost([
        { name: "台账", cells: LEDGER },
        { name: "汇总-分层", cells: [["我的表"]] },
      ]);
      expect(await host.writeSummaries([TIERS])).toEqual(["汇总-分层(2)"]);
      expect(await host.writeSummaries([TIERS])).toEqual(["汇总-分层(2)"]);
      expect(await host.listSheets()).toEqual(["台账", "汇总-分层", "汇总-分层(2)"]);
      expect(host.sheet("汇总-分层")?.cells).toEqual([["我的表"]]);
      expect(host.names.get("BANGFU_GENERATED_TIERS")).toBe("汇总-分层(2)");

      host.names.set("BANGFU_GENERATED_TIERS", "台账");
      await host.writeSummaries([TIERS]);
      expect(host.sheet("台账")?.cells).toEqual(LEDGER);
      expect(await host.listSheets()).toEqual(["台账", "汇总-分层", "汇总-分层(2)", "汇总-分层(3)"]);
    },
  );

  test("mark and clear restore the previous fills and remove only BANGFU's notes; values are never written", async () => {
    const host = workbook();
    const ledger = host.sheet("台账")!;
    const before = JSON.stringify([ledger.cells, [...ledger.formulas]]);
    const marked = await host.markFindings("台账", [
      finding("error", "B3", "a"),
      finding("warning", "B3", "b"),
      finding("info", "A4", "c"),
      finding("warning", "C4", "d"),
      finding("error", null, "sheet"),
    ]);
    expect(marked).toBe(3);
    expect(Object.fromEntries(ledger.fills)).toEqual({ B3: "#F8D7DA", A4: "#D1ECF1", C4: "#FFF3CD" });
    expect(ledger.notes.get("B3")).toBe("BANGFU 检查：\n【错误】M01 a\n【警告】M01 b");
    expect(ledger.notes.get("C4")).toBe("用户批注");

    // Marking again starts from the user's sheet, not from BANGFU's colours.
    expect(await host.markFindings("台账", [finding("info", "B3", "e")])).toBe(1);
    expect(Object.fromEntries(ledger.fills)).toEqual({ B3: "#D1ECF1" });

    ledger.fills.set("A5", "#00B050"); // the user's own fill elsewhere
    expect(await host.clearMarks("台账")).toBe(1);
    expect(Object.fromEntries(ledger.fills)).toEqual({ B3: "#FFFF00", A5: "#00B050" });
    expect(Object.fromEntries(ledger.notes)).toEqual({ C4: "用户批注" });
    expect(JSON.stringify([ledger.cells, [...ledger.formulas]])).toBe(before);
    expect(await host.clearMarks("台账")).toBe(0);
  });

  test("a protected sheet cannot be marked", async () => {
    const host = new MemoryWorkbookHost([{ name: "台账", cells: LEDGER, protected: true }]);
    const error = (await host.markFindings("台账", [finding("error", "A2", "x")]).catch((e: unknown) => e)) as HostError;
    expect(error).toMatchObject({ kind: "protectedSheet" });
    expect(error.message).toContain("请先撤销工作表保护（审阅 → 撤销工作表保护）");
    expect(host.sheet("台账")?.fills.size).toBe(0);
  });

  test("selectCell activates the sheet and records the selection", async () => {
    const host = workbook();
    await host.selectCell("说明", { row: 5, column: "c" });
    expect(host.selection).toEqual({ sheet: "说明", cell: { row: 5, column: "C" } });
    expect(await host.activeSheet()).toBe("说明");
  });

  test("failNext makes the next call fail once (for the pane's error states)", async () => {
    const host = workbook();
    host.failNext("readSheet", new HostError("cellEditMode", CELL_EDIT_MODE_MESSAGE));
    await expect(host.readSheet("台账")).rejects.toMatchObject({ kind: "cellEditMode" });
    await expect(host.readSheet("台账")).resolves.toMatchObject({ name: "台账" });
  });

  test("settings round-trip", async () => {
    const host = workbook();
    expect(await host.loadSettings()).toBe(EMPTY_SETTINGS);
    const settings = { policyYear: 2024, policyJson: null, mappings: { 台账: { 户码: "householdId" as const } } };
    await host.saveSettings(settings);
    expect(await host.loadSettings()).toEqual(settings);
    expect(host.settingsSaved).toBe(1);
  });
});
