/**
 * Native formulas (src/formulas/native.ts, formulaText.ts): every shared function case
 * (test/support/functionCases.ts) is written into a workbook as the native formula, and as the
 * conversion of the BANGFU formula text, with the arguments in cells (a range down a column, one
 * result row per cell of it); LibreOffice computes the workbook, and each result must equal what
 * the BANGFU function gives for the same cells, or what the case says the native formula gives
 * instead (inputs it cannot read; a call the conversion refuses).
 * LibreOffice must be installed (.ci/run installs it); without it this test fails.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { AGE, COURTYARD_SUBSIDY, FILIAL_MATCH, PER_CAPITA, TIER } from "../src/functions/functions";
import { setFunctionPolicy } from "../src/functions/policyContext";
import {
  bangfuSpillShape,
  convertBangfuFormula,
  hasBangfuCall,
  nativeFormula,
  NativeFormulaError,
  shiftReferences,
  type NativeFunctionId,
} from "../src/formulas";
import { parsePolicyFile, resolvePolicy } from "../src/policy";
import { caseTitle, excelArguments, FUNCTION_CASES, isRange, type CaseArgument, type FunctionCase } from "./support/functionCases";
import { useTempDir } from "./support/cli";
import { convertWithSoffice, parseCsv } from "./support/soffice";

jest.setTimeout(240_000);

const POLICY = resolvePolicy(2025);
const FUNCTIONS: Record<NativeFunctionId, (...args: unknown[][][]) => unknown[][]> = {
  TIER,
  COURTYARD_SUBSIDY,
  FILIAL_MATCH,
  PER_CAPITA,
  AGE,
} as never;
const ARG_COLUMNS = ["C", "D", "E", "F", "G", "H"];

beforeAll(() => setFunctionPolicy(POLICY));
afterAll(() => setFunctionPolicy(null));

/** What the BANGFU function shows for a case, cell by cell: a number, a text, "" or the error code. */
function bangfuResult(c: FunctionCase): string[][] {
  let cells: unknown[][];
  try {
    cells = FUNCTIONS[c.fn](...(excelArguments(c.args) as unknown[][][]));
  } catch (error) {
    cells = [[error]];
  }
  return cells.map((row) => row.map((value) => (value instanceof CustomFunctions.Error ? value.code : String(value))));
}

/** Rows a case takes in the sheet: one per row of its ranges (single columns), else one. */
function heightOf(c: FunctionCase): number {
  let height = 1;
  for (const arg of c.args) {
    if (!isRange(arg)) continue;
    if (arg.some((row) => row.length !== 1)) throw new Error(`test layout: ${caseTitle(c)} has a range wider than one column`);
    height = Math.max(height, arg.length);
  }
  return height;
}

/** The cells of the case's arguments: a range down its column from `top`, a single cell at `top`. */
function placeArguments(sheet: ExcelJS.Worksheet, args: readonly CaseArgument[], top: number): void {
  args.forEach((arg, j) => {
    const cells = arg === undefined ? [] : isRange(arg) ? arg.map((row) => row[0]) : [arg];
    cells.forEach((value, r) => {
      if (value !== null && value !== "") sheet.getCell(`${ARG_COLUMNS[j]}${top + r}`).value = value;
    });
  });
}

/** The arguments as references for the result in row `top + r`: a range's own row, a single cell anchored. */
function references(args: readonly CaseArgument[], top: number, r: number): (string | null)[] {
  return args.map((a, j) => (a === undefined ? null : isRange(a) ? `${ARG_COLUMNS[j]}${top + r}` : `$${ARG_COLUMNS[j]}$${top}`));
}

/** The BANGFU formula text of a case whose arguments start in row `top`. */
function bangfuFormula(c: FunctionCase, top: number): string {
  const refs = c.args.map((a, j) =>
    a === undefined ? "" : isRange(a) ? `${ARG_COLUMNS[j]}${top}:${ARG_COLUMNS[j]}${top + a.length - 1}` : `$${ARG_COLUMNS[j]}$${top}`,
  );
  return `=BANGFU.${c.fn}(${refs.join(",").replace(/,+$/, "")})`;
}

describe("BANGFU formula text → native formula", () => {
  it("writes the policy's numbers, never a BANGFU call", () => {
    const formula = convertBangfuFormula("=BANGFU.COURTYARD_SUBSIDY(J2, G2, K2)", POLICY);
    expect(formula).not.toMatch(/BANGFU/i);
    expect(formula).toContain(`*${POLICY.values.courtyardSubsidyRate}`);
    expect(formula).toContain(`${POLICY.values.courtyardSubsidyCap}-`);
  });

  it("follows a changed policy (the numbers come from the Policy, not from the code)", () => {
    const changed = resolvePolicy(
      2024,
      parsePolicyFile({ years: { 2024: { lowIncomeThreshold: 11500, highIncomeThreshold: 16000 } } }, "test"),
    );
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

  it(
    "also converts the forms Excel stores and shows when the add-in is not registered: " +
      "_xldudf_BANGFU_…, with an [n]! external-reference prefix",
    () => {
      // OfficeDev/office-js #3558, #5611: a custom function unknown when the file opens shows as
      // _xldudf_<NAMESPACE>_<ID>(…); #2568: after other add-ins it was saved as [2]!_xldudf_….
      const plain = convertBangfuFormula("=BANGFU.COURTYARD_SUBSIDY(J2, BANGFU.TIER(R2), K2)", POLICY);
      for (const stored of [
        "=_xldudf_BANGFU_COURTYARD_SUBSIDY(J2, _xldudf_BANGFU_TIER(R2), K2)",
        "=[2]!_xldudf_BANGFU_COURTYARD_SUBSIDY(J2, [2]!_xldudf_BANGFU_TIER(R2), K2)",
        "=[1]!BANGFU.COURTYARD_SUBSIDY(J2, _xldudf_bangfu_tier(R2), K2)",
      ]) {
        expect(hasBangfuCall(stored)).toBe(true);
        expect(convertBangfuFormula(stored, POLICY)).toBe(plain);
      }
      expect(bangfuSpillShape("=[1]!_xldudf_BANGFU_TIER(R4:R6)")).toEqual({ rows: 3, columns: 1 });
      expect(convertBangfuFormula('=IF(A1="_xldudf_BANGFU_TIER(1)",1,_xldudf_BANGFU_AGE(D2))', POLICY)).toMatch(
        /^=IF\(A1="_xldudf_BANGFU_TIER\(1\)",1,\(/,
      );
      // Another add-in's function, or a name that merely ends in the same letters, is not ours.
      expect(hasBangfuCall("=_xldudf_OTHER_TIER(A1)")).toBe(false);
      expect(hasBangfuCall("=MY_xldudf_BANGFU_TIER(A1)")).toBe(false);
      expect(hasBangfuCall("=X[1]!BANGFU.TIER(A1)")).toBe(false);
      expect(hasBangfuCall("=Other.xlam!BANGFU.TIER(A1)")).toBe(false);
      expect(() => convertBangfuFormula("=_xldudf_BANGFU_NOPE(1)", POLICY)).toThrow(/不是 BANGFU 的函数/);
    },
  );

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
    const placed: { c: FunctionCase; top: number; height: number }[] = [];
    let top = 1;
    for (const c of FUNCTION_CASES) {
      const bangfu = bangfuFormula(c, top);
      if (c.native === "refused") {
        // BANGFU refuses the whole call, and the conversion refuses it with a message instead of writing formulas that compute.
        expect(() => bangfuSpillShape(bangfu)).toThrow(NativeFormulaError);
        continue;
      }
      const height = heightOf(c);
      placeArguments(sheet, c.args, top);
      for (let r = 0; r < height; r++) {
        sheet.getCell(`A${top + r}`).value = {
          formula: nativeFormula(c.fn, references(c.args, top, r), POLICY).slice(1),
        } as ExcelJS.CellFormulaValue;
        const converted = height > 1 ? convertBangfuFormula(bangfu, POLICY, { row: r, column: 0 }) : convertBangfuFormula(bangfu, POLICY);
        sheet.getCell(`B${top + r}`).value = { formula: converted.slice(1) } as ExcelJS.CellFormulaValue;
      }
      placed.push({ c, top, height });
      top += height;
    }
    const file = path.join(dir(), "native.xlsx");
    await workbook.xlsx.writeFile(file);
    // Comma, double quote, UTF-8 (76), from line 1.
    const conversion = convertWithSoffice(file, "csv:Text - txt - csv (StarCalc):44,34,76,1", dir());
    const rows = parseCsv(fs.readFileSync(path.join(conversion.outDir, conversion.files[0]), "utf8"));
    const mismatches: string[] = [];
    for (const { c, top: first, height } of placed) {
      const bangfu = bangfuResult(c);
      expect(bangfu).toHaveLength(height);
      for (let r = 0; r < height; r++) {
        const expected = c.native ?? bangfu[r][0];
        const [native, converted] = [rows[first + r - 1]?.[0] ?? "", rows[first + r - 1]?.[1] ?? ""];
        if (native !== expected || converted !== expected)
          mismatches.push(
            `${caseTitle(c)} row ${r + 1}: expected ${expected} (BANGFU ${bangfu[r][0]}), native ${native}, converted ${converted}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
    expect(placed.length + FUNCTION_CASES.filter((c) => c.native === "refused").length).toBe(FUNCTION_CASES.length);
    expect(rows.length).toBeGreaterThanOrEqual(top - 1);
  });
});
