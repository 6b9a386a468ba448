/**
 * The ledger schema: canonical fields, the header spellings seen in real ledgers
 * (../shared/LEDGER-COLUMNS.md), and how each field's values are read.
 */

/** How a column's cells are read (see ./values.ts). */
export type FieldType =
  | "text"
  | "idNumber"
  | "integer"
  | "amount"
  | "date"
  | "yesNo"
  | "coverage" // 是/否, or text naming what is enjoyed (享受低保政策情况: 农村低保)
  | "disability"
  | "labor"
  | "student"
  | "tier";

/** Household fields hold one value per household; person fields one per member. */
export type FieldLevel = "household" | "person";

/**
 * A header spelling of a field: the text alone, or with where it was seen
 * (e.g. "全国防返贫监测信息系统导出"), which the generated docs/columns.md shows.
 */
export type Alias = string | { readonly header: string; readonly source: string };

/** The header text of an alias. */
export function aliasHeader(alias: Alias): string {
  return typeof alias === "string" ? alias : alias.header;
}

export interface FieldDefinition {
  readonly label: string;
  /** Header spellings, the canonical one first: it wins when two columns match one field. */
  readonly aliases: readonly Alias[];
  readonly type: FieldType;
  readonly level: FieldLevel;
}

export const FIELDS = {
  householdId: { label: "户编号", aliases: ["户编号", "户码", "户号", "家庭编号"], type: "text", level: "household" },
  personId: { label: "证件号码", aliases: ["证件号码", "身份证号", "身份证号码", "公民身份号码", "成员证件号码", "户主证件号码", "户主身份证号"], type: "idNumber", level: "person" },
  name: { label: "姓名", aliases: ["姓名", "成员姓名"], type: "text", level: "person" },
  headName: { label: "户主姓名", aliases: ["户主姓名", "户主"], type: "text", level: "household" },
  relation: { label: "与户主关系", aliases: ["与户主关系"], type: "text", level: "person" },
  town: { label: "乡(镇)", aliases: ["乡(镇)", "乡镇", "乡", "镇", "街道", "乡镇(街道)", "乡(镇、街道)", "街道(乡镇)"], type: "text", level: "household" },
  village: { label: "行政村", aliases: ["行政村", "村", "社区", "村(社区)", "村居", "村(居)", "行政村(社区)"], type: "text", level: "household" },
  householdSize: { label: "家庭人口数", aliases: ["家庭人口数", "人口数", "人数", "当前家庭人口数", "年度家庭人口数", "家庭人口"], type: "integer", level: "household" },
  age: { label: "年龄", aliases: ["年龄", "周岁"], type: "integer", level: "person" },
  birthDate: { label: "出生日期", aliases: ["出生日期", "出生年月"], type: "date", level: "person" },
  labor: { label: "劳动技能", aliases: ["劳动技能", "劳动能力"], type: "labor", level: "person" },
  student: { label: "在校生状况", aliases: ["在校生状况", "是否在校生"], type: "student", level: "person" },
  disability: { label: "残疾等级", aliases: ["残疾等级", "残疾级别"], type: "disability", level: "person" },
  absentLongTerm: { label: "是否长期外出", aliases: ["是否长期外出", "长期外出", "长期不在家"], type: "yesNo", level: "household" },
  wageIncome: { label: "工资性收入", aliases: ["工资性收入"], type: "amount", level: "household" },
  businessIncome: { label: "生产经营性收入", aliases: ["生产经营性收入", "家庭经营性收入", "经营性收入"], type: "amount", level: "household" },
  propertyIncome: { label: "财产性收入", aliases: ["财产性收入"], type: "amount", level: "household" },
  transferIncome: { label: "转移性收入", aliases: ["转移性收入", "转移性收入合计"], type: "amount", level: "household" },
  businessCosts: { label: "生产经营性支出", aliases: ["生产经营性支出", "生产经营性支出合计"], type: "amount", level: "household" },
  netIncome: { label: "纯收入", aliases: ["纯收入", "家庭纯收入", "年纯收入"], type: "amount", level: "household" },
  perCapitaIncome: { label: "人均纯收入", aliases: ["人均纯收入", "家庭人均纯收入", "年人均纯收入"], type: "amount", level: "household" },
  lastYearPerCapitaIncome: { label: "上年人均纯收入", aliases: ["上年人均纯收入", "上年度人均纯收入"], type: "amount", level: "household" },
  tier: { label: "收入分层", aliases: ["收入分层", "收入类别", "收入分类", "收入档次"], type: "tier", level: "household" },
  measures: { label: "帮扶措施", aliases: ["帮扶措施", "增收措施", "增收帮扶措施", "一户一策措施"], type: "text", level: "household" },
  supportCadre: { label: "增收帮扶责任人", aliases: ["增收帮扶责任人", "帮扶责任人", "帮扶干部"], type: "text", level: "household" },
  lastContactDate: { label: "最近走访日期", aliases: ["最近走访日期", "最近联系日期", "最近走访时间", "走访日期"], type: "date", level: "household" },
  medicalInsurance: { label: "是否参加城乡居民基本医疗保险", aliases: ["是否参加城乡居民基本医疗保险", "基本医疗保险", "医保参保"], type: "yesNo", level: "person" },
  pensionInsurance: { label: "是否参加城乡居民基本养老保险", aliases: ["是否参加城乡居民基本养老保险", "养老保险参保", "基本养老保险"], type: "yesNo", level: "person" },
  receivesPension: { label: "是否领取养老金", aliases: ["是否领取养老金", "领取养老金"], type: "yesNo", level: "person" },
  accidentInsurance: { label: "意外伤害保险", aliases: ["意外伤害保险", "是否享受人身意外保险补贴", "意外险"], type: "yesNo", level: "household" },
  dibao: { label: "享受低保政策情况", aliases: ["享受低保政策情况", "是否低保", "低保"], type: "coverage", level: "household" },
  tekun: { label: "享受特困供养政策情况", aliases: ["享受特困供养政策情况", "是否特困", "特困供养"], type: "coverage", level: "household" },
  welfarePostMonthlyPay: { label: "公益性岗位月工资", aliases: ["公益性岗位月工资", "公益岗月工资", "公益性岗位月补贴"], type: "amount", level: "person" },
  welfarePostMonthlyHours: { label: "公益性岗位月工时", aliases: ["公益性岗位月工时", "公益岗月工时"], type: "amount", level: "person" },
  courtyardInvestment: { label: "庭院经济投资额", aliases: ["庭院经济投资额", "庭院经济投资"], type: "amount", level: "household" },
  courtyardSubsidy: { label: "庭院经济奖补", aliases: ["庭院经济奖补", "庭院经济奖补金额"], type: "amount", level: "household" },
  filialPaid: { label: "孝善养老缴纳金额", aliases: ["孝善养老缴纳金额", "子女缴纳赡养金", "赡养金缴纳额"], type: "amount", level: "person" },
  filialReward: { label: "孝善养老奖补", aliases: ["孝善养老奖补", "孝善养老奖补金额"], type: "amount", level: "person" },
  smallLoanRepaid: { label: "小额信贷是否还清", aliases: ["小额信贷是否还清", "贷款是否结清"], type: "yesNo", level: "household" },
  smallLoanInterestSubsidy: { label: "小额信贷贴息", aliases: ["小额信贷贴息", "贴息金额"], type: "amount", level: "household" },
  fuminLoanAmount: { label: "齐鲁富民贷金额", aliases: ["齐鲁富民贷金额", "富民贷金额"], type: "amount", level: "household" },
  fuminRiskCompensation: { label: "富民贷风险补偿", aliases: ["富民贷风险补偿", "风险补偿金额"], type: "amount", level: "household" },
} as const satisfies Record<string, FieldDefinition>;

export type FieldKey = keyof typeof FIELDS;
export const FIELD_KEYS = Object.keys(FIELDS) as FieldKey[];

/** Columns that each stand for one kind of measure: any value other than blank or a "no" marks it applied. */
export const MEASURE_KIND_COLUMNS = [
  "产业帮扶",
  "就业帮扶",
  "金融帮扶",
  "公益性岗位帮扶",
  "健康帮扶",
  "教育帮扶",
  "综合保障",
  "社会帮扶",
  "以工代赈",
  "庭院经济帮扶",
  "资产收益帮扶",
] as const;
