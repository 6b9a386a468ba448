/**
 * The 公式 tab in WPS 表格 (src/wps/cells.ts), over the fake ET: what is particular to ET (the
 * shared behaviour is in test/host/contract.ts): the selection's first area, a chart selected,
 * Formula's shapes, bridge calls for a whole column, and recalculation — CalculateFull makes the
 * BANGFU functions follow a new policy, Calculate would not.
 */
import { convertSelection, insertNativeFormula } from "../../src/host/formulaWriter";
import { nativeFormula } from "../../src/formulas";
import { setFunctionPolicy } from "../../src/functions/policyContext";
import { EMPTY_SETTINGS, HostError } from "../../src/host/types";
import { resolvePolicy } from "../../src/policy";
import { NOT_CELLS_MESSAGE } from "../../src/wps/cells";
import type { WpsFunctionMetadata } from "../../src/wps/et";
import { IMPLEMENTATIONS, registerWpsFunctions } from "../../src/wps/functions";
import { WpsWorkbookHost } from "../../src/wps/host";
import { FakeEt } from "./fakeEt";

const POLICY = resolvePolicy(2025);
const host = (et: FakeEt) => new WpsWorkbookHost(et.app, { read: { pause: async () => undefined } });

afterEach(() => setFunctionPolicy(null));

function ledger(options: ConstructorParameters<typeof FakeEt>[1] = {}): FakeEt {
  return new FakeEt(
    [
      {
        name: "台账",
        cells: [
          ["人均纯收入", "分层", "备注"],
          [9000, "低收入", "手填"],
          [11500, "中等收入", null],
          [16000, "高收入", null],
        ],
        formulas: { B2: "=BANGFU.TIER(A2)", B3: "=BANGFU.TIER(A3)", B4: "=BANGFU.TIER(A4)" },
      },
      { name: "说明", cells: [["合成数据"]] },
    ],
    options,
  );
}

describe("the selection through ET", () => {
  test("several areas selected: the first, as Excel's getSelectedRange gives the active one", async () => {
    const et = ledger();
    et.sheet("台账").selection = "B2:B3,C4";
    const block = await host(et).readSelection();
    expect(block).toMatchObject({
      sheet: "台账",
      top: 2,
      left: 2,
      formulas: [["=BANGFU.TIER(A2)"], ["=BANGFU.TIER(A3)"]],
      values: [["低收入"], ["中等收入"]],
    });
  });

  test("a chart selected instead of cells: a message saying what to select, nothing written", async () => {
    const et = ledger();
    et.shapeSelected = true;
    const before = et.contentSnapshot("台账");
    const error = (await insertNativeFormula(host(et), "TIER", ["A2"], POLICY).catch((e: unknown) => e)) as HostError;
    expect(error).toBeInstanceOf(HostError);
    expect(error.message).toBe(NOT_CELLS_MESSAGE);
    expect(et.contentSnapshot("台账")).toBe(before);
  });

  test.each([true, false])("one row (Formula and Value2 as a 1-D array: %s) reads as one row of cells", async (oneDimensionalRows) => {
    const et = ledger({ oneDimensionalRows });
    et.sheet("台账").selection = "A2:C2";
    expect(await host(et).readSelection()).toMatchObject({
      formulas: [[9000, "=BANGFU.TIER(A2)", "手填"]],
      values: [[9000, "低收入", "手填"]],
    });
  });

  test("a formula error reads as its text, as in Office.js", async () => {
    const et = new FakeEt([{ name: "表", cells: [[1, null]], formulas: { B1: "=1/0" }, errors: { B1: "#DIV/0!" } }]);
    expect(await host(et).readCells("表", 1, 1, 1, 2)).toEqual({
      sheet: "表",
      top: 1,
      left: 1,
      formulas: [[1, "=1/0"]],
      values: [[1, "#DIV/0!"]],
    });
  });
});

describe("writing a whole column through the bridge", () => {
  test("20,000 native formulas: one Formula assignment per block of rows, a bounded number of bridge calls", async () => {
    const et = new FakeEt([{ name: "台账", cells: [["人均纯收入"]] }]);
    et.sheet("台账").selection = "B2:B20001";
    const h = host(et);
    et.bridgeCalls = 0;
    const log: string[] = [];
    et.log = log;
    await insertNativeFormula(h, "TIER", ["A2"], POLICY);
    // Selection, Areas, Item, Worksheet, Address, Name; Range + Formula + Value2 for each of 4 read blocks of 5,000 rows;
    // ActiveWorkbook, Worksheets, Count, Item, Name to find the sheet, ProtectContents; Range + Formula= for each of 2 blocks of 10,000
    // rows.
    expect(log.filter((call) => call === "FakeRange.Formula=")).toHaveLength(2);
    expect(et.bridgeCalls).toBeLessThanOrEqual(6 + 3 * 4 + 6 + 2 * 2); // 28
    expect(et.peek(et.sheet("台账"), "B2")?.formula).toBe(nativeFormula("TIER", ["A2"], POLICY));
    expect(et.peek(et.sheet("台账"), "B20001")?.formula).toBe(nativeFormula("TIER", ["A20001"], POLICY));
  });

  test("converting to values writes the values ET shows, one Value2 assignment per column run", async () => {
    const et = ledger();
    et.sheet("台账").selection = "B2:B4";
    const log: string[] = [];
    et.log = log;
    expect(await convertSelection(host(et), "values", POLICY)).toEqual({ sheet: "台账", converted: 3, cellsWritten: 3, skipped: [] });
    expect(log.filter((call) => call === "FakeRange.Value2=")).toHaveLength(1);
    expect(["B2", "B3", "B4"].map((a) => [et.peek(et.sheet("台账"), a)?.formula, et.peek(et.sheet("台账"), a)?.value])).toEqual([
      [null, "低收入"],
      [null, "中等收入"],
      [null, "高收入"],
    ]);
  });
});

describe("a WPS without the custom functions shows #NAME? in the BANGFU cells", () => {
  const noFunctions = () =>
    new FakeEt(
      [
        {
          name: "台账",
          cells: [
            [9000, null],
            [12000, "手填"],
          ],
          formulas: { B1: "=BANGFU.TIER(A1)" },
          errors: { B1: "#NAME?" },
        },
      ],
      { customFunctions: false },
    );

  test("to values keeps the formula (there is no result to keep) and says why", async () => {
    const et = noFunctions();
    et.sheet("台账").selection = "B1:B2";
    const result = await convertSelection(host(et), "values", POLICY);
    expect(result).toEqual({
      sheet: "台账",
      converted: 0,
      cellsWritten: 0,
      skipped: [{ address: "B1", reason: expect.stringContaining("请改为原生公式") }],
    });
    expect(et.peek(et.sheet("台账"), "B1")?.formula).toBe("=BANGFU.TIER(A1)");
  });

  test("to native formulas converts it: the ledger computes without the functions", async () => {
    const et = noFunctions();
    et.sheet("台账").selection = "B1:B2";
    expect(await convertSelection(host(et), "native", POLICY)).toEqual({ sheet: "台账", converted: 1, cellsWritten: 1, skipped: [] });
    expect(et.peek(et.sheet("台账"), "B1")?.formula).not.toMatch(/BANGFU/);
    expect(et.valueAt(et.sheet("台账"), 2, 2)).toBe("手填");
  });
});

describe("recalculation after a policy change", () => {
  const metadata = Object.fromEntries(
    Object.keys(IMPLEMENTATIONS).map((id) => [id, { result: {}, parameters: [] } satisfies WpsFunctionMetadata]),
  );

  test("CalculateFull makes =BANGFU.TIER follow the policy the pane saved; Calculate alone would leave the old results", async () => {
    const et = ledger();
    expect(registerWpsFunctions(et.app, metadata)).toBe("registered");
    et.calculateFull();
    expect(et.valueAt(et.sheet("台账"), 3, 2)).toBe("中等收入"); // 11,500 under the shipped thresholds

    const h = host(et);
    const policyJson = JSON.stringify({ years: { "2025": { lowIncomeThreshold: 12000, highIncomeThreshold: 16000 } } });
    await h.saveSettings({ ...EMPTY_SETTINGS, policyYear: 2025, policyJson });
    et.app.Calculate();
    expect(et.valueAt(et.sheet("台账"), 3, 2)).toBe("中等收入");

    await h.recalculate();
    expect(et.calculations).toEqual(["Calculate", "CalculateFull"]);
    expect(et.valueAt(et.sheet("台账"), 3, 2)).toBe("低收入");
    expect(et.valueAt(et.sheet("台账"), 4, 2)).toBe("高收入");
    expect(et.valueAt(et.sheet("台账"), 2, 3)).toBe("手填");
  });
});
