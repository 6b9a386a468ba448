/**
 * 汇总-分层: households, persons and income tiers (二（一）) per village, with a total row.
 */
import type { HouseholdFacts } from "../checks";
import { TIER_LABELS } from "../formulas";
import { countedHouseholdSize } from "../ledger";
import {
  column,
  countCell,
  hasUnknownIncome,
  mean,
  median,
  metaOf,
  missing,
  placeCells,
  placeColumns,
  policyNotes,
  share,
  shareCell,
  SummaryInput,
  TIERS,
  totalPlaceCells,
  villageGroups,
  yuanCell,
  yuanText,
} from "./common";
import { SUMMARY_TITLES, SummaryCell, SummaryColumn, SummaryTable } from "./model";

export function buildTiersTable(input: SummaryInput): SummaryTable {
  const { ledger, options } = input;
  const withUnknown = hasUnknownIncome(input);
  const places = placeColumns(input);

  const columns: SummaryColumn[] = [...places, column("户数", "integer"), column("人数", "integer")];
  const countColumns: number[] = [];
  for (const tier of TIERS) {
    countColumns.push(columns.length);
    columns.push(column(`${TIER_LABELS[tier]}户数`, "integer"), column(`${TIER_LABELS[tier]}占比`, "percent"));
  }
  if (withUnknown) columns.push(column("收入不详户数", "integer"));
  columns.push(column("人均纯收入平均值", "yuan"), column("人均纯收入中位数", "yuan"));

  const persons = (facts: HouseholdFacts) =>
    ledger.layout === "person" ? facts.household.members.length : countedHouseholdSize(facts.household.values);

  const figures = (households: readonly HouseholdFacts[]): SummaryCell[] => {
    const incomes = households.map((h) => h.perCapita).filter((p): p is number => p !== null);
    const known = households.filter((h) => h.tier !== null).length;
    const cells: SummaryCell[] = [countCell(households.length), countCell(households.reduce((s, h) => s + persons(h), 0))];
    for (const tier of TIERS) {
      const count = households.filter((h) => h.tier === tier).length;
      cells.push(countCell(count), shareCell(share(count, known)));
    }
    if (withUnknown) cells.push(countCell(households.length - known));
    cells.push(yuanCell(mean(incomes)), yuanCell(median(incomes)));
    return cells;
  };

  const groups = villageGroups(input);
  const rows = groups.map((group) => [...placeCells(input, group), ...figures(group.households)]);
  const totalRow = [...totalPlaceCells(input), ...figures(input.context.households)];

  const { lowIncomeThreshold: low, highIncomeThreshold: high } = options.policy.values;
  const notes = [
    `分层标准（方案二（一），${options.policy.year}年参数）：` +
      `人均纯收入不低于${yuanText(high)}为高收入，${yuanText(low)}至${yuanText(high)}（不含）` +
      `为中等收入，低于${yuanText(low)}为低收入。`,
    `人数：${ledger.layout === "person" ? "按台账成员行计" : "按“家庭人口数”计（未填的按“当前家庭人口数”，都未填的按1人计）"}；平均值、中位数按户计算，只计有人均纯收入的户。`,
  ];
  if (withUnknown) {
    const lacking = missing(input, ["income"]);
    notes.push(
      lacking.length > 0
        ? `台账缺少列：${lacking.join("、")}，无法判定收入分层，各户均计为收入不详。`
        : "占比以有人均纯收入（可判定分层）的户数为分母；收入不详的户另列，不计入占比。",
    );
  }
  if (input.report.outOfScope.length > 0)
    notes.push(
      `另有${input.report.outOfScope.length}户不属方案所称的脱贫户（一般农户，或风险已消除的监测户），未分层、未计入本表（见“检查结果”）。`,
    );
  if (input.report.afterRemovalIncome.length > 0)
    notes.push(`${input.report.afterRemovalIncome.length}户风险已消除，按“风险消除后家庭人均纯收入”分层。`);
  notes.push(...policyNotes(input, []));

  return {
    key: "tiers",
    title: SUMMARY_TITLES.tiers,
    meta: metaOf(input),
    notes,
    columns,
    rows,
    totalRow,
    chart: { kind: "stackedColumn", title: "各村收入分层户数", categoryColumn: places.length - 1, seriesColumns: countColumns },
  };
}
