/** M08 缴费年龄段成员未参加城乡居民基本养老保险 */
import { quotePlan } from "../../policy";
import { atMember, defineRule } from "./shared";

type Data = {
  readonly kind: "notInsured";
  readonly age: number;
  readonly pensionContributionMinAge: number;
  readonly pensionContributionMaxAge: number;
};

export const M08 = defineRule<Data>({
  id: "M08",
  clause: "二（十）21",
  plan: [quotePlan("二（十）21", "为符合居民基本养老保险参保条件的缴费年龄段脱贫户全额代缴最低标准的居民基本养老保险费")],
  title: "缴费年龄段成员未参加城乡居民基本养老保险",
  titleEn: "Members of contribution age without basic pension insurance",
  kinds: {
    notInsured: {
      severity: "warning",
      summary: "{pensionContributionMinAge}至{pensionContributionMaxAge}的非在校生未参加城乡居民基本养老保险",
    },
  },
  needs: ["pensionInsurance", ["age", "birthDate", "personId"]],
  explanation:
    "缴费年龄段（{pensionContributionMinAge}至{pensionContributionMaxAge}）的非在校生成员，" +
    "“是否参加城乡居民基本养老保险”为否、未参加城镇职工基本养老保险、且未领取养老金的，" +
    "给出警告（参加城镇职工养老保险的视为已参保）。年龄取“年龄”列，" +
    "没有时按出生日期或证件号码在检查日计算。",
  remedy: "为其全额代缴最低标准的居民基本养老保险费，并更正台账。",
  message(data, subject) {
    return `${subject}（${data.age}周岁，非在校生）未参加城乡居民基本养老保险。按方案二（十）21，应为其全额代缴最低标准保费。`;
  },
  run(context, report) {
    const { pensionContributionMinAge, pensionContributionMaxAge } = context.policy.values;
    for (const facts of context.households) {
      for (const person of facts.household.members) {
        const age = context.ageOf(person);
        if (age === null || age < pensionContributionMinAge || age > pensionContributionMaxAge) continue;
        // Insured as an employee (城镇职工基本养老保险) is insured: the national rules take the two as either/or.
        if (
          person.values.student === true ||
          person.values.receivesPension === true ||
          person.values.pensionInsurance !== false ||
          person.values.employeePensionInsurance === true
        )
          continue;
        report(
          { kind: "notInsured", age, pensionContributionMinAge, pensionContributionMaxAge },
          atMember(context, facts, person, "pensionInsurance"),
        );
      }
    }
  },
});
