/** M05 公益性岗位补贴低于当地小时最低工资标准 */
import { quotePlan } from "../../policy";
import { formatYuan as yuan, roundToFen } from "../../values";
import { atMember, defineRule } from "./shared";

type Data = {
  readonly kind: "belowMinimumWage";
  readonly recorded: number;
  readonly hours: number;
  readonly hourlyMinimumWage: number;
  readonly minimum: number;
};

export const M05 = defineRule<Data>({
  id: "M05",
  clause: "二（四）8",
  plan: [quotePlan("二（四）8", "严格按照不低于当地小时最低工资标准兑现公益性岗位补贴，并按月及时发放")],
  title: "公益性岗位补贴低于当地小时最低工资标准",
  titleEn: "Public-welfare post pay below the local hourly minimum wage",
  kinds: {
    belowMinimumWage: { severity: "error", summary: "公益性岗位月补贴低于小时最低工资 × 月工时" },
  },
  needs: ["welfarePostMonthlyPay", "welfarePostMonthlyHours"],
  explanation:
    "公益性岗位补贴不得低于当地小时最低工资标准。按成员登记的月工时算出最低月补贴（小时最低工资 × 月工时），登记的月补贴低于它时报告。小时最低工资由当地确定（内置默认值{hourlyMinimumWage}），请在参数中确认。",
  remedy: "按标准补足补贴，或更正登记的月补贴、月工时。",
  message(data, subject) {
    return (
      `${subject}：公益性岗位月补贴${yuan(data.recorded)}，` +
      `低于小时最低工资${yuan(data.hourlyMinimumWage)}×${data.hours}小时=${yuan(data.minimum)}。` +
      `按方案二（四）8，补贴不得低于当地小时最低工资标准。`
    );
  },
  run(context, report) {
    const wage = context.policy.values.hourlyMinimumWage;
    for (const facts of context.households) {
      for (const person of facts.household.members) {
        const pay = person.values.welfarePostMonthlyPay;
        const hours = person.values.welfarePostMonthlyHours;
        if (pay === undefined || hours === undefined || hours <= 0) continue;
        const minimum = roundToFen(wage * hours);
        if (pay < minimum) {
          report(
            { kind: "belowMinimumWage", recorded: pay, hours, hourlyMinimumWage: wage, minimum },
            atMember(context, facts, person, "welfarePostMonthlyPay"),
          );
        }
      }
    }
  },
});
