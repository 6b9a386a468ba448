/**
 * 汇总-增收: per village, the mean per-capita income this year and last year, its growth,
 * and the gap to the local farmers' growth (plan part 一: 脱贫户 grow faster).
 */
import type { HouseholdFacts } from "../checks";
import { roundToPrecision } from "../values";
import {
  column,
  DASH,
  metaOf,
  missing,
  placeCells,
  placeColumns,
  policyNotes,
  shareCell,
  SummaryInput,
  totalPlaceCells,
  villageGroups,
  yuanCell,
} from "./common";
import { incomeGrowth } from "./incomeGrowth";
import { SUMMARY_TITLES, SummaryCell, SummaryColumn, SummaryTable } from "./model";

export const MEETS_TARGET = "达标";
export const BELOW_TARGET = "未达标";

/** The per-capita incomes of both years, when the household has both (last year's above 0, as rule M13 needs). */
export function buildGrowthTable(input: SummaryInput): SummaryTable {
  const farmers = input.options.policy.values.farmersIncomeGrowth;
  const lacking = missing(input, ["lastYearPerCapitaIncome", "income"]);

  const columns: SummaryColumn[] = [
    ...placeColumns(input),
    column("两年收入齐全户数", "integer"),
    column("本年人均纯收入平均值", "yuan"),
    column("上年人均纯收入平均值", "yuan"),
    column("增幅", "percent"),
    column("当地农民收入增幅", "percent"),
    column("差距（增幅−农民）", "percent"),
    column("是否达标", "text", 10),
  ];

  const figures = (households: readonly HouseholdFacts[]): SummaryCell[] => {
    if (lacking.length > 0) return [DASH, DASH, DASH, DASH, shareCell(farmers), DASH, DASH];
    const { comparable, thisYearMean, lastYearMean, growth } = incomeGrowth(households);
    if (growth === null) return [{ value: 0 }, DASH, DASH, DASH, shareCell(farmers), DASH, DASH];
    const gap = roundToPrecision(growth - farmers);
    return [
      { value: comparable },
      yuanCell(thisYearMean),
      yuanCell(lastYearMean),
      shareCell(growth),
      shareCell(farmers),
      shareCell(gap),
      { value: growth >= farmers ? MEETS_TARGET : BELOW_TARGET },
    ];
  };

  const rows = villageGroups(input).map((group) => [...placeCells(input, group), ...figures(group.households)]);
  const totalRow = [...totalPlaceCells(input), ...figures(input.context.households)];

  const notes: string[] = [
    "只计本年和上年人均纯收入都有（上年大于0）的户；增幅 = 本年平均值 ÷ 上年平均值 − 1；增幅不低于当地农民收入增幅为达标（与检查规则M13一致，方案一）。",
  ];
  if (lacking.length > 0) notes.push(`台账缺少列：${lacking.join("、")}，无法计算增幅，相应数字显示为“—”。`);
  notes.push(...policyNotes(input, ["farmersIncomeGrowth"]));

  return { key: "growth", title: SUMMARY_TITLES.growth, meta: metaOf(input), notes, columns, rows, totalRow };
}
