/**
 * The BANGFU functions' shared cases, one table for every host and form of the functions:
 * - Excel's custom functions must give `expected` (test/functions.test.ts);
 * - WPS's, registered with wps.AddCustomFunction, must show what Excel shows (test/wps/functions.test.ts);
 * - the native formula of every case, and the conversion of its BANGFU formula text, computed by
 *   LibreOffice, must give what the BANGFU function gives, except where `native` says what the
 *   native formula gives instead (test/nativeFormulas.test.ts).
 *
 * An argument is a cell: a value; "" (or null inside a range) a blank cell that is referenced;
 * rows of cells for a range; undefined leaves the argument out. The expected results hold under
 * the shipped 2025 parameters.
 */
import type { NativeFunctionId } from "../../src/formulas/native";
import { syntheticId, syntheticIdEndingInX, syntheticOldId, withWrongCheck } from "./syntheticId";

export type CaseCell = string | number | boolean | null;
/** One cell, a range as rows of cells, or undefined for an argument left out. */
export type CaseArgument = CaseCell | readonly (readonly CaseCell[])[] | undefined;
/** A value, "" for a blank result, or a #VALUE! whose message contains `error` ("" for any). */
export type ExpectedCell = string | number | { readonly error: string };

export interface FunctionCase {
  /** What the case is about, where its arguments do not say it. */
  readonly name?: string;
  readonly fn: NativeFunctionId;
  readonly args: readonly CaseArgument[];
  /** The cells the call shows: [[x]] for one cell, rows for a spilling call. */
  readonly expected: readonly (readonly ExpectedCell[])[];
  /**
   * Where the native formula differs, by design (src/formulas/native.ts lists what it cannot
   * read): "#VALUE!" in every cell, or "refused" when the BANGFU formula cannot be converted.
   */
  readonly native?: "#VALUE!" | "refused";
}

/** Excel's serial number of a date (after 1900-03-01), computed independently of src/values. */
export function serial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

export const isRange = (arg: CaseArgument): arg is readonly (readonly CaseCell[])[] => Array.isArray(arg);

/** The arguments as Excel passes them: every one a matrix, a blank cell null, a left-out one undefined. */
export function excelArguments(args: readonly CaseArgument[]): (unknown[][] | undefined)[] {
  const blank = (cell: CaseCell) => (cell === "" ? null : cell);
  return args.map((arg) => (arg === undefined ? undefined : isRange(arg) ? arg.map((row) => row.map(blank)) : [[blank(arg)]]));
}

/** A short title for a case: its name, or the call. */
export function caseTitle(c: FunctionCase): string {
  return c.name ?? `${c.fn}(${c.args.map((a) => (a === undefined ? "" : JSON.stringify(a))).join(", ")})`;
}

const one = (cell: ExpectedCell) => [[cell]] as const;
/** An ID number as sometimes typed: 6 + 8 + 4 with spaces between. */
const spaced = (id: string) => `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
const END_2025 = serial(2025, 12, 31);
const BORN_1963_07_15 = syntheticId("19630715");

export const FUNCTION_CASES: readonly FunctionCase[] = [
  // TIER 二（一）
  { fn: "TIER", args: [-500], expected: one("低收入") },
  { fn: "TIER", args: [0], expected: one("低收入") },
  { name: "低收入 just under the line", fn: "TIER", args: [10999.99], expected: one("低收入") },
  { fn: "TIER", args: [11000], expected: one("中等收入") },
  { fn: "TIER", args: [14999.99], expected: one("中等收入") },
  { fn: "TIER", args: [15000], expected: one("高收入") },
  { fn: "TIER", args: [250000], expected: one("高收入") },
  { fn: "TIER", args: ["12000"], expected: one("中等收入") },
  { name: "中等收入 at the line, typed as text with 万", fn: "TIER", args: ["1.1万"], expected: one("中等收入"), native: "#VALUE!" },
  { name: "高收入 with full-width digits", fn: "TIER", args: ["１５０００"], expected: one("高收入"), native: "#VALUE!" },
  { fn: "TIER", args: [""], expected: one("") },
  { name: "TIER(TRUE): a truth value is no income", fn: "TIER", args: [true], expected: one({ error: "应为数字" }) },
  { fn: "TIER", args: [11999.99, 12000, 16000], expected: one("低收入") },
  { fn: "TIER", args: [12000, 12000, 16000], expected: one("中等收入") },
  { name: "own thresholds", fn: "TIER", args: [12000, 12500, 16000], expected: one("低收入") },
  { fn: "TIER", args: [14000, 14500], expected: one("低收入") },
  { fn: "TIER", args: [14000, undefined, 13000], expected: one("高收入") },
  { fn: "TIER", args: [12000, "", ""], expected: one("中等收入") },
  { fn: "TIER", args: [12000, 15000, 15000], expected: one({ error: "应小于高收入标准" }) },
  {
    name: "thresholds the wrong way round fail the whole call",
    fn: "TIER",
    args: [12000, 16000, 12000],
    expected: one({ error: "低收入标准" }),
  },
  { fn: "TIER", args: [12000, 16000, 15000], expected: one({ error: "低收入标准（16000）" }) },
  {
    name: "a column: values, a blank and a bad cell",
    fn: "TIER",
    args: [[[9000], [12000], [null], ["三千"], [20000]]],
    expected: [["低收入"], ["中等收入"], [""], [{ error: "“三千”" }], ["高收入"]],
  },
  // COURTYARD_SUBSIDY 二（六）12
  { name: "courtyard: half the investment", fn: "COURTYARD_SUBSIDY", args: [8000, "低收入"], expected: one(4000) },
  { name: "courtyard: within the cap after earlier grants", fn: "COURTYARD_SUBSIDY", args: [8000, "低收入", 3000], expected: one(2000) },
  { fn: "COURTYARD_SUBSIDY", args: [8000, "低收入", 6000], expected: one(0) },
  { fn: "COURTYARD_SUBSIDY", args: [20000, "低收入户"], expected: one(5000) },
  { fn: "COURTYARD_SUBSIDY", args: [8000, "中等收入"], expected: one(0) },
  { fn: "COURTYARD_SUBSIDY", args: [8000, "高收入"], expected: one(0) },
  { name: "courtyard: a middle-income household gets none", fn: "COURTYARD_SUBSIDY", args: [8000, 12500], expected: one(0) },
  { fn: "COURTYARD_SUBSIDY", args: [8000, 10999], expected: one(4000) },
  { name: "courtyard: the income stored as text", fn: "COURTYARD_SUBSIDY", args: [8000, "9000"], expected: one(4000) },
  { fn: "COURTYARD_SUBSIDY", args: [8000, "12000"], expected: one(0) },
  {
    name: "courtyard: a tier written 壹级 is no tier",
    fn: "COURTYARD_SUBSIDY",
    args: [8000, "壹级"],
    expected: one({ error: "无法识别的收入分层" }),
  },
  { fn: "COURTYARD_SUBSIDY", args: [8000, "低收入脱贫户"], expected: one(4000) },
  { fn: "COURTYARD_SUBSIDY", args: [8000, "中等户"], expected: one(0) },
  { name: "courtyard: 低保户 is no tier", fn: "COURTYARD_SUBSIDY", args: [8000, "低保户"], expected: one({ error: "无法识别的收入分层" }) },
  { fn: "COURTYARD_SUBSIDY", args: ["", "低收入", "三千"], expected: one({ error: "已发放奖补" }) },
  { fn: "COURTYARD_SUBSIDY", args: [8000], expected: one(4000) },
  { fn: "COURTYARD_SUBSIDY", args: [8000, "", ""], expected: one(4000) },
  { fn: "COURTYARD_SUBSIDY", args: [3333.33, "低收入"], expected: one(1666.67) },
  { fn: "COURTYARD_SUBSIDY", args: ["", "低收入"], expected: one("") },
  { fn: "COURTYARD_SUBSIDY", args: [-1, "低收入"], expected: one({ error: "投资额不能为负数" }) },
  { fn: "COURTYARD_SUBSIDY", args: [8000, "低收入", -5], expected: one({ error: "已发放奖补不能为负数" }) },
  {
    name: "ranges of the same shape, row by row",
    fn: "COURTYARD_SUBSIDY",
    args: [
      [[2000], [20000]],
      [["低收入"], ["低收入"]],
    ],
    expected: [[1000], [5000]],
  },
  {
    name: "ranges of different shapes fail the whole call",
    fn: "COURTYARD_SUBSIDY",
    args: [
      [[1], [2]],
      [["低收入"], ["低收入"], ["低收入"]],
    ],
    expected: one({ error: "参数区域大小不一致" }),
    native: "refused",
  },
  // FILIAL_MATCH 二（十）20
  { name: "filial: 30% of a year's support at 61", fn: "FILIAL_MATCH", args: [3600, 61], expected: one(1080) },
  { fn: "FILIAL_MATCH", args: [3600, 59], expected: one(0) },
  { fn: "FILIAL_MATCH", args: [5000, 60], expected: one(1080) },
  { fn: "FILIAL_MATCH", args: [3600, 56, "肢体二级"], expected: one(1080) },
  { fn: "FILIAL_MATCH", args: [3600, 56, "三级"], expected: one(0) },
  { fn: "FILIAL_MATCH", args: [3600, 56, 2], expected: one(1080) },
  { fn: "FILIAL_MATCH", args: [3600, 54, 1], expected: one(0) },
  { fn: "FILIAL_MATCH", args: [3600, 56, ""], expected: one(0) },
  { name: "filial: 壹级 and 贰级 are severe grades too", fn: "FILIAL_MATCH", args: [3600, 56, "壹级"], expected: one(1080) },
  { fn: "FILIAL_MATCH", args: [3600, 56, "视力 贰级"], expected: one(1080) },
  { fn: "FILIAL_MATCH", args: [3600, 56, "无"], expected: one(0) },
  {
    name: "filial: a disability grade that is none",
    fn: "FILIAL_MATCH",
    args: [3600, 61, "严重"],
    expected: one({ error: "无法识别的残疾等级" }),
  },
  {
    name: "filial: an age of 60.5 is not a whole number of years",
    fn: "FILIAL_MATCH",
    args: [3600, 60.5],
    expected: one({ error: "年龄应为整数" }),
  },
  { fn: "FILIAL_MATCH", args: [3600, 150], expected: one({ error: "不合常理" }) },
  { fn: "FILIAL_MATCH", args: [3600, -3], expected: one({ error: "年龄不能为负数" }) },
  { fn: "FILIAL_MATCH", args: [3600, true], expected: one({ error: "年龄应为数字" }) },
  {
    name: "filial: nothing paid, but the ID number is wrong",
    fn: "FILIAL_MATCH",
    args: ["", withWrongCheck(syntheticId("19500101")), undefined, 12, 0.3, END_2025],
    expected: one({ error: "校验位错误" }),
  },
  { fn: "FILIAL_MATCH", args: ["", 61, undefined, 2.5], expected: one({ error: "月数应为整数" }) },
  { name: "filial: half a year at 20%", fn: "FILIAL_MATCH", args: [1800, 65, undefined, 6, 0.2], expected: one(360) },
  { fn: "FILIAL_MATCH", args: [1000, 70, undefined, 12, 0.15], expected: one(150) },
  {
    name: "filial: a rate above the cap",
    fn: "FILIAL_MATCH",
    args: [3600, 60, undefined, undefined, 0.31],
    expected: one({ error: "30%" }),
  },
  { fn: "FILIAL_MATCH", args: [3600, 61, undefined, 12, 0.31], expected: one({ error: "不超过30%" }) },
  { fn: "FILIAL_MATCH", args: [3600, 61, undefined, 0], expected: one({ error: "月数应为正整数" }) },
  { fn: "FILIAL_MATCH", args: [3600, 61, undefined, 2.5], expected: one({ error: "月数应为整数" }) },
  { fn: "FILIAL_MATCH", args: [-1, 61], expected: one({ error: "缴纳金额不能为负数" }) },
  { fn: "FILIAL_MATCH", args: ["", 61], expected: one("") },
  { fn: "FILIAL_MATCH", args: [3600, ""], expected: one("") },
  {
    name: "filial: age from the ID number on a date",
    fn: "FILIAL_MATCH",
    args: [3600, BORN_1963_07_15, undefined, undefined, undefined, serial(2023, 7, 15)],
    expected: one(1080),
  },
  { fn: "FILIAL_MATCH", args: [3600, syntheticId("19650101"), undefined, 12, 0.3, END_2025], expected: one(1080) },
  { fn: "FILIAL_MATCH", args: [3600, syntheticId("19660101"), undefined, 12, 0.3, END_2025], expected: one(0) },
  { fn: "FILIAL_MATCH", args: [3600, syntheticId("19700615"), "二级", 12, 0.3, END_2025], expected: one(1080) },
  { fn: "FILIAL_MATCH", args: [3600, syntheticOldId("600101"), undefined, 12, 0.3, END_2025], expected: one(1080) },
  {
    name: "filial: an ID number typed with spaces",
    fn: "FILIAL_MATCH",
    args: [3600, spaced(syntheticId("19650101")), undefined, 12, 0.3, END_2025],
    expected: one(1080),
  },
  {
    fn: "FILIAL_MATCH",
    args: [3600, withWrongCheck(syntheticId("19500101")), undefined, 12, 0.3, END_2025],
    expected: one({ error: "校验位错误" }),
  },
  // PER_CAPITA
  { name: "per capita by the national formula", fn: "PER_CAPITA", args: [30000, 8000, 500, 6000, 3000, 4], expected: one(10375) },
  { fn: "PER_CAPITA", args: [10000, 0, 0, 0, 0, 3], expected: one(3333.33) },
  { fn: "PER_CAPITA", args: [1000, "", "", "", "", 3], expected: one(333.33) },
  { fn: "PER_CAPITA", args: [-5000, 0, 0, 0, 0, 2], expected: one(-2500) },
  { fn: "PER_CAPITA", args: ["", "", "", "", "", 4], expected: one("") },
  { fn: "PER_CAPITA", args: [1000, 0, 0, 0, 0, ""], expected: one("") },
  { fn: "PER_CAPITA", args: [1000, 0, 0, 0, 0, 0], expected: one({ error: "人口数应大于0" }) },
  { fn: "PER_CAPITA", args: [1000, 0, 0, 0, 0, 2.5], expected: one({ error: "人口数应为整数" }) },
  {
    name: "per capita: a household of 200 is a typo",
    fn: "PER_CAPITA",
    args: [1000, 0, 0, 0, 0, 200],
    expected: one({ error: "不合常理" }),
  },
  { fn: "PER_CAPITA", args: [1000, 0, 0, 0, 0, 100], expected: one(10) },
  { fn: "PER_CAPITA", args: ["", "", "", "", "", 0], expected: one({ error: "人口数应大于0" }) },
  { fn: "PER_CAPITA", args: ["三千", "", "", "", "", ""], expected: one({ error: "工资性收入" }) },
  { fn: "PER_CAPITA", args: [1000, 0, 0, 0, 0, true], expected: one({ error: "应为数字" }) },
  // AGE
  { fn: "AGE", args: [syntheticId("19491231"), END_2025], expected: one(76) },
  { fn: "AGE", args: [syntheticId("19500101"), END_2025], expected: one(75) },
  { name: "age from an ID number", fn: "AGE", args: [BORN_1963_07_15, serial(2025, 12, 31)], expected: one(62) },
  { fn: "AGE", args: [syntheticId("20000229"), serial(2023, 2, 28)], expected: one(22) },
  { fn: "AGE", args: [syntheticId("20000229"), serial(2023, 3, 1)], expected: one(23) },
  { fn: "AGE", args: [syntheticIdEndingInX("19800101"), END_2025], expected: one(45) },
  { fn: "AGE", args: [syntheticIdEndingInX("19800101").replace(/X$/, "x"), END_2025], expected: one(45) },
  { fn: "AGE", args: [syntheticOldId("490101"), END_2025], expected: one(76) },
  { name: "age: an ID number with a space inside", fn: "AGE", args: [spaced(syntheticId("19491231")), END_2025], expected: one(76) },
  { fn: "AGE", args: [` ${syntheticId("19491231")}　`, END_2025], expected: one(76) },
  { fn: "AGE", args: [withWrongCheck(syntheticId("19491231")), END_2025], expected: one({ error: "校验位错误" }) },
  { name: "age: a wrong check character", fn: "AGE", args: [withWrongCheck(BORN_1963_07_15)], expected: one({ error: "校验" }) },
  { fn: "AGE", args: [syntheticId("19990231"), END_2025], expected: one({ error: "出生日期19990231不存在" }) },
  { fn: "AGE", args: [syntheticId("20260601"), END_2025], expected: one({ error: "晚于计算日期" }) },
  { fn: "AGE", args: ["12345", END_2025], expected: one({ error: "应为18位" }) },
  { fn: "AGE", args: ["", END_2025], expected: one("") },
];
