/** M13 人均纯收入下降或增幅低于当地农民 */
import type { Finding, RuleDefinition } from "../types";
import { quotePlan } from "../../policy";
import { formatShare, formatYuan } from "../../values";
import { cellOf, finding } from "./shared";

const yuan = formatYuan;
const percent = formatShare;

export const M13: RuleDefinition = {
  id: "M13",
  clause: "一",
  plan: [quotePlan("一", "确保脱贫人口人均纯收入增幅连续高于当地农民。")],
  title: "人均纯收入下降或增幅低于当地农民",
  titleEn: "Per-capita income fell or grew less than local farmers' income",
  severities: ["error", "warning"],
  needs: ["lastYearPerCapitaIncome", "income"],
  explanation:
    "有上年人均纯收入的户：本年人均纯收入（台账值，或按各项计算）低于上年的报告为错误；增幅低于当地农民收入增幅（由当地确定，内置默认值{farmersIncomeGrowth}）的给出警告。",
  remedy: "分析减收或增收慢的原因，落实针对性的增收措施。",
  run(context) {
    const growthTarget = context.policy.values.farmersIncomeGrowth;
    const out: Finding[] = [];
    for (const facts of context.households) {
      const last = facts.household.values.lastYearPerCapitaIncome;
      const current = facts.perCapita;
      if (last === undefined || current === null || last <= 0) continue;
      const growth = (current - last) / last;
      const cell = cellOf(context, facts, "perCapitaIncome");
      if (current < last) {
        out.push(finding(this, "error", facts, cell, `${facts.label}：人均纯收入由上年${yuan(last)}降至${yuan(current)}（${percent(growth)}）。请分析减收原因，落实针对性增收措施（方案一）。`));
      } else if (growth < growthTarget) {
        out.push(finding(this, "warning", facts, cell, `${facts.label}：人均纯收入增幅${percent(growth)}，低于当地农民收入增幅${percent(growthTarget)}。方案要求脱贫人口收入增幅高于当地农民（方案一）。`));
      }
    }
    return out;
  },
};
