/**
 * Excel refuses a formula longer than 8,192 characters. A native formula repeats its arguments
 * (FILIAL_MATCH its ID number some 40 times), so long references can pass the limit: such a
 * formula is refused with a Chinese message before anything is written, when inserted and when
 * a BANGFU formula is converted.
 */
import { convertBangfuFormula, MAX_FORMULA_LENGTH, nativeFormula, NativeFormulaError } from "../src/formulas";
import { convertSelection, insertNativeFormula } from "../src/host/formulaWriter";
import { MemoryWorkbookHost } from "../src/host/memoryHost";
import { resolvePolicy } from "../src/policy";

const POLICY = resolvePolicy(2025);
/** References as a cadre may pick them: a sheet of another workbook, both with long names, absolute, far down. */
const SHEET = "'[某街道2025年脱贫户增收帮扶台账（第一批）.xlsx]第一批次汇总台账'!";
const LONG = ["$AB$1048000", "$AC$1048000", "$AD$1048000", "$AE$1048000", "$AF$1048000", "$AG$1048000"].map((r) => SHEET + r);

describe("Excel's 8,192-character formula limit", () => {
  it("FILIAL_MATCH on long references would pass it: refused in Chinese, naming the length and the limit", () => {
    expect(() => nativeFormula("FILIAL_MATCH", LONG, POLICY)).toThrow(NativeFormulaError);
    expect(() => nativeFormula("FILIAL_MATCH", LONG, POLICY)).toThrow(
      /原生公式有 \d+ 个字符，超过 Excel 公式长度上限 8192 个字符，没有写入/,
    );
    // The same call on short references stays well within it and is written.
    const short = nativeFormula("FILIAL_MATCH", ["A2", "B2", "C2", "D2", "E2", "F2"], POLICY);
    expect(short.length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
  });

  it("a formula of exactly the limit passes, one character more does not", () => {
    // Grow a reference until the formula reaches the limit, to find the boundary on a real formula.
    const lengthWith = (name: string) => {
      try {
        return nativeFormula("AGE", [`'${name}'!A2`], POLICY).length;
      } catch (error) {
        return Number(/有 (\d+) 个字符/.exec((error as Error).message)?.[1]);
      }
    };
    const per = lengthWith("ab") - lengthWith("a");
    const base = lengthWith("a");
    expect(per).toBeGreaterThan(1);
    // A name that puts the formula just at or just over the limit.
    let name = "a".repeat(Math.floor((MAX_FORMULA_LENGTH - base) / per) + 1);
    while (lengthWith(name) > MAX_FORMULA_LENGTH) name = name.slice(1);
    expect(() => nativeFormula("AGE", [`'${name}'!A2`], POLICY)).not.toThrow();
    expect(() => nativeFormula("AGE", [`'${name}a'!A2`], POLICY)).toThrow(NativeFormulaError);
  });

  it("converting a BANGFU formula whose native form is too long is refused too", () => {
    expect(() => convertBangfuFormula(`=BANGFU.FILIAL_MATCH(${LONG.join(",")})`, POLICY)).toThrow(/超过 Excel 公式长度上限/);
  });

  it("nothing is written: not when inserting, and a converted cell is left as it was, with the reason", async () => {
    const host = new MemoryWorkbookHost([
      {
        name: "台账",
        cells: [
          ["缴纳", "年龄", "奖补"],
          [3600, 61, ""],
        ],
        formulas: { C3: `=BANGFU.FILIAL_MATCH(${LONG.join(",")})` },
      },
    ]);
    await host.selectCell("台账", { row: 2, column: "C" });
    await expect(insertNativeFormula(host, "FILIAL_MATCH", LONG, POLICY)).rejects.toThrow(/超过 Excel 公式长度上限/);
    expect((await host.readCells("台账", 2, 3, 1, 1)).formulas).toEqual([[""]]);

    await host.selectCell("台账", { row: 3, column: "C" });
    const result = await convertSelection(host, "native", POLICY);
    expect(result.converted).toBe(0);
    expect(result.skipped).toEqual([{ address: "C3", reason: expect.stringMatching(/超过 Excel 公式长度上限 8192/) }]);
    expect((await host.readCells("台账", 3, 3, 1, 1)).formulas).toEqual([[`=BANGFU.FILIAL_MATCH(${LONG.join(",")})`]]);
  });
});
