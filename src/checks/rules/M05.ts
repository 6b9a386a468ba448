/** M05 公益性岗位补贴低于当地小时最低工资标准 */
import type { Finding, RuleDefinition } from "../types";
import { quotePlan } from "../../policy";
import { formatYuan, roundToFen } from "../../values";
import { finding, personCell, personLabel } from "./shared";

const yuan = formatYuan;

export const M05: RuleDefinition = {
  id: "M05",
  clause: "二（四）8",
  plan: [quotePlan("二（四）8", "严格按照不低于当地小时最低工资标准兑现公益性岗位补贴，并按月及时发放")],
  title: "公益性岗位补贴低于当地小时最低工资标准",
  titleEn: "Public-welfare post pay below the local hourly minimum wage",
  severities: ["error"],
  needs: ["welfarePostMonthlyPay", "welfarePostMonthlyHours"],
  explanation:
    "公益性岗位补贴不得低于当地小时最低工资标准。按成员登记的月工时算出最低月补贴（小时最低工资 × 月工时），登记的月补贴低于它时报告。小时最低工资由当地确定（内置默认值{hourlyMinimumWage}），请在参数中确认。",
  remedy: "按标准补足补贴，或更正登记的月补贴、月工时。",
  run(context) {
    const wage = context.policy.values.hourlyMinimumWage;
    const out: Finding[] = [];
    for (const facts of context.households) {
      for (const person of facts.household.members) {
        const pay = person.values.welfarePostMonthlyPay;
        const hours = person.values.welfarePostMonthlyHours;
        if (pay === undefined || hours === undefined || hours <= 0) continue;
        const minimum = roundToFen(wage * hours);
        if (pay < minimum) {
          out.push(finding(this, "error", facts, personCell(context, facts, person, "welfarePostMonthlyPay"), `${facts.label}，${personLabel(person)}：公益性岗位月补贴${yuan(pay)}，低于小时最低工资${yuan(wage)}×${hours}小时=${yuan(minimum)}。按方案二（四）8，补贴不得低于当地小时最低工资标准。`));
        }
      }
    }
    return out;
  },
};
