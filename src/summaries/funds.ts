/**
 * 汇总-资金: money recorded in the ledger against what the plan's rules allow, per village,
 * computed as the checks compute it (M05, M06, M07, M10) with the same formulas.
 *
 * Where a rule cannot judge a case (income unknown, investment or hours or repayment blank or
 * unreadable, an elder's age or contribution unreadable or grade unknown), the allowed amount is
 * the recorded one, as the check does not question it; a note counts such cases. A recorded amount
 * written but unreadable (D04) is unknown: the case is left out of both, and a note counts it.
 */
import type { HouseholdFacts } from "../checks";
import { filialMember, loanRecords, loanRepaid } from "../checks/rules/shared";
import { allowedFilialReward, courtyardSubsidy, FILIAL_DEFAULT_MONTHS } from "../formulas";
import { roundToFen } from "../values";
import {
  column,
  DASH,
  metaOf,
  missing,
  placeCells,
  placeColumns,
  policyNotes,
  SummaryInput,
  totalPlaceCells,
  villageGroups,
  yuanCell,
  yuanText,
} from "./common";
import { SUMMARY_TITLES, SummaryCell, SummaryColumn, SummaryTable } from "./model";

interface Amounts {
  recorded: number;
  allowed: number;
  /** Cases the rule cannot judge, counted at the recorded amount. */
  unjudged: number;
  /** Recorded amounts written but unreadable: their cases are left out. */
  unreadable: number;
}

interface Fund {
  readonly headers: readonly [string, string, string];
  /** Missing columns for the recorded amount, and for the allowed amount. */
  readonly missingRecorded: readonly string[];
  readonly missingAllowed: readonly string[];
  /** How one household adds to the amounts. */
  add(facts: HouseholdFacts, into: Amounts): void;
  readonly unjudgedNote: (count: number) => string;
  readonly unreadableNote: (count: number) => string;
}

export function buildFundsTable(input: SummaryInput): SummaryTable {
  const { context, options } = input;
  const policy = options.policy;
  const wage = policy.values.hourlyMinimumWage;

  const funds: Fund[] = [
    {
      headers: ["庭院经济奖补（登记）", "庭院经济奖补（应得）", "庭院经济奖补差额"],
      missingRecorded: missing(input, ["courtyardSubsidy"]),
      missingAllowed: missing(input, ["courtyardInvestment", "income"]),
      add(facts, into) {
        if (facts.household.values.courtyardSubsidy === undefined && context.unreadable(facts.household.rows, "courtyardSubsidy")) {
          into.unreadable += 1;
          return;
        }
        const recorded = facts.household.values.courtyardSubsidy ?? 0;
        const investment = facts.household.values.courtyardInvestment;
        into.recorded += recorded;
        if (facts.tier !== null && facts.tier !== "low") return; // 二（六）12: low-income households only
        if (facts.tier === null || investment === undefined || investment < 0) {
          into.allowed += recorded;
          if (recorded > 0) into.unjudged += 1;
          return;
        }
        into.allowed += courtyardSubsidy({ investment, isLowIncome: true, alreadyGranted: 0 }, policy);
      },
      unjudgedNote: (n) => `庭院经济奖补：${n}户收入不详或投资额未填、无法识别，应得按登记金额计。`,
      unreadableNote: (n) => `庭院经济奖补：${n}户的奖补金额无法识别（见“检查结果”D04），未计入登记和应得。`,
    },
    {
      headers: ["孝善养老奖补（登记）", "孝善养老奖补（应得）", "孝善养老奖补差额"],
      missingRecorded: missing(input, ["filialReward"]),
      missingAllowed: missing(input, ["filialPaid", ["age", "birthDate", "personId"]]),
      add(facts, into) {
        for (const person of facts.household.members) {
          const recorded = person.values.filialReward;
          if (recorded === undefined && context.unreadable([person.row], "filialReward")) {
            into.unreadable += 1;
            continue;
          }
          into.recorded += recorded ?? 0;
          const member = filialMember(context, person);
          const paid = person.values.filialPaid;
          // As M07: an unreadable age or contribution, or a grade the age depends on left out, is not judged.
          if (member.unreadable || (member.undecided && (recorded ?? 0) > 0)) {
            into.allowed += recorded ?? 0;
            into.unjudged += 1;
          } else if (member.eligible && paid !== undefined && paid >= 0) {
            into.allowed += allowedFilialReward(paid, policy);
          }
        }
      },
      unjudgedNote: (n) => `孝善养老奖补：${n}人的年龄或子女缴纳金额无法识别，或有残疾而未登记等级，无法判断，应得按登记金额计。`,
      unreadableNote: (n) => `孝善养老奖补：${n}人的奖补金额无法识别（见“检查结果”D04），未计入登记和应得。`,
    },
    {
      headers: ["公益岗月工资（登记）", "公益岗月工资（最低标准）", "公益岗月工资差额"],
      missingRecorded: missing(input, ["welfarePostMonthlyPay"]),
      missingAllowed: missing(input, ["welfarePostMonthlyPay", "welfarePostMonthlyHours"]),
      add(facts, into) {
        for (const person of facts.household.members) {
          const pay = person.values.welfarePostMonthlyPay;
          if (pay === undefined) {
            if (context.unreadable([person.row], "welfarePostMonthlyPay")) into.unreadable += 1;
            continue;
          }
          const hours = person.values.welfarePostMonthlyHours;
          into.recorded += pay;
          if (hours === undefined || hours <= 0) {
            into.allowed += pay;
            into.unjudged += 1;
          } else {
            into.allowed += roundToFen(wage * hours);
          }
        }
      },
      unjudgedNote: (n) => `公益性岗位：${n}个岗位月工时未填或无法识别，最低标准按登记月工资计。`,
      unreadableNote: (n) => `公益性岗位：${n}个岗位的月工资无法识别（见“检查结果”D04），未计入登记和最低标准。`,
    },
    {
      headers: ["小额信贷贴息（登记）", "小额信贷贴息（应得）", "小额信贷贴息差额"],
      missingRecorded: missing(input, ["smallLoanInterestSubsidy"]),
      missingAllowed: missing(input, [
        "smallLoanInterestSubsidy",
        ["smallLoanRepaid", "smallLoanBalance", "smallLoanRepaidAmount", "smallLoanRepaidDate"],
      ]),
      add(facts, into) {
        // Loan by loan, as M10 judges them.
        for (const loan of loanRecords(facts.household)) {
          // A loan joined from a loan ledger has rows of its own file: only the ledger's own rows are looked up.
          if (
            loan.values.smallLoanInterestSubsidy === undefined &&
            facts.household.members.includes(loan) &&
            context.unreadable([loan.row], "smallLoanInterestSubsidy")
          ) {
            into.unreadable += 1;
            continue;
          }
          const recorded = loan.values.smallLoanInterestSubsidy ?? 0;
          const repaid = loanRepaid(loan);
          into.recorded += recorded;
          // 二（七）13: interest is subsidised once principal and interest are repaid.
          if (repaid === false) continue;
          into.allowed += recorded;
          if (repaid === null && recorded > 0) into.unjudged += 1;
        }
      },
      unjudgedNote: (n) => `小额信贷贴息：${n}笔贷款是否还清未填或无法识别，应得按登记金额计。`,
      unreadableNote: (n) => `小额信贷贴息：${n}笔贷款的贴息金额无法识别（见“检查结果”D04），未计入登记和应得。`,
    },
  ];

  const columns: SummaryColumn[] = [...placeColumns(input), column("户数", "integer")];
  for (const fund of funds) columns.push(...fund.headers.map((h) => column(h, "yuan")));

  const figures = (households: readonly HouseholdFacts[]): { cells: SummaryCell[]; unjudged: number[]; unreadable: number[] } => {
    const cells: SummaryCell[] = [{ value: households.length }];
    const unjudged: number[] = [];
    const unreadable: number[] = [];
    for (const fund of funds) {
      const amounts: Amounts = { recorded: 0, allowed: 0, unjudged: 0, unreadable: 0 };
      for (const facts of households) fund.add(facts, amounts);
      const recorded = fund.missingRecorded.length === 0 ? roundToFen(amounts.recorded) : null;
      const allowed = fund.missingAllowed.length === 0 ? roundToFen(amounts.allowed) : null;
      cells.push(yuanCell(recorded), yuanCell(allowed), recorded === null || allowed === null ? DASH : yuanCell(recorded - allowed));
      unjudged.push(allowed === null ? 0 : amounts.unjudged);
      unreadable.push(recorded === null ? 0 : amounts.unreadable);
    }
    return { cells, unjudged, unreadable };
  };

  const rows = villageGroups(input).map((group) => [...placeCells(input, group), ...figures(group.households).cells]);
  const total = figures(context.households);
  const totalRow = [...totalPlaceCells(input), ...total.cells];

  const notes: string[] = [
    "差额 = 登记 − 应得（公益岗为登记 − 最低标准）：奖补、贴息的差额为正表示多发，公益岗的差额为负表示低于最低标准。各户相加，正负可相互抵消，逐户问题见“检查结果”。",
    `公益性岗位按月比较（与检查规则M05一致）：登记的月工资合计与最低标准合计比较，最低标准 = 当地小时最低工资${yuanText(wage)} × 月工时，逐人计算。`,
    `孝善养老应得（与检查规则M07一致）：` +
      `符合条件的老人按子女全年缴纳金额（每月最多计${yuanText(policy.values.filialMonthlyContribution)}，` +
      `${FILIAL_DEFAULT_MONTHS}个月）` +
      `的${roundToFen(policy.values.filialRewardRateCap * 100)}%计；庭院经济应得：` +
      `低收入户投资额的${roundToFen(policy.values.courtyardSubsidyRate * 100)}%，` +
      `每户最高${yuanText(policy.values.courtyardSubsidyCap)}；小额信贷未还清的，应得贴息为0。`,
  ];
  const absent: string[] = [];
  for (const fund of funds)
    for (const name of [...fund.missingRecorded, ...fund.missingAllowed]) if (!absent.includes(name)) absent.push(name);
  if (absent.length > 0) notes.push(`台账缺少列：${absent.join("、")}，相应金额显示为“—”。`);
  funds.forEach((fund, i) => {
    if (total.unjudged[i] > 0) notes.push(fund.unjudgedNote(total.unjudged[i]));
    if (total.unreadable[i] > 0) notes.push(fund.unreadableNote(total.unreadable[i]));
  });
  notes.push(...policyNotes(input, ["hourlyMinimumWage"]));

  return { key: "funds", title: SUMMARY_TITLES.funds, meta: metaOf(input), notes, columns, rows, totalRow };
}
