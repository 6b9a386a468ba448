import type { RuleCases } from "../cases";

const AGE_CONDITION = { filialMinAge: 60, filialMinAgeSevereDisability: 55, filialSevereDisabilityMaxGrade: 2 } as const;

export const M07_CASES: RuleCases<"M07"> = {
  rule: "M07",
  header: ["户编号", "证件号码", "姓名", "与户主关系", "年龄", "残疾等级", "人均纯收入（元）", "孝善养老缴纳金额", "孝善养老奖补"],
  cases: [
    {
      name: "60 周岁老人，子女全年缴纳 3600 元，奖补 1080.01 元：超过 30%",
      rows: [["H001", "370402196501011716", "赵一", "户主", 60, null, 9000, 3600, 1080.01]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "I2",
          data: {
            kind: "rewardAboveAllowed",
            recorded: 1080.01,
            allowed: 1080,
            paid: 3600,
            filialRewardRateCap: 0.3,
            filialMonthlyContribution: 300,
            age: 60,
            disabilityGrade: null,
          },
        },
      ],
    },
    {
      name: "奖补恰好 1080 元；56 周岁、二级残疾的老人（放宽到 55 周岁）：不报",
      rows: [
        ["H001", "370402196501011724", "赵一", "户主", 60, null, 9000, 3600, 1080],
        ["H002", "370402196901011731", "钱二", "户主", 56, "肢体二级", 9000, 3600, 1080],
      ],
      findings: [],
    },
    {
      name: "全年缴纳 4800 元，每月最多计 300 元：奖补最多 1080 元",
      rows: [["H001", "370402196001011744", "赵一", "户主", 65, null, 9000, 4800, 1440]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "I2",
          data: {
            kind: "rewardAboveAllowed",
            recorded: 1440,
            allowed: 1080,
            paid: 4800,
            filialRewardRateCap: 0.3,
            filialMonthlyContribution: 300,
            age: 65,
            disabilityGrade: null,
          },
        },
      ],
    },
    {
      name: "58 周岁无残疾、56 周岁三级残疾：不符合年龄条件，不应奖补",
      rows: [
        ["H001", "370402196701011753", "赵一", "户主", 58, null, 9000, 3600, 1080],
        ["H002", "370402196901011766", "钱二", "户主", 56, "三级", 9000, 3600, 1080],
      ],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "I2",
          data: { kind: "rewardNotEligible", recorded: 1080, filialRewardRateCap: 0.3, age: 58, disabilityGrade: null, ...AGE_CONDITION },
        },
        {
          severity: "error",
          household: "H002",
          cell: "I3",
          data: { kind: "rewardNotEligible", recorded: 1080, filialRewardRateCap: 0.3, age: 56, disabilityGrade: 3, ...AGE_CONDITION },
        },
      ],
    },
    {
      name: "登记了奖补，但没有子女缴纳金额",
      rows: [["H001", "370402196001011779", "赵一", "户主", 65, null, 9000, null, 500]],
      findings: [
        {
          severity: "error",
          household: "H001",
          cell: "I2",
          data: { kind: "rewardWithoutPaid", recorded: 500, filialRewardRateCap: 0.3, age: 65, disabilityGrade: null },
        },
      ],
    },
    {
      name: "70 周岁老人，没有缴纳也没有奖补：提示动员子女缴纳；59 周岁的不提示",
      rows: [
        ["H001", "370402195501011789", "赵一", "户主", 70, null, 9000, null, null],
        ["H001", "370402196601011799", "赵小", "之子", 59, null, 9000, null, null],
      ],
      findings: [
        { severity: "info", household: "H001", cell: "H2", data: { kind: "notRegistered", paid: null, age: 70, disabilityGrade: null } },
      ],
    },
    {
      name: "57 周岁，健康状况“残疾”、残疾类别“肢体”，没有残疾等级，登记了奖补：等级不明，无法判断，只作提示；52 周岁的同样情形仍不符合",
      header: [
        "户编号",
        "证件号码",
        "姓名",
        "与户主关系",
        "年龄",
        "健康状况",
        "残疾类别",
        "人均纯收入（元）",
        "孝善养老缴纳金额",
        "孝善养老奖补",
      ],
      rows: [
        ["H001", "370402196801011814", "赵一", "户主", 57, "残疾", "肢体", 9000, 3600, 1080],
        ["H002", "370402197301011839", "钱二", "户主", 52, "残疾", "肢体", 9000, 3600, 1080],
      ],
      findings: [
        { severity: "info", household: "H001", cell: "J2", data: { kind: "gradeUnknown", recorded: 1080, age: 57, ...AGE_CONDITION } },
        {
          severity: "error",
          household: "H002",
          cell: "J3",
          data: { kind: "rewardNotEligible", recorded: 1080, filialRewardRateCap: 0.3, age: 52, disabilityGrade: null, ...AGE_CONDITION },
        },
      ],
    },
    {
      name: "证件类型“残疾人证”，证件号码是 20 位残疾人证号（末两位 42：肢体、二级），56 周岁：按二级放宽到 55 周岁，不报",
      header: ["户编号", "证件类型", "证件号码", "姓名", "与户主关系", "年龄", "人均纯收入（元）", "孝善养老缴纳金额", "孝善养老奖补"],
      rows: [["H001", "残疾人证", "37040219690101182X42", "赵一", "户主", 56, 9000, 3600, 1080]],
      findings: [],
    },
    {
      name: "年龄只能从证件号码得出而号码校验位错误（D03 报告），或缴纳金额写成“三千六”无法识别（D04 报告）：不当作不符合条件或没有缴纳，不报；没有年龄也没有证件号码的仍报告",
      rows: [
        ["H001", "370402195501011900", "赵一", "户主", null, null, 9000, 3600, 1080],
        ["H002", "370402196001011912", "钱二", "户主", 65, null, 9000, "三千六", 1080],
        ["H003", null, "孙三", "户主", null, null, 9000, 3600, 1080],
      ],
      findings: [
        {
          severity: "error",
          household: "H003",
          cell: "I4",
          data: { kind: "rewardNotEligible", recorded: 1080, filialRewardRateCap: 0.3, age: null, disabilityGrade: null, ...AGE_CONDITION },
        },
      ],
    },
  ],
};
