/**
 * Native formulas (src/formulas/native.ts, formulaText.ts): every shared function case
 * (test/support/functionCases.ts) is written into a workbook as the native formula, and as the
 * conversion of the BANGFU formula text, with the arguments in cells; LibreOffice computes the
 * workbook, and each result must equal what the BANGFU function gives for the same cells.
 * LibreOffice must be installed (.ci/run installs it); without it this test fails.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { AGE, COURTYARD_SUBSIDY, FILIAL_MATCH, PER_CAPITA, TIER } from "../src/functions/functions";
import { setFunctionPolicy } from "../src/functions/policyContext";
import { bangfuSpillShape, convertBangfuFormula, hasBangfuCall, nativeFormula, NativeFormulaError, shiftReferences, type NativeFunctionId } from "../src/formulas";
import { parsePolicyFile, resolvePolicy } from "../src/policy";
import { FUNCTION_CASES, type CaseValue } from "./support/functionCases";
import { useTempDir } from "./support/cli";
import { convertWithSoffice, parseCsv } from "./support/soffice";

jest.setTimeout(240_000);

const POLICY = resolvePolicy(2025);
const FUNCTIONS: Record<NativeFunctionId, (...args: unknown[][][]) => unknown[][]> = { TIER, COURTYARD_SUBSIDY, FILIAL_MATCH, PER_CAPITA, AGE } as never;
const ARG_COLUMNS = ["C", "D", "E", "F", "G", "H"];

beforeAll(() => setFunctionPolicy(POLICY));
afterAll(() => setFunctionPolicy(null));

/** What the BANGFU function shows for a case: a number, a text, "" or the error code. */
function bangfuResult(fn: NativeFunctionId, args: readonly CaseValue[]): string {
  let last = args.length;
  while (last > 0 && args[last - 1] === null) last--;
  const matrices = args.slice(0, last).map((a) => (a === null ? undefined : [[a === "" ? null : a]]));
  const value = FUNCTIONS[fn](...(matrices as unknown[][][]))[0][0];
  if (value instanceof CustomFunctions.Error) return value.code;
  return String(value);
}

function references(args: readonly CaseValue[], row: number): (string | null)[] {
  return args.map((a, i) => (a === null ? null : `${ARG_COLUMNS[i]}${row}`));
}

describe("the shared cases through the BANGFU functions", () => {
  it.each(FUNCTION_CASES.map((c) => [c.fn, JSON.stringify(c.args), c] as const))("%s(%s)", (_fn, _args, c) => {
    expect(bangfuResult(c.fn, c.args)).toBe(String(c.expected));
  });
});

describe("BANGFU formula text → native formula", () => {
  it("writes the policy's numbers, never a BANGFU call", () => {
    const formula = convertBangfuFormula("=BANGFU.COURTYARD_SUBSIDY(J2, G2, K2)", POLICY);
    expect(formula).not.toMatch(/BANGFU/i);
    expect(formula).toContain(`*${POLICY.values.courtyardSubsidyRate}`);
    expect(formula).toContain(`${POLICY.values.courtyardSubsidyCap}-`);
  });

  it("follows a changed policy (the numbers come from the Policy, not from the code)", () => {
    const changed = resolvePolicy(2024, parsePolicyFile({ years: { 2024: { lowIncomeThreshold: 11500, highIncomeThreshold: 16000 } } }, "test"));
    const formula = nativeFormula("TIER", ["R4"], changed);
    expect(formula).toContain("<11500");
    expect(formula).toContain("<16000");
    expect(formula).not.toContain("11000");
  });

  it("replaces calls inside a larger formula, nested calls and strings untouched", () => {
    const converted = convertBangfuFormula('=IF(A2="BANGFU.TIER(1)","x",BANGFU.TIER(BANGFU.PER_CAPITA(M2,N2,O2,P2,Q2,E2))&"户")', POLICY);
    expect(converted.startsWith('=IF(A2="BANGFU.TIER(1)","x",(')).toBe(true);
    expect(converted.match(/BANGFU/g)).toHaveLength(1); // only the one inside the string
    expect(converted.endsWith(')&"户")')).toBe(true);
  });

  it("a spilling call becomes one formula per cell of its spill area", () => {
    expect(bangfuSpillShape("=BANGFU.TIER(R4:R6)")).toEqual({ rows: 3, columns: 1 });
    expect(bangfuSpillShape("=BANGFU.TIER(R4)")).toBeNull();
    const second = convertBangfuFormula("=BANGFU.TIER(R4:R6, $X$1)", POLICY, { row: 1, column: 0 });
    expect(second).toContain("R5");
    expect(second).not.toContain("R4");
    expect(second).toContain("$X$1");
    expect(() => bangfuSpillShape("=BANGFU.TIER(R4:R6, S4:S5)")).toThrow(NativeFormulaError);
  });

  it("refuses what it cannot convert, with a Chinese message", () => {
    expect(() => convertBangfuFormula("=BANGFU.NOPE(1)", POLICY)).toThrow(/不是 BANGFU 的函数/);
    expect(() => convertBangfuFormula("=BANGFU.FILIAL_MATCH(1)", POLICY)).toThrow(/不能省略/);
    expect(hasBangfuCall("=SUM(A1)")).toBe(false);
    expect(hasBangfuCall("=bangfu.tier(A1)")).toBe(true);
    expect(hasBangfuCall("BANGFU.TIER(A1)")).toBe(false);
  });

  it("moves relative references when a formula is filled down, not $-anchored ones or text", () => {
    expect(shiftReferences('IF(R4<$X$1,"A1",R$4+S4)', 2, 0)).toBe('IF(R6<$X$1,"A1",R$4+S6)');
    expect(shiftReferences("LOG10(A1)+Z9", 1, 1)).toBe("LOG10(B2)+AA10");
  });
});

describe("native formulas computed by LibreOffice", () => {
  const dir = useTempDir("bangfu-native-");

  it("every shared case gives the BANGFU function's result, as a native formula and as a converted BANGFU formula", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("cases");
    FUNCTION_CASES.forEach((c, i) => {
      const row = i + 1;
      c.args.forEach((value, j) => {
        if (value !== null && value !== "") sheet.getCell(`${ARG_COLUMNS[j]}${row}`).value = value;
      });
      const refs = references(c.args, row);
      sheet.getCell(`A${row}`).value = { formula: nativeFormula(c.fn, refs, POLICY).slice(1) } as ExcelJS.CellFormulaValue;
      const bangfu = `=BANGFU.${c.fn}(${refs.map((r) => r ?? "").join(",").replace(/,+$/, "")})`;
      sheet.getCell(`B${row}`).value = { formula: convertBangfuFormula(bangfu, POLICY).slice(1) } as ExcelJS.CellFormulaValue;
    });
    const file = path.join(dir(), "native.xlsx");
    await workbook.xlsx.writeFile(file);
    // Comma, double quote, UTF-8 (76), from line 1.
    const conversion = convertWithSoffice(file, "csv:Text - txt - csv (StarCalc):44,34,76,1", dir());
    const rows = parseCsv(fs.readFileSync(path.join(conversion.outDir, conversion.files[0]), "utf8"));
    const mismatches: string[] = [];
    FUNCTION_CASES.forEach((c, i) => {
      const expected = bangfuResult(c.fn, c.args);
      const [native, converted] = [rows[i]?.[0] ?? "", rows[i]?.[1] ?? ""];
      if (native !== expected || converted !== expected) mismatches.push(`${c.fn}(${JSON.stringify(c.args)}): BANGFU ${expected}, native ${native}, converted ${converted}`);
    });
    expect(mismatches).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(FUNCTION_CASES.length);
  });
});
