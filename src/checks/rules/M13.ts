/** M13 人均纯收入下降或增幅低于当地农民 */
import { quotePlan } from "../../policy";
import { formatShare as percent, formatYuan as yuan } from "../../values";
import { atHousehold, cellOf, defineRule } from "./shared";

interface Growth {
  readonly lastYearPerCapita: number;
  readonly perCapita: number;
  readonly growth: number;
}

type Data = ({ readonly kind: "fell" } & Growth) | ({ readonly kind: "belowFarmers"; readonly farmersIncomeGrowth: number } & Growth);

export const M13 = defineRule<Data>({
  id: "M13",
  clause: "一",
  plan: [quotePlan("一", "确保脱贫人口人均纯收入增幅连续高于当地农民。")],
  title: "人均纯收入下降或增幅低于当地农民",
  titleEn: "Per-capita income fell or grew less than local farmers' income",
  kinds: {
    fell: { severity: "error", summary: "人均纯收入比上年下降" },
    belowFarmers: { severity: "warning", summary: "人均纯收入增幅低于当地农民收入增幅" },
  },
  needs: ["lastYearPerCapitaIncome", "income"],
  explanation:
    "有上年人均纯收入的户：本年人均纯收入（台账值，或按各项计算）低于上年的报告为错误；增幅低于当地农民收入增幅（由当地确定，内置默认值{farmersIncomeGrowth}）的给出警告。",
  remedy: "分析减收或增收慢的原因，落实针对性的增收措施。",
  message(data, subject) {
    return data.kind === "fell"
      ? `${subject}：人均纯收入由上年${yuan(data.lastYearPerCapita)}降至${yuan(data.perCapita)}（${percent(data.growth)}）。请分析减收原因，落实针对性增收措施（方案一）。`
      : `${subject}：人均纯收入增幅${percent(data.growth)}，低于当地农民收入增幅${percent(data.farmersIncomeGrowth)}。方案要求脱贫人口收入增幅高于当地农民（方案一）。`;
  },
  run(context, report) {
    const farmersIncomeGrowth = context.policy.values.farmersIncomeGrowth;
    for (const facts of context.households) {
      const lastYearPerCapita = facts.household.values.lastYearPerCapitaIncome;
      const perCapita = facts.perCapita;
      if (lastYearPerCapita === undefined || perCapita === null || lastYearPerCapita <= 0) continue;
      const growth = (perCapita - lastYearPerCapita) / lastYearPerCapita;
      const place = atHousehold(facts, cellOf(context, facts, "perCapitaIncome"));
      if (perCapita < lastYearPerCapita) report({ kind: "fell", lastYearPerCapita, perCapita, growth }, place);
      else if (growth < farmersIncomeGrowth)
        report({ kind: "belowFarmers", lastYearPerCapita, perCapita, growth, farmersIncomeGrowth }, place);
    }
  },
});
