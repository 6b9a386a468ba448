import { characterWidthToPoints, HEADER_FILL, rowBlocks, TABLE_STYLE, TOTAL_FILL, writeSummaries } from "../../src/office/write";
import { layoutSummary } from "../../src/host/summaryLayout";
import { headerRowOf, metaLine } from "../../src/summaries/model";
import { FakeExcel, FAKE_PAYLOAD_LIMIT, type FakeSheet } from "./fakeExcel";
import { FINDINGS, longFindings, META, TIERS } from "../host/sampleTables";

const LEDGER_CELLS = [
  ["户编号", "姓名", "证件号码"],
  ["H01", "张三", "110101197001011234"],
];

function workbook(extra: { name: string; cells?: (string | number)[][] }[] = []): FakeExcel {
  return new FakeExcel([{ name: "台账", cells: LEDGER_CELLS }, ...extra]);
}

function valueAt(excel: FakeExcel, sheet: FakeSheet, address: string): unknown {
  return excel.peek(sheet, Number(/\d+/.exec(address)![0]), address.charCodeAt(0) - 64)?.value;
}

function cell(excel: FakeExcel, sheet: FakeSheet, address: string) {
  const c = excel.peek(sheet, Number(/\d+/.exec(address)![0]), address.charCodeAt(0) - 64);
  if (!c) throw new Error(`no cell ${address}`);
  return c;
}

describe("writeSummaries", () => {
  test("values, number formats, bold header and total, widths, frozen header, chart, marker; 1 + 1 syncs", async () => {
    const excel = workbook();
    const written = await writeSummaries(excel.context.asContext(), [TIERS]);
    expect(written).toEqual([{ key: "tiers", name: "汇总-分层", renamed: false, replaced: null, batches: 1 }]);
    expect(excel.syncCount).toBe(2);
    expect(excel.syncs[1].calculationSuspended).toBe(true);
    expect(excel.syncs[1].screenUpdatingSuspended).toBe(true);

    const tab = excel.sheet("汇总-分层");
    const header = headerRowOf(TIERS); // meta, 2 notes, blank → 5
    expect(header).toBe(5);
    expect(valueAt(excel, tab, "A1")).toBe(metaLine(META));
    expect(valueAt(excel, tab, "A2")).toBe(TIERS.notes[0]);
    // A note that looks like a formula stays text: the cell was formatted "@" before the value landed.
    expect(valueAt(excel, tab, "A3")).toBe("=SUM(A1) 不是公式");
    expect(cell(excel, tab, "A3").formula).toBeNull();
    expect(excel.values(tab, { top: 5, left: 1, bottom: 8, right: 6 })).toEqual([
      ["村", "高收入户", "中等收入户", "低收入户", "户均收入（元）", "低收入占比"],
      ["001", 1, 2, 1, 12345.6, 0.25],
      ["西村", 2, 1, 0, "—", 0],
      ["合计", 3, 3, 1, 11000, 0.142857],
    ]);
    // "001" was not turned into the number 1.
    expect(typeof valueAt(excel, tab, "A6")).toBe("string");
    expect(cell(excel, tab, "A6").numberFormat).toBe("@");
    expect(cell(excel, tab, "B6").numberFormat).toBe("0");
    expect(cell(excel, tab, "E6").numberFormat).toBe("#,##0.00");
    expect(cell(excel, tab, "E7").numberFormat).toBe("@"); // the "—" of a yuan column
    expect(cell(excel, tab, "F6").numberFormat).toBe("0.0%");

    expect(cell(excel, tab, "A5").bold).toBe(true);
    expect(cell(excel, tab, "F5").fill?.color).toBe(HEADER_FILL);
    expect(cell(excel, tab, "A6").bold).toBe(false);
    expect(cell(excel, tab, "D8").bold).toBe(true);
    expect(cell(excel, tab, "D8").fill?.color).toBe(TOTAL_FILL);
    expect(tab.frozenRows).toBe(5);
    expect(tab.columnWidths.get(1)).toBe(characterWidthToPoints(14));
    expect(characterWidthToPoints(14)).toBe((14 * 7 + 5) * 0.75);
    expect(tab.columnWidths.get(5)).toBe(characterWidthToPoints(16));
    expect(tab.tables).toEqual([]); // no filter asked for

    expect(tab.charts).toHaveLength(1);
    const chart = tab.charts[0];
    expect(chart.type).toBe("ColumnStacked");
    expect(chart.title).toBe("各村收入分层");
    expect(chart.series).toEqual([
      { name: "高收入户", values: "B6:B7", xValues: "A6:A7" },
      { name: "中等收入户", values: "C6:C7", xValues: "A6:A7" },
      { name: "低收入户", values: "D6:D7", xValues: "A6:A7" },
    ]);
    expect(chart.position).toEqual(["H5", "O22"]);

    expect(excel.definedNames()).toEqual([{ name: "BANGFU_GENERATED_TIERS", formula: "='汇总-分层'!$A$1" }]);
    expect(excel.activeSheet?.name).toBe("汇总-分层");
    // The ledger was not written.
    expect(excel.log.filter((l) => l.includes("台账!"))).toEqual([]);
  });

  test("in a workbook of the 1904 date system, dates are written as its serial numbers (DATE asked in the first sync)", async () => {
    const excel = workbook();
    excel.date1904 = true;
    await writeSummaries(excel.context.asContext(), [FINDINGS]);
    const header = headerRowOf(FINDINGS);
    // 2025-03-05 is serial 45721 in the 1900 system, 45721 − 1462 in the 1904 one: Excel shows 2025-03-05 either way.
    expect(valueAt(excel, excel.sheet("检查结果"), `C${header + 1}`)).toBe(45721 - 1462);
    expect(excel.syncs[0].commands).toContain("load FakeFunctionResult value,error");
  });

  test("links to ledger cells, dates as serial numbers, a table with filter buttons when table.filter", async () => {
    const excel = workbook();
    await writeSummaries(excel.context.asContext(), [FINDINGS]);
    const tab = excel.sheet("检查结果");
    const header = headerRowOf(FINDINGS); // 3
    expect(cell(excel, tab, `B${header + 1}`).hyperlink).toEqual({ documentReference: "'台账'!C12", screenTip: "转到 台账!C12" });
    expect(cell(excel, tab, `B${header + 2}`).hyperlink).toEqual({ documentReference: "'台账'!F13", screenTip: "转到 台账!F13" });
    expect(cell(excel, tab, `B${header + 1}`).underline).toBe("Single");
    expect(valueAt(excel, tab, `B${header + 1}`)).toBe("台账!C12");
    // 2025-03-05 is serial 45721.
    expect(valueAt(excel, tab, `C${header + 1}`)).toBe(45721);
    expect(cell(excel, tab, `C${header + 1}`).numberFormat).toBe("yyyy-mm-dd");
    expect(valueAt(excel, tab, `C${header + 2}`)).toBe("");
    expect(cell(excel, tab, `D${header + 2}`).bold).toBe(true);
    expect(tab.tables).toEqual([{ address: `A${header}:D${header + 2}`, hasHeaders: true, style: TABLE_STYLE, showBandedRows: true }]);
    expect(tab.charts).toEqual([]);
  });

  test("N tabs take 1 + N syncs, each with calculation and screen updating suspended", async () => {
    const excel = workbook();
    const written = await writeSummaries(excel.context.asContext(), [TIERS, FINDINGS]);
    expect(written.map((w) => w.name)).toEqual(["汇总-分层", "检查结果"]);
    expect(excel.syncCount).toBe(3);
    expect(excel.syncs.slice(1).every((s) => s.calculationSuspended && s.screenUpdatingSuspended)).toBe(true);
    expect(excel.syncs[0].calculationSuspended).toBe(false);
    expect(excel.visibleSheetNames()).toEqual(["台账", "汇总-分层", "检查结果"]);
  });

  test("a user's sheet with the tab's name is never touched: the new tab is 汇总-分层(2)", async () => {
    const excel = workbook([{ name: "汇总-分层", cells: [["我自己的汇总", 42]] }]);
    const user = excel.sheet("汇总-分层");
    const written = await writeSummaries(excel.context.asContext(), [TIERS]);
    expect(written[0]).toMatchObject({ name: "汇总-分层(2)", renamed: true, replaced: null });
    expect(excel.values(user, { top: 1, left: 1, bottom: 1, right: 2 })).toEqual([["我自己的汇总", 42]]);
    expect(user.deleted).toBe(false);
    expect(excel.log.filter((l) => l.includes("汇总-分层!"))).toEqual([]);
    expect(excel.definedNames()).toEqual([{ name: "BANGFU_GENERATED_TIERS", formula: "='汇总-分层(2)'!$A$1" }]);

    // Regenerating replaces only the generated tab, and again leaves the user's sheet alone.
    const again = await writeSummaries(excel.context.asContext(), [TIERS]);
    expect(again[0]).toMatchObject({ name: "汇总-分层(2)", replaced: "汇总-分层(2)" });
    expect(excel.visibleSheetNames()).toEqual(["台账", "汇总-分层", "汇总-分层(2)"]);
    expect(excel.values(user, { top: 1, left: 1, bottom: 1, right: 2 })).toEqual([["我自己的汇总", 42]]);
    expect(excel.definedNames()).toEqual([{ name: "BANGFU_GENERATED_TIERS", formula: "='汇总-分层(2)'!$A$1" }]);
  });

  test("regenerating recognises tabs by marker, not by name: a renamed generated tab is replaced, other keys' tabs kept", async () => {
    const excel = workbook();
    await writeSummaries(excel.context.asContext(), [TIERS, FINDINGS]);
    excel.sheet("汇总-分层").name = "分层（旧）";
    const written = await writeSummaries(excel.context.asContext(), [TIERS]);
    expect(written[0]).toMatchObject({ name: "汇总-分层", replaced: "分层（旧）" });
    expect(excel.visibleSheetNames()).toEqual(["台账", "检查结果", "汇总-分层"]);
    expect(
      excel
        .definedNames()
        .map((n) => n.name)
        .sort(),
    ).toEqual(["BANGFU_GENERATED_FINDINGS", "BANGFU_GENERATED_TIERS"]);
  });

  test("a marker pointing at the ledger itself never deletes it; a marker pointing nowhere is dropped", async () => {
    const excel = workbook();
    excel.addName("BANGFU_GENERATED_TIERS", excel.sheet("台账"));
    excel.addName("BANGFU_GENERATED_FUNDS", null);
    excel.addName("用户的名称", excel.sheet("台账"), "$B$2");
    await writeSummaries(excel.context.asContext(), [TIERS]);
    expect(excel.sheet("台账").deleted).toBe(false);
    expect(excel.values(excel.sheet("台账"), { top: 1, left: 1, bottom: 2, right: 3 })).toEqual(LEDGER_CELLS);
    expect(excel.definedNames()).toEqual([
      { name: "用户的名称", formula: "=台账!$B$2" },
      { name: "BANGFU_GENERATED_TIERS", formula: "='汇总-分层'!$A$1" },
    ]);
  });

  test("a tab too large for one request is written in row blocks, each request under 5 MB", async () => {
    const excel = workbook();
    const table = longFindings(20_000);
    const layout = layoutSummary(table);
    const blocks = rowBlocks(layout, 2_000_000);
    expect(blocks.length).toBeGreaterThan(2);
    const written = await writeSummaries(excel.context.asContext(), [table]);
    expect(written[0].batches).toBe(blocks.length);
    expect(excel.syncCount).toBe(1 + blocks.length);
    for (const sync of excel.syncs) {
      expect(sync.error).toBeNull();
      expect(sync.requestBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
      expect(sync.requestBytes).toBeLessThan(2_000_000 + 10_000);
    }
    expect(excel.syncs.slice(1).every((s) => s.calculationSuspended && s.screenUpdatingSuspended)).toBe(true);
    const tab = excel.sheet("检查结果");
    const last = headerRowOf(table) + 20_000;
    expect(valueAt(excel, tab, `B${last}`)).toBe("台账!F20002");
    expect(cell(excel, tab, `B${last}`).hyperlink?.documentReference).toBe("'台账'!F20002");
    expect(String(valueAt(excel, tab, `D${last}`))).toMatch(/^20000\. 该户/);
    // The marker is added in the first batch, so a tab cut short is still recognised and replaced next time.
    expect(excel.syncs[1].commands).toContain("addName BANGFU_GENERATED_FINDINGS");
  });

  test("blocks cover every row once, in order", () => {
    const layout = layoutSummary(longFindings(3_000));
    const blocks = rowBlocks(layout, 100_000);
    expect(blocks[0].first).toBe(1);
    expect(blocks[blocks.length - 1].last).toBe(layout.rowCount);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i].first).toBe(blocks[i - 1].last + 1);
    expect(rowBlocks(layout, 10)).toHaveLength(layout.rowCount); // a row larger than the budget still gets a block
  });
});

test("writing no tables touches nothing", async () => {
  const excel = new FakeExcel([{ name: "台账" }]);
  expect(await writeSummaries(excel.context.asContext(), [])).toEqual([]);
  expect(excel.syncCount).toBe(0);
});
