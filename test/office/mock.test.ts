/**
 * The adapter under office-addin-mock, where the mock can model the calls: the read of a small
 * sheet (values, origin, merged header areas, the date system, two syncs), selecting a cell, and the host's
 * translation of a failing sync. The mock only knows the properties seeded here and returns
 * an error string for an unloaded read, so every test asserts on values, not on "no exception".
 * Everything else runs on the typed fake in ./fakeExcel.ts (see there for why).
 */
import { OfficeMockObject } from "office-addin-mock";
import { readSheet } from "../../src/office/read";
import { selectCell } from "../../src/office/marks";
import { OfficeWorkbookHost } from "../../src/office/host";
import { HostError } from "../../src/host/types";

const VALUES = [
  ["2025年 帮扶台账", "", "", ""],
  ["户编号", "姓名", "收入情况", ""],
  ["", "", "工资性收入", "经营净收入"],
  ["H01", "张三", 9000, 1200],
];

/** A context whose sync() is counted, over a sheet whose used range is B3:E6. */
function mockContext(requested: string[]) {
  const counter = { syncs: 0 };
  const mock = new OfficeMockObject({
    workbook: {
      // A workbook in the 1900 date system: DATE(1904,1,1) is serial 1462.
      functions: {
        result: { value: 1462, error: "" },
        date: function (year: number, month: number, day: number) {
          requested.push(`DATE(${year},${month},${day})`);
          return this.result;
        },
      },
      worksheets: {
        ledger: {
          usedRange: {
            address: "台账!B3:E6",
            rowCount: 4,
            columnCount: 4,
            merged: { address: "台账!B3:E3, 台账!D4:E4" },
            getMergedAreasOrNullObject: function () {
              requested.push("merged areas");
              return this.merged;
            },
          },
          block: { values: VALUES },
          cell: {
            select: function () {
              requested.push("select");
            },
          },
          getUsedRange: function (valuesOnly: boolean) {
            requested.push(`used ${valuesOnly}`);
            return this.usedRange;
          },
          getRange: function (address: string) {
            requested.push(`range ${address}`);
            return address.includes(":") ? this.block : this.cell;
          },
          activate: function () {
            requested.push("activate");
          },
        },
        getItem: function (name: string) {
          requested.push(`sheet ${name}`);
          return this.ledger;
        },
      },
    },
  });
  // office-addin-mock cannot seed isNullObject (Office.js sets it at sync without a load): define it.
  Object.defineProperty(mock.workbook.worksheets.ledger.usedRange.merged, "isNullObject", { value: false });
  const sync = mock.sync.bind(mock);
  mock.sync = async () => {
    counter.syncs++;
    await sync();
  };
  return { context: mock as unknown as Excel.RequestContext, mock, counter };
}

describe("the adapter under office-addin-mock", () => {
  test("readSheet: values, origin from the used range address, merged areas; 2 syncs", async () => {
    const requested: string[] = [];
    const { context, counter } = mockContext(requested);
    const sheet = await readSheet(context, "台账");
    expect(sheet).toEqual({
      name: "台账",
      cells: VALUES,
      origin: { row: 3, column: 2 },
      merges: [
        { top: 3, left: 2, bottom: 3, right: 5 },
        { top: 4, left: 4, bottom: 4, right: 5 },
      ],
    });
    expect(counter.syncs).toBe(2);
    // Values only; the merged areas of the used range (header and data rows) and the date system
    // in the first sync; one block B3:E6. A 1900-system workbook adds nothing to the sheet.
    expect(requested).toEqual(["sheet 台账", "used true", "merged areas", "DATE(1904,1,1)", "range B3:E6"]);
  });

  test("readSheet before a sync would see the mock's error strings: the loaded values are real", async () => {
    const { context, mock } = mockContext([]);
    expect(mock.workbook.worksheets.ledger.usedRange.address).toBe("Error, property was not loaded");
    await readSheet(context, "台账");
    expect(mock.workbook.worksheets.ledger.usedRange.address).toBe("台账!B3:E6");
    expect(mock.workbook.worksheets.ledger.block.values).toEqual(VALUES);
  });

  test("selectCell activates the sheet and selects the cell in one sync", async () => {
    const requested: string[] = [];
    const { context, counter } = mockContext(requested);
    await selectCell(context, "台账", { row: 12, column: "H" });
    expect(requested).toEqual(["sheet 台账", "activate", "range H12", "select"]);
    expect(counter.syncs).toBe(1);
  });

  test("OfficeWorkbookHost over a mocked Excel.run: a sync in cell edit mode becomes a HostError", async () => {
    const excel = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            getActiveWorksheet: function () {
              return this.active;
            },
            active: { name: "台账" },
          },
        },
        sync: async function () {
          throw Object.assign(new Error("Excel is in cell-editing mode."), { code: "InvalidOperationInCellEditMode" });
        },
      },
      run: async function (batch: (context: unknown) => Promise<unknown>) {
        return batch(this.context);
      },
    });
    const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => excel.run(batch) as Promise<T>;
    const host = new OfficeWorkbookHost({ run });
    const error = await host.activeSheet().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ kind: "cellEditMode", message: "Excel 正处于单元格编辑状态：请先按 Enter 或 Esc 结束编辑，再点一次。" });
  });
});
