/** M07 孝善养老奖补超标；符合条件的老人未登记孝善养老 */
import { allowedFilialReward } from "../../formulas";
import { quotePlan } from "../../policy";
import { DisabilityGrade, formatShare as percent, formatYuan as yuan } from "../../values";
import { atMember, defineRule, filialMember } from "./shared";

/** The age condition as the policy in force sets it. */
interface AgeCondition {
  readonly filialMinAge: number;
  readonly filialMinAgeSevereDisability: number;
  readonly filialSevereDisabilityMaxGrade: number;
}

interface Elder {
  readonly age: number | null;
  readonly disabilityGrade: DisabilityGrade | null;
}

type Data =
  | ({ readonly kind: "rewardNotEligible"; readonly recorded: number; readonly filialRewardRateCap: number } & Elder & AgeCondition)
  | ({ readonly kind: "rewardWithoutPaid"; readonly recorded: number; readonly filialRewardRateCap: number } & Elder)
  | ({
      readonly kind: "rewardAboveAllowed";
      readonly recorded: number;
      readonly allowed: number;
      readonly paid: number;
      readonly filialRewardRateCap: number;
      readonly filialMonthlyContribution: number;
    } & Elder)
  | ({ readonly kind: "notRegistered"; readonly paid: number | null } & Elder)
  | ({ readonly kind: "gradeUnknown"; readonly recorded: number; readonly age: number } & AgeCondition);

export const M07 = defineRule<Data>({
  id: "M07",
  clause: "二（十）20",
  plan: [
    quotePlan(
      "二（十）20",
      "对脱贫户中达到60周岁（一、二级残疾人员可放宽至55周岁）的老人由其子女自愿缴纳300元/月赡养金，区、街道两级按不超过缴纳金额的30%给予奖补激励。",
    ),
  ],
  title: "孝善养老奖补超标；符合条件的老人未登记孝善养老",
  titleEn: "Filial elder-care reward above the allowed amount; eligible elders not registered",
  kinds: {
    rewardNotEligible: { severity: "error", summary: "孝善养老奖补发给了不符合年龄条件的成员" },
    rewardWithoutPaid: { severity: "error", summary: "登记了孝善养老奖补，但没有子女缴纳金额" },
    rewardAboveAllowed: {
      severity: "error",
      summary: "孝善养老奖补超过应得额（缴纳金额的{filialRewardRateCap}，每月最多计{filialMonthlyContribution}）",
    },
    notRegistered: { severity: "info", summary: "符合条件的老人未登记子女缴纳赡养金" },
    gradeUnknown: {
      severity: "info",
      summary: "登记了奖补的成员有残疾但未登记等级，年龄只在残疾等级不高于{filialSevereDisabilityMaxGrade}时符合：无法判断",
    },
  },
  needs: [
    ["filialReward", "filialPaid"],
    ["age", "birthDate", "personId"],
  ],
  explanation:
    "子女为满{filialMinAge}（残疾等级不高于{filialSevereDisabilityMaxGrade}的满{filialMinAgeSevereDisability}）" +
    "的老人自愿缴纳赡养金，按不超过缴纳金额的{filialRewardRateCap}奖补，" +
    "缴纳金额每月最多计{filialMonthlyContribution}。奖补超过应得额，或发给不符合年龄条件、" +
    "没有缴纳记录的成员，报告为错误；符合年龄条件但没有缴纳记录的老人给出提示，" +
    "便于动员子女缴纳。残疾等级取“残疾等级”列，" +
    "或残疾人证号（证件号码或“残疾证号”列中18位身份证号后的第2位数字）；" +
    "台账只写了残疾（健康状况“残疾”、残疾类别、证件类型“残疾人证”）而没有等级、" +
    "年龄又只在残疾等级不高于{filialSevereDisabilityMaxGrade}时才符合的，无法判断，给出提示，" +
    "不报错误。年龄（年龄、出生日期或证件号码）或缴纳金额写了但无法识别的，由 D03、D04 报告，" +
    "本条不据此判断。",
  remedy: "核对老人年龄、残疾等级和子女缴纳金额，收回多发的奖补；动员符合条件老人的子女自愿缴纳。",
  message(data, subject) {
    if (data.kind === "gradeUnknown") {
      return `${subject}（${data.age}周岁）登记了孝善养老奖补${yuan(data.recorded)}，台账记有残疾但没有残疾等级：按方案${ageCondition(data)}，无法判断是否符合条件。请补登残疾等级后再核对。`;
    }
    if (data.kind === "notRegistered") {
      return `${subject}（${data.age}周岁）符合孝善养老条件，尚未登记子女缴纳赡养金。可动员子女自愿缴纳，享受方案二（十）20奖补。`;
    }
    const why =
      data.kind === "rewardNotEligible"
        ? `该成员${data.age === null ? "年龄不详" : `${data.age}周岁`}，不符合孝善养老条件（${ageCondition(data)}）`
        : data.kind === "rewardWithoutPaid"
          ? "没有登记子女缴纳金额"
          : `按子女缴纳${yuan(data.paid)}计算最多${yuan(data.allowed)}`;
    return `${subject}：孝善养老奖补登记${yuan(data.recorded)}，${why}。方案二（十）20：奖补不超过缴纳金额的${percent(data.filialRewardRateCap)}。`;
  },
  run(context, report) {
    const { filialRewardRateCap, filialMonthlyContribution, filialMinAge, filialMinAgeSevereDisability, filialSevereDisabilityMaxGrade } =
      context.policy.values;
    for (const facts of context.households) {
      for (const person of facts.household.members) {
        const { age, disabilityGrade, eligible, undecided, unreadable } = filialMember(context, person);
        const elder: Elder = { age, disabilityGrade };
        const paid = person.values.filialPaid;
        const recorded = person.values.filialReward;
        // An age or a contribution written but unreadable (D03/D04 say so) is not "too young" or "nothing paid".
        if (unreadable) continue;
        if (recorded !== undefined && recorded > 0) {
          const place = atMember(context, facts, person, "filialReward");
          if (undecided && age !== null) {
            report(
              { kind: "gradeUnknown", recorded, age, filialMinAge, filialMinAgeSevereDisability, filialSevereDisabilityMaxGrade },
              place,
            );
          } else if (!eligible) {
            report(
              {
                kind: "rewardNotEligible",
                recorded,
                filialRewardRateCap,
                ...elder,
                filialMinAge,
                filialMinAgeSevereDisability,
                filialSevereDisabilityMaxGrade,
              },
              place,
            );
          } else if (paid === undefined) {
            report({ kind: "rewardWithoutPaid", recorded, filialRewardRateCap, ...elder }, place);
          } else {
            const allowed = allowedFilialReward(paid, context.policy);
            if (recorded > allowed)
              report(
                { kind: "rewardAboveAllowed", recorded, allowed, paid, filialRewardRateCap, filialMonthlyContribution, ...elder },
                place,
              );
          }
        } else if (eligible && (paid === undefined || paid <= 0)) {
          report(
            { kind: "notRegistered", paid: paid ?? null, ...elder },
            atMember(context, facts, person, context.has("filialPaid") ? "filialPaid" : "filialReward"),
          );
        }
      }
    }
  },
});

const GRADE_NUMERALS = ["一", "二", "三", "四"];

/** "60周岁，一、二级残疾55周岁". */
function ageCondition(condition: AgeCondition): string {
  const grades = GRADE_NUMERALS.slice(0, condition.filialSevereDisabilityMaxGrade).join("、");
  return `${condition.filialMinAge}周岁，${grades}级残疾${condition.filialMinAgeSevereDisability}周岁`;
}
