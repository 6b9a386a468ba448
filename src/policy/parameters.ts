/**
 * The plan's numbers, each once, as dated parameters (the OpenFisca way):
 * a value applies from its date until the next one. Clauses refer to
 * 枣高社字【2023】16号《关于开展十项增收帮扶行动的实施方案（2023—2025年）》.
 *
 * Nothing else in the code base writes these numbers: formulas, functions and
 * checks read them from a resolved Policy (see ./policy.ts).
 */

export type Unit =
  "yuan per person per year" | "yuan per household" | "yuan per month" | "yuan per hour" | "yuan" | "share" | "years" | "grade" | "months";

export interface DatedValue {
  /** ISO date from which the value applies. */
  readonly from: string;
  readonly value: number;
  /**
   * The document that set this value, when it is not the plan at the parameter's clause: a
   * later notice that raised a threshold, or the national rule the plan refers to.
   */
  readonly source?: string;
}

export interface ParameterDefinition {
  /** Chinese label shown to users. */
  readonly label: string;
  readonly labelEn: string;
  readonly unit: Unit;
  /** Clause of the plan (or the outside source) the value comes from. */
  readonly clause: string;
  readonly description: string;
  readonly values: readonly DatedValue[];
  /** Bounds a value (shipped or overridden) must respect. */
  readonly min: number;
  readonly max: number;
  readonly minExclusive?: boolean;
  readonly integer?: boolean;
  /**
   * Set by the locality, not by the plan: the shipped value is only a default,
   * reported as unconfirmed until a policy file sets or confirms it.
   */
  readonly localDefault?: { readonly note: string };
}

/** The plan covers these years; a later date uses the last values, flagged as outside the plan period. */
export const PLAN_PERIOD = { firstYear: 2023, lastYear: 2025 } as const;

/**
 * Years a policy file may set and a check date may fall in. Not the plan's numbers: a sanity
 * range (a date outside it is a typo such as --as-of 1, or an Excel serial taken for a year).
 */
export const ACCEPTED_YEARS = { first: 2000, last: 2100 } as const;

const PLAN_START = "2023-01-01";

/** The contribution ages of resident pension insurance come from the national scheme, not from the plan. */
const PENSION_SCHEME = "国发〔2014〕8号《国务院关于建立统一的城乡居民基本养老保险制度的意见》";

export const PARAMETERS = {
  lowIncomeThreshold: {
    label: "低收入脱贫户标准（人均纯收入低于）",
    labelEn: "Low-income threshold (per-capita net income below)",
    unit: "yuan per person per year",
    clause: "二（一）",
    description: "人均纯收入低于此值为低收入脱贫户；不低于此值且低于高收入标准为中等收入脱贫户。标准每年随经济社会发展水平调整。",
    values: [{ from: PLAN_START, value: 11000 }],
    min: 0,
    max: 1_000_000,
    minExclusive: true,
  },
  highIncomeThreshold: {
    label: "高收入脱贫户标准（人均纯收入不低于）",
    labelEn: "High-income threshold (per-capita net income at least)",
    unit: "yuan per person per year",
    clause: "二（一）",
    description: "人均纯收入不低于此值为高收入脱贫户。",
    values: [{ from: PLAN_START, value: 15000 }],
    min: 0,
    max: 1_000_000,
    minExclusive: true,
  },
  courtyardSubsidyRate: {
    label: "庭院经济奖补比例",
    labelEn: "Courtyard-economy subsidy rate",
    unit: "share",
    clause: "二（六）12",
    description: "对发展“五小经济”的低收入脱贫户，按投资金额的此比例给予奖补。",
    values: [{ from: PLAN_START, value: 0.5 }],
    min: 0,
    max: 1,
    minExclusive: true,
  },
  courtyardSubsidyCap: {
    label: "庭院经济奖补上限（每户，方案期内累计）",
    labelEn: "Courtyard-economy subsidy cap (per household, over the plan period)",
    unit: "yuan per household",
    clause: "二（六）12",
    description: "每户奖补最高不超过此金额。方案未写明按年还是按期计算，本工具按方案期内每户累计计算（已发放金额计入）。",
    values: [{ from: PLAN_START, value: 5000 }],
    min: 0,
    max: 1_000_000,
  },
  filialMinAge: {
    label: "孝善养老老人年龄（周岁）",
    labelEn: "Filial elder-care: minimum age",
    unit: "years",
    clause: "二（十）20",
    description: "脱贫户中达到此周岁的老人，其子女自愿缴纳赡养金可获奖补。",
    values: [{ from: PLAN_START, value: 60 }],
    min: 0,
    max: 120,
    integer: true,
  },
  filialMinAgeSevereDisability: {
    label: "孝善养老老人年龄（重度残疾放宽后，周岁）",
    labelEn: "Filial elder-care: minimum age with a severe disability",
    unit: "years",
    clause: "二（十）20",
    description: "残疾等级不高于“孝善养老放宽年龄的残疾等级”的老人（方案为一、二级残疾人员）可放宽至此周岁。",
    values: [{ from: PLAN_START, value: 55 }],
    min: 0,
    max: 120,
    integer: true,
  },
  filialSevereDisabilityMaxGrade: {
    label: "孝善养老放宽年龄的残疾等级（不高于）",
    labelEn: "Filial elder-care: disability grades that lower the age (up to)",
    unit: "grade",
    clause: "二（十）20",
    description: "残疾等级为一级至此级的老人适用放宽后的年龄。",
    values: [{ from: PLAN_START, value: 2 }],
    min: 1,
    max: 4,
    integer: true,
  },
  filialMonthlyContribution: {
    label: "孝善养老子女缴纳赡养金（每月）",
    labelEn: "Filial elder-care: monthly contribution by the children",
    unit: "yuan per month",
    clause: "二（十）20",
    description: "子女自愿缴纳赡养金的标准。方案未写明奖补基数，本工具按“实缴金额，但每月不超过此标准”计算。",
    values: [{ from: PLAN_START, value: 300 }],
    min: 0,
    max: 100_000,
    minExclusive: true,
  },
  filialRewardRateCap: {
    label: "孝善养老奖补比例上限",
    labelEn: "Filial elder-care: maximum reward rate",
    unit: "share",
    clause: "二（十）20",
    description: "区、街道两级按不超过缴纳金额的此比例给予奖补。",
    values: [{ from: PLAN_START, value: 0.3 }],
    min: 0,
    max: 1,
    minExclusive: true,
  },
  fuminLoanRiskCompensationLimit: {
    label: "齐鲁富民贷风险补偿单户贷款额度（以下，不含）",
    labelEn: "Qilu Fumin loan: risk compensation only for single loans below",
    unit: "yuan",
    clause: "二（七）14",
    description: "风险补偿只用于单户贷款额度低于此金额（不含）且出现本金逾期的贷款。",
    values: [{ from: PLAN_START, value: 100_000 }],
    min: 0,
    max: 100_000_000,
    minExclusive: true,
  },
  visitIntervalMonths: {
    label: "低收入户走访（联系）间隔（月）",
    labelEn: "Low-income households: months between visits or calls",
    unit: "months",
    clause: "二（一）3",
    description: "增收帮扶责任人每月至少入户走访一次；长期不在家的每月通过电话、微信联系一次。",
    values: [{ from: PLAN_START, value: 1 }],
    min: 1,
    max: 12,
    integer: true,
  },
  pensionContributionMinAge: {
    label: "居民养老保险缴费年龄下限（周岁）",
    labelEn: "Resident pension: contribution age from",
    unit: "years",
    clause: "二（十）21",
    description: "缴费年龄段：年满此周岁（不含在校学生）至领取年龄前。来源：城乡居民基本养老保险制度。",
    values: [{ from: PLAN_START, value: 16, source: PENSION_SCHEME }],
    min: 0,
    max: 120,
    integer: true,
  },
  pensionContributionMaxAge: {
    label: "居民养老保险缴费年龄上限（周岁）",
    labelEn: "Resident pension: contribution age up to",
    unit: "years",
    clause: "二（十）21",
    description: "年满60周岁起领取养老金，缴费年龄段至此周岁。来源：城乡居民基本养老保险制度。",
    values: [{ from: PLAN_START, value: 59, source: PENSION_SCHEME }],
    min: 0,
    max: 120,
    integer: true,
  },
  perCapitaTolerance: {
    label: "人均纯收入核对允许误差",
    labelEn: "Tolerance when re-computing per-capita income",
    unit: "yuan",
    clause: "数据核对",
    description: "台账人均纯收入与（各项收入−生产经营性支出）÷家庭人口数相差超过此金额时提示核对，以容纳四舍五入。",
    values: [{ from: PLAN_START, value: 1, source: "本工具的取值：容纳按元取整造成的差额" }],
    min: 0,
    max: 10_000,
  },
  hourlyMinimumWage: {
    label: "当地小时最低工资标准",
    labelEn: "Local hourly minimum wage",
    unit: "yuan per hour",
    clause: "二（四）8",
    description: "公益性岗位补贴不低于当地小时最低工资标准。由当地人社部门公布，须由使用单位确认。",
    values: [{ from: PLAN_START, value: 19 }],
    min: 0,
    max: 1000,
    minExclusive: true,
    localDefault: { note: "默认值仅供参考，请按本地人社部门公布的标准确认或修改" },
  },
  farmersIncomeGrowth: {
    label: "当地农民人均可支配收入增幅",
    labelEn: "Local farmers' income growth",
    unit: "share",
    clause: "一",
    description: "脱贫人口人均纯收入增幅应连续高于当地农民。当地统计部门每年公布，须由使用单位确认。",
    values: [{ from: PLAN_START, value: 0.07 }],
    min: -1,
    // A share: 1 is 100%, far above any year's growth; 7 is 7% typed as a whole number.
    max: 1,
    localDefault: { note: "默认值仅供参考，请按本地统计部门公布的增幅确认或修改" },
  },
} as const satisfies Record<string, ParameterDefinition>;

export type ParameterKey = keyof typeof PARAMETERS;

export const PARAMETER_KEYS = Object.keys(PARAMETERS) as ParameterKey[];

/** Units in Chinese, for labels and messages. */
export const UNIT_LABELS: Record<Unit, string> = {
  "yuan per person per year": "元/人·年",
  "yuan per household": "元/户",
  "yuan per month": "元/月",
  "yuan per hour": "元/小时",
  yuan: "元",
  share: "比例",
  years: "周岁",
  grade: "级",
  months: "月",
};

/** A parameter's value as a user reads it: 7%, 19元/小时, 60周岁. */
export function formatParameterValue(key: ParameterKey, value: number): string {
  const unit = PARAMETERS[key].unit;
  if (unit === "share") return `${Number((value * 100).toFixed(2))}%`;
  return `${value.toLocaleString("zh-CN")}${UNIT_LABELS[unit]}`;
}
