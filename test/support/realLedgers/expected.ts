/**
 * What a correct BANGFU reads and reports on each real-layout fixture (index.ts), checked on
 * 2025-12-15 under the 2025 policy. Every expectation says whether the current code meets it
 * (`today`): test/realLedgers/baseline.test.ts asserts exactly those with today: true; the ones
 * with today: false are the work left (docs/real-exports.md, "Findings for the implementation").
 * When a change makes one hold, flip it to true so the baseline keeps it.
 *
 * Field names: the keys of src/ledger/fields.ts where one exists; otherwise a proposed key
 * (listed in PROPOSED_FIELDS) or "kind:…" for a measure-kind column. null = not used by BANGFU.
 */
import type { RuleId, Severity } from "../../../src/checks";
import type { FieldKey } from "../../../src/ledger";
import type { CivilDate } from "../../../src/values";
import { RELOCATED } from "./allpeople";
import { NATIONAL_HOUSEHOLDS } from "./nationalMonitoring";

export const CHECK_DATE: CivilDate = { year: 2025, month: 12, day: 15 };

/** Fields the real exports carry that fields.ts has no key for yet, with the headers that name them. */
export const PROPOSED_FIELDS = {
  householdType: "户类型 / 脱贫属性 / 是否脱贫(是/否): 脱贫户, 一般农户; 已脱贫（享受政策）, 未脱贫, 返贫",
  monitoringCategory: "监测对象类别 / 易返贫致贫户(监测对象)类型: 脱贫不稳定户, 边缘易致贫户, 突发严重困难户; blank = not monitored",
  riskRemoved: "风险是否已消除 / 风险是否消除: 是/否, blank when not monitored",
  currentHouseholdSize: "当前家庭人口数 (members registered now); householdSize takes 年度家庭人口数 when both exist",
  health: "健康状况 / 身体状况: 健康, 长期慢性病, 患有大病, 残疾 …",
  disabilityCategory: "残疾类别: 视力/听力/言语/肢体/智力/精神/多重 (no grade)",
  idType: "证件类型: 居民身份证, 残疾人证 (证件号码 then holds the 20-character 残疾人证号 = ID + category digit + grade digit)",
  employeeMedicalInsurance: "是否参加城镇职工基本医疗保险",
  employeePensionInsurance: "是否参加城镇职工基本养老保险",
  welfarePost: "公益性岗位 / 公益岗位 / 公益性岗位类型: the post held (护林员, 保洁员 …)",
  welfarePostMonths: "公益性岗位(月数)",
  afterRemovalPerCapitaIncome: "风险消除后家庭人均纯收入 (and 风险消除后工资性收入 … 风险消除后家庭纯收入 for the parts)",
  isHead: "是否户主(是/否)",
  laborFlag: "是否劳动力(是/否): 是 = has labour",
  headId: "户主身份证号 / 户主证件号码 / 身份证号 of the head in a household ledger or a side ledger: the household key where there is no 户编号",
  headPersonNo: "户主个人编号 (the head's 人口编号)",
  supportStart: "帮扶开始时间",
  supportEnd: "帮扶结束时间 (blank = current)",
  borrowerId: "贷款人身份证",
  smallLoanAmount: "贷款金额 under 扶贫小额信贷",
  smallLoanBalance: "贷款余额（万元）: 0 = repaid",
  smallLoanRepaidAmount: "偿还贷款金额",
  smallLoanRepaidDate: "还款时间",
  securityType: "社会保障兜底保障类型: 低保金 → 低保, 五保金 → 特困供养, 临时救助金, 无",
  propertyAndTransferIncome: "(3)财产性及转移性收入(元): one column for both components",
  disabilityCardNo: "残疾证号",
} as const;

export type FieldName = FieldKey | keyof typeof PROPOSED_FIELDS | `kind:${string}` | null;

export type Expectation =
  | { readonly kind: "found"; readonly found: boolean; readonly today: boolean; readonly note?: string }
  | { readonly kind: "headerRows"; readonly first: number; readonly last: number; readonly today: boolean; readonly note?: string }
  | { readonly kind: "layout"; readonly layout: "person" | "household"; readonly today: boolean; readonly note?: string }
  | { readonly kind: "households"; readonly count: number; readonly today: boolean; readonly note?: string }
  | { readonly kind: "persons"; readonly count: number; readonly today: boolean; readonly note?: string }
  | { readonly kind: "field"; readonly header: string; readonly field: FieldName; readonly today: boolean; readonly note?: string }
  /** A rule's finding for a household (null: a whole-sheet finding); "any" = no finding of any rule. */
  | { readonly kind: "finding"; readonly rule: RuleId | "any"; readonly household: string | null; readonly fires: boolean; readonly today: boolean; readonly note: string; readonly severity?: Severity }
  | { readonly kind: "ruleRuns"; readonly rule: RuleId; readonly runs: boolean; readonly today: boolean; readonly note?: string }
  /** Behaviour that has no place in today's report (scope, notes, joins): stated for the implementer, never asserted. */
  | { readonly kind: "behaviour"; readonly today: false; readonly note: string };

export interface FixtureExpectations {
  readonly fixture: string;
  /** Sheet index within the fixture (0 = the first). */
  readonly sheet: number;
  readonly role: "main" | "side";
  readonly expectations: readonly Expectation[];
}

const f = (header: string, field: FieldName, today: boolean, note?: string): Expectation => ({ kind: "field", header, field, today, note });
const fires = (rule: RuleId, household: string | null, today: boolean, note: string): Expectation => ({ kind: "finding", rule, household, fires: true, today, note });
const silent = (rule: RuleId | "any", household: string | null, today: boolean, note: string): Expectation => ({ kind: "finding", rule, household, fires: false, today, note });
const runs = (rule: RuleId, today: boolean, note?: string): Expectation => ({ kind: "ruleRuns", rule, runs: true, today, note });
const behaviour = (note: string): Expectation => ({ kind: "behaviour", today: false, note });

/** 户编号 of the national fixture's households 1–10. */
const N = (n: number) => `3704021010010${String(n).padStart(3, "0")}`;
/** The head's ID of the national fixture's household n: the key of the side ledgers that have no 户编号. */
const headOf = (n: number) => NATIONAL_HOUSEHOLDS[n - 1].persons[0].id;
/** The head's ID of the relocation registry's household n (its household key). */
const R = (n: number) => RELOCATED[n - 1].members[0].id;
/** 户编号 of the hand ledger's households 1–8. */
const K = (n: number) => `3704021020020${String(n).padStart(3, "0")}`;

export const EXPECTED: readonly FixtureExpectations[] = [
  {
    fixture: "nationalMonitoring",
    sheet: 0,
    role: "main",
    expectations: [
      { kind: "found", found: true, today: true },
      { kind: "headerRows", first: 3, last: 3, today: true },
      { kind: "layout", layout: "person", today: true },
      { kind: "households", count: 10, today: true },
      { kind: "persons", count: 26, today: true },
      f("户编号", "householdId", true),
      f("证件号码", "personId", true),
      f("姓名", "name", true),
      f("与户主关系", "relation", true),
      f("乡", "town", true),
      f("村", "village", true),
      f("出生日期", "birthDate", true),
      f("在校生状况", "student", true),
      f("劳动技能", "labor", true, "弱劳动力或半劳动力 counts as labour (national rules); 无劳动力 / 丧失劳动力 do not"),
      f("是否参加城乡居民基本医疗保险", "medicalInsurance", true),
      f("是否参加城乡居民基本养老保险", "pensionInsurance", true),
      f("是否享受人身意外保险补贴", "accidentInsurance", true),
      f("享受低保政策情况", "dibao", true),
      f("享受特困供养政策情况", "tekun", true),
      f("工资性收入", "wageIncome", true),
      f("生产经营性收入", "businessIncome", true),
      f("财产性收入", "propertyIncome", true),
      f("转移性收入", "transferIncome", true),
      f("生产经营性支出", "businessCosts", true),
      f("纯收入（元）", "netIncome", true),
      f("人均纯收入（元）", "perCapitaIncome", true),
      f("产业帮扶", "kind:产业帮扶", true),
      f("就业帮扶", "kind:就业帮扶", true),
      f("金融帮扶", "kind:金融帮扶", true),
      f("健康帮扶", "kind:健康帮扶", true),
      f("社会帮扶", "kind:社会帮扶", true),
      f("教育帮扶", "kind:教育帮扶", true),
      f("综合保障", "kind:综合保障", true),
      f("年度家庭人口数", "householdSize", false, "the per-capita divisor; today 当前家庭人口数 takes householdSize and this column is unused"),
      f("当前家庭人口数", "currentHouseholdSize", false),
      f("公益岗位帮扶", "kind:公益性岗位帮扶", false, "the national spelling of the post measure column"),
      f("公益性岗位", "welfarePost", false),
      f("公益性岗位(月数)", "welfarePostMonths", false),
      f("是否参加城镇职工基本医疗保险", "employeeMedicalInsurance", false),
      f("是否参加城镇职工基本养老保险", "employeePensionInsurance", false),
      f("户类型", "householdType", false),
      f("监测对象类别", "monitoringCategory", false),
      f("风险是否已消除", "riskRemoved", false),
      f("风险消除后家庭人均纯收入", "afterRemovalPerCapitaIncome", false),
      f("健康状况", "health", false),
      f("残疾类别", "disabilityCategory", false),
      f("证件类型", "idType", false),
      f("年收入（元）", null, true, "income before costs; not one of the plan's parts"),
      f("公益性岗位收入", null, true, "a part of 工资性收入, already inside it"),
      f("最低生活保障金", null, true, "a part of 转移性收入"),
      runs("D05", true),
      runs("M03", true),
      runs("M04", true),
      runs("M08", true),
      runs("M09", true),
      runs("M12", true),
      silent("D03", N(1), false, "配偶的证件号码是20位残疾人证号（证件类型“残疾人证”）：前18位是有效身份证号，后两位是残疾类别4（肢体）和等级2"),
      silent("M03", N(1), false, "措施登记在“公益岗位帮扶”列"),
      silent("M12", N(1), false, "户主“弱劳动力或半劳动力”按国家口径是劳动力，该户不是整户无劳动力"),
      silent("M04", N(1), true, "有公益性岗位措施（无论按哪种口径都不应报）"),
      silent("M09", N(2), false, "户主参加城镇职工基本医疗保险"),
      silent("M08", N(2), false, "户主参加城镇职工基本养老保险"),
      silent("D05", N(3), false, "人均纯收入11700 = 35100 ÷ 年度家庭人口数3；当前家庭人口数2是年末人数"),
      silent("any", N(4), true, "边缘易致贫户、风险未消除：属方案的“脱贫户”，按识别时收入6000元分为低收入，措施齐全，无问题"),
      silent("M04", N(5), false, "风险已消除，应按风险消除后家庭人均纯收入13666.67元分为中等收入；M04 只对低收入户"),
      silent("M03", N(6), false, "一般农户、风险已消除：不属方案的“脱贫户”，应单列，不作增收措施检查"),
      silent("M04", N(6), false, "一般农户、风险已消除：不属方案的“脱贫户”，不作就业安置检查"),
      fires("M12", N(7), true, "整户“丧失劳动力”“无劳动力”，未享受低保、特困供养"),
      fires("M09", N(8), true, "配偶城乡居民、城镇职工医保都为“否”"),
      fires("M08", N(8), true, "配偶两项养老保险都为“否”，46周岁"),
      fires("M04", N(9), false, "“弱劳动力或半劳动力”是劳动力：低收入、只有综合保障措施"),
      silent("M12", N(9), true, "享受农村低保"),
      silent("any", N(10), true, "高收入，一切齐全"),
      behaviour("户5：分层、排名用风险消除后家庭人均纯收入，并在结果中写明“按风险消除后收入”"),
      behaviour("户6：单列为“非脱贫户（一般农户，风险已消除）”，不分层、不参加街道排名；户4（风险未消除的边缘易致贫户）按方案二（一）计入“脱贫户”"),
      behaviour("户1：残疾人证号读出残疾等级二级（肢体），供 M07 使用"),
    ],
  },
  {
    fixture: "pairing",
    sheet: 0,
    role: "side",
    expectations: [
      { kind: "found", found: true, today: true, note: "as a side ledger (结对表); checked alone it should say it is a pairing export to use with --with, not report D01" },
      { kind: "headerRows", first: 3, last: 3, today: true },
      { kind: "households", count: 8, today: true, note: "8 households (by 户主证件号码 / 户主个人编号), 9 rows: 户3's two rows are its pairing history" },
      f("姓名", "supportCadre", false, "in this export 姓名 is the cadre, not a household member"),
      f("户主姓名", "headName", true),
      f("户主证件号码", "headId", false, "today read as personId"),
      f("户主个人编号", "headPersonNo", false),
      f("帮扶开始时间", "supportStart", false),
      f("帮扶结束时间", "supportEnd", false),
      f("乡", "town", true),
      silent("D02", headOf(3), false, "户3换过责任人：两行是历史（2021-03-01—2024-02-29、2024-03-01—至今），不是重复登记"),
      silent("D01", null, false, "a pairing export has no income by design"),
      behaviour("joined to 监测对象信息 (by 户主证件号码 = the head's 证件号码, or 户主个人编号 = the head's 人口编号): M01 runs; current cadre of 户3 is the 2024-03-01 one; M01 fires for 户7 only (no pairing row); 户6 is out of scope"),
    ],
  },
  {
    fixture: "previousIncome",
    sheet: 0,
    role: "side",
    expectations: [
      { kind: "found", found: true, today: true },
      { kind: "headerRows", first: 3, last: 3, today: true },
      { kind: "layout", layout: "person", today: true },
      { kind: "households", count: 10, today: true },
      { kind: "persons", count: 27, today: true },
      f("户编号", "householdId", true),
      f("证件号码", "personId", true),
      f("人均纯收入（元）", "perCapitaIncome", true, "as the main file's lastYearPerCapitaIncome when joined"),
      f("户主证件号码", "headId", false, "today: a second personId alias that loses to 证件号码"),
      f("是否享受农村居民最低生活保障", "dibao", false, "person-level: the household is covered when any member is"),
      f("是否特困供养人员", "tekun", false),
      f("是否参加城镇职工基本医疗保险", "employeeMedicalInsurance", false),
      f("是否参加城镇职工基本养老保险", "employeePensionInsurance", false),
      f("公益性岗位", "welfarePost", false),
      f("生产经营性支出（合计）", null, true, "same as 生产经营性支出; keep one"),
      silent("M09", N(2), false, "城镇职工医保"),
      silent("M08", N(2), false, "城镇职工养老保险"),
      fires("M09", N(8), true, "配偶未参加任何基本医疗保险"),
      runs("M12", false, "skipped today: the low-income columns here are 是否享受农村居民最低生活保障 / 是否特困供养人员"),
      behaviour("joined (--with) by 户编号 to the 2025 监测对象信息: lastYearPerCapitaIncome per household → M13 runs: warning for 户2 (+2.9%), 户7 (+2.3%), 户9 (+5.9%), error for 户8 (−4.2%); 户5 compared with 风险消除后家庭人均纯收入 (+9.3%, no finding), not with the 5500 at identification (a false −56% error); 户6 out of scope"),
    ],
  },
  {
    fixture: "smallLoan",
    sheet: 0,
    role: "side",
    expectations: [
      { kind: "found", found: true, today: true },
      { kind: "headerRows", first: 3, last: 3, today: true, note: "row 2 is the group row; the groups repeat 贷款金额 / 还款时间 …, which the group names tell apart" },
      { kind: "households", count: 4, today: true, note: "by the head's 身份证号; 5 loan rows" },
      f("户主姓名", "headName", true),
      f("身份证号", "headId", false, "the head's ID on every loan row; today personId, so two loans of one household are a D02"),
      f("贷款人身份证", "borrowerId", false),
      f("累计贴息金额（元）", "smallLoanInterestSubsidy", false),
      f("贷款余额（万元）", "smallLoanBalance", false, "万元: 3.0 = 30000 yuan; 0.0 = repaid"),
      f("偿还贷款金额", "smallLoanRepaidAmount", false),
      f("还款时间", "smallLoanRepaidDate", false, "the first 还款时间 (扶贫小额信贷 group); the others belong to 创业/生源地/其他 loans"),
      f("家庭人口数", "householdSize", true),
      f("与户主关系", "relation", true, "the borrower's relation to the head"),
      silent("D02", headOf(8), false, "户8 has two loans (配偶's and the head's old one): not a duplicate person"),
      runs("M10", false, "skipped today: no column maps to smallLoanRepaid / smallLoanInterestSubsidy"),
      fires("M10", headOf(5), false, "户5: 累计贴息975元, balance 3.0万元, no 还款时间"),
      silent("M10", headOf(1), false, "户1: repaid 2025-04-10, balance 0.0"),
      silent("D04", null, true, "\"null \" and trailing spaces read as blank / trimmed (true today only because no amount column is mapped)"),
      behaviour("joined to 监测对象信息 by 身份证号 = the head's 证件号码: the loan facts reach households 1, 2, 5, 8"),
    ],
  },
  {
    fixture: "allpeople",
    sheet: 0,
    role: "main",
    expectations: [
      { kind: "found", found: true, today: true },
      { kind: "headerRows", first: 3, last: 3, today: true, note: "row 1 填表说明, row 2 group row" },
      { kind: "layout", layout: "person", today: false, note: "one row per person: 户主身份证号 repeats, 是否户主 and 与户主关系 per row" },
      { kind: "households", count: 10, today: false },
      { kind: "persons", count: 36, today: false },
      f("搬迁人员身份证号", "personId", false),
      f("搬迁人员姓名 ", "name", false, "the header has a trailing space"),
      f("户主身份证号", "headId", false, "the household key (no 户编号); appears twice (H and Y)"),
      f("户主", "headName", true),
      f("是否户主(是/否)", "isHead", false),
      f("与户主关系", "relation", true),
      f("家庭人口", "householdSize", true),
      f("是否劳动力(是/否)", "laborFlag", false),
      f("劳动技能", "labor", true, "若劳动力或半劳动力 (the template's own misspelling) must read as 弱劳动力或半劳动力 with an info note"),
      f("人均纯收入", "perCapitaIncome", true),
      f("乡镇", "town", true),
      f("社会保障兜底保障类型", "securityType", false, "低保金 → dibao, 五保金 → tekun"),
      f("公益岗位", "welfarePost", false, "also a post measure (action 四)"),
      f("务工省外转移", "kind:就业帮扶", false, "是 = employment measure"),
      silent("D02", null, false, "today: 10 D02 (one per household)"),
      { kind: "finding", rule: "D04", household: null, fires: false, severity: "error", today: false, note: "no D04 error (today: D04 on 若劳动力或半劳动力)" },
      { kind: "finding", rule: "D04", household: R(3), fires: true, severity: "info", today: false, note: "户3: an info note that 若劳动力或半劳动力 was read as 弱劳动力或半劳动力" },
      fires("M12", R(4), false, "户4: all 丧失劳动力 / 无劳动力, 兜底保障类型 无"),
      silent("M12", R(6), false, "户6: 五保金 = 特困供养"),
      fires("M04", R(8), false, "户8: 普通劳动力, low income, no employment or post"),
      silent("M04", R(3), false, "户3: 公益岗位 保洁员"),
      fires("M03", R(4), false, "户4: no measure at all"),
      fires("M03", R(8), false, "户8: no measure at all"),
    ],
  },
  {
    fixture: "relocationIndustry",
    sheet: 0,
    role: "side",
    expectations: [
      { kind: "found", found: true, today: true, note: "a side ledger of persons keyed by *搬迁人员身份证号 (a LedgerNotFoundError before its three-level header was read)" },
      { kind: "headerRows", first: 3, last: 5, today: false, note: "a three-level header; data from row 6" },
      f("*搬迁人员身份证号", "personId", false, "leading * marks a required column; merged down A3:A5"),
      f("产业发展政策保障/产业奖补（元）", null, false, "an industry subsidy: marks an industry measure (action 五) for the person's household"),
      f("培训/农业实用技术培训/培训时间", null, false, "third level"),
      behaviour("joined to the allpeople registry by 搬迁人员身份证号: 户4 and 户8 gain industry measures (no M03), 户8 also employment (入企务工, no M04)"),
    ],
  },
  {
    fixture: "govybh",
    sheet: 0,
    role: "main",
    expectations: [
      { kind: "found", found: true, today: false, note: "today: not found (only 户主姓名 and 年龄 recognised)" },
      { kind: "headerRows", first: 1, last: 1, today: false, note: "row 2 is the type-marker row (N): not data" },
      { kind: "layout", layout: "person", today: false },
      { kind: "households", count: 3, today: false },
      { kind: "persons", count: 9, today: false },
      f("农户编码", "householdId", false),
      f("户主姓名", "name", false, "in this template the column holds each member's name (repeated 农户编码 with different names)"),
      f("年龄", "age", false),
      f("在校生", "student", false),
      f("身体状况", "health", false),
      f("残疾证号", "disabilityCardNo", false, "20 digits: ID + category + grade"),
      f("劳动力状况", "labor", false),
      f("低保人口", "dibao", false, "person-level 是/否"),
    ],
  },
  {
    fixture: "govybh",
    sheet: 1,
    role: "main",
    expectations: [
      { kind: "found", found: true, today: false },
      { kind: "headerRows", first: 1, last: 1, today: false },
      { kind: "layout", layout: "household", today: false },
      { kind: "households", count: 3, today: false },
      { kind: "persons", count: 9, today: false },
      f("农户编码", "householdId", false),
      f("户名", "headName", false),
      f("1、家庭人口(人)", "householdSize", false, "numbered header: strip the leading 1、 and the unit"),
      f("4、家庭年总纯收入(元)", "netIncome", false),
      f("其中:(1)家庭经营性收入(元)", "businessIncome", false, "strip 其中: and (1)"),
      f("(2)工资性收入(元)", "wageIncome", false),
      f("(3)财产性及转移性收入(元)", "propertyAndTransferIncome", false),
      f("5、家庭年人均纯收入(元)", "perCapitaIncome", false),
      silent("D05", null, false, "(1)+(2)+(3) = 4、; ÷ 1、 = 5、 for every household"),
    ],
  },
  {
    fixture: "handLedger",
    sheet: 0,
    role: "main",
    expectations: [
      { kind: "found", found: true, today: true },
      { kind: "headerRows", first: 2, last: 2, today: true },
      { kind: "layout", layout: "household", today: false, note: "one row per 户编号, 与户主关系 all 户主, 家庭人口数 > 1: a household ledger" },
      { kind: "households", count: 8, today: true },
      { kind: "persons", count: 26, today: false, note: "Σ 家庭人口数; today 8 (one per row)" },
      f("户编号", "householdId", true),
      f("身份证号", "headId", false, "the head's ID; today personId"),
      f("家庭人口数", "householdSize", true),
      f("人均纯收入（元）", "perCapitaIncome", true),
      f("上年人均纯收入（元）", "lastYearPerCapitaIncome", true),
      f("收入分层", "tier", true),
      f("增收帮扶责任人", "supportCadre", true),
      f("最近走访日期", "lastContactDate", true),
      f("增收措施", "measures", true),
      f("年龄", "age", true),
      f("子女缴纳赡养金", "filialPaid", true),
      f("孝善养老奖补", "filialReward", true),
      f("健康状况", "health", false),
      f("残疾类别", "disabilityCategory", false),
      silent("D05", K(3), false, "壹万贰仟 is 12000: read it (with a note) or report D04 only — never D05 from a missing part"),
      silent("D05", K(4), false, "转移性收入 unreadable: D04 only"),
      fires("D04", K(4), true, "转移性收入“待核实”"),
      { kind: "finding", rule: "M07", household: K(5), fires: false, severity: "error", today: false, note: "disability without grade: no error that the elder is not eligible (57, grade unknown)" },
      behaviour("户5 (handLedger): M07 gives an info that the disability grade is unknown, so eligibility at 55 cannot be decided"),
      silent("any", K(1), true, "clean"),
      silent("any", K(2), true, "clean (visit date as a serial)"),
      silent("any", K(6), true, "full-width digits and 万 read"),
      fires("M01", K(7), true, "no cadre"),
      fires("M02", K(8), true, "last visit 2025-09-30"),
      fires("M07", K(4), true, "61, eligible, no 子女缴纳赡养金 (info)"),
      runs("M13", true),
      silent("M13", null, true, "every household grew ≥ 7 %"),
    ],
  },
];
