/** D05 人均纯收入与各项收入不符 */
import type { Finding, RuleDefinition } from "../types";
import { formatYuan } from "../../values";
import { INCOME_COMPONENTS } from "../context";
import { cellOf, finding } from "./shared";

const yuan = formatYuan;

export const D05: RuleDefinition = {
  id: "D05",
  clause: "—",
  plan: [],
  title: "人均纯收入与各项收入不符",
  titleEn: "Per-capita income does not match the income components",
  severities: ["error"],
  needs: ["perCapitaIncome", ...INCOME_COMPONENTS],
  explanation:
    "按全国防返贫监测信息系统的口径，人均纯收入 =（工资性收入 + 生产经营性收入 + 财产性收入 + 转移性收入 − 生产经营性支出）÷ 家庭人口数。台账填写的人均纯收入与按各项算出的数相差超过{perCapitaTolerance}时报告。",
  remedy: "核对各项收入、生产经营性支出和家庭人口数，或更正人均纯收入。",
  run(context) {
    const tolerance = context.policy.values.perCapitaTolerance;
    const out: Finding[] = [];
    for (const facts of context.households) {
      const written = facts.household.values.perCapitaIncome;
      const computed = facts.computedPerCapita;
      if (written === undefined || computed === null) continue;
      if (Math.abs(written - computed) > tolerance) {
        out.push(
          finding(this, "error", facts, cellOf(context, facts, "perCapitaIncome"), `${facts.label}：台账人均纯收入为${yuan(written)}，按（工资性+生产经营性+财产性+转移性收入−生产经营性支出）÷家庭人口数计算应为${yuan(computed)}，相差超过${yuan(tolerance)}。请核对收入各项或人口数。`),
        );
      }
    }
    return out;
  },
};
