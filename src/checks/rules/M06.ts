/** M06 庭院经济奖补超标或发给非低收入户 */
import { courtyardSubsidy, TIER_LABELS } from "../../formulas";
import type { Finding, RuleDefinition } from "../types";
import { quotePlan } from "../../policy";
import { formatShare, formatYuan } from "../../values";
import { cellOf, finding } from "./shared";

const yuan = formatYuan;
const percent = formatShare;

export const M06: RuleDefinition = {
  id: "M06",
  clause: "二（六）12",
  plan: [quotePlan("二（六）12", "对发展“五小经济”的低收入脱贫户，探索“以奖代补”鼓励政策，制定目标清晰、标准合理、程序规范的实施细则，利用衔接推进乡村振兴补助资金给予每户投资金额50%的奖补，最高不超过5000元")],
  title: "庭院经济奖补超标或发给非低收入户",
  titleEn: "Courtyard subsidy above the allowed amount or paid to a household that is not low-income",
  severities: ["error"],
  needs: ["courtyardSubsidy", "income"],
  explanation:
    "庭院经济奖补只发给发展“五小经济”的低收入户，按投资额的{courtyardSubsidyRate}计算，每户最高{courtyardSubsidyCap}。登记了奖补的中等、高收入户，以及奖补超过按投资额算出的应得额的低收入户报告。",
  remedy: "核对奖补对象和金额，收回多发的部分，或更正登记的投资额、奖补额。",
  run(context) {
    const out: Finding[] = [];
    for (const facts of context.households) {
      const recorded = facts.household.values.courtyardSubsidy;
      if (recorded === undefined || recorded <= 0 || facts.tier === null) continue;
      const cell = cellOf(context, facts, "courtyardSubsidy");
      if (facts.tier !== "low") {
        out.push(finding(this, "error", facts, cell, `${facts.label}为${TIER_LABELS[facts.tier]}户，登记了庭院经济奖补${yuan(recorded)}。按方案二（六）12，庭院经济奖补只发给低收入脱贫户。`));
        continue;
      }
      const investment = facts.household.values.courtyardInvestment;
      if (investment === undefined) continue;
      const allowed = courtyardSubsidy({ investment, isLowIncome: true, alreadyGranted: 0 }, context.policy);
      if (recorded > allowed) {
        const { courtyardSubsidyRate, courtyardSubsidyCap } = context.policy.values;
        out.push(finding(this, "error", facts, cell, `${facts.label}：庭院经济奖补登记${yuan(recorded)}，超过应得${yuan(allowed)}（投资额${yuan(investment)}的${percent(courtyardSubsidyRate)}，每户最高${yuan(courtyardSubsidyCap)}，方案二（六）12）。`));
      }
    }
    return out;
  },
};
