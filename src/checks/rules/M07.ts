/** M07 孝善养老奖补超标；符合条件的老人未登记孝善养老 */
import { filialReward, isFilialElder } from "../../formulas";
import type { CheckContext, Finding, RuleDefinition } from "../types";
import { quotePlan } from "../../policy";
import { formatShare, formatYuan } from "../../values";
import { finding, personCell, personLabel } from "./shared";

const yuan = formatYuan;
const percent = formatShare;

export const M07: RuleDefinition = {
  id: "M07",
  clause: "二（十）20",
  plan: [quotePlan("二（十）20", "对脱贫户中达到60周岁（一、二级残疾人员可放宽至55周岁）的老人由其子女自愿缴纳300元/月赡养金，区、街道两级按不超过缴纳金额的30%给予奖补激励。")],
  title: "孝善养老奖补超标；符合条件的老人未登记孝善养老",
  titleEn: "Filial elder-care reward above the allowed amount; eligible elders not registered",
  severities: ["error", "info"],
  needs: [["filialReward", "filialPaid"], ["age", "birthDate", "personId"]],
  explanation:
    "子女为满{filialMinAge}（残疾等级不高于{filialSevereDisabilityMaxGrade}的满{filialMinAgeSevereDisability}）的老人自愿缴纳赡养金，按不超过缴纳金额的{filialRewardRateCap}奖补，缴纳金额每月最多计{filialMonthlyContribution}。奖补超过应得额，或发给不符合年龄条件、没有缴纳记录的成员，报告为错误；符合年龄条件但没有缴纳记录的老人给出提示，便于动员子女缴纳。",
  remedy: "核对老人年龄、残疾等级和子女缴纳金额，收回多发的奖补；动员符合条件老人的子女自愿缴纳。",
  run(context) {
    const out: Finding[] = [];
    const { filialRewardRateCap } = context.policy.values;
    for (const facts of context.households) {
      for (const person of facts.household.members) {
        const age = context.ageOf(person);
        const eligible = age !== null && isFilialElder(age, person.values.disability ?? null, context.policy);
        const paid = person.values.filialPaid;
        const reward = person.values.filialReward;
        if (reward !== undefined && reward > 0) {
          const allowed = eligible && paid !== undefined ? filialReward({ paid, months: 12, rate: filialRewardRateCap }, context.policy) : 0;
          if (reward > allowed) {
            const why = !eligible
              ? `该成员${age === null ? "年龄不详" : `${age}周岁`}，不符合孝善养老条件（${filialAgeCondition(context)}）`
              : paid === undefined
                ? "没有登记子女缴纳金额"
                : `按子女缴纳${yuan(paid)}计算最多${yuan(allowed)}`;
            out.push(finding(this, "error", facts, personCell(context, facts, person, "filialReward"), `${facts.label}，${personLabel(person)}：孝善养老奖补登记${yuan(reward)}，${why}。方案二（十）20：奖补不超过缴纳金额的${percent(filialRewardRateCap)}。`));
          }
        } else if (eligible && (paid === undefined || paid <= 0)) {
          out.push(finding(this, "info", facts, personCell(context, facts, person, context.has("filialPaid") ? "filialPaid" : "filialReward"), `${facts.label}，${personLabel(person)}（${age}周岁）符合孝善养老条件，尚未登记子女缴纳赡养金。可动员子女自愿缴纳，享受方案二（十）20奖补。`));
        }
      }
    }
    return out;
  },
};

const GRADE_NUMERALS = ["一", "二", "三", "四"];

/** 孝善养老's age condition as the policy in force sets it: "60周岁，一、二级残疾55周岁". */
function filialAgeCondition(context: CheckContext): string {
  const { filialMinAge, filialMinAgeSevereDisability, filialSevereDisabilityMaxGrade } = context.policy.values;
  const grades = GRADE_NUMERALS.slice(0, filialSevereDisabilityMaxGrade).join("、");
  return `${filialMinAge}周岁，${grades}级残疾${filialMinAgeSevereDisability}周岁`;
}
