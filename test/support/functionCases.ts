/**
 * Cases shared by the BANGFU functions' test and the native-formula test: each is a call with
 * plain cell values (what a ledger normally holds), and what the function gives. The native
 * formula of every case must give the same result in LibreOffice (test/nativeFormulas.test.ts).
 *
 * An argument is a cell's value; "" is a blank cell that is referenced; null leaves the
 * argument out. The expected results hold under the shipped 2025 parameters.
 */
import type { NativeFunctionId } from "../../src/formulas/native";
import { syntheticId, syntheticIdEndingInX, syntheticOldId, withWrongCheck } from "./syntheticId";

export type CaseValue = string | number | null;

export interface FunctionCase {
  readonly fn: NativeFunctionId;
  readonly args: readonly CaseValue[];
  /** A number, a text, "" for a blank result, or "#VALUE!". */
  readonly expected: string | number;
}

/** Excel's serial number of a date (after 1900-03-01), computed independently of src/values. */
export function serial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const END_2025 = serial(2025, 12, 31);

export const FUNCTION_CASES: readonly FunctionCase[] = [
  // TIER 二（一）
  { fn: "TIER", args: [-500], expected: "低收入" },
  { fn: "TIER", args: [0], expected: "低收入" },
  { fn: "TIER", args: [10999.99], expected: "低收入" },
  { fn: "TIER", args: [11000], expected: "中等收入" },
  { fn: "TIER", args: [14999.99], expected: "中等收入" },
  { fn: "TIER", args: [15000], expected: "高收入" },
  { fn: "TIER", args: [250000], expected: "高收入" },
  { fn: "TIER", args: ["12000"], expected: "中等收入" },
  { fn: "TIER", args: [""], expected: "" },
  { fn: "TIER", args: [11999.99, 12000, 16000], expected: "低收入" },
  { fn: "TIER", args: [12000, 12000, 16000], expected: "中等收入" },
  { fn: "TIER", args: [14000, 14500], expected: "低收入" },
  { fn: "TIER", args: [14000, null, 13000], expected: "高收入" },
  { fn: "TIER", args: [12000, "", ""], expected: "中等收入" },
  { fn: "TIER", args: [12000, 15000, 15000], expected: "#VALUE!" },
  { fn: "TIER", args: [12000, 16000, 15000], expected: "#VALUE!" },
  // COURTYARD_SUBSIDY 二（六）12
  { fn: "COURTYARD_SUBSIDY", args: [8000, "低收入"], expected: 4000 },
  { fn: "COURTYARD_SUBSIDY", args: [8000, "低收入", 3000], expected: 2000 },
  { fn: "COURTYARD_SUBSIDY", args: [8000, "低收入", 6000], expected: 0 },
  { fn: "COURTYARD_SUBSIDY", args: [20000, "低收入户"], expected: 5000 },
  { fn: "COURTYARD_SUBSIDY", args: [8000, "中等收入"], expected: 0 },
  { fn: "COURTYARD_SUBSIDY", args: [8000, "高收入"], expected: 0 },
  { fn: "COURTYARD_SUBSIDY", args: [8000, 12500], expected: 0 },
  { fn: "COURTYARD_SUBSIDY", args: [8000, 10999], expected: 4000 },
  { fn: "COURTYARD_SUBSIDY", args: [8000], expected: 4000 },
  { fn: "COURTYARD_SUBSIDY", args: [8000, "", ""], expected: 4000 },
  { fn: "COURTYARD_SUBSIDY", args: [3333.33, "低收入"], expected: 1666.67 },
  { fn: "COURTYARD_SUBSIDY", args: ["", "低收入"], expected: "" },
  { fn: "COURTYARD_SUBSIDY", args: [-1, "低收入"], expected: "#VALUE!" },
  { fn: "COURTYARD_SUBSIDY", args: [8000, "低收入", -5], expected: "#VALUE!" },
  // FILIAL_MATCH 二（十）20
  { fn: "FILIAL_MATCH", args: [3600, 61], expected: 1080 },
  { fn: "FILIAL_MATCH", args: [3600, 59], expected: 0 },
  { fn: "FILIAL_MATCH", args: [5000, 60], expected: 1080 },
  { fn: "FILIAL_MATCH", args: [3600, 56, "肢体二级"], expected: 1080 },
  { fn: "FILIAL_MATCH", args: [3600, 56, "三级"], expected: 0 },
  { fn: "FILIAL_MATCH", args: [3600, 56, 2], expected: 1080 },
  { fn: "FILIAL_MATCH", args: [3600, 54, 1], expected: 0 },
  { fn: "FILIAL_MATCH", args: [3600, 56, ""], expected: 0 },
  { fn: "FILIAL_MATCH", args: [1800, 65, null, 6, 0.2], expected: 360 },
  { fn: "FILIAL_MATCH", args: [1000, 70, null, 12, 0.15], expected: 150 },
  { fn: "FILIAL_MATCH", args: [3600, 61, null, 12, 0.31], expected: "#VALUE!" },
  { fn: "FILIAL_MATCH", args: [3600, 61, null, 0], expected: "#VALUE!" },
  { fn: "FILIAL_MATCH", args: [3600, 61, null, 2.5], expected: "#VALUE!" },
  { fn: "FILIAL_MATCH", args: [-1, 61], expected: "#VALUE!" },
  { fn: "FILIAL_MATCH", args: ["", 61], expected: "" },
  { fn: "FILIAL_MATCH", args: [3600, ""], expected: "" },
  { fn: "FILIAL_MATCH", args: [3600, syntheticId("19650101"), null, 12, 0.3, END_2025], expected: 1080 },
  { fn: "FILIAL_MATCH", args: [3600, syntheticId("19660101"), null, 12, 0.3, END_2025], expected: 0 },
  { fn: "FILIAL_MATCH", args: [3600, syntheticId("19700615"), "二级", 12, 0.3, END_2025], expected: 1080 },
  { fn: "FILIAL_MATCH", args: [3600, syntheticOldId("600101"), null, 12, 0.3, END_2025], expected: 1080 },
  { fn: "FILIAL_MATCH", args: [3600, withWrongCheck(syntheticId("19500101")), null, 12, 0.3, END_2025], expected: "#VALUE!" },
  // PER_CAPITA
  { fn: "PER_CAPITA", args: [30000, 8000, 500, 6000, 3000, 4], expected: 10375 },
  { fn: "PER_CAPITA", args: [10000, 0, 0, 0, 0, 3], expected: 3333.33 },
  { fn: "PER_CAPITA", args: [1000, "", "", "", "", 3], expected: 333.33 },
  { fn: "PER_CAPITA", args: [-5000, 0, 0, 0, 0, 2], expected: -2500 },
  { fn: "PER_CAPITA", args: ["", "", "", "", "", 4], expected: "" },
  { fn: "PER_CAPITA", args: [1000, 0, 0, 0, 0, ""], expected: "" },
  { fn: "PER_CAPITA", args: [1000, 0, 0, 0, 0, 0], expected: "#VALUE!" },
  { fn: "PER_CAPITA", args: [1000, 0, 0, 0, 0, 2.5], expected: "#VALUE!" },
  // AGE
  { fn: "AGE", args: [syntheticId("19491231"), END_2025], expected: 76 },
  { fn: "AGE", args: [syntheticId("19500101"), END_2025], expected: 75 },
  { fn: "AGE", args: [syntheticId("20000229"), serial(2023, 2, 28)], expected: 22 },
  { fn: "AGE", args: [syntheticId("20000229"), serial(2023, 3, 1)], expected: 23 },
  { fn: "AGE", args: [syntheticIdEndingInX("19800101"), END_2025], expected: 45 },
  { fn: "AGE", args: [syntheticIdEndingInX("19800101").replace(/X$/, "x"), END_2025], expected: 45 },
  { fn: "AGE", args: [syntheticOldId("490101"), END_2025], expected: 76 },
  { fn: "AGE", args: [withWrongCheck(syntheticId("19491231")), END_2025], expected: "#VALUE!" },
  { fn: "AGE", args: [syntheticId("19990231"), END_2025], expected: "#VALUE!" },
  { fn: "AGE", args: [syntheticId("20300101"), END_2025], expected: "#VALUE!" },
  { fn: "AGE", args: ["12345", END_2025], expected: "#VALUE!" },
  { fn: "AGE", args: ["", END_2025], expected: "" },
];
