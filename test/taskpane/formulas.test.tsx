/**
 * @jest-environment jsdom
 */
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { formatParameter, formatValue } from "../../src/taskpane/format";
import { FORMULAS } from "../../src/taskpane/FormulasTab";
import { installDomShims, paneReady, showPane, workbook } from "./helpers";

beforeAll(installDomShims);
afterEach(cleanup);

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
