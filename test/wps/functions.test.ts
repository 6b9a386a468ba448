/**
 * The custom functions registered through WPS's own mechanism (wps.AddCustomFunction) give
 * what Excel gives on the shared cases, take the forms ET passes arguments in, carry the
 * Chinese metadata, follow the pane's policy, and are simply absent on older WPS builds.
 */
import * as fs from "fs";
import * as path from "path";
import { parseTree } from "custom-functions-metadata";
import * as excel from "../../src/functions/functions";
import { localizeMetadata, type FunctionsMetadata } from "../../src/functions/localizeMetadata";
import { setFunctionDate1904, setFunctionPolicy } from "../../src/functions/policyContext";
import { ZH_CN } from "../../src/functions/zh-CN";
import { SETTINGS_KEY, toStoredSettings } from "../../src/host/settings";
import { EMPTY_SETTINGS } from "../../src/host/types";
import { functionSettingsKey, publishFunctionSettings } from "../../src/wps/functionSettings";
import { COM_MISSING_ARGUMENT, errorText, registerWpsFunctions, WPS_NAMESPACE } from "../../src/wps/functions";
import { wpsFunctionsMetadata } from "../../src/wps/functionsMetadata";
import { DATA_NOTICE, DATA_SHEET } from "../../src/wps/store";
import { caseTitle, excelArguments, FUNCTION_CASES, type CaseArgument } from "../support/functionCases";
import { syntheticId } from "../support/syntheticId";
import { FakeEt, type EtSheetSeed } from "./fakeEt";

const SOURCE = path.resolve(__dirname, "../../src/functions/functions.ts");
const IDS = ["TIER", "COURTYARD_SUBSIDY", "FILIAL_MATCH", "PER_CAPITA", "AGE"];

/** What Excel's build generates (custom-functions-metadata) and localises, as the WPS build does. */
function chineseMetadata(): FunctionsMetadata {
  const parsed = parseTree(fs.readFileSync(SOURCE, "utf8"), "functions");
  return localizeMetadata({ functions: parsed.functions } as unknown as FunctionsMetadata, ZH_CN);
}

/** Excel: every argument a matrix, a blank cell null, a left-out one undefined. */
function callExcel(fn: string, args: readonly CaseArgument[]): unknown[][] {
  const implementation = (excel as unknown as Record<string, (...a: unknown[]) => unknown[][]>)[fn];
  try {
    return implementation(...excelArguments(args)).map((row) => row.map(shown));
  } catch (error) {
    return [[shown(error)]];
  }
}

/** What a cell shows, comparable across hosts: an error as WPS writes it. */
function shown(value: unknown): unknown {
  return value instanceof CustomFunctions.Error ? errorText(value as unknown as { code: string; message: string }) : value;
}

function registered(options: ConstructorParameters<typeof FakeEt>[1] = {}) {
  const et = new FakeEt([], options);
  const result = registerWpsFunctions(et.app, wpsFunctionsMetadata(chineseMetadata()));
  return { et, result };
}

afterEach(() => {
  setFunctionPolicy(null);
  setFunctionDate1904(false);
});

describe("custom functions through wps.AddCustomFunction", () => {
  test("all five are registered under BANGFU with Chinese descriptions and WPS types", () => {
    const { et, result } = registered();
    expect(result).toBe("registered");
    expect([...et.functions.keys()]).toEqual(IDS.map((id) => `${WPS_NAMESPACE}.${id}`));
    const tier = et.functions.get("BANGFU.TIER")!.metadata!;
    expect(tier.description).toBe(ZH_CN.TIER.description);
    // Parameter names as Excel's zh-CN metadata shows them in the formula tooltip.
    expect(tier.parameters).toEqual([
      { name: "人均纯收入", description: ZH_CN.TIER.parameters.income, type: "any[][]" },
      { name: "低收入标准", description: ZH_CN.TIER.parameters.low, type: "any[][]?" },
      { name: "高收入标准", description: ZH_CN.TIER.parameters.high, type: "any[][]?" },
    ]);
    expect(tier.result).toEqual({ type: "any[][]" });
    for (const id of IDS) {
      const meta = et.functions.get(`BANGFU.${id}`)!.metadata!;
      expect(meta.description).toMatch(/[\u4e00-\u9fff]/);
      expect(meta.parameters.map((p) => p.name)).toEqual(Object.keys(ZH_CN[id].parameters).map((name) => ZH_CN[id].names[name]));
    }
  });

  test.each(FUNCTION_CASES.map((c) => [caseTitle(c), c] as const))("%s: WPS shows what Excel shows", (_title, c) => {
    const { et } = registered();
    // WPS: one cell as a plain value, a range as rows, a left-out argument undefined.
    const wps = et.callFunction(`BANGFU.${c.fn}`, ...c.args);
    const inExcel = callExcel(c.fn, c.args);
    expect(wps).toEqual(inExcel);
    const expected = c.expected.map((row) =>
      row.map((cell) => (typeof cell === "object" ? expect.stringMatching(new RegExp(`^#VALUE!：.*${escape(cell.error)}`)) : cell)),
    );
    expect(wps).toEqual(expected);
  });

  test("takes ET's forms of arguments: [[v]], a 1-D row, undefined and null cells, COM error numbers", () => {
    const { et } = registered();
    expect(et.callFunction("BANGFU.TIER", [[10999.99]])).toEqual([["低收入"]]);
    expect(et.callFunction("BANGFU.TIER", [9000, 12000, undefined, null])).toEqual([["低收入", "中等收入", "", ""]]);
    expect(et.callFunction("BANGFU.TIER", [[9000, undefined]])).toEqual([["低收入", ""]]);
    const [[divided]] = et.callFunction("BANGFU.TIER", -2146826281) as string[][];
    expect(divided).toMatch(/^#VALUE!：.*#DIV\/0!/);
  });

  test("an argument left out as COM's missing-argument number (0x80020004) is left out, as undefined is", () => {
    const { et } = registered();
    const missing = COM_MISSING_ARGUMENT;
    expect(missing).toBe(-2147352572);
    expect(et.callFunction("BANGFU.TIER", 9000, missing, missing)).toEqual([["低收入"]]);
    expect(et.callFunction("BANGFU.TIER", 11000, [[missing]], [missing])).toEqual([["中等收入"]]);
    expect(et.callFunction("BANGFU.COURTYARD_SUBSIDY", 4000, missing, missing)).toEqual(et.callFunction("BANGFU.COURTYARD_SUBSIDY", 4000));
    expect(et.callFunction("BANGFU.FILIAL_MATCH", 3600, 61, missing, missing, missing, missing)).toEqual(
      et.callFunction("BANGFU.FILIAL_MATCH", 3600, 61),
    );
    const id = syntheticId("19500101");
    expect(et.callFunction("BANGFU.AGE", id, missing)).toEqual(et.callFunction("BANGFU.AGE", id));
    // Only as a whole argument: inside a range it is a value like any other (and read as an amount).
    expect(et.callFunction("BANGFU.TIER", [[9000, missing]])).toEqual([["低收入", "低收入"]]);
  });

  test("follows the policy the pane publishes, and the shipped parameters once it is withdrawn", () => {
    const { et } = registered();
    expect(et.callFunction("BANGFU.TIER", 11500)).toEqual([["中等收入"]]);
    const policyJson = JSON.stringify({ years: { "2025": { lowIncomeThreshold: 12000, highIncomeThreshold: 16000 } } });
    publishFunctionSettings(et.app, { ...EMPTY_SETTINGS, policyYear: 2025, policyJson });
    expect(et.callFunction("BANGFU.TIER", 11500)).toEqual([["低收入"]]);
    et.pluginStorage.delete(functionSettingsKey("台账.xlsx"));
    expect(et.callFunction("BANGFU.TIER", 11500)).toEqual([["中等收入"]]);
  });

  test("without Excel's runtime (as in WPS, where the global is absent when the modules load) bad input becomes text", () => {
    const holder = globalThis as { CustomFunctions?: unknown };
    const excelRuntime = holder.CustomFunctions;
    delete holder.CustomFunctions;
    try {
      // Load the modules afresh, in main.ts's order, with no runtime at import time.
      let fresh!: { registerWpsFunctions: typeof registerWpsFunctions; metadata: typeof wpsFunctionsMetadata };
      jest.isolateModules(() => {
        /* eslint-disable @typescript-eslint/no-require-imports -- modules loaded afresh inside jest.isolateModules */
        fresh = {
          registerWpsFunctions: require("../../src/wps/functions").registerWpsFunctions,
          metadata: require("../../src/wps/functionsMetadata").wpsFunctionsMetadata,
        };
        /* eslint-enable @typescript-eslint/no-require-imports */
      });
      expect(holder.CustomFunctions).toBeUndefined();
      const et = new FakeEt();
      expect(fresh.registerWpsFunctions(et.app, fresh.metadata(chineseMetadata()))).toBe("registered");
      expect(holder.CustomFunctions).toBeDefined();
      expect(et.callFunction("BANGFU.TIER", "三千")).toEqual([[expect.stringMatching(/^#VALUE!：.*“三千”/)]]);
      expect(et.callFunction("BANGFU.AGE", "123")).toEqual([[expect.stringMatching(/^#VALUE!：/)]]);
      expect(et.callFunction("BANGFU.COURTYARD_SUBSIDY", -5)).toEqual([[expect.stringMatching(/^#VALUE!：/)]]);
      expect(et.callFunction("BANGFU.TIER", [[9000], ["x"]])).toEqual([["低收入"], [expect.stringMatching(/^#VALUE!：.*“x”/)]]);
      expect(et.callFunction("BANGFU.TIER", 9000)).toEqual([["低收入"]]);
    } finally {
      holder.CustomFunctions = excelRuntime;
    }
  });

  test("on WPS builds without AddCustomFunction nothing is registered and nothing fails", () => {
    const { et, result } = registered({ customFunctions: false });
    expect(result).toBe("unsupported");
    expect(et.functions.size).toBe(0);
  });

  test("metadata missing for a function is a build fault, reported", () => {
    const et = new FakeEt();
    expect(() => registerWpsFunctions(et.app, {})).toThrow(/缺少函数 TIER 的说明/);
  });
});

/** A policy file with its own thresholds for 2024; 2025 keeps the shipped ones (11000 / 15000). */
const POLICY_JSON = JSON.stringify({ years: { "2024": { lowIncomeThreshold: 12000, highIncomeThreshold: 16000 } } });

/** A workbook's very hidden data sheet holding the pane's settings, as the pane saves them (store.ts's layout). */
function dataSheet(policyYear: number): EtSheetSeed {
  const stored = JSON.stringify(toStoredSettings({ ...EMPTY_SETTINGS, policyYear, policyJson: POLICY_JSON }));
  return { name: DATA_SHEET, visible: 2, cells: [[DATA_NOTICE], [SETTINGS_KEY, "1", stored]] };
}

/** 台账.xlsx set to 2024 and 乙.xlsx set to 2025, both open, 乙 active; the functions registered, the pane never opened. */
function twoWorkbooks() {
  const et = new FakeEt([{ name: "台账", cells: [["人均纯收入"], [11500]] }, dataSheet(2024)]);
  et.addWorkbook("乙.xlsx", [{ name: "明细", cells: [["人均纯收入"], [11500]] }, dataSheet(2025)]);
  registerWpsFunctions(et.app, wpsFunctionsMetadata(chineseMetadata()));
  const from =
    (workbook: string, sheet: string) =>
    (...args: unknown[]) =>
      et.callFunctionFrom({ workbook, sheet, address: "B2" }, "BANGFU.TIER", ...args);
  return { et, inFirst: from("台账.xlsx", "台账"), inSecond: from("乙.xlsx", "明细") };
}

describe("the policy of the workbook the formula is in", () => {
  test("two open workbooks set to different policy years give different tiers, each by its own settings", () => {
    const { inFirst, inSecond } = twoWorkbooks();
    expect(inFirst(11500)).toEqual([["低收入"]]); // 2024: below 12000
    expect(inSecond(11500)).toEqual([["中等收入"]]); // 2025: 11000 ≤ 11500 < 15000
    expect(inFirst([[11500], [15500]])).toEqual([["低收入"], ["中等收入"]]);
    expect(inSecond([[11500], [15500]])).toEqual([["中等收入"], ["高收入"]]);
  });

  test("CalculateFull: every formula of both workbooks is computed with its own workbook's policy", () => {
    const { et } = twoWorkbooks();
    et.cellAt(et.sheet("明细"), 2, 2).formula = "=BANGFU.TIER(A2)";
    et.activateWorkbook("台账.xlsx");
    et.cellAt(et.sheet("台账"), 2, 2).formula = "=BANGFU.TIER(A2)";
    et.app.CalculateFull();
    expect(et.valueAt(et.sheet("台账"), 2, 2)).toBe("低收入");
    et.activateWorkbook("乙.xlsx");
    expect(et.valueAt(et.sheet("明细"), 2, 2)).toBe("中等收入");
  });

  test("one read per call: a range of 1,000 cells costs the bridge what one cell costs; each data sheet is read once", () => {
    const { et, inFirst, inSecond } = twoWorkbooks();
    et.log = [];
    inFirst(11500);
    inSecond(11500);
    const dataSheetReads = () => (et.log ?? []).filter((call) => call === "FakeWorksheet.UsedRange").length;
    expect(dataSheetReads()).toBe(2); // the first call for each workbook reads its BANGFU_DATA
    const cost = (call: () => unknown) => {
      const before = et.bridgeCalls;
      call();
      return et.bridgeCalls - before;
    };
    const one = cost(() => inFirst(11500));
    const range = cost(() => inFirst(Array.from({ length: 1000 }, (_, i) => [9000 + i * 10])));
    // Caller(), Range.Worksheet, Worksheet.Parent, Workbook.Date1904, Workbook.Name, PluginStorage, getItem.
    expect({ one, range }).toEqual({ one: 7, range: 7 });
    expect(cost(() => inSecond(11500))).toBe(7);
    expect(dataSheetReads()).toBe(2); // not again: kept per workbook
  });

  test("what the pane publishes for a workbook comes first, for that workbook only", () => {
    const { et, inFirst, inSecond } = twoWorkbooks();
    // The pane of 乙.xlsx (the active workbook) switches it to 2024.
    publishFunctionSettings(et.app, { ...EMPTY_SETTINGS, policyYear: 2024, policyJson: POLICY_JSON });
    expect(inSecond(11500)).toEqual([["低收入"]]);
    expect(inFirst(11500)).toEqual([["低收入"]]); // 台账.xlsx was 2024 already
    publishFunctionSettings(et.app, { ...EMPTY_SETTINGS, policyYear: 2025, policyJson: POLICY_JSON });
    expect(inSecond(11500)).toEqual([["中等收入"]]);
    expect(inFirst(11500)).toEqual([["低收入"]]);
  });

  test("a date argument is read in the date system of the workbook the formula is in (Workbook.Date1904)", () => {
    const et = new FakeEt([{ name: "台账", cells: [["身份证号"]] }]);
    et.addWorkbook("苹果.xlsx", [{ name: "明细", cells: [["身份证号"]] }], { date1904: true });
    registerWpsFunctions(et.app, wpsFunctionsMetadata(chineseMetadata()));
    const id = syntheticId("19630715", "123");
    // 2023-07-15: serial 45122 in the 1900 system, 43660 in the 1904 one.
    const age = (workbook: string, sheet: string, asOf: number) =>
      et.callFunctionFrom({ workbook, sheet, address: "B2" }, "BANGFU.AGE", id, asOf);
    expect(age("苹果.xlsx", "明细", 43660)).toEqual([[60]]);
    expect(age("台账.xlsx", "台账", 45122)).toEqual([[60]]);
    expect(age("苹果.xlsx", "明细", 43659)).toEqual([[59]]);
    expect(age("台账.xlsx", "台账", 43660)).toEqual([[55]]); // the same serial, in the 1900 system
  });

  test("when WPS names no calling cell (Caller is #REF!), the active workbook's settings apply", () => {
    const { et } = twoWorkbooks();
    expect(et.callFunction("BANGFU.TIER", 11500)).toEqual([["中等收入"]]); // 乙.xlsx is active
    et.activateWorkbook("台账.xlsx");
    expect(et.callFunction("BANGFU.TIER", 11500)).toEqual([["低收入"]]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
