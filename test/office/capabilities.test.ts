/**
 * BANGFU on Office versions without the newer APIs: which features each version gets, and the
 * adapter's behaviour without them (against the fake, which has every API: the adapter is told
 * what is missing and must not use it).
 */
import type { Finding } from "../../src/checks/types";
import { findHeader } from "../../src/ledger/headers";
import {
  ALL_CAPABILITIES,
  capabilitiesOf,
  detectCapabilities,
  OFFICE_VERSIONS,
  paneRuns,
  versionAtLeast,
  type ExcelCapabilities,
} from "../../src/office/capabilities";
import { OfficeWorkbookHost } from "../../src/office/host";
import { markFindings, clearMarks } from "../../src/office/marks";
import { readSheet } from "../../src/office/read";
import { HostError } from "../../src/host/types";
import { FakeExcel } from "./fakeExcel";
import { TIERS } from "../host/sampleTables";

const byName = (prefix: string) => capabilitiesOf(OFFICE_VERSIONS.find((v) => v.name.startsWith(prefix))!);
const on = (c: ExcelCapabilities) =>
  Object.entries(c)
    .filter(([, v]) => v)
    .map(([k]) => k);

describe("what each Office version gets", () => {
  it("compares requirement-set versions numerically", () => {
    expect(versionAtLeast("1.10", "1.9")).toBe(true);
    expect(versionAtLeast("1.9", "1.10")).toBe(false);
    expect(versionAtLeast("1.7", "1.7")).toBe(true);
  });

  it("Office 2016 (ExcelApi 1.1): check, settings and formulas only", () => {
    expect(on(byName("Office 2016"))).toEqual([]);
  });

  it("Office 2019 (ExcelApi 1.7): summaries and marks (fill colour only, no comments), no merged-area API", () => {
    expect(on(byName("Office 2019"))).toEqual(["usedRangeValuesOnly", "dateSystem", "marks", "suspendCalculation", "summaries"]);
  });

  it("Office LTSC 2021 (1.14) and 2024 (1.17): everything but notes", () => {
    for (const name of ["Office LTSC 2021", "Office LTSC 2024"]) {
      const c = byName(name);
      expect(c.notes).toBe(false);
      expect(c.comments && c.mergedAreas && c.fillDetails && c.summaries && c.marks).toBe(true);
    }
  });

  it("the pane runs only where Office shows it in WebView2: not in volume-licensed Office 2016/2019 (Internet Explorer 11)", () => {
    expect(OFFICE_VERSIONS.filter(paneRuns).map((v) => v.name)).toEqual([
      "Office LTSC 2021",
      "Office LTSC 2024",
      "Microsoft 365 / Excel 网页版",
    ]);
    expect(OFFICE_VERSIONS.filter((v) => !paneRuns(v)).map((v) => v.webview)).toEqual(["trident", "trident"]);
  });

  it("Microsoft 365: everything", () => {
    expect(byName("Microsoft 365")).toEqual(ALL_CAPABILITIES);
  });

  it("asks Office about ExcelApi only", () => {
    const asked: string[] = [];
    detectCapabilities((name, version) => {
      asked.push(`${name} ${version}`);
      return false;
    });
    expect(new Set(asked.map((a) => a.split(" ")[0]))).toEqual(new Set(["ExcelApi"]));
  });
});

describe("reading without ExcelApi 1.13 (merged areas) and 1.2 (valuesOnly)", () => {
  const top = ["序号", "户编号", "户主姓名", "家庭人口数", "收入情况", "", "", "", "", "人均纯收入（元）", "备注"];
  const bottom = ["", "", "", "", "工资性收入", "生产经营性收入", "财产性收入", "转移性收入", "生产经营性支出", "", ""];
  const data = [1, "H001", "甲", 3, 10000, 5000, 0, 3000, 1000, 5666.67, ""];
  const seed = {
    name: "台账",
    cells: [["XX街道脱贫户增收台账"], top, bottom, data],
    merges: ["A1:K1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:I2", "J2:J3", "K2:K3"],
  };

  it("reads a two-row merged header to the same columns as with the merge information", async () => {
    const withApi = new FakeExcel([seed]);
    const without = new FakeExcel([seed]);
    const a = await readSheet(withApi.context.asContext(), "台账");
    const b = await readSheet(without.context.asContext(), "台账", { mergedAreas: false, usedRangeValuesOnly: false });
    expect(b.merges).toEqual([]);
    expect(without.usedRangeCalls).toEqual(["all"]);
    expect(withApi.usedRangeCalls).toEqual(["valuesOnly"]);
    expect(without.syncs.flatMap((s) => s.commands).some((c) => /merged/i.test(c))).toBe(false);
    const columns = (sheet: typeof a) => findHeader(sheet).columns.map((c) => [c.header, c.field]);
    expect(columns(b)).toEqual(columns(a));
    expect(columns(b)[4]).toEqual(["收入情况/工资性收入", "wageIncome"]);
  });
});

describe("features above the minimum, refused with a Chinese message where missing", () => {
  const finding: Finding = {
    rule: "D03",
    severity: "error",
    clause: "二（一）",
    household: "H01",
    cell: { row: 2, column: "A" },
    message: "证件号码有误",
    data: { kind: "invalidIdNumber", value: "H01", problem: "位数不对" },
  };

  it("Office 2016: summaries and marks say what they need; nothing is written", async () => {
    const excel = new FakeExcel([{ name: "台账", cells: [["户编号"], ["H01"]] }]);
    const host = new OfficeWorkbookHost({ run: excel.run, capabilities: byName("Office 2016"), annotation: "none" });
    for (const attempt of [() => host.writeSummaries([]), () => host.markFindings("台账", [finding]), () => host.clearMarks("台账")]) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(HostError);
      expect((error as HostError).message).toMatch(/需要 Excel JavaScript API 1\.[57]/);
      expect((error as HostError).message).toContain("检查台账");
    }
    expect(excel.syncCount).toBe(0);
    // The check still reads the sheet.
    expect((await host.readSheet("台账")).cells).toEqual([["户编号"], ["H01"]]);
  });

  it("Office 2019: marks keep only the colour of a fill (no pattern or tint before ExcelApi 1.9) and still clear exactly", async () => {
    const excel = new FakeExcel([{ name: "台账", cells: [["户编号"], ["H01"]], fills: { A2: "#FFFF00" } }]);
    const context = excel.context.asContext();
    await markFindings(context, "台账", [finding], { annotation: "none", fillDetails: false });
    const loads = excel.syncs.flatMap((s) => s.commands).filter((c) => c.startsWith("load FakeRangeFill"));
    expect(loads.length).toBeGreaterThan(0);
    expect(loads.every((c) => c === "load FakeRangeFill color")).toBe(true);
    expect(excel.cell(excel.sheet("台账"), "A2").fill?.color).toBe("#F8D7DA");
    await clearMarks(context, "台账", { fillDetails: false, notes: false });
    expect(excel.cell(excel.sheet("台账"), "A2").fill?.color).toBe("#FFFF00");
  });

  it("without screen-updating suspension (before 1.9) summaries are written all the same", async () => {
    const excel = new FakeExcel([{ name: "台账", cells: [["户编号"], ["H01"]] }]);
    const host = new OfficeWorkbookHost({ run: excel.run, capabilities: byName("Office 2019"), annotation: "none" });
    await expect(host.writeSummaries([TIERS])).resolves.toEqual([TIERS.title]);
    expect(excel.syncs.some((s) => s.screenUpdatingSuspended)).toBe(false);
    expect(excel.syncs.some((s) => s.calculationSuspended)).toBe(true);
  });
});
