import type { HouseholdFacts } from "../checks";
import { roundToPrecision } from "../values";
import { column, DASH, mean, shareCell, yuanCell } from "./common";
import type { SummaryCell, SummaryColumn } from "./model";

/** Income growth of a group of households (a village, a street): the plan's goal 一 and 三（三）. */
export interface IncomeGrowth {
  /** Households with this year's and last year's per-capita income (last year above 0), as rule M13 counts them. */
  readonly comparable: number;
  readonly thisYearMean: number | null;
  readonly lastYearMean: number | null;
  /** mean this year ÷ mean last year − 1; null when no household is comparable. */
  readonly growth: number | null;
}

/**
 * A household counts only with finite incomes both years (last year's above 0). The reader
 * refuses numbers beyond AMOUNT_LIMIT, so this only guards against a host handing over ∞ or
 * NaN: a growth that is not a finite number is no growth (null), never 达标 or a rank.
 */
export function incomeGrowth(households: readonly HouseholdFacts[]): IncomeGrowth {
  const current: number[] = [];
  const last: number[] = [];
  for (const facts of households) {
    const previous = facts.household.values.lastYearPerCapitaIncome;
    if (
      facts.perCapita === null ||
      !Number.isFinite(facts.perCapita) ||
      previous === undefined ||
      !Number.isFinite(previous) ||
      !(previous > 0)
    )
      continue;
    current.push(facts.perCapita);
    last.push(previous);
  }
  const none = { comparable: 0, thisYearMean: null, lastYearMean: null, growth: null };
  if (current.length === 0) return none;
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  // Same households both years, so mean ÷ mean = sum ÷ sum: no rounding of the means first.
  const growth = roundToPrecision(sum(current) / sum(last) - 1);
  const thisYearMean = mean(current);
  const lastYearMean = mean(last);
  if (![growth, thisYearMean, lastYearMean].every(Number.isFinite)) return none;
  return { comparable: current.length, thisYearMean, lastYearMean, growth };
}

/** The columns every income-growth table shows (汇总-增收 per village, 街道排名 per street). */
export function growthColumns(): SummaryColumn[] {
  return [
    column("两年收入齐全户数", "integer"),
    column("本年人均纯收入平均值", "yuan"),
    column("上年人均纯收入平均值", "yuan"),
    column("增幅", "percent"),
    column("当地农民收入增幅", "percent"),
    column("差距（增幅−农民）", "percent"),
  ];
}

/** The cells under growthColumns(); "—" where no household is comparable. */
export function growthCells(g: IncomeGrowth, farmersGrowth: number): SummaryCell[] {
  if (g.growth === null) return [{ value: g.comparable }, DASH, DASH, DASH, shareCell(farmersGrowth), DASH];
  return [
    { value: g.comparable },
    yuanCell(g.thisYearMean),
    yuanCell(g.lastYearMean),
    shareCell(g.growth),
    shareCell(farmersGrowth),
    shareCell(roundToPrecision(g.growth - farmersGrowth)),
  ];
}
