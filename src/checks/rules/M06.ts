/** M06 庭院经济奖补超标或发给非低收入户 */
import { courtyardSubsidy, IncomeTier, TIER_LABELS } from "../../formulas";
import { quotePlan } from "../../policy";
import { formatShare as percent, formatYuan as yuan } from "../../values";
import { atHousehold, cellOf, defineRule } from "./shared";

type Data =
  | { readonly kind: "notLowIncome"; readonly tier: IncomeTier; readonly recorded: number }
  | {
      readonly kind: "aboveAllowed";
      readonly recorded: number;
      readonly allowed: number;
      readonly investment: number;
      readonly courtyardSubsidyRate: number;
      readonly courtyardSubsidyCap: number;
    };

export const M06 = defineRule<Data>({
  id: "M06",
  clause: "二（六）12",
  plan: [
    quotePlan(
      "二（六）12",
      "对发展“五小经济”的低收入脱贫户，探索“以奖代补”鼓励政策，制定目标清晰、标准合理、程序规范的实施细则，利用衔接推进乡村振兴补助资金给予每户投资金额50%的奖补，最高不超过5000元",
    ),
  ],
  title: "庭院经济奖补超标或发给非低收入户",
  titleEn: "Courtyard subsidy above the allowed amount or paid to a household that is not low-income",
  kinds: {
    notLowIncome: { severity: "error", summary: "中等或高收入户登记了庭院经济奖补" },
    aboveAllowed: { severity: "error", summary: "庭院经济奖补超过应得额（投资额的{courtyardSubsidyRate}，每户最高{courtyardSubsidyCap}）" },
  },
  needs: ["courtyardSubsidy", "income"],
  explanation:
    "庭院经济奖补只发给发展“五小经济”的低收入户，按投资额的{courtyardSubsidyRate}计算，每户最高{courtyardSubsidyCap}。登记了奖补的中等、高收入户，以及奖补超过按投资额算出的应得额的低收入户报告。",
  remedy: "核对奖补对象和金额，收回多发的部分，或更正登记的投资额、奖补额。",
  message(data, subject) {
    if (data.kind === "notLowIncome") {
      return `${subject}为${TIER_LABELS[data.tier]}户，登记了庭院经济奖补${yuan(data.recorded)}。按方案二（六）12，庭院经济奖补只发给低收入脱贫户。`;
    }
    return (
      `${subject}：庭院经济奖补登记${yuan(data.recorded)}，` +
      `超过应得${yuan(data.allowed)}（投资额${yuan(data.investment)}的${percent(data.courtyardSubsidyRate)}，` +
      `每户最高${yuan(data.courtyardSubsidyCap)}，方案二（六）12）。`
    );
  },
  run(context, report) {
    const { courtyardSubsidyRate, courtyardSubsidyCap } = context.policy.values;
    for (const facts of context.households) {
      const recorded = facts.household.values.courtyardSubsidy;
      if (recorded === undefined || recorded <= 0 || facts.tier === null) continue;
      const place = atHousehold(facts, cellOf(context, facts, "courtyardSubsidy"));
      if (facts.tier !== "low") {
        report({ kind: "notLowIncome", tier: facts.tier, recorded }, place);
        continue;
      }
      const investment = facts.household.values.courtyardInvestment;
      if (investment === undefined) continue;
      const allowed = courtyardSubsidy({ investment, isLowIncome: true, alreadyGranted: 0 }, context.policy);
      if (recorded > allowed)
        report({ kind: "aboveAllowed", recorded, allowed, investment, courtyardSubsidyRate, courtyardSubsidyCap }, place);
    }
  },
});
