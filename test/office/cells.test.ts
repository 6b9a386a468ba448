/**
 * The 公式 tab's writes through Office.js (src/office/cells.ts with src/host/formulaWriter.ts),
 * against the fake with its batching and 5 MB payload limit; and the recalculation that
 * follows a policy change.
 */
import { convertSelection, insertNativeFormula } from "../../src/host/formulaWriter";
import { convertBangfuFormula, nativeFormula } from "../../src/formulas";
import { OfficeWorkbookHost } from "../../src/office/host";
import { resolvePolicy } from "../../src/policy";
import { FAKE_PAYLOAD_LIMIT, FakeExcel } from "./fakeExcel";

const POLICY = resolvePolicy(2025);

function setUp(selection: string, formulas: Record<string, string> = {}, cells: (string | number)[][] = []) {
  const excel = new FakeExcel([{ name: "台账", cells, formulas }]);
  excel.sheet("台账").selection = selection;
  const host = new OfficeWorkbookHost({ run: excel.run, annotation: "note" });
  return { excel, host, sheet: excel.sheet("台账") };
}

const formulaAt = (excel: FakeExcel, address: string) => excel.cell(excel.sheet("台账"), address).formula;

describe("insert a native formula into the selection", () => {
  it("fills it down like Ctrl+Enter: each row refers to its own cells, anchored references stay", async () => {
    const { excel, host } = setUp("T4:T6");
    const result = await insertNativeFormula(host, "TIER", ["R4", "$X$1"], POLICY);
    expect(result).toEqual({ sheet: "台账", address: "T4:T6", cells: 3 });
    expect(formulaAt(excel, "T4")).toBe(nativeFormula("TIER", ["R4", "$X$1"], POLICY));
    expect(formulaAt(excel, "T6")).toBe(nativeFormula("TIER", ["R6", "$X$1"], POLICY));
  });

  it("writes 20,000 rows in payload-sized batches, every request under the limit", async () => {
    const { excel, host } = setUp("T2:T20001");
    await insertNativeFormula(host, "TIER", ["R2"], POLICY);
    const writes = excel.syncs.filter((s) => s.commands.some((c) => c.startsWith("formulas")));
    expect(writes.length).toBeGreaterThan(1);
    for (const sync of excel.syncs) {
      expect(sync.error).toBeNull();
      expect(sync.requestBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
    }
    expect(formulaAt(excel, "T20001")).toBe(nativeFormula("TIER", ["R20001"], POLICY));
  }, 60_000);
});

describe("convert the selection's BANGFU formulas", () => {
  const cells = [
    ["", "", "人均纯收入", "分层"],
    ["", "", 9000, "低收入"],
    ["", "", 12000, "中等收入"],
    ["", "", 16000, "手填"],
    ["", "", 9500, "低收入"],
    ["", "", 15500, "高收入"],
  ];
  const formulas = { D2: "=BANGFU.TIER(C2)", D3: '=IF(C3>0,BANGFU.TIER(C3),"")', D5: "=BANGFU.TIER(C5:C6)", E2: "=SUM(C2:C6)" };

  it(
    "to native formulas: only BANGFU cells are written; a spilling one fills its spill area; " + "other formulas and constants stay",
    async () => {
      const { excel, host } = setUp("D2:E6", formulas, cells);
      const result = await convertSelection(host, "native", POLICY);
      expect(result).toEqual({ sheet: "台账", converted: 3, cellsWritten: 4, skipped: [] });
      expect(formulaAt(excel, "D2")).toBe(convertBangfuFormula("=BANGFU.TIER(C2)", POLICY));
      expect(formulaAt(excel, "D3")).toContain("IF(C3>0,(");
      expect(formulaAt(excel, "D6")).toBe(convertBangfuFormula("=BANGFU.TIER(C5:C6)", POLICY, { row: 1, column: 0 }));
      expect(formulaAt(excel, "D4")).toBeNull();
      expect(excel.cell(excel.sheet("台账"), "D4").value).toBe("手填");
      expect(formulaAt(excel, "E2")).toBe("=SUM(C2:C6)");
      for (const address of ["D2", "D3", "D5", "D6"]) expect(formulaAt(excel, address)).not.toMatch(/BANGFU/);
    },
  );

  it("to values: the results as they are shown, the formulas gone", async () => {
    const { excel, host } = setUp("D2:D6", formulas, cells);
    const result = await convertSelection(host, "values", POLICY);
    expect(result.converted).toBe(3);
    expect(["D2", "D3", "D5", "D6"].map((a) => [formulaAt(excel, a), excel.cell(excel.sheet("台账"), a).value])).toEqual([
      [null, "低收入"],
      [null, "中等收入"],
      [null, "低收入"],
      [null, "高收入"],
    ]);
  });

  it("says which cells it left and why", async () => {
    const { host } = setUp("D2", { D2: "=BANGFU.FILIAL_MATCH(C2)" }, cells);
    const result = await convertSelection(host, "native", POLICY);
    expect(result.converted).toBe(0);
    expect(result.skipped).toEqual([{ address: "D2", reason: expect.stringContaining("不能省略") }]);
  });
});

describe("recalculation", () => {
  it("asks Excel for a full recalculation in one sync", async () => {
    const { excel, host } = setUp("A1");
    await host.recalculate();
    expect(excel.calculations).toEqual(["Full"]);
    expect(excel.syncCount).toBe(1);
  });
});
