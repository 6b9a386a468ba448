/**
 * 汇总-增收: per village, the mean per-capita income this year and last year, its growth,
 * and the gap to the local farmers' growth (plan part 一: 脱贫户 grow faster).
 */
import type { HouseholdFacts } from "../checks";
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
} from "./common";
import { growthCells, growthColumns, incomeGrowth } from "./incomeGrowth";
import { SUMMARY_TITLES, SummaryCell, SummaryColumn, SummaryTable } from "./model";

export const MEETS_TARGET = "达标";
export const BELOW_TARGET = "未达标";

/** The per-capita incomes of both years, when the household has both (last year's above 0, as rule M13 needs). */
export function buildGrowthTable(input: SummaryInput): SummaryTable {
  const farmers = input.options.policy.values.farmersIncomeGrowth;
  const lacking = missing(input, ["lastYearPerCapitaIncome", "income"]);

  const columns: SummaryColumn[] = [...placeColumns(input), ...growthColumns(), column("是否达标", "text", 10)];

  const figures = (households: readonly HouseholdFacts[]): SummaryCell[] => {
    if (lacking.length > 0) return [DASH, DASH, DASH, DASH, shareCell(farmers), DASH, DASH];
    const growth = incomeGrowth(households);
    const verdict: SummaryCell = growth.growth === null ? DASH : { value: growth.growth >= farmers ? MEETS_TARGET : BELOW_TARGET };
    return [...growthCells(growth, farmers), verdict];
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
