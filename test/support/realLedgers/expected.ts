/**
 * What a correct BANGFU reads and reports on each real-layout fixture (index.ts), checked on
 * 2025-12-15 under the 2025 policy: test/realLedgers/baseline.test.ts asserts every expectation
 * through both paths a user has (the sheet's cells handed over as a SheetInput, and the fixture
 * written to .xlsx and read by the command line's reader), and JOINED the results of checking a
 * main ledger with side ledgers joined (--with), through the engine and the command line.
 * docs/real-exports.md says where each layout comes from and what each expectation rests on.
 *
 * Field names: the keys of src/ledger/fields.ts, or "kind:…" for a measure-kind column; null = not used by BANGFU.
 */
import type { RuleId, Severity } from "../../../src/checks";
import type { FieldKey } from "../../../src/ledger";
import type { CivilDate } from "../../../src/values";
import { RELOCATED } from "./allpeople";
import { fakeName } from "./common";
import { NATIONAL_HOUSEHOLDS } from "./nationalMonitoring";

export const CHECK_DATE: CivilDate = { year: 2025, month: 12, day: 15 };

export type FieldName = FieldKey | `kind:${string}` | null;

export type Expectation =
  | { readonly kind: "found"; readonly found: boolean; readonly note?: string }
  | { readonly kind: "headerRows"; readonly first: number; readonly last: number; readonly note?: string }
  | { readonly kind: "layout"; readonly layout: "person" | "household"; readonly note?: string }
  | { readonly kind: "households"; readonly count: number; readonly note?: string }
  | { readonly kind: "persons"; readonly count: number; readonly note?: string }
  | { readonly kind: "field"; readonly header: string; readonly field: FieldName; readonly note?: string }
  /** A rule's finding for a household (null: any household, or a whole-sheet finding); "any" = no finding of any rule. */
  | {
      readonly kind: "finding";
      readonly rule: RuleId | "any";
      readonly household: string | null;
      readonly fires: boolean;
      readonly note: string;
      readonly severity?: Severity;
    }
  /** Exactly these households have findings of the rule (of the severity, when given). */
  | {
      readonly kind: "findingsFor";
      readonly rule: RuleId;
      readonly households: readonly string[];
      readonly note: string;
      readonly severity?: Severity;
    }
  | { readonly kind: "ruleRuns"; readonly rule: RuleId; readonly runs: boolean; readonly note?: string }
  /** The household is (or is not) one of the plan's 脱贫户 (tiered, checked against the plan, ranked). */
  | { readonly kind: "scope"; readonly household: string; readonly inScope: boolean; readonly note: string }
  /** The household is tiered by 风险消除后家庭人均纯收入, at this per-capita income. */
  | { readonly kind: "afterRemovalIncome"; readonly household: string; readonly perCapita: number; readonly note: string }
  /** A value the household (member: index among its members; null = household value) holds after reading (and joining). */
  | {
      readonly kind: "value";
      readonly household: string;
      readonly member: number | null;
      readonly field: FieldKey;
      readonly value: unknown;
      readonly note: string;
    }
  /** Exactly these households received facts from the side ledger written as this fixture's file. */
  | { readonly kind: "joinedInto"; readonly side: string; readonly households: readonly string[]; readonly note: string };

export interface FixtureExpectations {
  readonly fixture: string;
  /** Sheet index within the fixture (0 = the first). */
  readonly sheet: number;
  readonly role: "main" | "side";
  readonly expectations: readonly Expectation[];
}

/** A main ledger checked with side ledgers joined (fixture ids, each at its first sheet). */
export interface JoinedExpectations {
  readonly main: string;
  readonly sides: readonly string[];
  readonly expectations: readonly Expectation[];
}

const f = (header: string, field: FieldName, note?: string): Expectation => ({ kind: "field", header, field, note });
const fires = (rule: RuleId, household: string | null, note: string): Expectation => ({
  kind: "finding",
  rule,
  household,
  fires: true,
  note,
});
const silent = (rule: RuleId | "any", household: string | null, note: string): Expectation => ({
  kind: "finding",
  rule,
  household,
  fires: false,
  note,
});
const runs = (rule: RuleId, note?: string): Expectation => ({ kind: "ruleRuns", rule, runs: true, note });

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
      { kind: "found", found: true },
      { kind: "headerRows", first: 3, last: 3 },
      { kind: "layout", layout: "person" },
      { kind: "households", count: 10 },
      { kind: "persons", count: 26 },
      f("户编号", "householdId"),
      f("证件号码", "personId"),
      f("姓名", "name"),
      f("与户主关系", "relation"),
      f("乡", "town"),
      f("村", "village"),
      f("出生日期", "birthDate"),
      f("在校生状况", "student"),
      f("劳动技能", "labor", "弱劳动力或半劳动力 counts as labour (national rules); 无劳动力 / 丧失劳动力 do not"),
      f("是否参加城乡居民基本医疗保险", "medicalInsurance"),
      f("是否参加城乡居民基本养老保险", "pensionInsurance"),
      f("是否享受人身意外保险补贴", "accidentInsurance"),
      f("享受低保政策情况", "dibao"),
      f("享受特困供养政策情况", "tekun"),
      f("工资性收入", "wageIncome"),
      f("生产经营性收入", "businessIncome"),
      f("财产性收入", "propertyIncome"),
      f("转移性收入", "transferIncome"),
      f("生产经营性支出", "businessCosts"),
      f("纯收入（元）", "netIncome"),
      f("人均纯收入（元）", "perCapitaIncome"),
      f("产业帮扶", "kind:产业帮扶"),
      f("就业帮扶", "kind:就业帮扶"),
      f("金融帮扶", "kind:金融帮扶"),
      f("健康帮扶", "kind:健康帮扶"),
      f("社会帮扶", "kind:社会帮扶"),
      f("教育帮扶", "kind:教育帮扶"),
      f("综合保障", "kind:综合保障"),
      f("年度家庭人口数", "householdSize", "the per-capita divisor; today 当前家庭人口数 takes householdSize and this column is unused"),
      f("当前家庭人口数", "currentHouseholdSize"),
      f("公益岗位帮扶", "kind:公益性岗位帮扶", "the national spelling of the post measure column"),
      f("公益性岗位", "welfarePost"),
      f("公益性岗位(月数)", "welfarePostMonths"),
      f("是否参加城镇职工基本医疗保险", "employeeMedicalInsurance"),
      f("是否参加城镇职工基本养老保险", "employeePensionInsurance"),
      f("户类型", "householdType"),
      f("监测对象类别", "monitoringCategory"),
      f("风险是否已消除", "riskRemoved"),
      f("风险消除后家庭人均纯收入", "afterRemovalPerCapitaIncome"),
      f("健康状况", "health"),
      f("残疾类别", "disabilityCategory"),
      f("证件类型", "idType"),
      f("年收入（元）", null, "income before costs; not one of the plan's parts"),
      f("公益性岗位收入", null, "a part of 工资性收入, already inside it"),
      f("最低生活保障金", null, "a part of 转移性收入"),
      runs("D05"),
      runs("M03"),
      runs("M04"),
      runs("M08"),
      runs("M09"),
      runs("M12"),
      silent("D03", N(1), "配偶的证件号码是20位残疾人证号（证件类型“残疾人证”）：前18位是有效身份证号，后两位是残疾类别4（肢体）和等级2"),
      silent("M03", N(1), "措施登记在“公益岗位帮扶”列"),
      silent("M12", N(1), "户主“弱劳动力或半劳动力”按国家口径是劳动力，该户不是整户无劳动力"),
      silent("M04", N(1), "有公益性岗位措施（无论按哪种口径都不应报）"),
      silent("M09", N(2), "户主参加城镇职工基本医疗保险"),
      silent("M08", N(2), "户主参加城镇职工基本养老保险"),
      silent("D05", N(3), "人均纯收入11700 = 35100 ÷ 年度家庭人口数3；当前家庭人口数2是年末人数"),
      silent("any", N(4), "边缘易致贫户、风险未消除：属方案的“脱贫户”，按识别时收入6000元分为低收入，措施齐全，无问题"),
      silent("M04", N(5), "风险已消除，应按风险消除后家庭人均纯收入13666.67元分为中等收入；M04 只对低收入户"),
      silent("M03", N(6), "一般农户、风险已消除：不属方案的“脱贫户”，应单列，不作增收措施检查"),
      silent("M04", N(6), "一般农户、风险已消除：不属方案的“脱贫户”，不作就业安置检查"),
      fires("M12", N(7), "整户“丧失劳动力”“无劳动力”，未享受低保、特困供养"),
      fires("M09", N(8), "配偶城乡居民、城镇职工医保都为“否”"),
      fires("M08", N(8), "配偶两项养老保险都为“否”，46周岁"),
      fires("M04", N(9), "“弱劳动力或半劳动力”是劳动力：低收入、只有综合保障措施"),
      silent("M12", N(9), "享受农村低保"),
      silent("any", N(10), "高收入，一切齐全"),
      {
        kind: "afterRemovalIncome",
        household: N(5),
        perCapita: 13666.67,
        note: "户5：分层、比较用风险消除后家庭人均纯收入，并在结果中写明",
      },
      { kind: "scope", household: N(6), inScope: false, note: "户6：一般农户、风险已消除，单列，不分层、不参加街道排名" },
      { kind: "scope", household: N(4), inScope: true, note: "户4（风险未消除的边缘易致贫户）按方案二（一）计入“脱贫户”" },
      { kind: "scope", household: N(5), inScope: true, note: "户5：脱贫户（脱贫不稳定户，风险已消除）仍是脱贫户" },
      {
        kind: "value",
        household: N(1),
        member: 1,
        field: "disability",
        value: 2,
        note: "户1：配偶的残疾人证号读出残疾等级二级（肢体），供 M07 使用",
      },
      {
        kind: "value",
        household: N(1),
        member: 1,
        field: "personId",
        value: NATIONAL_HOUSEHOLDS[0].persons[1].id,
        note: "户1：残疾人证号的前18位是身份证号",
      },
      silent("D05", N(3), "当前家庭人口数2、年度家庭人口数3：按年度计算相符"),
    ],
  },
  {
    fixture: "pairing",
    sheet: 0,
    role: "side",
    expectations: [
      {
        kind: "found",
        found: true,
        note: "as a side ledger (结对表); checked alone the report says it is a pairing export to use with --with, and D01 is silent",
      },
      { kind: "headerRows", first: 3, last: 3 },
      {
        kind: "households",
        count: 8,
        note: "8 households (by 户主证件号码 / 户主个人编号), 9 rows: 户3's two rows are its pairing history",
      },
      f("姓名", "supportCadre", "in this export 姓名 is the cadre, not a household member"),
      f("户主姓名", "headName"),
      f("户主证件号码", "headId", "today read as personId"),
      f("户主个人编号", "headPersonNo"),
      f("帮扶开始时间", "supportStart"),
      f("帮扶结束时间", "supportEnd"),
      f("乡", "town"),
      silent("D02", headOf(3), "户3换过责任人：两行是历史（2021-03-01—2024-02-29、2024-03-01—至今），不是重复登记"),
      silent("D01", null, "a pairing export has no income by design"),
    ],
  },
  {
    fixture: "previousIncome",
    sheet: 0,
    role: "side",
    expectations: [
      { kind: "found", found: true },
      { kind: "headerRows", first: 3, last: 3 },
      { kind: "layout", layout: "person" },
      { kind: "households", count: 10 },
      { kind: "persons", count: 27 },
      f("户编号", "householdId"),
      f("证件号码", "personId"),
      f("人均纯收入（元）", "perCapitaIncome", "as the main file's lastYearPerCapitaIncome when joined"),
      f("户主证件号码", "headId", "today: a second personId alias that loses to 证件号码"),
      f("是否享受农村居民最低生活保障", "dibao", "person-level: the household is covered when any member is"),
      f("是否特困供养人员", "tekun"),
      f("是否参加城镇职工基本医疗保险", "employeeMedicalInsurance"),
      f("是否参加城镇职工基本养老保险", "employeePensionInsurance"),
      f("公益性岗位", "welfarePost"),
      f("生产经营性支出（合计）", null, "same as 生产经营性支出; keep one"),
      silent("M09", N(2), "城镇职工医保"),
      silent("M08", N(2), "城镇职工养老保险"),
      fires("M09", N(8), "配偶未参加任何基本医疗保险"),
      runs("M12", "skipped today: the low-income columns here are 是否享受农村居民最低生活保障 / 是否特困供养人员"),
    ],
  },
  {
    fixture: "smallLoan",
    sheet: 0,
    role: "side",
    expectations: [
      { kind: "found", found: true },
      {
        kind: "headerRows",
        first: 3,
        last: 3,
        note: "row 2 is the group row; the groups repeat 贷款金额 / 还款时间 …, which the group names tell apart",
      },
      { kind: "households", count: 4, note: "by the head's 身份证号; 5 loan rows" },
      f("户主姓名", "headName"),
      f("身份证号", "headId", "the head's ID on every loan row; today personId, so two loans of one household are a D02"),
      f("贷款人身份证", "borrowerId"),
      f("累计贴息金额（元）", "smallLoanInterestSubsidy"),
      f("贷款余额（万元）", "smallLoanBalance", "万元: 3.0 = 30000 yuan; 0.0 = repaid"),
      f("偿还贷款金额", "smallLoanRepaidAmount"),
      f("还款时间", "smallLoanRepaidDate", "the first 还款时间 (扶贫小额信贷 group); the others belong to 创业/生源地/其他 loans"),
      f("家庭人口数", "householdSize"),
      f("与户主关系", "relation", "the borrower's relation to the head"),
      silent("D02", headOf(8), "户8 has two loans (配偶's and the head's old one): not a duplicate person"),
      runs("M10", "skipped today: no column maps to smallLoanRepaid / smallLoanInterestSubsidy"),
      fires("M10", headOf(5), "户5: 累计贴息975元, balance 3.0万元, no 还款时间"),
      silent("M10", headOf(1), "户1: repaid 2025-04-10, balance 0.0"),
      silent("D04", null, '"null " and trailing spaces read as blank / trimmed (true today only because no amount column is mapped)'),
    ],
  },
  {
    fixture: "allpeople",
    sheet: 0,
    role: "main",
    expectations: [
      { kind: "found", found: true },
      { kind: "headerRows", first: 3, last: 3, note: "row 1 填表说明, row 2 group row" },
      { kind: "layout", layout: "person", note: "one row per person: 户主身份证号 repeats, 是否户主 and 与户主关系 per row" },
      { kind: "households", count: 10 },
      { kind: "persons", count: 36 },
      f("搬迁人员身份证号", "personId"),
      f("搬迁人员姓名 ", "name", "the header has a trailing space"),
      f("户主身份证号", "headId", "the household key (no 户编号); appears twice (H and Y)"),
      f("户主", "headName"),
      f("是否户主(是/否)", "isHead"),
      f("与户主关系", "relation"),
      f("家庭人口", "householdSize"),
      f("是否劳动力(是/否)", "laborFlag"),
      f("劳动技能", "labor", "若劳动力或半劳动力 (the template's own misspelling) must read as 弱劳动力或半劳动力 with an info note"),
      f("人均纯收入", "perCapitaIncome"),
      f("乡镇", "town"),
      f("社会保障兜底保障类型", "securityType", "低保金 → dibao, 五保金 → tekun"),
      f("公益岗位", "welfarePost", "also a post measure (action 四)"),
      f("务工省外转移", "kind:就业帮扶", "是 = employment measure"),
      silent("D02", null, "today: 10 D02 (one per household)"),
      {
        kind: "finding",
        rule: "D04",
        household: null,
        fires: false,
        severity: "error",
        note: "no D04 error (today: D04 on 若劳动力或半劳动力)",
      },
      {
        kind: "finding",
        rule: "D04",
        household: R(3),
        fires: true,
        severity: "info",
        note: "户3: an info note that 若劳动力或半劳动力 was read as 弱劳动力或半劳动力",
      },
      fires("M12", R(4), "户4: all 丧失劳动力 / 无劳动力, 兜底保障类型 无"),
      silent("M12", R(6), "户6: 五保金 = 特困供养"),
      fires("M04", R(8), "户8: 普通劳动力, low income, no employment or post"),
      silent("M04", R(3), "户3: 公益岗位 保洁员"),
      fires("M03", R(4), "户4: no measure at all"),
      fires("M03", R(8), "户8: no measure at all"),
    ],
  },
  {
    fixture: "relocationIndustry",
    sheet: 0,
    role: "side",
    expectations: [
      {
        kind: "found",
        found: true,
        note: "a side ledger of persons keyed by *搬迁人员身份证号 (a LedgerNotFoundError before its three-level header was read)",
      },
      { kind: "headerRows", first: 3, last: 5, note: "a three-level header; data from row 6" },
      f("*搬迁人员身份证号", "personId", "leading * marks a required column; merged down A3:A5"),
      f("产业发展政策保障/产业奖补（元）", null, "an industry subsidy: marks an industry measure (action 五) for the person's household"),
      f("培训/农业实用技术培训/培训时间", null, "third level"),
    ],
  },
  {
    fixture: "govybh",
    sheet: 0,
    role: "main",
    expectations: [
      { kind: "found", found: true, note: "today: not found (only 户主姓名 and 年龄 recognised)" },
      { kind: "headerRows", first: 1, last: 1, note: "row 2 is the type-marker row (N): not data" },
      { kind: "layout", layout: "person" },
      { kind: "households", count: 3 },
      { kind: "persons", count: 9 },
      f("农户编码", "householdId"),
      f("户主姓名", "name", "in this template the column holds each member's name (repeated 农户编码 with different names)"),
      f("年龄", "age"),
      f("在校生", "student"),
      f("身体状况", "health"),
      f("残疾证号", "disabilityCardNo", "20 digits: ID + category + grade"),
      f("劳动力状况", "labor"),
      f("低保人口", "dibao", "person-level 是/否"),
    ],
  },
  {
    fixture: "govybh",
    sheet: 1,
    role: "main",
    expectations: [
      { kind: "found", found: true },
      { kind: "headerRows", first: 1, last: 1 },
      { kind: "layout", layout: "household" },
      { kind: "households", count: 3 },
      { kind: "persons", count: 9 },
      f("农户编码", "householdId"),
      f("户名", "headName"),
      f("1、家庭人口(人)", "householdSize", "numbered header: strip the leading 1、 and the unit"),
      f("4、家庭年总纯收入(元)", "netIncome"),
      f("其中:(1)家庭经营性收入(元)", "businessIncome", "strip 其中: and (1)"),
      f("(2)工资性收入(元)", "wageIncome"),
      f("(3)财产性及转移性收入(元)", "propertyAndTransferIncome"),
      f("5、家庭年人均纯收入(元)", "perCapitaIncome"),
      silent("D05", null, "(1)+(2)+(3) = 4、; ÷ 1、 = 5、 for every household"),
    ],
  },
  {
    fixture: "handLedger",
    sheet: 0,
    role: "main",
    expectations: [
      { kind: "found", found: true },
      { kind: "headerRows", first: 2, last: 2 },
      { kind: "layout", layout: "household", note: "one row per 户编号, 与户主关系 all 户主, 家庭人口数 > 1: a household ledger" },
      { kind: "households", count: 8 },
      { kind: "persons", count: 26, note: "Σ 家庭人口数; today 8 (one per row)" },
      f("户编号", "householdId"),
      f("身份证号", "headId", "the head's ID; today personId"),
      f("家庭人口数", "householdSize"),
      f("人均纯收入（元）", "perCapitaIncome"),
      f("上年人均纯收入（元）", "lastYearPerCapitaIncome"),
      f("收入分层", "tier"),
      f("增收帮扶责任人", "supportCadre"),
      f("最近走访日期", "lastContactDate"),
      f("增收措施", "measures"),
      f("年龄", "age"),
      f("子女缴纳赡养金", "filialPaid"),
      f("孝善养老奖补", "filialReward"),
      f("健康状况", "health"),
      f("残疾类别", "disabilityCategory"),
      silent("D05", K(3), "壹万贰仟 is 12000: read it (with a note) or report D04 only — never D05 from a missing part"),
      silent("D05", K(4), "转移性收入 unreadable: D04 only"),
      fires("D04", K(4), "转移性收入“待核实”"),
      {
        kind: "finding",
        rule: "M07",
        household: K(5),
        fires: false,
        severity: "error",
        note: "disability without grade: no error that the elder is not eligible (57, grade unknown)",
      },
      {
        kind: "finding",
        rule: "M07",
        household: K(5),
        fires: true,
        severity: "info",
        note: "户5：残疾但等级不明，57周岁只在一、二级残疾时符合：提示无法判断",
      },
      silent("any", K(1), "clean"),
      silent("any", K(2), "clean (visit date as a serial)"),
      silent("any", K(6), "full-width digits and 万 read"),
      fires("M01", K(7), "no cadre"),
      fires("M02", K(8), "last visit 2025-09-30"),
      fires("M07", K(4), "61, eligible, no 子女缴纳赡养金 (info)"),
      runs("M13"),
      silent("M13", null, "every household grew ≥ 7 %"),
    ],
  },
];

/** Main ledgers checked with side ledgers joined: what the rules see once each household has all its facts. */
export const JOINED: readonly JoinedExpectations[] = [
  {
    main: "nationalMonitoring",
    sides: ["pairing", "previousIncome", "smallLoan"],
    expectations: [
      runs("M01", "the pairing export gives the current cadre (增收帮扶责任人)"),
      {
        kind: "findingsFor",
        rule: "M01",
        households: [N(7)],
        note: "M01 only for 户7: low income and no pairing row; 户6 (no pairing either) is out of scope",
      },
      {
        kind: "value",
        household: N(3),
        member: null,
        field: "supportCadre",
        value: fakeName(14, 3),
        note: "户3's current cadre is the one paired on 2024-03-01 (no end date), not the earlier one",
      },
      runs("M13", "last year's all-fields export gives 上年人均纯收入"),
      {
        kind: "findingsFor",
        rule: "M13",
        households: [N(2), N(7), N(9)],
        severity: "warning",
        note: "growth below the farmers' 7 %: 户2 +2.9 %, 户7 +2.3 %, 户9 +5.9 %",
      },
      { kind: "findingsFor", rule: "M13", households: [N(8)], severity: "error", note: "户8's income fell (−4.2 %)" },
      silent("M13", N(5), "户5 compared by 风险消除后家庭人均纯收入 13666.67 (+9.3 %), not by the 5500 at identification (a false −56 %)"),
      runs("M10", "the loan ledger gives each loan"),
      {
        kind: "findingsFor",
        rule: "M10",
        households: [N(5)],
        note: "户5: subsidy 975 while 3.0万元 remain; 户8's second loan and 户1's are repaid",
      },
      {
        kind: "joinedInto",
        side: "smallLoan",
        households: [N(1), N(2), N(5), N(8)],
        note: "the loans reach households 1, 2, 5 and 8 by the head's 身份证号",
      },
      {
        kind: "joinedInto",
        side: "pairing",
        households: [N(1), N(2), N(3), N(4), N(5), N(8), N(9), N(10)],
        note: "every pairing row's household is found by 户主证件号码",
      },
      silent("D02", null, "no duplicate: the pairing history and the two loans of 户8 are not registrations of a person twice"),
      { kind: "scope", household: N(6), inScope: false, note: "户6 stays out of scope" },
    ],
  },
  {
    main: "allpeople",
    sides: ["relocationIndustry"],
    expectations: [
      {
        kind: "joinedInto",
        side: "relocationIndustry",
        households: [R(4), R(8)],
        note: "the industry template's rows reach 户4 and 户8 by 搬迁人员身份证号",
      },
      silent("M03", R(4), "户4 gains an industry measure (种植花椒)"),
      silent("M03", R(8), "户8 gains industry measures (养殖肉牛, 托管代养)"),
      silent("M04", R(8), "户8 also gains employment (入企务工)"),
      fires("M12", R(4), "户4 is still without labour and without 低保 / 特困供养"),
    ],
  },
];
