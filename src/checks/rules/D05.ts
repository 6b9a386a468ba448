/** D05 人均纯收入与各项收入不符 */
import { formatYuan as yuan } from "../../values";
import { INCOME_COMPONENTS } from "../context";
import { atHousehold, cellOf, defineRule } from "./shared";

type Data = { readonly kind: "mismatch"; readonly recorded: number; readonly computed: number; readonly perCapitaTolerance: number };

export const D05 = defineRule<Data>({
  id: "D05",
  clause: "—",
  plan: [],
  title: "人均纯收入与各项收入不符",
  titleEn: "Per-capita income does not match the income components",
  kinds: {
    mismatch: { severity: "error", summary: "人均纯收入与（各项收入 − 生产经营性支出）÷ 家庭人口数相差超过{perCapitaTolerance}" },
  },
  needs: ["perCapitaIncome", ...INCOME_COMPONENTS],
  explanation:
    "按全国防返贫监测信息系统的口径，人均纯收入 =（工资性收入 + 生产经营性收入 + 财产性收入 + 转移性收入 − 生产经营性支出）÷ 家庭人口数。台账填写的人均纯收入与按各项算出的数相差超过{perCapitaTolerance}时报告。",
  remedy: "核对各项收入、生产经营性支出和家庭人口数，或更正人均纯收入。",
  message(data, subject) {
    return `${subject}：台账人均纯收入为${yuan(data.recorded)}，按（工资性+生产经营性+财产性+转移性收入−生产经营性支出）÷家庭人口数计算应为${yuan(data.computed)}，相差超过${yuan(data.perCapitaTolerance)}。请核对收入各项或人口数。`;
  },
  run(context, report) {
    const tolerance = context.policy.values.perCapitaTolerance;
    for (const facts of context.households) {
      const recorded = facts.household.values.perCapitaIncome;
      const computed = facts.computedPerCapita;
      if (recorded === undefined || computed === null || Math.abs(recorded - computed) <= tolerance) continue;
      report({ kind: "mismatch", recorded, computed, perCapitaTolerance: tolerance }, atHousehold(facts, cellOf(context, facts, "perCapitaIncome")));
    }
  },
});
