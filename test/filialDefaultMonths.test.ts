/**
 * The months a filial payment covers where none is given: one constant (FILIAL_DEFAULT_MONTHS)
 * that the custom function, the native formula, the check (M07) and the descriptions all follow.
 */
import * as fs from "fs";
import * as path from "path";
import { FILIAL_MATCH } from "../src/functions/functions";
import { setFunctionPolicy } from "../src/functions/policyContext";
import { ZH_CN } from "../src/functions/zh-CN";
import { FILIAL_DEFAULT_MONTHS, filialReward, nativeFormula } from "../src/formulas";
import { resolvePolicy } from "../src/policy";

const POLICY = resolvePolicy(2025);
beforeAll(() => setFunctionPolicy(POLICY));
afterAll(() => setFunctionPolicy(null));

describe("FILIAL_DEFAULT_MONTHS", () => {
  it("the custom function without months counts that many months", () => {
    for (const paid of [1800, 3600, 5000]) {
      expect(FILIAL_MATCH([[paid]], [[61]])).toEqual(FILIAL_MATCH([[paid]], [[61]], undefined, [[FILIAL_DEFAULT_MONTHS]]));
      expect(FILIAL_MATCH([[paid]], [[61]])).toEqual([
        [filialReward({ paid, months: FILIAL_DEFAULT_MONTHS, rate: POLICY.values.filialRewardRateCap }, POLICY)],
      ]);
    }
  });

  it("the native formula without months is the one with that many months written in", () => {
    expect(nativeFormula("FILIAL_MATCH", ["A2", "B2"], POLICY)).toBe(
      nativeFormula("FILIAL_MATCH", ["A2", "B2", null, String(FILIAL_DEFAULT_MONTHS)], POLICY),
    );
  });

  it("the descriptions say it (Chinese from the constant; the English JSDoc, which cannot refer to it, is checked)", () => {
    expect(ZH_CN.FILIAL_MATCH.parameters?.months).toContain(`省略时按 ${FILIAL_DEFAULT_MONTHS} 个月`);
    const jsdoc = fs.readFileSync(path.join(__dirname, "../src/functions/functions.ts"), "utf8");
    expect(jsdoc).toContain(`@param [months] Months the payment covers; left out: ${FILIAL_DEFAULT_MONTHS}.`);
  });

  it("no other 12-month default is written out in the code", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (
          /\.tsx?$/.test(entry.name) &&
          /months:\s*12\b|"月数"\)\s*\?\?\s*12\b|optional\(months,\s*"12"\)/.test(fs.readFileSync(file, "utf8"))
        )
          offenders.push(file);
      }
    };
    walk(path.join(__dirname, "../src"));
    expect(offenders).toEqual([]);
  });
});
