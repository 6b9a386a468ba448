/**
 * The fake ET object model behaves as documented for ET/VBA (the quirks the WPS adapter must
 * handle), and counts bridge calls.
 */
import { FakeEt } from "./fakeEt";
import { thrown } from "../support/thrown";

const app = (et: FakeEt) => et.app;

describe("fake ET object model", () => {
  test("Value2: scalar for one cell, 1-D for one row, 2-D otherwise; empty is undefined; errors are COM numbers", () => {
    const et = new FakeEt([
      {
        name: "台账",
        cells: [
          ["户编号", "人均纯收入", null],
          ["H01", 9000, "x"],
        ],
        errors: { C3: "#DIV/0!" },
      },
    ]);
    const sheet = app(et).ActiveWorkbook!.Worksheets.Item(1);
    expect(sheet.Range("B2").Value2).toBe(9000);
    expect(sheet.Range("C1").Value2).toBeUndefined();
    expect(sheet.Range("A1:C1").Value2).toEqual(["户编号", "人均纯收入", undefined]);
    expect(sheet.Range("A1:A2").Value2).toEqual([["户编号"], ["H01"]]);
    expect(sheet.Range("C3").Value2).toBe(-2146826281);
    expect(
      new FakeEt([{ name: "a", cells: [[1, 2]] }], { oneDimensionalRows: false }).app.ActiveWorkbook!.Worksheets.Item(1).Range("A1:B1")
        .Value2,
    ).toEqual([[1, 2]]);
  });

  test("UsedRange: A1 on an empty sheet; formatting alone extends it; Address absolute unless asked", () => {
    const et = new FakeEt([
      { name: "空", cells: [] },
      { name: "台账", cells: [[null, "a"]], fills: { D9: "#FFFF00" } },
    ]);
    const sheets = app(et).ActiveWorkbook!.Worksheets;
    expect(sheets.Item(1).UsedRange.Address()).toBe("$A$1");
    expect(sheets.Item("台账").UsedRange.Address(false, false)).toBe("B1:D9");
    expect(sheets.Item(2).UsedRange.Address()).toBe("$B$1:$D$9");
  });

  test(
    "several workbooks: ActiveWorkbook is the active one, Worksheet.Parent a sheet's own; " + "Caller is the calling cell, else #REF!",
    () => {
      const et = new FakeEt([{ name: "台账" }]);
      et.addWorkbook("乙.xlsx", [{ name: "明细" }]);
      expect(app(et).ActiveWorkbook!.Name).toBe("乙.xlsx");
      expect(app(et).ActiveWorkbook!.Worksheets.Item(1).Parent.Name).toBe("乙.xlsx");
      et.activateWorkbook("台账.xlsx");
      expect(app(et).ActiveWorkbook!.Worksheets.Item(1).Name).toBe("台账");
      // VBA: Application.Caller is #REF! for a caller that is no cell.
      expect(app(et).Caller()).toBe(-2146826265);
      et.functions.set("T.WHERE", {
        fn: () => {
          const cell = app(et).Caller() as { Address(): string; Worksheet: { Name: string; Parent: { Name: string } } };
          return [[`${cell.Worksheet.Parent.Name}!${cell.Worksheet.Name}!${cell.Address()}`]];
        },
        metadata: undefined,
      });
      expect(et.callFunctionFrom({ workbook: "乙.xlsx", sheet: "明细", address: "C4" }, "T.WHERE")).toEqual([["乙.xlsx!明细!$C$4"]]);
      expect(app(et).Caller()).toBe(-2146826265); // only while the function runs
      // CalculateFull computes every open workbook, each formula with its own cell as the caller.
      et.cellAt(et.sheet("台账"), 2, 2).formula = "=T.WHERE()";
      et.activateWorkbook("乙.xlsx");
      et.cellAt(et.sheet("明细"), 5, 1).formula = "=T.WHERE()";
      app(et).CalculateFull();
      expect(et.valueAt(et.sheet("明细"), 5, 1)).toBe("乙.xlsx!明细!$A$5");
      et.activateWorkbook("台账.xlsx");
      expect(et.valueAt(et.sheet("台账"), 2, 2)).toBe("台账.xlsx!台账!$B$2");
    },
  );

  test("Worksheets.Add() inserts before the active sheet and activates the new one; After puts it after", () => {
    const et = new FakeEt([{ name: "一" }, { name: "二" }, { name: "三" }], { activeSheet: "二" });
    const wb = app(et).ActiveWorkbook!;
    wb.Worksheets.Add();
    expect(et.liveSheets().map((s) => s.name)).toEqual(["一", "Sheet4", "二", "三"]);
    expect(wb.ActiveSheet!.Name).toBe("Sheet4");
    wb.Worksheets.Add(undefined, wb.Worksheets.Item(wb.Worksheets.Count));
    expect(et.liveSheets().map((s) => s.name)).toEqual(["一", "Sheet4", "二", "三", "Sheet5"]);
  });

  test("typed text is coerced in General cells and kept in @ cells; NumberFormat takes one string", () => {
    const et = new FakeEt([{ name: "表" }]);
    const sheet = app(et).ActiveWorkbook!.Worksheets.Item(1);
    const range = sheet.Range("A1:B2");
    range.Value2 = [
      ["001", "=1+1"],
      ["文字", 3],
    ];
    expect(range.Value2).toEqual([
      [1, undefined],
      ["文字", 3],
    ]);
    expect(et.peek(et.sheet("表"), "B1")?.formula).toBe("=1+1");
    range.NumberFormat = "@";
    range.Value2 = [
      ["001", "=1+1"],
      ["文字", 3],
    ];
    expect(range.Value2).toEqual([
      ["001", "=1+1"],
      ["文字", 3],
    ]);
    expect(thrown(() => (range.NumberFormat = [["@"]]))).toHaveProperty("message", expect.stringContaining("类型不匹配"));
  });

  test("fills: BGR colours; no fill reads white with Pattern and ColorIndex xlNone", () => {
    const et = new FakeEt([{ name: "表", cells: [["a", "b"]], fills: { A1: "#FF0000" } }]);
    const sheet = app(et).ActiveWorkbook!.Worksheets.Item(1);
    expect(sheet.Range("A1").Interior.Color).toBe(255);
    expect(sheet.Range("B1").Interior.Color).toBe(0xffffff);
    expect(sheet.Range("B1").Interior.Pattern).toBe(-4142);
    expect(sheet.Range("B1").Interior.ColorIndex).toBe(-4142);
    sheet.Range("B1").Interior.Color = 0x00ff00;
    expect(et.fill("表", "B1")).toBe("#00FF00");
    sheet.Range("B1").Interior.Pattern = -4142;
    expect(et.fill("表", "B1")).toBeNull();
  });

  test("Delete asks unless DisplayAlerts is off; a protected sheet refuses changes; Select needs the active sheet", () => {
    const et = new FakeEt([{ name: "一" }, { name: "二", protected: true }]);
    const a = app(et);
    const two = a.ActiveWorkbook!.Worksheets.Item("二");
    two.Delete();
    expect(et.prompts).toHaveLength(1);
    expect(et.liveSheets()).toHaveLength(2);
    expect(thrown(() => (two.Range("A1").Interior.Color = 1))).toHaveProperty("message", expect.stringContaining("受保护"));
    expect(thrown(() => two.Range("A1").Select())).toHaveProperty("message", expect.stringContaining("活动工作表"));
    a.DisplayAlerts = false;
    two.Delete();
    expect(et.liveSheets().map((s) => s.name)).toEqual(["一"]);
  });

  test("every property read, write and method call through app is one bridge call", () => {
    const et = new FakeEt([{ name: "表", cells: [[1]] }]);
    const before = et.bridgeCalls;
    const sheets = app(et).ActiveWorkbook!.Worksheets; // 2
    const sheet = sheets.Item(1); // 1
    void sheet.Range("A1").Value2; // 2
    sheet.Range("A1").Value2 = 2; // 2
    expect(et.bridgeCalls - before).toBe(7);
  });

  test("AddCustomFunction only on builds that have it", () => {
    expect(typeof new FakeEt().app.AddCustomFunction).toBe("function");
    expect(new FakeEt([], { customFunctions: false }).app.AddCustomFunction).toBeUndefined();
  });
});
