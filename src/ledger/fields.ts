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

/** Where an alias was seen: the exports and templates of docs/real-exports.md. */
const NATIONAL = "全国防返贫监测信息系统“（自定义）监测对象信息”导出";
const ALL_FIELDS = "全国系统“全县全字段”导出";
const PAIRING = "全国系统“帮扶责任人结对查询”导出";
const OLD_EXPORT = "建档立卡“人口”导出（旧版）";
const POOR_LIST = "已脱贫人口名单";
const RELOCATION = "易地扶贫搬迁人员信息模板";
const SMALL_LOAN = "金融扶贫小额信贷台账导出";
const PROVINCIAL = "省级低收入农户系统旧模板";

export const FIELDS = {
  householdId: {
    label: "户编号",
    aliases: ["户编号", "户码", "户号", "家庭编号", { header: "农户编码", source: PROVINCIAL }],
    type: "text",
    level: "household",
  },
  personId: {
    label: "证件号码",
    aliases: ["证件号码", "身份证号", "身份证号码", "公民身份号码", "成员证件号码", { header: "搬迁人员身份证号", source: RELOCATION }],
    type: "idNumber",
    level: "person",
  },
  name: { label: "姓名", aliases: ["姓名", "成员姓名", { header: "搬迁人员姓名", source: RELOCATION }], type: "text", level: "person" },
  headName: { label: "户主姓名", aliases: ["户主姓名", "户主", { header: "户名", source: PROVINCIAL }], type: "text", level: "household" },
  headId: {
    label: "户主证件号码",
    aliases: [{ header: "户主证件号码", source: ALL_FIELDS }, { header: "户主身份证号", source: RELOCATION }, "户主身份证号码"],
    type: "idNumber",
    level: "household",
  },
  headPersonNo: { label: "户主个人编号", aliases: [{ header: "户主个人编号", source: PAIRING }], type: "text", level: "household" },
  personNo: {
    label: "人口编号",
    aliases: [{ header: "人口编号", source: ALL_FIELDS }, { header: "人编号", source: POOR_LIST }, "个人编号"],
    type: "text",
    level: "person",
  },
  relation: { label: "与户主关系", aliases: ["与户主关系"], type: "text", level: "person" },
  isHead: { label: "是否户主", aliases: ["是否户主", { header: "是否户主(是/否)", source: RELOCATION }], type: "yesNo", level: "person" },
  town: {
    label: "乡(镇)",
    aliases: ["乡(镇)", "乡镇", "乡", "镇", "街道", "乡镇(街道)", "乡(镇、街道)", "街道(乡镇)"],
    type: "text",
    level: "household",
  },
  village: {
    label: "行政村",
    aliases: ["行政村", "村", "社区", "村(社区)", "村居", "村(居)", "行政村(社区)"],
    type: "text",
    level: "household",
  },
  householdType: {
    label: "户类型",
    aliases: [
      { header: "户类型", source: NATIONAL },
      { header: "脱贫属性", source: SMALL_LOAN },
      { header: "是否脱贫(是/否)", source: RELOCATION },
    ],
    type: "text",
    level: "household",
  },
  monitoringCategory: {
    label: "监测对象类别",
    aliases: [
      { header: "监测对象类别", source: NATIONAL },
      { header: "易返贫致贫户(监测对象)类型", source: POOR_LIST },
    ],
    type: "text",
    level: "household",
  },
  riskRemoved: {
    label: "风险是否已消除",
    aliases: [
      { header: "风险是否已消除", source: NATIONAL },
      { header: "风险是否消除", source: POOR_LIST },
    ],
    type: "yesNo",
    level: "household",
  },
  householdSize: {
    label: "家庭人口数",
    aliases: ["家庭人口数", { header: "年度家庭人口数", source: NATIONAL }, "人口数", "人数", "家庭人口"],
    type: "integer",
    level: "household",
  },
  currentHouseholdSize: {
    label: "当前家庭人口数",
    aliases: [{ header: "当前家庭人口数", source: NATIONAL }],
    type: "integer",
    level: "household",
  },
  age: { label: "年龄", aliases: ["年龄", "周岁"], type: "integer", level: "person" },
  birthDate: { label: "出生日期", aliases: ["出生日期", "出生年月"], type: "date", level: "person" },
  labor: {
    label: "劳动技能",
    aliases: ["劳动技能", "劳动能力", { header: "劳动力状况", source: PROVINCIAL }],
    type: "labor",
    level: "person",
  },
  laborFlag: {
    label: "是否劳动力",
    aliases: [{ header: "是否劳动力(是/否)", source: RELOCATION }, "是否劳动力"],
    type: "yesNo",
    level: "person",
  },
  student: {
    label: "在校生状况",
    aliases: ["在校生状况", "是否在校生", { header: "在校生", source: PROVINCIAL }, { header: "在校生状态", source: "人口指标查询导出" }],
    type: "student",
    level: "person",
  },
  health: {
    label: "健康状况",
    aliases: [{ header: "健康状况", source: NATIONAL }, { header: "身体状况", source: PROVINCIAL }, "是否健康"],
    type: "text",
    level: "person",
  },
  disability: { label: "残疾等级", aliases: ["残疾等级", "残疾级别"], type: "disability", level: "person" },
  disabilityCategory: { label: "残疾类别", aliases: [{ header: "残疾类别", source: OLD_EXPORT }], type: "text", level: "person" },
  disabilityCardNo: {
    label: "残疾证号",
    aliases: [{ header: "残疾证号", source: PROVINCIAL }, "残疾人证号"],
    type: "text",
    level: "person",
  },
  idType: { label: "证件类型", aliases: [{ header: "证件类型", source: NATIONAL }], type: "text", level: "person" },
  absentLongTerm: { label: "是否长期外出", aliases: ["是否长期外出", "长期外出", "长期不在家"], type: "yesNo", level: "household" },
  wageIncome: { label: "工资性收入", aliases: ["工资性收入"], type: "amount", level: "household" },
  businessIncome: {
    label: "生产经营性收入",
    aliases: ["生产经营性收入", "家庭经营性收入", "经营性收入"],
    type: "amount",
    level: "household",
  },
  propertyIncome: { label: "财产性收入", aliases: ["财产性收入"], type: "amount", level: "household" },
  transferIncome: { label: "转移性收入", aliases: ["转移性收入", "转移性收入合计"], type: "amount", level: "household" },
  propertyAndTransferIncome: {
    label: "财产性及转移性收入",
    aliases: [{ header: "财产性及转移性收入", source: PROVINCIAL }],
    type: "amount",
    level: "household",
  },
  businessCosts: { label: "生产经营性支出", aliases: ["生产经营性支出", "生产经营性支出合计"], type: "amount", level: "household" },
  netIncome: {
    label: "纯收入",
    aliases: ["纯收入", "家庭纯收入", "年纯收入", { header: "家庭年总纯收入", source: PROVINCIAL }],
    type: "amount",
    level: "household",
  },
  perCapitaIncome: {
    label: "人均纯收入",
    aliases: ["人均纯收入", "家庭人均纯收入", "年人均纯收入", { header: "家庭年人均纯收入", source: PROVINCIAL }],
    type: "amount",
    level: "household",
  },
  afterRemovalNetIncome: {
    label: "风险消除后家庭纯收入",
    aliases: [{ header: "风险消除后家庭纯收入", source: NATIONAL }],
    type: "amount",
    level: "household",
  },
  afterRemovalPerCapitaIncome: {
    label: "风险消除后家庭人均纯收入",
    aliases: [{ header: "风险消除后家庭人均纯收入", source: NATIONAL }],
    type: "amount",
    level: "household",
  },
  lastYearPerCapitaIncome: { label: "上年人均纯收入", aliases: ["上年人均纯收入", "上年度人均纯收入"], type: "amount", level: "household" },
  tier: { label: "收入分层", aliases: ["收入分层", "收入类别", "收入分类", "收入档次"], type: "tier", level: "household" },
  measures: {
    label: "帮扶措施",
    aliases: [
      "帮扶措施",
      "增收措施",
      "增收帮扶措施",
      "一户一策措施",
      { header: "经营主体带贫带动方式", source: RELOCATION },
      { header: "带动方式", source: RELOCATION },
    ],
    type: "text",
    level: "household",
  },
  supportCadre: { label: "增收帮扶责任人", aliases: ["增收帮扶责任人", "帮扶责任人", "帮扶干部"], type: "text", level: "household" },
  supportStart: { label: "帮扶开始时间", aliases: [{ header: "帮扶开始时间", source: PAIRING }], type: "date", level: "person" },
  supportEnd: { label: "帮扶结束时间", aliases: [{ header: "帮扶结束时间", source: PAIRING }], type: "date", level: "person" },
  lastContactDate: {
    label: "最近走访日期",
    aliases: ["最近走访日期", "最近联系日期", "最近走访时间", "走访日期"],
    type: "date",
    level: "household",
  },
  medicalInsurance: {
    label: "是否参加城乡居民基本医疗保险",
    aliases: [
      "是否参加城乡居民基本医疗保险",
      "基本医疗保险",
      "医保参保",
      { header: "是否参加新型农村合作医疗（城乡居民基本医疗保险）", source: OLD_EXPORT },
      "是否参加新型农村合作医疗",
    ],
    type: "yesNo",
    level: "person",
  },
  employeeMedicalInsurance: {
    label: "是否参加城镇职工基本医疗保险",
    aliases: [{ header: "是否参加城镇职工基本医疗保险", source: NATIONAL }],
    type: "yesNo",
    level: "person",
  },
  pensionInsurance: {
    label: "是否参加城乡居民基本养老保险",
    aliases: ["是否参加城乡居民基本养老保险", "养老保险参保", "基本养老保险"],
    type: "yesNo",
    level: "person",
  },
  employeePensionInsurance: {
    label: "是否参加城镇职工基本养老保险",
    aliases: [{ header: "是否参加城镇职工基本养老保险", source: NATIONAL }],
    type: "yesNo",
    level: "person",
  },
  receivesPension: { label: "是否领取养老金", aliases: ["是否领取养老金", "领取养老金"], type: "yesNo", level: "person" },
  accidentInsurance: {
    label: "意外伤害保险",
    aliases: ["意外伤害保险", "是否享受人身意外保险补贴", "意外险"],
    type: "yesNo",
    level: "household",
  },
  dibao: {
    label: "享受低保政策情况",
    aliases: [
      "享受低保政策情况",
      "是否低保",
      "低保",
      { header: "是否享受低保", source: OLD_EXPORT },
      { header: "是否享受农村居民最低生活保障", source: ALL_FIELDS },
      { header: "低保人口", source: PROVINCIAL },
    ],
    type: "coverage",
    level: "household",
  },
  tekun: {
    label: "享受特困供养政策情况",
    aliases: ["享受特困供养政策情况", "是否特困", "特困供养", { header: "是否特困供养人员", source: ALL_FIELDS }],
    type: "coverage",
    level: "household",
  },
  securityType: {
    label: "兜底保障类型",
    aliases: [{ header: "社会保障兜底保障类型", source: RELOCATION }, "兜底保障类型"],
    type: "text",
    level: "household",
  },
  welfarePost: {
    label: "公益性岗位",
    aliases: [
      { header: "公益性岗位", source: NATIONAL },
      { header: "公益性岗位类型", source: OLD_EXPORT },
      { header: "公益岗位", source: RELOCATION },
    ],
    type: "text",
    level: "person",
  },
  welfarePostMonths: {
    label: "公益性岗位(月数)",
    aliases: [{ header: "公益性岗位(月数)", source: NATIONAL }],
    type: "integer",
    level: "person",
  },
  welfarePostMonthlyPay: {
    label: "公益性岗位月工资",
    aliases: ["公益性岗位月工资", "公益岗月工资", "公益性岗位月补贴"],
    type: "amount",
    level: "person",
  },
  welfarePostMonthlyHours: { label: "公益性岗位月工时", aliases: ["公益性岗位月工时", "公益岗月工时"], type: "amount", level: "person" },
  courtyardInvestment: { label: "庭院经济投资额", aliases: ["庭院经济投资额", "庭院经济投资"], type: "amount", level: "household" },
  courtyardSubsidy: { label: "庭院经济奖补", aliases: ["庭院经济奖补", "庭院经济奖补金额"], type: "amount", level: "household" },
  filialPaid: {
    label: "孝善养老缴纳金额",
    aliases: ["孝善养老缴纳金额", "子女缴纳赡养金", "赡养金缴纳额"],
    type: "amount",
    level: "person",
  },
  filialReward: { label: "孝善养老奖补", aliases: ["孝善养老奖补", "孝善养老奖补金额"], type: "amount", level: "person" },
  borrowerId: {
    label: "贷款人身份证",
    aliases: [{ header: "贷款人身份证", source: SMALL_LOAN }, "贷款人身份证号"],
    type: "idNumber",
    level: "person",
  },
  smallLoanAmount: { label: "贷款金额", aliases: [{ header: "贷款金额", source: SMALL_LOAN }], type: "amount", level: "person" },
  smallLoanBalance: { label: "贷款余额", aliases: [{ header: "贷款余额（万元）", source: SMALL_LOAN }], type: "amount", level: "person" },
  smallLoanRepaidAmount: {
    label: "偿还贷款金额",
    aliases: [{ header: "偿还贷款金额", source: SMALL_LOAN }],
    type: "amount",
    level: "person",
  },
  smallLoanRepaidDate: { label: "还款时间", aliases: [{ header: "还款时间", source: SMALL_LOAN }], type: "date", level: "person" },
  smallLoanRepaid: { label: "小额信贷是否还清", aliases: ["小额信贷是否还清", "贷款是否结清"], type: "yesNo", level: "person" },
  smallLoanInterestSubsidy: {
    label: "小额信贷贴息",
    aliases: ["小额信贷贴息", "贴息金额", { header: "累计贴息金额（元）", source: SMALL_LOAN }],
    type: "amount",
    level: "person",
  },
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
  "生态护林员",
] as const;

export type MeasureKind = (typeof MEASURE_KIND_COLUMNS)[number];

/**
 * Other headers of measure-kind columns, by kind, with where they were seen: the national
 * spelling 公益岗位帮扶, the relocation template's employment and industry columns (是/否 or a text).
 */
export const MEASURE_KIND_ALIASES: { readonly [K in MeasureKind]?: readonly Alias[] } = {
  公益性岗位帮扶: [{ header: "公益岗位帮扶", source: NATIONAL }],
  就业帮扶: [
    { header: "务工省外转移", source: RELOCATION },
    { header: "务工县外省内转移", source: RELOCATION },
    { header: "务工县内转移", source: RELOCATION },
    { header: "社区工厂吸纳及就业扶贫基地带动", source: RELOCATION },
    { header: "自主创业", source: RELOCATION },
    { header: "农业就业", source: RELOCATION },
  ],
  产业帮扶: [
    { header: "自主发展产业类别及规模", source: RELOCATION },
    { header: "发展类别及规模", source: RELOCATION },
  ],
  生态护林员: [{ header: "生态扶贫保障生态护林员", source: RELOCATION }],
};
