/**
 * @jest-environment jsdom
 */
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { nativeFormula } from "../../src/formulas";
import { functionDate1904, functionPolicy, setFunctionDate1904, setFunctionPolicy } from "../../src/functions/policyContext";
import { EMPTY_SETTINGS } from "../../src/host/types";
import { msUntilMidnight } from "../../src/taskpane/App";
import { formatParameter, formatValue } from "../../src/taskpane/format";
import { FORMULAS } from "../../src/taskpane/FormulasTab";
import { installDomShims, LEDGER_ROWS, LEDGER_SHEET, NOW, paneReady, showPane, workbook } from "./helpers";

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setFunctionPolicy(null);
  setFunctionDate1904(false);
});

describe("公式 tab", () => {
  it("lists the five custom functions with a Chinese explanation", async () => {
    showPane(workbook());
    await paneReady();
    fireEvent.click(screen.getByRole("tab", { name: "公式" }));
    expect(screen.getByRole("heading", { name: "公式速查" })).toBeTruthy();
    expect(FORMULAS.map((f) => f.id)).toEqual(["TIER", "COURTYARD_SUBSIDY", "FILIAL_MATCH", "PER_CAPITA", "AGE"]);
    for (const f of FORMULAS) {
      expect(screen.getByText(f.formula)).toBeTruthy();
      expect(screen.getByText(f.zh)).toBeTruthy();
    }
  });

  it("explains them in English when Office is in English", async () => {
    showPane(workbook(), { language: "en", initialTab: "formulas" });
    await paneReady();
    expect(screen.getByRole("heading", { name: "Formula guide" })).toBeTruthy();
    for (const f of FORMULAS) expect(screen.getByText(f.en)).toBeTruthy();
  });
});

describe("number formats", () => {
  it("formats shares as percentages and amounts with separators", () => {
    expect(formatValue(0.3, "share", "zh")).toBe("30%");
    expect(formatValue(100000, "yuan", "zh")).toBe("100,000");
    expect(formatValue(0.5, "share", "en")).toBe("50%");
  });

  it("writes parameter values with their units in either language", () => {
    expect(formatParameter("lowIncomeThreshold", 11000, "zh")).toBe("11,000元/人·年");
    expect(formatParameter("lowIncomeThreshold", 11000, "en")).toBe("11,000 yuan/person/year");
    expect(formatParameter("farmersIncomeGrowth", 0.07, "en")).toBe("7%");
  });
});

describe("公式 tab: native formulas for workbooks that travel", () => {
  it("previews the native formula with the policy's numbers and writes it into the selected cell", async () => {
    const host = workbook();
    showPane(host, { initialTab: "formulas" });
    await paneReady();
    await host.selectCell(LEDGER_SHEET, { row: 4, column: "Z" });
    expect(screen.getByText("先填写：人均纯收入")).toBeTruthy();
    expect((screen.getByRole("button", { name: "写入所选单元格" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByRole("textbox", { name: "人均纯收入" }), { target: { value: "R4" } });
    const preview = screen.getByLabelText("将写入的公式").textContent ?? "";
    expect(preview).toBe(nativeFormula("TIER", ["R4", "", ""], functionPolicy()));
    expect(preview).toContain(String(functionPolicy().values.lowIncomeThreshold));
    fireEvent.click(screen.getByRole("button", { name: "写入所选单元格" }));
    await screen.findByText("已在 Z4 写入 1 个原生公式。");
    expect(host.sheet(LEDGER_SHEET)?.formulas.get("Z4")).toBe(preview);
  });

  it("turns the selection's BANGFU formulas into values, leaving other cells", async () => {
    const host = workbook([
      {
        name: LEDGER_SHEET,
        cells: [
          ["分层", "备注"],
          ["低收入", "手填"],
        ],
        formulas: { A2: "=BANGFU.TIER(C2)", B1: "=1+1" },
      },
    ]);
    showPane(host, { initialTab: "formulas" });
    await paneReady();
    await host.selectCell(LEDGER_SHEET, { row: 1, column: "A" });
    host.selectionSize = { rows: 2, columns: 2 };
    fireEvent.click(screen.getByRole("button", { name: "改为数值" }));
    await screen.findByText("已转换 1 个 BANGFU 公式（写入 1 个单元格）。");
    const sheet = host.sheet(LEDGER_SHEET)!;
    expect(sheet.formulas.has("A2")).toBe(false);
    expect(sheet.cells[1][0]).toBe("低收入");
    expect(sheet.formulas.get("B1")).toBe("=1+1");
  });

  it("says when the selection has no BANGFU formula", async () => {
    const host = workbook();
    showPane(host, { initialTab: "formulas" });
    await paneReady();
    fireEvent.click(screen.getByRole("button", { name: "改为原生公式" }));
    expect(await screen.findByText("所选区域中没有 BANGFU 公式。")).toBeTruthy();
  });
});

describe("the functions' policy and recalculation", () => {
  it("recalculates once the workbook's settings change the policy; not when the policy is the same", async () => {
    const host = workbook([{ name: LEDGER_SHEET, cells: LEDGER_ROWS }], {
      settings: { ...EMPTY_SETTINGS, policyJson: JSON.stringify({ years: { [NOW.getFullYear()]: { lowIncomeThreshold: 11500 } } }) },
    });
    showPane(host);
    await paneReady();
    await waitFor(() => expect(host.recalculations).toBe(1));
    expect(functionPolicy().values.lowIncomeThreshold).toBe(11500);
    cleanup();
    setFunctionPolicy(null);
    const same = workbook();
    showPane(same);
    await paneReady();
    expect(same.recalculations).toBe(0);
  });

  it("tells the functions a 1904 workbook's date system and recalculates once; a 1900 workbook costs nothing", async () => {
    const mac = workbook([{ name: LEDGER_SHEET, cells: LEDGER_ROWS }], { date1904: true });
    showPane(mac);
    await paneReady();
    await waitFor(() => expect(mac.recalculations).toBe(1));
    expect(functionDate1904()).toBe(true);
    cleanup();
    setFunctionDate1904(false);
    const windows = workbook();
    showPane(windows);
    await paneReady();
    await waitFor(() => expect(windows.calls).toContain("usesDate1904()"));
    await new Promise((resolve) => setTimeout(resolve, 0)); // the answer handled
    expect(functionDate1904()).toBe(false);
    expect(windows.recalculations).toBe(0);
  });

  it("counts the time to the next midnight for the date-dependent functions", () => {
    expect(msUntilMidnight(new Date(2025, 11, 31, 23, 59, 0))).toBe(61_000);
  });
});
