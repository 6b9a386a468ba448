import { activeSheetName, blockRowsFor, listSheets, readSheet } from "../../src/office/read";
import { ASSUMED_BYTES_PER_CELL, MAX_BLOCK_ROWS, PAYLOAD_LIMIT_BYTES, READ_BLOCK_BUDGET_BYTES } from "../../src/office/read";
import { readLedger } from "../../src/ledger";
import { FakeExcel, FakeOfficeError, FAKE_PAYLOAD_LIMIT } from "./fakeExcel";

const LEDGER = [
  ["2025年 东村 帮扶台账", "", "", ""],
  ["户编号", "姓名", "证件号码", "村"],
  ["H01", "张三", "110101197001011234", "东村"],
  ["H02", "李四", "110101198002021234", "东村"],
];

describe("readSheet: small sheets", () => {
  test("values, origin A1, merged title; two syncs", async () => {
    const excel = new FakeExcel([{ name: "台账", cells: LEDGER, merges: ["A1:D1"] }]);
    const sheet = await readSheet(excel.context.asContext(), "台账");
    expect(sheet.name).toBe("台账");
    expect(sheet.origin).toEqual({ row: 1, column: 1 });
    expect(sheet.cells).toEqual(LEDGER);
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(excel.syncCount).toBe(2);
  });

  test("a used range that does not start at A1 gives the origin; merges of a quoted sheet name parse", async () => {
    const excel = new FakeExcel([
      {
        name: "2024 台账",
        cells: LEDGER,
        origin: { row: 3, column: 2 },
        // A two-row header: 收入情况 over two children, and a merge outside the used range (no values there: not read).
        merges: ["B3:E3", "C5:D5", "B40:C40"],
      },
    ]);
    const progress: [number, number][] = [];
    const sheet = await readSheet(excel.context.asContext(), "2024 台账", { onProgress: (r, t) => progress.push([r, t]) });
    expect(sheet.origin).toEqual({ row: 3, column: 2 });
    expect(sheet.cells[1]).toEqual(["户编号", "姓名", "证件号码", "村"]);
    expect(sheet.merges).toEqual([
      { top: 3, left: 2, bottom: 3, right: 5 },
      { top: 5, left: 3, bottom: 5, right: 4 },
    ]);
    expect(progress).toEqual([[4, 4]]);
    expect(excel.syncCount).toBe(2);
    // The reader takes the result as it is: the header is found on sheet row 4.
    const ledger = readLedger(sheet);
    expect(ledger.headerRow).toBe(4);
    expect(ledger.households.map((h) => h.key)).toEqual(["H01", "H02"]);
  });

  test("an empty sheet reads as one blank cell at A1", async () => {
    const excel = new FakeExcel([{ name: "空表" }]);
    const sheet = await readSheet(excel.context.asContext(), "空表");
    expect(sheet).toEqual({ name: "空表", cells: [[""]], origin: { row: 1, column: 1 }, merges: [] });
    expect(excel.syncCount).toBe(2);
  });

  test("a missing sheet fails with Excel's ItemNotFound", async () => {
    const excel = new FakeExcel([{ name: "台账", cells: LEDGER }]);
    await expect(readSheet(excel.context.asContext(), "不存在")).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("listSheets leaves hidden sheets out; activeSheetName", async () => {
    const excel = new FakeExcel([
      { name: "台账" },
      { name: "隐藏", visibility: "Hidden" },
      { name: "参数", visibility: "VeryHidden" },
      { name: "汇总" },
    ]);
    expect(await listSheets(excel.context.asContext())).toEqual(["台账", "汇总"]);
    expect(await activeSheetName(excel.context.asContext())).toBe("台账");
    expect(excel.syncCount).toBe(2);
  });
});

describe("readSheet: blocks sized for the 5 MB payload limit", () => {
  test("block rows are a function of the column count", () => {
    expect(blockRowsFor(40)).toBe(1000);
    expect(blockRowsFor(20)).toBe(2000);
    expect(blockRowsFor(8)).toBe(MAX_BLOCK_ROWS);
    expect(blockRowsFor(1)).toBe(MAX_BLOCK_ROWS);
    expect(blockRowsFor(16384)).toBe(2);
    expect(blockRowsFor(100000)).toBe(1);
    // The assumed size of a block stays within the budget (Excel's widest sheet, 16,384 columns, included).
    for (const columns of [1, 5, 13, 30, 40, 57, 100, 255, 1000, 16384]) {
      expect(blockRowsFor(columns) * columns * ASSUMED_BYTES_PER_CELL).toBeLessThanOrEqual(READ_BLOCK_BUDGET_BYTES);
    }
    expect(READ_BLOCK_BUDGET_BYTES).toBeLessThan(PAYLOAD_LIMIT_BYTES / 2);
  });

  test("100,000 rows × 40 columns: 1 + 100 syncs, every response under 5 MB, values and progress exact", async () => {
    const ROWS = 100_000;
    const COLUMNS = 40;
    const excel = new FakeExcel([
      {
        name: "全县台账",
        computed: {
          box: { top: 1, left: 1, bottom: ROWS, right: COLUMNS },
          value: (r, c) => (c === 1 ? `H${r}` : r === 1 ? `列${c}` : (r * c) % 997),
        },
        merges: ["A1:B1"],
      },
    ]);
    const progress: number[] = [];
    const sheet = await readSheet(excel.context.asContext(), "全县台账", { onProgress: (rows) => progress.push(rows) });
    expect(excel.syncCount).toBe(1 + Math.ceil(ROWS / blockRowsFor(COLUMNS)));
    expect(excel.syncCount).toBe(101);
    expect(sheet.cells.length).toBe(ROWS);
    expect(sheet.cells[0][0]).toBe("H1");
    expect(sheet.cells[0][5]).toBe("列6");
    expect(sheet.cells[54_320][0]).toBe("H54321");
    expect(sheet.cells[54_320][6]).toBe((54_321 * 7) % 997);
    expect(sheet.cells[ROWS - 1][COLUMNS - 1]).toBe((ROWS * COLUMNS) % 997);
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    expect(progress.length).toBe(100);
    expect(progress[0]).toBe(1000);
    expect(progress[99]).toBe(ROWS);
    for (const sync of excel.syncs) expect(sync.responseBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
    // Each block asks for exactly its rows: B1000 rows 1..1000, then 1001..2000 …
    expect(excel.syncs[1].responseBytes).toBeGreaterThan(0);
  }, 30_000);

  test("an explicit block size gives 1 + ceil(rows / block) syncs", async () => {
    const excel = new FakeExcel([
      { name: "表", computed: { box: { top: 2, left: 3, bottom: 10_001, right: 7 }, value: (r, c) => r * 10 + c } },
    ]);
    const sheet = await readSheet(excel.context.asContext(), "表", { blockRows: 3000 });
    expect(excel.syncCount).toBe(1 + 4);
    expect(sheet.origin).toEqual({ row: 2, column: 3 });
    expect(sheet.cells.length).toBe(10_000);
    expect(sheet.cells[9_999]).toEqual([100_013, 100_014, 100_015, 100_016, 100_017]);
  });

  test("a block that still comes back over 5 MB (very long texts) is halved and read again", async () => {
    // 2,000 rows × 10 columns of 100 Chinese characters: ~6 MB in one block (blockRowsFor(10) = 4,000 rows).
    const long = "长".repeat(100);
    const excel = new FakeExcel([
      { name: "说明", computed: { box: { top: 1, left: 1, bottom: 2000, right: 10 }, value: (r, c) => `${r}-${c}${long}` } },
    ]);
    const sheet = await readSheet(excel.context.asContext(), "说明");
    expect(excel.syncs.map((s) => s.error)).toEqual([null, "ResponsePayloadSizeLimitExceeded", null, null]);
    expect(sheet.cells.length).toBe(2000);
    expect(sheet.cells[1999][9]).toBe(`2000-10${long}`);
  });

  test("other errors while reading a block are not retried", async () => {
    const excel = new FakeExcel([{ name: "表", cells: LEDGER }]);
    const context = excel.context;
    const original = context.sync.bind(context);
    let calls = 0;
    context.sync = async () => {
      calls++;
      if (calls === 2) throw new FakeOfficeError("GeneralException", "boom");
      return original();
    };
    await expect(readSheet(context.asContext(), "表")).rejects.toThrow("boom");
    expect(calls).toBe(2);
  });
});

describe("readSheet: the workbook's date system", () => {
  const cells = [
    ["户编号", "人均纯收入", "最近走访日期"],
    ["H1", 12000, 44519],
  ];

  test("a 1904 workbook is told by DATE(1904,1,1) in the first sync, and its serials read as the dates shown", async () => {
    const excel = new FakeExcel([{ name: "台账", cells }]);
    excel.date1904 = true;
    const sheet = await readSheet(excel.context.asContext(), "台账");
    expect(sheet.date1904).toBe(true);
    expect(excel.syncs).toHaveLength(2);
    expect(excel.syncs[0].commands).toContain("load FakeFunctionResult value,error");
    expect(readLedger(sheet).households[0].values.lastContactDate).toEqual({ year: 2025, month: 11, day: 20 });
  });

  test("a 1900 workbook, and an Excel without workbook.functions (ExcelApi 1.2), hand the serials over as they are", async () => {
    for (const dateSystem of [true, false]) {
      const excel = new FakeExcel([{ name: "台账", cells }]);
      const sheet = await readSheet(excel.context.asContext(), "台账", { dateSystem });
      expect(sheet.date1904).toBeUndefined();
      expect(excel.syncs[0].commands.some((c) => c.includes("FunctionResult"))).toBe(dateSystem);
      expect(readLedger(sheet).households[0].values.lastContactDate).toEqual({ year: 2021, month: 11, day: 19 });
    }
  });
});
