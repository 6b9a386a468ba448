/**
 * Custom-function calls shared by the hosts' tests: each case gives the arguments as cells (a
 * value for one cell, rows for a range, undefined for a left-out argument) and what the cell
 * shows with the plan's parameters: a value, or an error whose message names the bad input.
 * Excel and WPS must agree on every one (test/wps/functions.test.ts).
 */
import { syntheticId } from "./syntheticId";

export type CaseArgument = unknown | readonly (readonly unknown[])[] | undefined;

export interface FunctionCase {
  readonly name: string;
  readonly fn: "TIER" | "COURTYARD_SUBSIDY" | "FILIAL_MATCH" | "PER_CAPITA" | "AGE";
  /** A range is written as rows ([[a], [b]]); anything else is one cell. */
  readonly args: readonly CaseArgument[];
  /** Expected cells; { error: fragment } for a #VALUE! whose message contains the fragment. */
  readonly expected: readonly (readonly (string | number | { readonly error: string })[])[];
}

/** Excel's serial number of a date (after 1900-03-01). */
export function serialOf(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const BORN_1963_07_15 = syntheticId("19630715");

export const FUNCTION_CASES: readonly FunctionCase[] = [
  { name: "低收入 just under the line", fn: "TIER", args: [10999.99], expected: [["低收入"]] },
  { name: "中等收入 at the line, typed as text with 万", fn: "TIER", args: ["1.1万"], expected: [["中等收入"]] },
  { name: "高收入 with full-width digits", fn: "TIER", args: ["１５０００"], expected: [["高收入"]] },
  { name: "own thresholds", fn: "TIER", args: [12000, 12500, 16000], expected: [["低收入"]] },
  {
    name: "a column: values, a blank and a bad cell",
    fn: "TIER",
    args: [[[9000], [12000], [null], ["三千"], [20000]]],
    expected: [["低收入"], ["中等收入"], [""], [{ error: "“三千”" }], ["高收入"]],
  },
  { name: "thresholds the wrong way round fail the whole call", fn: "TIER", args: [12000, 16000, 12000], expected: [[{ error: "低收入标准" }]] },
  { name: "courtyard: half the investment", fn: "COURTYARD_SUBSIDY", args: [8000, "低收入"], expected: [[4000]] },
  { name: "courtyard: within the cap after earlier grants", fn: "COURTYARD_SUBSIDY", args: [8000, "低收入", 3000], expected: [[2000]] },
  { name: "courtyard: a middle-income household gets none", fn: "COURTYARD_SUBSIDY", args: [8000, 12500], expected: [[0]] },
  { name: "filial: 30% of a year's support at 61", fn: "FILIAL_MATCH", args: [3600, 61], expected: [[1080]] },
  { name: "filial: age from the ID number on a date", fn: "FILIAL_MATCH", args: [3600, BORN_1963_07_15, undefined, undefined, undefined, serialOf(2023, 7, 15)], expected: [[1080]] },
  { name: "filial: half a year at 20%", fn: "FILIAL_MATCH", args: [1800, 65, undefined, 6, 0.2], expected: [[360]] },
  { name: "filial: a rate above the cap", fn: "FILIAL_MATCH", args: [3600, 60, undefined, undefined, 0.31], expected: [[{ error: "30%" }]] },
  { name: "per capita by the national formula", fn: "PER_CAPITA", args: [30000, 8000, 500, 6000, 3000, 4], expected: [[10375]] },
  { name: "age from an ID number", fn: "AGE", args: [BORN_1963_07_15, serialOf(2025, 12, 31)], expected: [[62]] },
  { name: "age: a wrong check character", fn: "AGE", args: [BORN_1963_07_15.slice(0, 17) + (BORN_1963_07_15[17] === "0" ? "1" : "0")], expected: [[{ error: "校验" }]] },
  {
    name: "ranges of the same shape, row by row",
    fn: "COURTYARD_SUBSIDY",
    args: [[[2000], [20000]], [["低收入"], ["低收入"]]],
    expected: [[1000], [5000]],
  },
  { name: "ranges of different shapes fail the whole call", fn: "COURTYARD_SUBSIDY", args: [[[1], [2]], [["低收入"], ["低收入"], ["低收入"]]], expected: [[{ error: "参数区域大小不一致" }]] },
];
