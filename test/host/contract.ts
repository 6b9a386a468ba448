/**
 * The WorkbookHost contract: one suite, run against every host (test/host/contract.test.ts):
 * the in-memory workbook, Office.js over the fake Excel, and WPS over the fake ET. A host that
 * passes it behaves the same to the task pane: it reads the same cells, writes the same tabs,
 * replaces only its own tabs, restores the fills it changed, keeps its settings in the
 * workbook, never changes a ledger cell unasked, and for the 公式 tab reads the selection,
 * writes formulas and values only where asked, and recalculates everything on request.
 *
 * Each host gets a small adapter (ContractWorkbook) that seeds a workbook and looks inside it.
 */
import type { Finding } from "../../src/checks/types";
import { convertBangfuFormula, nativeFormula } from "../../src/formulas";
import { convertSelection, insertNativeFormula } from "../../src/host/formulaWriter";
import { readLedger } from "../../src/ledger";
import { resolvePolicy } from "../../src/policy";
import { noteText } from "../../src/host/marks";
import { layoutSummary, type GridValue } from "../../src/host/summaryLayout";
import { EMPTY_SETTINGS, HostError, type PaneSettings, type WorkbookHost } from "../../src/host/types";
import type { SummaryKey } from "../../src/summaries/model";
import { formatDate, fromExcelSerial } from "../../src/values/dates";
import { FINDINGS, TIERS } from "./sampleTables";

export interface ContractSheet {
  readonly name: string;
  /** cells[0][0] at origin (default A1); null is an empty cell. */
  readonly cells: readonly (readonly (string | number | null)[])[];
  readonly origin?: { readonly row: number; readonly column: number };
  /** "#RRGGBB" by address. */
  readonly fills?: Readonly<Record<string, string>>;
  readonly notes?: Readonly<Record<string, string>>;
  readonly formulas?: Readonly<Record<string, string>>;
  /** "A1:C1" … */
  readonly merges?: readonly string[];
  readonly protected?: boolean;
  readonly hidden?: boolean;
}

export interface ContractSeed {
  readonly sheets: readonly ContractSheet[];
  readonly active?: string;
}

export interface ContractWorkbook {
  readonly host: WorkbookHost;
  /** A new host over the same workbook: a later session (the pane reopened). */
  reopen(): WorkbookHost;
  /** A cell's fill as "#RRGGBB" (upper case), or null for none. */
  fill(sheet: string, address: string): string | null;
  note(sheet: string, address: string): string | null;
  /** Every value and formula of a sheet, to compare before and after. */
  content(sheet: string): string;
  /** A generated tab's cells as shown: blanks null, date cells as ISO text. */
  tab(sheet: string): GridValue[][];
  frozenRows(sheet: string): number;
  /** The sheet a generated tab's marker name points at. */
  marker(key: SummaryKey): string | null;
  /** Point a marker at a sheet (as a workbook edited by hand may). */
  pointMarker(key: SummaryKey, sheet: string): void;
  selection(): { sheet: string; cell: string } | null;
  /** Make the sheet active and select a block ("B4:C5"), as the user does before using the 公式 tab. */
  select(sheet: string, address: string): Promise<void>;
  /** A cell's formula ("=…"), or null when it holds none. */
  formula(sheet: string, address: string): string | null;
  /** Full recalculations the workbook was asked for. */
  recalculations(): number;
}

export type ContractFactory = (seed: ContractSeed) => ContractWorkbook;

/** A tab's cells (rows 1…rows, columns 1…columns) as shown: blanks null, numbers formatted as dates as ISO text. */
export function shownGrid(
  rows: number,
  columns: number,
  cell: (row: number, column: number) => { value: unknown; numberFormat?: string },
): GridValue[][] {
  const grid: GridValue[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row: GridValue[] = [];
    for (let c = 1; c <= columns; c++) {
      const { value, numberFormat } = cell(r, c);
      row.push(
        value === "" || value === undefined || value === null
          ? null
          : typeof value === "number" && numberFormat === "yyyy-mm-dd"
            ? formatDate(fromExcelSerial(value))
            : (value as string | number),
      );
    }
    grid.push(row);
  }
  return grid;
}

const LEDGER: ContractSheet = {
  name: "台账",
  cells: [
    ["某街道脱贫户增收台账", null, null, null],
    ["户编号", "户主姓名", "人均纯收入", "最近走访日期"],
    ["H01", "张三", 9000, 45780],
    ["H02", "李四", "12,000", null],
    ["H03", "王五", 16000, 45800],
  ],
  merges: ["A1:D1"],
  fills: { B3: "#FFFF00" },
  notes: { C4: "用户批注：收入待核" },
  formulas: { C5: "=8000*2" },
};

const finding = (cell: string | null, severity: Finding["severity"], message: string): Finding => ({
  rule: "M01",
  severity,
  clause: "二（一）3",
  household: "H01",
  cell: cell === null ? null : { column: cell.replace(/\d+/g, ""), row: Number(cell.replace(/\D+/g, "")) },
  message,
  data: { kind: "noCadre" },
});

const FINDINGS_ON_LEDGER = [
  finding("B3", "error", "甲"),
  finding("B3", "warning", "乙"),
  finding("A4", "info", "丙"),
  finding("C4", "warning", "丁"),
  finding("C5", "error", "戊"),
  finding(null, "error", "整表"),
];

const POLICY = resolvePolicy(2025);

/** The 公式 tab's example: incomes, tiers by BANGFU.TIER, a hand-written note, a formula of the user's. */
const TIER_SHEET: ContractSheet = {
  name: "分层",
  cells: [
    ["人均纯收入", "分层", "备注"],
    [9000, "低收入", "手填"],
    [12000, "中等收入", 2],
    [16000, null, null],
  ],
  formulas: { B2: "=BANGFU.TIER(A2)", B3: "=BANGFU.TIER(A3)", C3: "=1+1" },
};

/** The grid a tab shows: the layout's values, with ISO dates as they are (hosts show them as dates). */
function expectedTab(table: typeof TIERS): GridValue[][] {
  return layoutSummary(table).values.map((row) => [...row]);
}

export function hostContract(hostName: string, open: ContractFactory): void {
  describe(`WorkbookHost contract: ${hostName}`, () => {
    test("lists the visible sheets in tab order and knows the active one", async () => {
      const wb = open({
        sheets: [LEDGER, { name: "隐藏", cells: [["x"]], hidden: true }, { name: "说明", cells: [["本表说明"]] }],
        active: "说明",
      });
      expect(await wb.host.listSheets()).toEqual(["台账", "说明"]);
      expect(await wb.host.activeSheet()).toBe("说明");
    });

    test('reads the used range: values as typed, blanks as "", the origin, merged header areas and progress', async () => {
      const wb = open({ sheets: [{ ...LEDGER, origin: { row: 2, column: 2 }, merges: ["B2:E2"] }] });
      const progress: [number, number][] = [];
      const sheet = await wb.host.readSheet("台账", (read, total) => progress.push([read, total]));
      expect(sheet.name).toBe("台账");
      expect(sheet.origin).toEqual({ row: 2, column: 2 });
      expect(sheet.cells).toEqual(LEDGER.cells.map((row) => row.map((v) => v ?? "")));
      expect(sheet.merges).toEqual([{ top: 2, left: 2, bottom: 2, right: 5 }]);
      expect(progress[progress.length - 1]).toEqual([5, 5]);
    });

    test(
      "hands over every merged area: the header's and those down data rows, whose value then " + "applies to every row they cover",
      async () => {
        // 最近走访日期 merged over H01 and H02 (D3:D4; H02's own cell is blank, as under any merged area).
        const wb = open({ sheets: [{ ...LEDGER, merges: ["A1:D1", "D3:D4"] }] });
        const sheet = await wb.host.readSheet("台账");
        const areas = (sheet.merges ?? []).map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).sort();
        expect(areas).toEqual(["1,1,1,4", "3,4,4,4"]);
        const ledger = readLedger(sheet);
        expect(ledger.households.map((h) => h.values.lastContactDate)).toEqual([
          fromExcelSerial(45780),
          fromExcelSerial(45780),
          fromExcelSerial(45800),
        ]);
      },
    );

    test("a missing sheet is a sheetMissing HostError naming it", async () => {
      const wb = open({ sheets: [LEDGER] });
      const error = (await wb.host.readSheet("旧台账").catch((e: unknown) => e)) as HostError;
      expect(error).toBeInstanceOf(HostError);
      expect(error.kind).toBe("sheetMissing");
      expect(error.message).toContain("“旧台账”");
      await expect(wb.host.selectCell("旧台账", { row: 1, column: "A" })).rejects.toMatchObject({ kind: "sheetMissing" });
    });

    test("writes each tab as laid out, header frozen, marked by a workbook name; the first tab is shown", async () => {
      const wb = open({ sheets: [LEDGER, { name: "说明", cells: [["x"]] }] });
      expect(await wb.host.writeSummaries([TIERS, FINDINGS])).toEqual(["汇总-分层", "检查结果"]);
      expect(await wb.host.listSheets()).toEqual(["台账", "说明", "汇总-分层", "检查结果"]);
      expect(wb.tab("汇总-分层")).toEqual(expectedTab(TIERS));
      expect(wb.tab("检查结果")).toEqual(expectedTab(FINDINGS));
      expect(wb.frozenRows("汇总-分层")).toBe(layoutSummary(TIERS).headerRow);
      expect(wb.marker("tiers")).toBe("汇总-分层");
      expect(wb.marker("findings")).toBe("检查结果");
      expect(await wb.host.activeSheet()).toBe("汇总-分层");
    });

    test(
      "replaces by marker only: a user's sheet with the title is kept, regenerating replaces the " +
        "generated tab, the ledger is never deleted",
      async () => {
        const wb = open({ sheets: [LEDGER, { name: "汇总-分层", cells: [["我的表"]] }] });
        expect(await wb.host.writeSummaries([TIERS])).toEqual(["汇总-分层(2)"]);
        expect(await wb.host.writeSummaries([TIERS])).toEqual(["汇总-分层(2)"]);
        expect(await wb.host.listSheets()).toEqual(["台账", "汇总-分层", "汇总-分层(2)"]);
        expect(wb.content("汇总-分层")).toBe(open({ sheets: [{ name: "汇总-分层", cells: [["我的表"]] }] }).content("汇总-分层"));
        expect(wb.marker("tiers")).toBe("汇总-分层(2)");

        const ledgerBefore = wb.content("台账");
        wb.pointMarker("tiers", "台账");
        expect(await wb.host.writeSummaries([TIERS])).toEqual(["汇总-分层(3)"]);
        expect(await wb.host.listSheets()).toEqual(["台账", "汇总-分层", "汇总-分层(2)", "汇总-分层(3)"]);
        expect(wb.content("台账")).toBe(ledgerBefore);
      },
    );

    test("marks by severity with notes only where there are none, and clearing restores the fills it replaced", async () => {
      const wb = open({ sheets: [LEDGER] });
      const before = wb.content("台账");
      expect(await wb.host.markFindings("台账", FINDINGS_ON_LEDGER)).toBe(4);
      expect(["B3", "A4", "C4", "C5"].map((a) => wb.fill("台账", a))).toEqual(["#F8D7DA", "#D1ECF1", "#FFF3CD", "#F8D7DA"]);
      expect(wb.note("台账", "B3")).toBe(noteText([FINDINGS_ON_LEDGER[0], FINDINGS_ON_LEDGER[1]]));
      expect(wb.note("台账", "C4")).toBe("用户批注：收入待核");

      // Marking again starts from the sheet as the user left it.
      expect(await wb.host.markFindings("台账", [finding("B3", "info", "己")])).toBe(1);
      expect(["B3", "A4", "C4", "C5"].map((a) => wb.fill("台账", a))).toEqual(["#D1ECF1", null, null, null]);

      expect(await wb.reopen().clearMarks("台账")).toBe(1);
      expect(["B3", "A4", "C4", "C5"].map((a) => wb.fill("台账", a))).toEqual(["#FFFF00", null, null, null]);
      expect(["B3", "A4", "C4"].map((a) => wb.note("台账", a))).toEqual([null, null, "用户批注：收入待核"]);
      expect(wb.content("台账")).toBe(before);
      expect(await wb.host.clearMarks("台账")).toBe(0);
    });

    test("a protected sheet is not marked, and says how to unprotect", async () => {
      const wb = open({ sheets: [{ ...LEDGER, protected: true }] });
      const error = (await wb.host.markFindings("台账", FINDINGS_ON_LEDGER).catch((e: unknown) => e)) as HostError;
      expect(error).toBeInstanceOf(HostError);
      expect(error.kind).toBe("protectedSheet");
      expect(error.message).toContain("请先撤销工作表保护");
      expect(wb.fill("台账", "B3")).toBe("#FFFF00");
      expect(wb.fill("台账", "A4")).toBeNull();
    });

    test("settings round-trip and are kept in the workbook for a later session", async () => {
      const wb = open({ sheets: [LEDGER] });
      expect(await wb.host.loadSettings()).toEqual(EMPTY_SETTINGS);
      const settings: PaneSettings = {
        policyYear: 2024,
        policyJson: '{"years":{"2024":{"hourlyMinimumWage":21}}}',
        mappings: { 台账: { 户码: "householdId", 备注: null } },
      };
      await wb.host.saveSettings(settings);
      expect(await wb.host.loadSettings()).toEqual(settings);
      expect(await wb.reopen().loadSettings()).toEqual(settings);
    });

    test("selectCell activates the sheet and selects the cell", async () => {
      const wb = open({ sheets: [LEDGER, { name: "说明", cells: [["x"]] }] });
      await wb.host.selectCell("说明", { row: 3, column: "b" });
      expect(wb.selection()).toEqual({ sheet: "说明", cell: "B3" });
      expect(await wb.host.activeSheet()).toBe("说明");
    });

    test('reads the selection and blocks of cells: formulas where there are formulas, constants as themselves, blanks as ""', async () => {
      const wb = open({ sheets: [LEDGER, { name: "说明", cells: [["x"]] }], active: "说明" });
      await wb.select("台账", "B4:D5");
      expect(await wb.host.readSelection()).toEqual({
        sheet: "台账",
        top: 4,
        left: 2,
        formulas: [
          ["李四", "12,000", ""],
          ["王五", "=8000*2", 45800],
        ],
        values: [
          ["李四", "12,000", ""],
          ["王五", 16000, 45800],
        ],
      });
      expect(await wb.host.readCells("台账", 2, 1, 2, 2)).toEqual({
        sheet: "台账",
        top: 2,
        left: 1,
        formulas: [
          ["户编号", "户主姓名"],
          ["H01", "张三"],
        ],
        values: [
          ["户编号", "户主姓名"],
          ["H01", "张三"],
        ],
      });
      await expect(wb.host.readCells("旧台账", 1, 1, 1, 1)).rejects.toMatchObject({ kind: "sheetMissing" });
    });

    test("writes formulas and values where asked, in blocks, and no other cell", async () => {
      const wb = open({ sheets: [LEDGER] });
      const around = await wb.host.readCells("台账", 1, 1, 5, 4);
      await wb.host.writeCells("台账", [
        { top: 3, left: 5, kind: "formulas", cells: [['=IF(C3<11000,"低收入","")'], ['=IF(C4<11000,"低收入","")']] },
        { top: 5, left: 5, kind: "values", cells: [["高收入"]] },
        { top: 3, left: 6, kind: "values", cells: [[1080, true]] },
      ]);
      expect([wb.formula("台账", "E3"), wb.formula("台账", "E4"), wb.formula("台账", "E5"), wb.formula("台账", "F3")]).toEqual([
        '=IF(C3<11000,"低收入","")',
        '=IF(C4<11000,"低收入","")',
        null,
        null,
      ]);
      const written = await wb.host.readCells("台账", 5, 5, 1, 1);
      expect(written.values).toEqual([["高收入"]]);
      expect((await wb.host.readCells("台账", 3, 6, 1, 2)).values).toEqual([[1080, true]]);
      expect(await wb.host.readCells("台账", 1, 1, 5, 4)).toEqual(around);
    });

    test("writing cells of a protected or missing sheet is refused with the reason, and nothing is written", async () => {
      const wb = open({ sheets: [{ ...LEDGER, protected: true }] });
      const before = wb.content("台账");
      const error = (await wb.host
        .writeCells("台账", [{ top: 3, left: 5, kind: "formulas", cells: [["=1"]] }])
        .catch((e: unknown) => e)) as HostError;
      expect(error).toBeInstanceOf(HostError);
      expect(error.kind).toBe("protectedSheet");
      expect(error.message).toContain("写入公式");
      expect(wb.content("台账")).toBe(before);
      await expect(wb.host.writeCells("旧台账", [{ top: 1, left: 1, kind: "values", cells: [[1]] }])).rejects.toMatchObject({
        kind: "sheetMissing",
      });
    });

    test("recalculate asks the workbook for a full recalculation", async () => {
      const wb = open({ sheets: [LEDGER] });
      expect(wb.recalculations()).toBe(0);
      await wb.host.recalculate();
      expect(wb.recalculations()).toBe(1);
    });

    test("公式 tab: a native formula goes into every selected cell, filled down like Ctrl+Enter", async () => {
      const wb = open({ sheets: [TIER_SHEET] });
      await wb.select("分层", "D2:D4");
      expect(await insertNativeFormula(wb.host, "TIER", ["A2"], POLICY)).toEqual({ sheet: "分层", address: "D2:D4", cells: 3 });
      expect(["D2", "D3", "D4"].map((a) => wb.formula("分层", a))).toEqual(
        ["A2", "A3", "A4"].map((r) => nativeFormula("TIER", [r], POLICY)),
      );
      expect(wb.formula("分层", "B2")).toBe("=BANGFU.TIER(A2)");
    });

    test("公式 tab: the selection's BANGFU formulas become native formulas, or their values; other cells stay", async () => {
      const native = open({ sheets: [TIER_SHEET] });
      await native.select("分层", "B2:C4");
      expect(await convertSelection(native.host, "native", POLICY)).toEqual({ sheet: "分层", converted: 2, cellsWritten: 2, skipped: [] });
      expect([native.formula("分层", "B2"), native.formula("分层", "B3")]).toEqual([
        convertBangfuFormula("=BANGFU.TIER(A2)", POLICY),
        convertBangfuFormula("=BANGFU.TIER(A3)", POLICY),
      ]);
      expect(native.formula("分层", "C3")).toBe("=1+1");
      expect((await native.host.readCells("分层", 2, 3, 1, 1)).values).toEqual([["手填"]]);

      const values = open({ sheets: [TIER_SHEET] });
      await values.select("分层", "B2:C4");
      expect(await convertSelection(values.host, "values", POLICY)).toEqual({ sheet: "分层", converted: 2, cellsWritten: 2, skipped: [] });
      expect([values.formula("分层", "B2"), values.formula("分层", "B3"), values.formula("分层", "C3")]).toEqual([null, null, "=1+1"]);
      expect((await values.host.readCells("分层", 2, 2, 2, 1)).values).toEqual([["低收入"], ["中等收入"]]);
    });

    test("a whole session (read, write, mark, clear, select, settings) leaves every ledger cell as it was", async () => {
      const wb = open({ sheets: [LEDGER] });
      const before = wb.content("台账");
      await wb.host.readSheet("台账");
      await wb.host.writeSummaries([TIERS, FINDINGS]);
      await wb.host.markFindings("台账", FINDINGS_ON_LEDGER);
      await wb.host.selectCell("台账", { row: 3, column: "B" });
      await wb.host.saveSettings({ ...EMPTY_SETTINGS, policyYear: 2025 });
      await wb.host.clearMarks("台账");
      await wb.host.writeSummaries([TIERS]);
      expect(wb.content("台账")).toBe(before);
      expect(wb.fill("台账", "B3")).toBe("#FFFF00");
    });
  });
}
