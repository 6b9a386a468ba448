/**
 * 街道排名: the district compares its streets by the per-capita income growth of their 脱贫户
 * and names the lagging ones (plan 三（三）：对年度脱贫群众收入增速靠后的街道，进行全区通报).
 *
 * Pure and host-neutral: ledgers in, a ranking and a summary table out. Growth is measured
 * as in 汇总-增收 and rule M13: over the households with both years' per-capita income
 * (last year's above 0), growth = mean this year ÷ mean last year − 1; a street is lagging
 * when its growth is below the local farmers' growth (policy.values.farmersIncomeGrowth).
 */
import type { HouseholdFacts } from "../checks";
import { buildContext } from "../checks/context";
import type { ScopeOptions } from "../checks/scope";
import type { Ledger } from "../ledger";
import { PARAMETERS, PLAN_PERIOD, Policy } from "../policy";
import { CivilDate, formatDate, roundToPrecision } from "../values";
import { column, DASH } from "./common";
import { growthCells, growthColumns, incomeGrowth } from "./incomeGrowth";
import type { SummaryCell, SummaryColumn, SummaryTable } from "./model";

export const RANKING_KEY = "ranking";
export const RANKING_TITLE = "街道排名";
/** The mark of a street whose 脱贫户 income grew more slowly than the local farmers'. */
export const LAGGING_MARK = "靠后";
export const PLAN_CLAUSE_NOTE = "方案三（三）：对年度脱贫群众收入增速靠后的街道，进行全区通报。";

/** A summary table whose key is "ranking" (not one of a ledger's six SummaryKeys). */
export type RankingTable = Omit<SummaryTable, "key"> & { readonly key: typeof RANKING_KEY };

export interface StreetInput {
  readonly ledger: Ledger;
  /** Where the ledger came from, e.g. "东街道.xlsx" or "台账.xlsx / 东街道". */
  readonly source: string;
  /** The street's name when the ledger names no town/street: the file or sheet name. */
  readonly fallbackName: string;
}

export interface StreetFigures {
  /** Households in the ledger. */
  readonly households: number;
  /** Households with both years' per-capita income (last year's above 0). */
  readonly comparable: number;
  readonly thisYearMean: number | null;
  readonly lastYearMean: number | null;
  /** mean this year ÷ mean last year − 1, as a share; null without comparable households. */
  readonly growth: number | null;
}

export interface StreetResult extends StreetFigures {
  /** 1 for the fastest growth; equal growth shares a rank; null when growth cannot be computed. */
  readonly rank: number | null;
  readonly name: string;
  readonly source: string;
  /** growth − farmers' growth; null when growth is. */
  readonly gap: number | null;
  readonly lagging: boolean;
}

export interface StreetRanking {
  readonly asOf: CivilDate;
  readonly policyYear: number;
  readonly farmersGrowth: number;
  readonly farmersGrowthUnconfirmed: boolean;
  /** The policy year lies outside the plan's 2023–2025. */
  readonly outsidePlanPeriod: boolean;
  /** Ranked streets by growth, descending; streets without growth last, by name. */
  readonly streets: readonly StreetResult[];
  /** All streets' households together. */
  readonly district: StreetFigures;
}

const COLLATOR = new Intl.Collator("zh-CN", { numeric: true });

/** The street of a ledger: its most common 乡(镇)/街道 value (first seen on a tie), else the fallback. */
export function streetNameOf(ledger: Ledger, fallback: string): string {
  const counts = new Map<string, number>();
  for (const h of ledger.households) {
    const town = h.values.town?.trim();
    if (town) counts.set(town, (counts.get(town) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [town, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = town;
  return best ?? fallback;
}

function figuresOf(households: readonly HouseholdFacts[], count: number): StreetFigures {
  return { households: count, ...incomeGrowth(households) };
}

/** Rank streets by the growth of their 脱贫户's per-capita income and mark those below the farmers' growth. */
export function rankStreets(
  inputs: readonly StreetInput[],
  options: { readonly policy: Policy; readonly asOf: CivilDate; readonly scope?: ScopeOptions },
): StreetRanking {
  const farmers = options.policy.values.farmersIncomeGrowth;
  const all: HouseholdFacts[] = [];
  const names = inputs.map((input) => streetNameOf(input.ledger, input.fallbackName));
  const unranked = inputs.map((input, i) => {
    // The plan's 脱贫户 only: 一般农户 and monitored households whose risk was removed are not ranked.
    const facts = buildContext(input.ledger, options.policy, options.asOf, options.scope).households;
    for (const f of facts) all.push(f); // not push(...facts): a spread of a million arguments overflows the stack
    const figures = figuresOf(facts, facts.length);
    // Two ledgers naming the same street stay apart, told by their source.
    const name = names.filter((n) => n === names[i]).length > 1 ? `${names[i]}（${input.source}）` : names[i];
    const gap = figures.growth === null ? null : roundToPrecision(figures.growth - farmers);
    return { ...figures, name, source: input.source, gap, lagging: figures.growth !== null && figures.growth < farmers };
  });
  const sorted = [...unranked].sort(
    (a, b) =>
      (a.growth === null ? 1 : 0) - (b.growth === null ? 1 : 0) || (b.growth ?? 0) - (a.growth ?? 0) || COLLATOR.compare(a.name, b.name),
  );
  const streets: StreetResult[] = sorted.map((street, i) => {
    if (street.growth === null) return { ...street, rank: null };
    const first = sorted.findIndex((s) => s.growth === street.growth);
    return { ...street, rank: first === -1 ? i + 1 : first + 1 };
  });
  return {
    asOf: options.asOf,
    policyYear: options.policy.year,
    farmersGrowth: farmers,
    farmersGrowthUnconfirmed: options.policy.unconfirmed.includes("farmersIncomeGrowth"),
    outsidePlanPeriod: options.policy.outsidePlanPeriod,
    streets,
    district: figuresOf(all, all.length),
  };
}

/**
 * What to say when no street is marked lagging. A street whose growth cannot be computed may
 * be lagging: "no lagging street" is said only when every street has a growth.
 */
export function noLaggingNote(ranking: StreetRanking): string {
  const farmers = `当地农民收入增幅（${percentText(ranking.farmersGrowth)}）`;
  const computable = ranking.streets.filter((s) => s.growth !== null).length;
  const uncomputable = ranking.streets.length - computable;
  if (computable === 0) return `没有一个街道能计算增幅，无法判断哪些街道增速靠后。`;
  if (uncomputable > 0)
    return `能计算增幅的${computable}个街道中，没有增幅低于${farmers}的街道；另有${uncomputable}个街道无法计算增幅，是否靠后无法判断。`;
  return `没有增幅低于${farmers}的街道。`;
}

export function percentText(share: number): string {
  return `${roundToPrecision(share * 100).toFixed(1)}%`;
}

/** The farmers' growth as the notes and the printed ranking state it. */
export function farmersGrowthText(ranking: StreetRanking): string {
  const label = PARAMETERS.farmersIncomeGrowth.label;
  return (
    `${label}：` +
    `${percentText(ranking.farmersGrowth)}${ranking.farmersGrowthUnconfirmed ? "（内置默认值，尚未确认；请用 --policy 参数文件按本地统计部门公布的增幅设定）" : ""}`
  );
}

export interface RankingTableOptions {
  /** ISO timestamp of generation. */
  readonly generatedAt: string;
  /** What the meta line names as the source, e.g. "3个街道台账：东.xlsx、西.xlsx、南.xlsx". */
  readonly source: string;
}

export function buildRankingTable(ranking: StreetRanking, options: RankingTableOptions): RankingTable {
  const columns: SummaryColumn[] = [
    column("排名", "integer", 6),
    column("街道", "text", 16),
    column("来源", "text", 24),
    column("户数", "integer"),
    ...growthColumns(),
    column("是否靠后", "text", 10),
  ];
  const figures = (f: StreetFigures): SummaryCell[] => [{ value: f.households }, ...growthCells(f, ranking.farmersGrowth)];
  const rows = ranking.streets.map((s): SummaryCell[] => [
    s.rank === null ? DASH : { value: s.rank },
    { value: s.name, bold: s.lagging },
    { value: s.source },
    ...figures(s),
    { value: s.lagging ? LAGGING_MARK : s.growth === null ? "无法计算" : null, bold: s.lagging },
  ]);
  const totalRow: SummaryCell[] = [{ value: "全区" }, { value: null }, { value: null }, ...figures(ranking.district), { value: null }];

  const lagging = ranking.streets.filter((s) => s.lagging).map((s) => s.name);
  const uncomputable = ranking.streets.filter((s) => s.growth === null).map((s) => s.name);
  const notes = [
    `按脱贫户人均纯收入增幅从高到低排名。只计本年和上年人均纯收入都有（上年大于0）的户；增幅 = 本年平均值 ÷ 上年平均值 − 1（与“汇总-增收”和检查规则M13一致）。`,
    `${farmersGrowthText(ranking)}。增幅低于此值的街道标为“${LAGGING_MARK}”。${PLAN_CLAUSE_NOTE}`,
    lagging.length > 0 ? `增速靠后的街道：${lagging.join("、")}。` : noLaggingNote(ranking),
  ];
  if (uncomputable.length > 0) notes.push(`无法计算增幅（没有两年收入齐全的户）：${uncomputable.join("、")}，不参加排名。`);
  if (ranking.outsidePlanPeriod)
    notes.push(
      `注意：政策年度${ranking.policyYear}年不在方案期（${PLAN_PERIOD.firstYear}—${PLAN_PERIOD.lastYear}年）内，沿用最近年度的参数。`,
    );

  return {
    key: RANKING_KEY,
    title: RANKING_TITLE,
    meta: { sourceSheet: options.source, asOf: formatDate(ranking.asOf), policyYear: ranking.policyYear, generatedAt: options.generatedAt },
    notes,
    columns,
    rows,
    totalRow,
    chart: { kind: "clusteredColumn", title: "各街道脱贫户人均纯收入增幅", categoryColumn: 1, seriesColumns: [7, 8] },
  };
}
